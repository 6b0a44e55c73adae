"""The layers stay apart: the headless core never imports Textual, the engine imports nothing of
the course, and every message the program writes exists in both languages."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from tutor.i18n import MESSAGES


def imported_after(statement: str) -> set[str]:
    code = f"import sys; {statement}; print('\\n'.join(sorted(sys.modules)))"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    return set(done.stdout.split())


def test_headless_core_does_not_import_textual_or_pandas() -> None:
    modules = imported_after(
        "import tutor.cli, tutor.course, tutor.grading, tutor.progress, tutor.sandbox, "
        "tutor.datasets, tutor.engine, tutor.exercises, tutor.lab, tutor.viz.show, "
        "tutor.viz.lessonnet, tutor.viz.steptext"
    )
    assert not {m for m in modules if m.split(".")[0] in {"textual", "pandas", "plotext"}}


@pytest.mark.parametrize("first", ["tutor.exercises", "tutor.course", "tutor.grading", "tutor.lab"])
def test_each_core_module_imports_on_its_own(first: str) -> None:
    assert first in imported_after(f"import {first}")


def test_engine_knows_nothing_of_the_course_or_the_ui() -> None:
    modules = imported_after("import tutor.engine")
    tutor_modules = {m for m in modules if m.startswith("tutor.")}
    assert all(m.startswith("tutor.engine") for m in tutor_modules), tutor_modules


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_message_exists_in_both_languages_with_the_same_placeholders(key: str) -> None:
    text = MESSAGES[key]
    assert text.get("ko") and text.get("en")
    assert set(re.findall(r"{(\w+)}", text["ko"])) == set(re.findall(r"{(\w+)}", text["en"]))
