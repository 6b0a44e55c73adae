"""The shipped course: lint passes, and a learner who gives every reference solution through the
command line completes it to 100 % from a fresh TUTOR_HOME."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tutor.cli import main
from tutor.course import load_course


@pytest.fixture(autouse=True)
def shipped_course(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TUTOR_COURSE", raising=False)


def test_tutor_lint_passes_on_the_shipped_lessons(capsys) -> None:
    assert main(["lint"]) == 0, capsys.readouterr().out


def test_every_lesson_has_at_least_five_exercises() -> None:
    course = load_course()
    assert course.lessons
    for lesson in course.lessons:
        assert len(lesson.exercises) >= 5, lesson.id


def test_the_course_can_be_completed_to_100_percent(capsys, tmp_path: Path) -> None:
    course = load_course()
    for exercise in course.exercises():
        if exercise.kind == "code":
            path = tmp_path / f"{exercise.id}.py"
            path.write_text(exercise.solution, encoding="utf-8")
            code = main(["check", exercise.id, "--file", str(path)])
        else:
            code = main(["check", exercise.id, "--answer", exercise.solution])
        assert code == 0, f"{exercise.id}: {capsys.readouterr().out}"
    output = tmp_path / "grades.json"
    assert main(["progress", "--format", "json", "--output", str(output)]) == 0
    rows = json.loads(output.read_text(encoding="utf-8"))
    total = next(row for row in rows if row["level"] == "course")
    assert total["percent"] == 100.0 and total["status"] == "passed"


def test_every_lesson_of_parts_one_and_two_asks_for_a_prediction_before_a_run() -> None:
    course = load_course()
    early = [lesson for lesson in course.lessons if lesson.part in (1, 2)]
    assert len(early) >= 10  # 01-11, with the autograd lesson
    for lesson in early:
        kinds = [exercise.kind for exercise in lesson.exercises]
        assert "predict" in kinds, lesson.id
        assert len(kinds) >= 5, lesson.id
