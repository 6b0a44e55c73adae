"""Focus and layout in a lesson: Tab into the answer, few tab stops, room for code, exercise
references by title, feedback that no longer applies cleared."""

from __future__ import annotations

from typing import Any

from textual.widgets import Button, MarkdownViewer, OptionList

from tests.app.conftest import open_lesson, settle, show_exercise
from tutor.app.lesson_text import name_exercises, split_for_first_paint
from tutor.app.widgets.exercises.code import CodeEditor
from tutor.app.widgets.exercises.panel import ExercisePanel
from tutor.app.widgets.exercises.verdict import VerdictView
from tutor.app.widgets.exercises.weights import ParamInput


async def test_tab_from_the_text_lands_in_the_open_exercises_answer(run_app: Any) -> None:
    async with run_app("en") as (app, pilot):
        screen = await open_lesson(pilot)
        panel = screen.query_one(ExercisePanel)
        panel.show([e.local_id for e in panel.exercises].index("who"))
        screen.query_one("#reader", MarkdownViewer).document.focus()
        await pilot.pause()
        await pilot.press("tab")
        assert isinstance(app.focused, OptionList)  # the choice list itself, no stop before
        assert app.focused in panel.view(panel.current).query(OptionList)


async def test_ctrl_t_in_the_text_gives_the_open_exercises_hint(run_app: Any) -> None:
    async with run_app("en") as (_app, pilot):
        screen = await open_lesson(pilot)
        panel = screen.query_one(ExercisePanel)
        view = panel.view(panel.current)
        screen.query_one("#reader", MarkdownViewer).document.focus()
        await pilot.pause()
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert view.hints_shown == 1  # the key reached the exercise from the text


async def test_the_weights_exercise_stops_tab_only_at_its_values(run_app: Any) -> None:
    async with run_app("en") as (_app, pilot):
        view = await show_exercise(pilot, "or-bias")
        nudges = view.query(".nudge").results(Button)
        assert nudges and not any(button.focusable for button in nudges)


async def test_tab_moves_on_from_an_answer_field(run_app: Any) -> None:
    async with run_app("en") as (app, pilot):
        view = await show_exercise(pilot, "or-bias")
        field = view.query_one(ParamInput)
        field.focus()
        await pilot.pause()
        await pilot.press("tab")
        assert app.focused is not None and app.focused is not field  # the next field
        await pilot.press("shift+tab")
        assert app.focused is field


async def test_retuning_a_weight_clears_the_verdict_on_the_old_values(run_app: Any) -> None:
    async with run_app("en") as (_app, pilot):
        view = await show_exercise(pilot, "or-bias")
        view.action_check()
        await settle(pilot)
        assert view.query_one(VerdictView).display
        view.query_one(ParamInput).value = "-0.5"
        await pilot.pause()
        assert view.verdict is None and not view.query_one(VerdictView).display


async def test_a_code_exercise_takes_two_thirds_of_a_wide_screen(run_app: Any) -> None:
    async with run_app("en", size=(120, 40)) as (_app, pilot):
        view = await show_exercise(pilot, "double")
        screen = view.screen
        assert screen.has_class("-code")
        assert screen.query_one("#exercises").size.width >= 78
        assert view.query_one(CodeEditor).size.width >= 70


async def test_on_a_narrow_screen_the_code_editor_gets_the_whole_height(run_app: Any) -> None:
    async with run_app("en", size=(80, 24)) as (app, pilot):
        view = await show_exercise(pilot, "double")
        screen = view.screen
        await pilot.pause()
        assert isinstance(app.focused, CodeEditor)
        assert screen.layout_mode == "exercises"
        editor = view.query_one(CodeEditor)
        assert editor.size.height >= 12
        assert editor.region.y <= 5  # scrolled to the top of the exercise pane, all in view
        await pilot.press("escape")  # leave the editor: the text comes back
        await pilot.pause()
        await pilot.pause()
        assert screen.layout_mode == "both"


def test_exercise_references_show_number_and_title(course: Any) -> None:
    lesson = course.lesson("01-first")
    text = "Read this.\n\n→ Exercises `who`, `or-bias`, `nope`\n"
    named = name_exercises(text, lesson.exercises, "en")
    assert "→ Exercises **2. " in named and "**4. " in named and "`nope`" in named
    assert "`who`" not in named


def test_the_first_paint_cuts_before_a_heading_outside_code() -> None:
    text = "".join(f"line {n}\n" for n in range(5)) + "```\n# not a heading\n```\n## Next\nrest\n"
    first, rest = split_for_first_paint(text, lines=3)
    assert first + rest == text
    assert rest.startswith("## Next")
