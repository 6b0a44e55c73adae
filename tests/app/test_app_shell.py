"""The shell: start-up, the welcome, the language switch, help, the command palette, and what
happens when something inside goes wrong."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable, Footer, Static

from tests.app.conftest import plain, settle
from tutor.app.app import TutorApp
from tutor.app.screens.course_map import CourseMapScreen, WelcomeScreen
from tutor.app.screens.gradebook import GradebookScreen
from tutor.app.screens.help import HelpScreen
from tutor.app.screens.lesson import LessonScreen
from tutor.progress import ProgressStore


async def test_the_course_loads_in_the_background_after_the_first_paint(
    store: ProgressStore, course_root: Path
) -> None:
    app = TutorApp(store, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        assert app.course is None or app.course.root == course_root
        await settle(pilot)
        assert app.course is not None and app.course.root == course_root
        table = app.screen.query_one("#lessons", DataTable)
        assert table.get_row_index("01-first") >= 0
        # the table and the footer, mounted after the first frame, work as if composed
        assert app.screen.focused is table
        assert app.screen.query(Footer)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, LessonScreen)


async def test_the_welcome_shows_on_the_first_start_only(
    fresh_store: ProgressStore, course: Any
) -> None:
    app = TutorApp(fresh_store, lang="ko", course=course)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CourseMapScreen)
    assert fresh_store.ui.welcome_shown
    again = TutorApp(fresh_store, lang="ko", course=course)
    async with again.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, CourseMapScreen)


async def test_ctrl_l_switches_the_language_and_remembers_it(
    run_app: Any, store: ProgressStore
) -> None:
    async with run_app("ko") as (app, pilot):
        total = app.screen.query_one("#course-total", Static)
        assert "과정 전체" in plain(total)
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert app.lang == "en"
        assert "Whole course" in plain(total)
    assert store.ui.language == "en"


async def test_the_footer_speaks_the_learners_language(run_app: Any) -> None:
    async with run_app("ko") as (app, pilot):
        descriptions = {b.binding.description for b in app.screen.active_bindings.values()}
        assert "성적표" in descriptions
        await pilot.press("ctrl+l")
        await pilot.pause()
        descriptions = {b.binding.description for b in app.screen.active_bindings.values()}
        assert "Grades" in descriptions and "성적표" not in descriptions


async def test_f1_lists_every_key_of_every_screen(run_app: Any) -> None:
    async with run_app("en") as (app, pilot):
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        shown = plain(app.screen.query_one("#help-text", Static))
        for words in ("Ctrl+L", "Ctrl+R", "Ctrl+T", "Ctrl+O", "Ctrl+N", "Ctrl+B", "Ctrl+P", "F5"):
            assert words in shown
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CourseMapScreen)


async def test_the_command_palette_jumps_to_a_lesson(run_app: Any) -> None:
    async with run_app("en") as (app, pilot):
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"second lesson")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, LessonScreen)
        assert app.screen.lesson.id == "02-second"


async def test_the_palette_offers_every_screen_and_every_lesson_in_korean(run_app: Any) -> None:
    from tutor.app.commands import commands

    async with run_app("ko") as (app, _pilot):
        texts = [text for text, _help, _run in commands(app)]
    assert "열기: 성적표" in texts and "열기: 도움말" in texts and "열기: 학습 실험실" in texts
    assert "레슨으로 이동: 01. 첫 레슨" in texts and "레슨으로 이동: 02. 둘째 레슨" in texts


async def test_ctrl_g_opens_the_gradebook_and_escape_closes_it(run_app: Any) -> None:
    async with run_app("en") as (app, pilot):
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert isinstance(app.screen, GradebookScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CourseMapScreen)


async def test_lab_and_playground_open_or_say_they_are_not_there_yet(run_app: Any) -> None:
    import importlib.util

    async with run_app("en") as (app, pilot):
        for key, module in (("t", "lab"), ("p", "playground")):
            await pilot.press(key)
            await pilot.pause()
            if importlib.util.find_spec(f"tutor.app.screens.{module}") is None:
                assert any("not available yet" in n.message for n in app._notifications)
            else:
                assert type(app.screen).__name__.lower().startswith(module)
                app.pop_screen()
                await pilot.pause()


async def test_an_error_in_a_handler_is_logged_and_the_app_carries_on(
    run_app: Any, learner_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(self: Any) -> None:
        raise RuntimeError("a bug of ours")

    monkeypatch.setattr(CourseMapScreen, "action_continue", broken)
    async with run_app("en") as (app, pilot):
        await pilot.press("c")
        await pilot.pause()
        assert [type(error) for _context, error in app.errors_reported] == [RuntimeError]
        app.errors_reported.clear()
        apology = [n.message for n in app._notifications if "Sorry" in n.message]
        log = learner_home / "tutor" / "tutor.log"
        assert apology and str(log) in apology[0]
        assert "a bug of ours" in log.read_text(encoding="utf-8")
        await pilot.press("ctrl+g")  # still alive and answering keys
        await pilot.pause()
        assert isinstance(app.screen, GradebookScreen)


def test_run_app_says_in_one_line_when_the_progress_file_cannot_be_opened(
    learner_home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from tutor.app import run_app

    blocker = learner_home / "not-a-folder"
    blocker.write_text("a file where the tutor home should be", encoding="utf-8")
    monkeypatch.setenv("TUTOR_HOME", str(blocker))
    assert run_app("en") == 2
    err = capsys.readouterr().err
    assert err.startswith(f"tutor: {blocker} is a file, not a folder") and err.count("\n") == 1


async def test_a_damaged_progress_file_is_announced_once_the_app_starts(
    learner_home: Path, course: Any
) -> None:
    from tutor.progress import open_store

    home = learner_home / "tutor"
    home.mkdir(parents=True, exist_ok=True)
    (home / "progress.sqlite3").write_bytes(b"this is not a database" * 100)
    with open_store() as damaged:
        assert damaged.notice
        damaged.ui.welcome_shown = True
        app = TutorApp(damaged, lang="en", course=course)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            assert any(damaged.notice["en"] == n.message for n in app._notifications)


def test_importing_the_app_package_does_not_load_textual() -> None:
    import subprocess
    import sys

    code = "import sys, tutor.app; print('textual' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


async def test_the_chosen_theme_is_remembered(run_app: Any, store: ProgressStore) -> None:
    async with run_app("en") as (app, pilot):
        app.theme = "textual-light"
        await pilot.pause()
    async with run_app("en") as (app, _pilot):
        assert app.theme == "textual-light"


def test_an_explicit_language_wins_over_the_remembered_one(monkeypatch: pytest.MonkeyPatch) -> None:
    from tutor.app import chosen_language

    monkeypatch.setenv("TUTOR_LANG", "ko")
    assert chosen_language("en", "ko") == "en"
    assert chosen_language(None, "en") == "en"
    assert chosen_language(None, None) == "ko"
    assert chosen_language(None, "klingon") == "ko"


async def test_a_course_that_cannot_load_is_explained_not_crashed(
    store: ProgressStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tutor.course

    def missing(root: Any = None) -> Any:
        raise FileNotFoundError("tutor cannot find its 'lessons' folder")

    monkeypatch.setattr(tutor.course, "load_course", missing)
    app = TutorApp(store, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        line = plain(app.screen.query_one("#continue-line", Static))
        assert line == "The course could not be loaded: tutor cannot find its 'lessons' folder"
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CourseMapScreen)
