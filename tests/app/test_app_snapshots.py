"""Snapshots of the screens a learner sees most: the course map, a Korean lesson, and a weights
exercise half-way. Update them with `pytest tests/app --snapshot-update` after a deliberate
change, and look at the SVGs before committing."""

from __future__ import annotations

from typing import Any

from tutor.app.app import TutorApp
from tutor.app.widgets.exercises.panel import ExercisePanel
from tutor.app.widgets.exercises.weights import ParamInput
from tutor.grading import submit
from tutor.progress import ProgressStore


def with_some_progress(store: ProgressStore, course: Any) -> None:
    submit(store, course.exercise("01.year"), "1958")
    submit(store, course.exercise("01.who"), "a")
    store.ui.last_lesson = "01-first"


def test_course_map(snap_compare: Any, store: ProgressStore, course: Any) -> None:
    with_some_progress(store, course)
    app = TutorApp(store, lang="en", course=course)
    assert snap_compare(app, terminal_size=(120, 40))


def test_course_map_in_korean_at_80_columns(
    snap_compare: Any, store: ProgressStore, course: Any
) -> None:
    with_some_progress(store, course)
    app = TutorApp(store, lang="ko", course=course)
    assert snap_compare(app, terminal_size=(80, 24))


def test_korean_lesson(snap_compare: Any, store: ProgressStore, course: Any) -> None:
    app = TutorApp(store, lang="ko", course=course)

    async def open_it(pilot: Any) -> None:
        await app.open_lesson("01-first")
        await pilot.pause()
        await pilot.pause()

    assert snap_compare(app, terminal_size=(120, 40), run_before=open_it)


def test_weights_exercise_half_way(snap_compare: Any, store: ProgressStore, course: Any) -> None:
    app = TutorApp(store, lang="en", course=course)

    async def set_a_bias(pilot: Any) -> None:
        await app.open_lesson("01-first")
        await pilot.pause()
        panel = app.screen.query_one(ExercisePanel)
        panel.show(3, focus=True)
        await pilot.pause()
        await pilot.press("down", "down", "down")  # b: 1 → 0.7, row (0, 0) still wrong
        await pilot.pause()
        assert panel.view(3).query_one(ParamInput).value == "0.7"

    assert snap_compare(app, terminal_size=(120, 40), run_before=set_a_bias)
