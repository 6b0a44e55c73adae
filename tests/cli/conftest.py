"""A two-lesson course (questions, then code), a learner home and a workspace, all temporary."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.course.course_fixture import write_course

CODE_LESSON = '''
[lesson]
title = { ko = "코드 레슨", en = "Code lesson" }
summary = { ko = "요약", en = "Summary" }

[[exercise]]
id = "double"
kind = "code"
title = { ko = "두 배", en = "Double it" }
prompt = { ko = "double(x)를 완성하세요.", en = "Complete double(x)." }
hints = [{ ko = "2 * x", en = "2 * x" }]
function = "double"
starter = """
def double(x):
    raise NotImplementedError
"""
cases = ["np.array([1.0, 2.0, 3.0])", "np.arange(8.0)"]
solution = """
def double(x):
    return 2 * x
"""
explanation = { ko = "칸마다 두 배입니다.", en = "Each entry times two." }

[[exercise]]
id = "square"
kind = "code"
title = { ko = "제곱", en = "Square it" }
prompt = { ko = "square(x)를 완성하세요.", en = "Complete square(x)." }
hints = [{ ko = "x * x", en = "x * x" }]
function = "square"
starter = """
def square(x):
    raise NotImplementedError
"""
cases = ["np.array([1.0, 2.0, 3.0])"]
solution = """
def square(x):
    return x * x
"""
'''

DOUBLE = "def double(x):\n    return 2 * x\n"


@pytest.fixture
def course_root(tmp_path: Path) -> Path:
    root = write_course(tmp_path / "course")
    return write_course(root, CODE_LESSON, folder="02-code")


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    return tmp_path / "workspace"


@pytest.fixture(autouse=True)
def learner(
    tmp_path: Path, course_root: Path, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """The learner's environment: their home, this course, their workspace, English, no editor."""
    home = tmp_path / "home"
    monkeypatch.setenv("TUTOR_HOME", str(home))
    monkeypatch.setenv("TUTOR_COURSE", str(course_root))
    monkeypatch.setenv("TUTOR_WORKSPACE", str(workspace))
    monkeypatch.setenv("TUTOR_LANG", "en")
    for variable in ("VISUAL", "EDITOR"):
        monkeypatch.delenv(variable, raising=False)
    return home


def fake_editor(folder: Path, body: str) -> str:
    """A shell script standing in for the learner's editor; `body` gets the file as "$1"."""
    script = folder / "fake-editor"
    script.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    script.chmod(0o755)
    return str(script)
