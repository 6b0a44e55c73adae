"""A two-exercise course (one numeric, one code), a learner home, and bundles written for it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.course.course_fixture import write_course

EXERCISES = '''
[lesson]
title = { ko = "반", en = "Class" }
summary = { ko = "반", en = "Class" }

[[exercise]]
id = "year"
kind = "numeric"
points = 2
prompt = { ko = "연도", en = "year" }
hints = [{ ko = "1958", en = "1958" }]
solution = "1958"
answer = 1958

[[exercise]]
id = "double"
kind = "code"
points = 3
prompt = { ko = "두 배", en = "double" }
hints = [{ ko = "2", en = "2" }]
function = "double"
cases = ["1.0", "np.arange(3.0)"]
timeout_s = 2
solution = """
def double(x):
    return 2 * x
"""
'''

HONEST = "def double(x):\n    return x * 2\n"


@pytest.fixture
def course_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = write_course(tmp_path / "course", EXERCISES)
    monkeypatch.setenv("TUTOR_COURSE", str(root))
    return root


@pytest.fixture(autouse=True)
def learner_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("TUTOR_HOME", str(home))
    monkeypatch.setenv("TUTOR_LANG", "en")
    return home
