"""The course map: statuses, grades, where Enter continues, and unavailable lessons."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import DataTable, Static

from tests.app.conftest import BROKEN_EXERCISES, course_toml, plain
from tests.course.course_fixture import write_course
from tutor.app.screens.lesson import LessonScreen
from tutor.course import load_course
from tutor.grading import submit
from tutor.progress import ProgressStore


def row_text(table: DataTable[Any], key: str) -> str:
    return " ".join(str(cell) for cell in table.get_row(key))


async def test_each_lesson_shows_its_status_and_grade(
    run_app: Any, store: ProgressStore, course: Any
) -> None:
    submit(store, course.exercise("01.year"), "1958")
    async with run_app("en") as (app, _pilot):
        table = app.screen.query_one("#lessons", DataTable)
        assert "in progress" in row_text(table, "01-first")
        assert "1/12 pts" in row_text(table, "01-first")
        assert "not started" in row_text(table, "02-second")
        total = plain(app.screen.query_one("#course-total", Static))
        assert "1/13 points" in total and "1/8 exercises done" in total


async def test_enter_continues_the_first_unfinished_lesson(
    run_app: Any, store: ProgressStore, course: Any
) -> None:
    for exercise in course.lesson("01-first").exercises:
        submit(store, exercise, exercise.solution)
    async with run_app("en") as (app, pilot):
        assert "02. Second lesson" in plain(app.screen.query_one("#continue-line", Static))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LessonScreen)
        assert app.screen.lesson.id == "02-second"


async def test_enter_continues_the_lesson_opened_last(run_app: Any, store: ProgressStore) -> None:
    store.ui.last_lesson = "02-second"
    async with run_app("en") as (app, pilot):
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.lesson.id == "02-second"


async def test_back_on_the_map_enter_continues_the_lesson_just_left(run_app: Any) -> None:
    async with run_app("en") as (app, pilot):
        await app.open_lesson("02-second")  # e.g. through the palette
        await pilot.pause()
        await app.action_course_map()  # back to the map, which now says "Continue: 02"
        await pilot.pause()
        await pilot.pause()
        assert "02. Second lesson" in plain(app.screen.query_one("#continue-line", Static))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LessonScreen)
        assert app.screen.lesson.id == "02-second"


async def test_a_broken_lesson_is_listed_with_its_file_and_line(
    run_app: Any, course_root: Path
) -> None:
    write_course(course_root, BROKEN_EXERCISES, folder="03-broken")
    (course_root / "course.toml").write_text(course_toml([1, 2, 3]), encoding="utf-8")
    course = load_course(course_root)
    async with run_app("en", with_course=course) as (app, pilot):
        table = app.screen.query_one("#lessons", DataTable)
        assert "unavailable" in row_text(table, "03-broken")
        assert "exercises.toml:" in row_text(table, "03-broken")
        table.move_cursor(row=table.get_row_index("03-broken"))
        await pilot.pause()
        detail = plain(app.screen.query_one("#lesson-detail", Static))
        assert "cannot be opened" in detail and "exercises.toml:" in detail
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, LessonScreen)
        assert any("cannot be opened" in n.message for n in app._notifications)


async def test_the_map_refreshes_when_the_learner_comes_back(
    run_app: Any, store: ProgressStore, course: Any
) -> None:
    async with run_app("en") as (app, pilot):
        await pilot.press("enter")
        await pilot.pause()
        submit(store, course.exercise("01.year"), "1958")
        await pilot.press("escape")
        await pilot.pause()
        table = app.screen.query_one("#lessons", DataTable)
        assert "1/12 pts" in row_text(table, "01-first")
