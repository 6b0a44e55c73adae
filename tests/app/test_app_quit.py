"""Quitting while code runs in the sandbox or a model trains: the app leaves at once, the run
stops, and no attempt the learner never saw is recorded."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Select

from tests.app.conftest import show_exercise
from tests.course.course_fixture import EXERCISES_TOML, write_course
from tutor.app import workers
from tutor.app.widgets.exercises.code import CodeEditor
from tutor.course import load_course
from tutor.progress import ProgressStore

LONG_TRAINING = """
[[exercise]]
id = "long"
kind = "experiment"
prompt = { ko = "오래", en = "Long" }
hints = [{ ko = "기다림", en = "Wait" }]
solution = "epochs=100000"
dataset = "and"
seed = 1
budget_s = 120
counterexample = ["epochs=1"]
[exercise.form]
epochs = [1, 100000]
[exercise.defaults]
hidden_layers = 0
optimizer = "sgd"
epochs = 100000
learning_rate = 0.1
batch_size = 1
[exercise.goal]
metric = "accuracy"
on = "train"
at_least = 1.0
"""


async def wait_until(condition: Any, pilot: Any, tries: int = 200) -> None:
    for _ in range(tries):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError("the condition never came true")


def sandbox_children() -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
                command = (entry / "cmdline").read_bytes()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == os.getpid() and b"runner" in command:
                found.append(int(entry.name))
    return found


async def test_quitting_during_training_stops_it_and_records_nothing(
    run_app: Any, store: ProgressStore, tmp_path: Path
) -> None:
    course = load_course(write_course(tmp_path / "long", EXERCISES_TOML + LONG_TRAINING))
    async with run_app("en", with_course=course) as (_app, pilot):
        view = await show_exercise(pilot, "long")
        assert view.query_one("#field-0", Select).value == "100000"
        view.action_check()
        await wait_until(lambda: getattr(view, "last_progress", None) is not None, pilot)
        await pilot.press("ctrl+q")
    seen = len(view.live.losses)
    await asyncio.sleep(0.5)
    assert len(view.live.losses) == seen < 100000  # the run stopped when the app left
    assert store.attempts(exercise_id="01.long") == []


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="finding the sandbox child needs /proc")
async def test_quitting_during_a_sandbox_run_stops_the_child_and_records_nothing(
    run_app: Any, store: ProgressStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    stopped: list[int] = []
    real_stop = workers.stop_sandbox_children
    monkeypatch.setattr(workers, "stop_sandbox_children", lambda: stopped.append(real_stop()) or 0)
    async with run_app("en") as (_app, pilot):
        view = await show_exercise(pilot, "double")
        view.query_one(CodeEditor).load_text("def double(x):\n    while True:\n        pass\n")
        view.action_check()
        await wait_until(lambda: bool(sandbox_children()), pilot)
        await pilot.press("ctrl+q")
    assert stopped == [1]
    for _ in range(100):
        if not sandbox_children():
            break
        await asyncio.sleep(0.05)
    assert sandbox_children() == []
    await asyncio.sleep(0.3)
    assert store.attempts(exercise_id="01.double") == []
