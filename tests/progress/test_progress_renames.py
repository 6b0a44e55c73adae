"""Progress follows the course when lessons are renumbered or exercises renamed."""

from __future__ import annotations

import json

import pytest

from tutor.cli import main
from tutor.course import load_course
from tutor.course.renames import Rename, parse_renames
from tutor.progress import open_store

SECOND_EDITION = "2026-12 second edition: autograd inserted after lesson 09"


@pytest.fixture
def first_edition_home(tmp_path, monkeypatch):
    """A learner's progress file written before lesson 10 (autograd) was inserted."""
    home = tmp_path / "home"
    monkeypatch.setenv("TUTOR_HOME", str(home))
    with open_store() as store:  # no renames: exactly what the first edition wrote
        store.record_attempt("09.chain-by-hand", "09-backpropagation", "0.75", "passed", 2, 2)
        store.record_attempt("10.momentum-step", "10-optimizers", "x", "failed", 0, 2)
        store.record_attempt("10.momentum-step", "10-optimizers", "y", "passed", 2, 2)
        store.record_attempt("11.compile-recipe", "11-keras-workflow", "adam", "passed", 1, 1)
        store.record_attempt("16.boundary", "16-playground", "b", "passed", 1, 1)
        store.record_event("15.mnist-experiment", "15-mnist", "hint", 1)
        store.ui.set_reading_position("13-diabetes", 7)
    return home


def test_the_shipped_course_records_the_renumbering():
    course = load_course()
    assert [r.name for r in course.renames] == [SECOND_EDITION]
    assert not course.problems


def test_a_first_edition_database_keeps_every_attempt_in_its_new_place(first_edition_home):
    with open_store(renames=load_course().renames) as store:
        moved = {(a.exercise_id, a.lesson_id, a.answer) for a in store.attempts()}
        events = {(e.exercise_id, e.lesson_id) for e in store.events()}
        position = store.ui.reading_position("14-diabetes")
    assert moved == {
        ("09.chain-by-hand", "09-backpropagation", "0.75"),
        ("11.momentum-step", "11-optimizers", "x"),
        ("11.momentum-step", "11-optimizers", "y"),
        ("12.compile-recipe", "12-keras-workflow", "adam"),
        ("17.boundary", "17-playground", "b"),
    }
    assert events == {("16.mnist-experiment", "16-mnist")}
    assert position == 7


def test_a_rename_is_applied_once_however_often_the_file_is_opened(first_edition_home):
    renames = load_course().renames
    for _ in range(3):
        with open_store(renames=renames) as store:
            ids = sorted(a.exercise_id for a in store.attempts())
    assert ids == [
        "09.chain-by-hand",
        "11.momentum-step",
        "11.momentum-step",
        "12.compile-recipe",
        "17.boundary",
    ]


def test_the_cli_shows_first_edition_progress_under_the_new_ids(first_edition_home, capsys):
    assert main(["--lang", "en", "progress", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    status = {row["exercise"]: row["status"] for row in rows if row["level"] == "exercise"}
    assert status["11.momentum-step"] == "passed"
    assert status["09.chain-by-hand"] == "passed"
    assert "10.momentum-step" not in status


def test_an_exercise_renamed_into_another_lesson_moves_with_its_lesson():
    rename = Rename("x", {"03-old": "04-new"}, {"01.recall": "02.doing"})
    assert rename.new_exercise_id("03.item") == "04.item"
    assert rename.new_exercise_id("01.recall") == "02.doing"
    assert rename.new_lesson_id("03-old", "04.item") == "04-new"
    assert rename.new_exercise_id("05.other") == "05.other"


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ([{"lessons": {}}], "needs a `name`"),
        ([{"name": "a"}, {"name": "a"}], "listed twice"),
        ([{"name": "a", "lessons": {"10": "11-x"}}], "must look like"),
        ([{"name": "a", "exercises": {"01.a": 3}}], "must look like"),
        ([{"name": "a", "colour": 1}], "unknown keys"),
        ({"name": "a"}, "must be a list"),
    ],
)
def test_a_broken_rename_table_is_a_clear_problem(raw, message):
    _renames, problems = parse_renames(raw)
    assert any(message in text for _number, text in problems)
