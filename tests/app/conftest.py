"""Fixtures for the app's Pilot and snapshot tests.

Every test runs with its own learner home (TUTOR_HOME) and HOME, so progress and exports land in
a temporary folder, and with a small course that has one exercise of every kind (TUTOR_COURSE),
so training and sandbox runs stay tiny. Cursors do not blink, so snapshots are stable.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from tests.course.course_fixture import EXERCISES_TOML, write_course
from tutor.app.app import TutorApp
from tutor.course import Course, load_course
from tutor.progress import ProgressStore, open_store

SIZE = (120, 40)

# The shared fixture course (numeric, choice, text, weights) plus a code and an experiment
# exercise small enough to check in a fraction of a second.
MORE_EXERCISES = '''
[[exercise]]
id = "gates"
kind = "choice"
points = 1
title = { ko = "선형 게이트", en = "Linear gates" }
prompt = { ko = "뉴런 하나로 되는 것을 모두 고르세요.", en = "Pick every gate a neuron computes." }
hints = [{ ko = "XOR만 안 됩니다", en = "Only XOR fails" }]
solution = "a, b"
options = [
  { id = "a", ko = "AND", en = "AND" },
  { id = "b", ko = "OR", en = "OR" },
  { id = "c", ko = "XOR", en = "XOR" },
]
correct = ["a", "b"]
[[exercise]]
id = "double"
kind = "code"
points = 3
title = { ko = "두 배", en = "Twice" }
prompt = { ko = "`double(x)`는 x의 두 배를 돌려줍니다.", en = "`double(x)` returns twice x." }
hints = [{ ko = "x * 2", en = "x * 2" }, { ko = "return x * 2", en = "return x * 2" }]
function = "double"
starter = """
def double(x):
    raise NotImplementedError
"""
cases = ["1.0", "np.array([1.0, -2.0])"]
timeout_s = 3
solution = """
def double(x):
    return x * 2
"""
solution_after = 1

[[exercise]]
id = "and-gate"
kind = "experiment"
points = 2
title = { ko = "AND 게이트", en = "An AND gate" }
prompt = { ko = "AND를 배우게 하세요.", en = "Make it learn AND." }
hints = [{ ko = "더 오래", en = "Train longer" }]
solution = "epochs=200 learning_rate=0.5"
dataset = "and"
loss = "binary_crossentropy"
seed = 1
budget_s = 20
counterexample = ["epochs=1"]
[exercise.form]
epochs = [1, 200]
learning_rate = { min = 0.001, max = 1.0 }
[exercise.defaults]
hidden_layers = 0
optimizer = "sgd"
epochs = 1
learning_rate = 0.5
batch_size = 4
[exercise.goal]
metric = "accuracy"
on = "train"
at_least = 1.0
'''

BROKEN_EXERCISES = """
[lesson]
title = { ko = "고장 난 레슨", en = "A broken lesson" }
summary = { ko = "요약", en = "Summary" }

[[exercise]]
id = "oops"
kind = "numeric"
prompt = { ko = "?", en = "?" }
"""


def course_toml(lessons: list[int]) -> str:
    return (
        'title = { ko = "시험 과정", en = "Test course" }\n\n[[part]]\n'
        f'title = {{ ko = "1부", en = "Part 1" }}\nlessons = {lessons}\n'
    )


@pytest.fixture(autouse=True)
def learner_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("TUTOR_HOME", str(home / "tutor"))
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("TUTOR_BENCH_PAINTED", raising=False)
    return home


@pytest.fixture(autouse=True)
def no_cursor_blink(monkeypatch: pytest.MonkeyPatch) -> None:
    """A blinking cursor makes snapshots flaky (harlequin freezes it the same way)."""
    from textual.widgets import Input, TextArea

    monkeypatch.setattr(Input, "cursor_blink", False)
    monkeypatch.setattr(TextArea, "cursor_blink", False)


@pytest.fixture
def course_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A two-lesson course: lesson 1 has every kind of exercise, lesson 2 a single numeric one."""
    root = write_course(tmp_path / "course", EXERCISES_TOML + MORE_EXERCISES)
    write_course(
        root,
        EXERCISES_TOML.split("[[exercise]]")[0]
        .replace("첫 레슨", "둘째 레슨")
        .replace("First lesson", "Second lesson")
        + "[[exercise]]"
        + EXERCISES_TOML.split("[[exercise]]")[1],
        folder="02-second",
    )
    (root / "course.toml").write_text(course_toml([1, 2]), encoding="utf-8")
    monkeypatch.setenv("TUTOR_COURSE", str(root))
    return root


@pytest.fixture
def course(course_root: Path) -> Course:
    return load_course(course_root)


@pytest.fixture
def store(learner_home: Path) -> ProgressStore:
    """The learner's store, past the welcome (tests of the welcome use `fresh_store`)."""
    with open_store() as store:
        store.ui.welcome_shown = True
        yield store


@pytest.fixture
def fresh_store(learner_home: Path) -> ProgressStore:
    with open_store() as store:
        yield store


AppRunner = Callable[..., Any]


@pytest.fixture
def run_app(store: ProgressStore, course: Course) -> AppRunner:
    """`async with run_app(lang="en") as (app, pilot):` a running app at 120×40."""

    @asynccontextmanager
    async def running(
        lang: str = "en",
        *,
        size: tuple[int, int] = SIZE,
        with_course: Course | None = course,
        using: ProgressStore = store,
    ) -> AsyncIterator[tuple[TutorApp, Pilot[Any]]]:
        app = TutorApp(using, lang=lang, course=with_course)
        app.animation_level = "none"  # no tab-underline or scroll animations to wait for
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            yield app, pilot
            assert app.errors_reported == []

    return running


@pytest.fixture
def run_screen(run_app: AppRunner) -> AppRunner:
    """`async with run_screen(LabScreen(), lang="ko") as (app, pilot, screen):` the real app with
    `screen` pushed on top of the course map."""

    @asynccontextmanager
    async def running(
        screen: Any, lang: str = "ko", *, size: tuple[int, int] = SIZE
    ) -> AsyncIterator[tuple[TutorApp, Pilot[Any], Any]]:
        async with run_app(lang, size=size) as (app, pilot):
            await app.push_screen(screen)
            await pilot.pause()
            yield app, pilot, screen

    return running


async def until(condition: Callable[[], bool], what: str, limit: float = 60.0) -> None:
    """Wait until `condition()` without `pilot.pause`, which stalls while a thread trains."""
    import asyncio
    import time

    deadline = time.monotonic() + limit
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for: {what}")
        await asyncio.sleep(0.02)


def plain(widget: Any, width: int = 200) -> str:
    """The text a Static shows, whether it holds a string, Content or a Rich renderable."""
    import io

    from rich.console import Console
    from textual.content import Content

    content = widget.content
    if isinstance(content, str):
        return content
    if isinstance(content, Content):
        return content.plain
    console = Console(width=width, file=io.StringIO(), record=True, color_system=None)
    console.print(content)
    return console.export_text()


async def settle(pilot: Pilot[Any]) -> None:
    """Wait until every worker (checks, exports) has finished and its messages are handled."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


async def open_lesson(pilot: Pilot[Any], lesson_id: str = "01-first") -> Any:
    app: TutorApp = pilot.app  # type: ignore[assignment]
    await app.open_lesson(lesson_id)
    await pilot.pause()
    return app.screen


async def show_exercise(pilot: Pilot[Any], local_id: str) -> Any:
    """Open lesson 1 on the exercise `local_id` and return its view."""
    from tutor.app.widgets.exercises.panel import ExercisePanel

    screen = await open_lesson(pilot)
    panel = screen.query_one(ExercisePanel)
    index = [ex.local_id for ex in panel.exercises].index(local_id)
    panel.show(index, focus=True)
    await pilot.pause()
    return panel.view(index)
