"""The predict view: the run stays hidden until the learner commits, then shows its lines and its
pictures (played in time for the perceptron), in the learner's language."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input

from tests.app.conftest import course_toml, plain, settle, show_exercise, until
from tests.course.course_fixture import write_course
from tutor.app.widgets.boundary import DecisionBoundary
from tutor.app.widgets.exercises.choice import ChoiceList
from tutor.app.widgets.exercises.predict import FrameView, RunView
from tutor.progress import ProgressStore

PREDICT_LESSON = """
[lesson]
title = { ko = "예측", en = "Predict" }
summary = { ko = "요약", en = "Summary" }

[[exercise]]
id = "passes"
kind = "predict"
prompt = { ko = "몇 바퀴?", en = "How many passes?" }
hints = [{ ko = "힌트", en = "Hint" }]
solution = "2"
run = "perceptron"
params = { targets = [0, 0, 0, 1], w = [0.2, 0.3], t = 1.0, alpha = 0.1 }
measure = "passes"
answer = 2
abs_tol = 0

[[exercise]]
id = "nets"
kind = "predict"
prompt = { ko = "어느 것이 못 풀까?", en = "Which fail?" }
hints = [{ ko = "힌트", en = "Hint" }]
solution = "unit"
run = "gate-nets"
params = { nets = ["unit", "tanh"] }
measure = "unsolved"
options = [
  { id = "unit", ko = "선형 유닛", en = "linear unit" },
  { id = "tanh", ko = "tanh 은닉층", en = "tanh hidden layer" },
]
correct = ["unit"]
"""


@pytest.fixture
def course_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = write_course(tmp_path / "course", PREDICT_LESSON)
    (root / "course.toml").write_text(course_toml([1]), encoding="utf-8")
    monkeypatch.setenv("TUTOR_COURSE", str(root))
    return root


async def test_the_run_is_hidden_until_a_prediction_is_committed(
    run_app: Any, store: ProgressStore
) -> None:
    async with run_app("en") as (_app, pilot):
        view = await show_exercise(pilot, "passes")
        assert not view.query(RunView)
        await pilot.press("5")  # typed but not committed: still nothing
        await pilot.pause()
        assert not view.query(RunView)
        await pilot.press("enter")
        await settle(pilot)
        await until(lambda: bool(view.query(RunView)), "the run to appear")
        run = view.query_one(RunView)
        assert "every row right after 2 passes" in plain(run.query_one(".run-lines"))
        assert len(run.query(FrameView)) == 1  # one picture, played frame by frame
    assert not store.exercise_progress("01.passes").passed


async def test_an_unreadable_number_does_not_reveal_the_run(run_app: Any) -> None:
    async with run_app("en") as (_app, pilot):
        view = await show_exercise(pilot, "passes")
        view.query_one(".ex-answer", Input).value = "two"
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert not view.query(RunView)


async def test_the_played_run_steps_with_brackets_and_marks_the_table(run_app: Any) -> None:
    async with run_app("en") as (_app, pilot):
        view = await show_exercise(pilot, "passes")
        await pilot.press("2", "enter")
        await settle(pilot)
        await until(lambda: bool(view.query(RunView)), "the run to appear")
        run = view.query_one(RunView)
        run.stop()
        view.action_frame(-10)
        await pilot.pause()
        assert run.index == 0 and "start: w = (0.2, 0.3)" in plain(run.query_one(".run-table"))
        view.action_frame(+10)
        await pilot.pause()
        table = plain(run.query_one(".run-table"))
        assert run.index == len(run.run.frames) - 1 and "✗" not in table and "4/4 right" in table
        total = len(run.run.frames)
        assert f"picture {total}/{total}" in plain(run.query_one(".run-legend"))  # not stale


async def test_an_outcome_run_draws_every_network_and_follows_the_language(
    run_app: Any, store: ProgressStore
) -> None:
    async with run_app("en") as (app, pilot):
        view = await show_exercise(pilot, "nets")
        view.query_one(ChoiceList).toggle(0)
        await pilot.press("ctrl+r")
        await settle(pilot)
        await until(lambda: bool(view.query(RunView)), "the run to appear")
        run = view.query_one(RunView)
        assert len(run.query(DecisionBoundary)) == 2
        captions = [plain(frame.query_one(".frame-caption")) for frame in run.query(FrameView)]
        assert captions[0].startswith("one linear unit") and "accuracy 1.00" in captions[1]
        app.lang = "ko"
        await pilot.pause()
        assert plain(run.query_one(".run-header")) == "실행해 보면:"
        assert plain(run.query(FrameView).first().query_one(".frame-caption")).startswith(
            "선형 유닛 하나"
        )
    assert store.exercise_progress("01.nets").passed


async def test_a_prediction_answered_before_shows_its_run_when_opened_again(
    run_app: Any, store: ProgressStore
) -> None:
    store.record_attempt("01.passes", "01-first", "3", "failed", 0.0, 1.0)
    async with run_app("en") as (_app, pilot):
        view = await show_exercise(pilot, "passes")
        await until(lambda: bool(view.query(RunView)), "the earned run to appear")
        assert view.query_one(".ex-answer", Input).value == "3"
