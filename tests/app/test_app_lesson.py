"""The lesson screen: text and exercises side by side or stacked, lesson keys, and what it
remembers (reading position, open exercise, last lesson)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Markdown, MarkdownViewer

from tests.app.conftest import open_lesson, until
from tests.course.course_fixture import EXERCISES_TOML, write_course
from tutor.app.screens.course_map import CourseMapScreen
from tutor.app.screens.lesson import LessonScreen
from tutor.app.widgets.exercises.panel import ExercisePanel
from tutor.course import load_course
from tutor.progress import ProgressStore


def document_text(screen: LessonScreen) -> str:
    return screen.query_one("#reader", MarkdownViewer).document.source


async def test_a_lesson_shows_its_text_in_the_learners_language(run_app: Any) -> None:
    async with run_app("ko") as (_app, pilot):
        screen = await open_lesson(pilot)
        await pilot.pause()
        assert "# 첫 레슨" in document_text(screen)
        await pilot.press("ctrl+l")
        await pilot.pause()
        await pilot.pause()
        assert "# First lesson" in document_text(screen)


async def test_ctrl_n_and_ctrl_b_move_between_lessons(run_app: Any) -> None:
    async with run_app("en") as (app, pilot):
        await open_lesson(pilot)
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert app.screen.lesson.id == "02-second"
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert any("last lesson" in n.message for n in app._notifications)
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert app.screen.lesson.id == "01-first"
        assert len(app.screen_stack) == 2  # map + one lesson, never a pile of lessons


async def test_escape_goes_back_to_the_course_map(run_app: Any) -> None:
    async with run_app("en") as (app, pilot):
        await open_lesson(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CourseMapScreen)


async def test_opening_a_lesson_remembers_it_as_the_last_one(
    run_app: Any, store: ProgressStore
) -> None:
    async with run_app("en") as (_app, pilot):
        await open_lesson(pilot, "02-second")
    assert store.ui.last_lesson == "02-second"


async def test_the_reading_position_comes_back(
    run_app: Any, store: ProgressStore, tmp_path: Path
) -> None:
    long_text = "\n\n".join(f"## Part {n}\n\n" + "A line of text. " * 30 for n in range(40))
    root = write_course(tmp_path / "long", EXERCISES_TOML, md={"ko": long_text, "en": long_text})
    course = load_course(root)
    async with run_app("en", with_course=course) as (_app, pilot):
        screen = await open_lesson(pilot)
        await pilot.pause()
        reader = screen.query_one("#reader", MarkdownViewer)
        reader.scroll_to(y=60, animate=False, immediate=True)
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert store.ui.reading_position("01-first") == 60
        screen = await open_lesson(pilot)
        await pilot.pause()
        await pilot.pause()
        assert screen.query_one("#reader", MarkdownViewer).scroll_y == 60


async def test_the_open_exercise_comes_back(run_app: Any, store: ProgressStore) -> None:
    async with run_app("en") as (_app, pilot):
        screen = await open_lesson(pilot)
        await pilot.press("ctrl+down", "ctrl+down")
        await pilot.pause()
        assert screen.query_one(ExercisePanel).current == 2
        await pilot.press("escape")
        await pilot.pause()
        screen = await open_lesson(pilot)
        assert screen.query_one(ExercisePanel).current == 2
    assert store.ui.open_exercise == "01.term"


async def test_exercises_sit_beside_the_text_when_wide(run_app: Any) -> None:
    async with run_app("en", size=(120, 40)) as (_app, pilot):
        screen = await open_lesson(pilot)
        reader, panel = screen.query_one("#reader"), screen.query_one(ExercisePanel)
        assert panel.region.x >= reader.region.right
        assert panel.region.y == reader.region.y


async def test_exercises_sit_below_the_text_at_80_columns(run_app: Any) -> None:
    async with run_app("en", size=(80, 24)) as (_app, pilot):
        screen = await open_lesson(pilot)
        reader, panel = screen.query_one("#reader"), screen.query_one(ExercisePanel)
        assert panel.region.y >= reader.region.bottom
        assert panel.region.width >= 78


async def test_f3_gives_the_whole_screen_to_the_text_then_to_the_exercises(run_app: Any) -> None:
    async with run_app("en", size=(80, 24)) as (_app, pilot):
        screen = await open_lesson(pilot)
        reader, panel = screen.query_one("#reader"), screen.query_one(ExercisePanel)
        await pilot.press("f3")
        await pilot.pause()
        assert reader.display and not panel.display
        await pilot.press("f3")
        await pilot.pause()
        assert panel.display and not reader.display
        await pilot.press("f3")
        await pilot.pause()
        assert panel.display and reader.display


async def test_f2_toggles_the_table_of_contents(run_app: Any) -> None:
    async with run_app("en") as (_app, pilot):
        screen = await open_lesson(pilot)
        reader = screen.query_one("#reader", MarkdownViewer)
        before = reader.show_table_of_contents
        screen.query_one(Markdown).focus()
        await pilot.press("f2")
        await pilot.pause()
        assert reader.show_table_of_contents is not before


async def test_quick_exercise_switches_settle_on_the_last_one(
    run_app: Any, store: ProgressStore
) -> None:
    store.ui.open_exercise = "01.who"
    async with run_app("en") as (_app, pilot):
        screen = await open_lesson(pilot)
        panel = screen.query_one(ExercisePanel)
        panel.show(4)
        panel.show(0)
        for _ in range(3):
            await pilot.pause()
        assert panel.current == 0
        assert screen.query_one("#exercise-tabs").active == "tab-1"


async def test_contents_beside_exercises_would_squeeze_the_text_so_it_takes_the_width(
    run_app: Any,
) -> None:
    async with run_app("en", size=(120, 40)) as (_app, pilot):
        screen = await open_lesson(pilot)
        panel = screen.query_one(ExercisePanel)
        await pilot.press("f2")
        await pilot.pause()
        assert screen.query_one("#reader", MarkdownViewer).show_table_of_contents
        assert not panel.display
        await pilot.press("f2")
        await pilot.pause()
        assert panel.display


@pytest.mark.parametrize("key", ["enter", "ctrl+b"])
async def test_keys_pressed_while_a_lesson_opens_are_not_lost(run_app: Any, key: str) -> None:
    """Enter on the course map (or Ctrl+B from lesson 2), then Ctrl+Down twice at once, as a
    terminal sends them: the lesson opens on the exercise two after its first."""
    async with run_app("en") as (app, pilot):
        if key == "ctrl+b":
            await open_lesson(pilot, "02-second")
        before = app.screen
        for pressed in (key, "ctrl+down", "ctrl+down"):
            app.simulate_key(pressed)  # no waiting in between
        await until(
            lambda: (
                app.screen is not before
                and isinstance(app.screen, LessonScreen)
                and app.screen.query_one(ExercisePanel).current is not None
            ),
            "the lesson to open",
        )
        await pilot.pause()
        panel = app.screen.query_one(ExercisePanel)
        assert app.screen.lesson.id == "01-first"
        assert panel.first_shown is not None
        assert panel.current == (panel.first_shown + 2) % len(panel.exercises)
