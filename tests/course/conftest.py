"""Fixtures: a tiny course in a temporary folder, and a learner home for progress."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.course.course_fixture import write_course


@pytest.fixture
def course_root(tmp_path: Path) -> Path:
    return write_course(tmp_path / "course")


@pytest.fixture(autouse=True)
def learner_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("TUTOR_HOME", str(home))
    monkeypatch.setenv("TUTOR_LANG", "en")
    return home
