"""Every exercise kind in the app: a right answer, a wrong one, a hint, the language switch, and
the progress the store records at once."""

from __future__ import annotations

from typing import Any

from textual.widgets import Input, Select, Static

from tests.app.conftest import plain, settle, show_exercise
from tutor.app.widgets.exercises.choice import ChoiceList
from tutor.app.widgets.exercises.code import CodeEditor
from tutor.app.widgets.exercises.panel import ExercisePanel
from tutor.app.widgets.exercises.verdict import VerdictView
from tutor.app.widgets.exercises.weights import ParamInput
from tutor.progress import ProgressStore


def verdict_text(view: Any) -> str:
    return plain(view.query_one(VerdictView))


async def check(pilot: Any) -> None:
    await pilot.press("ctrl+r")
    await settle(pilot)


# --- numeric ---------------------------------------------------------------------------------


async def test_numeric_right_answer_passes_and_is_recorded(
    run_app: Any, store: ProgressStore
) -> None:
    async with run_app("en") as (_app, pilot):
        view = await show_exercise(pilot, "year")
        await pilot.press(*"1958", "enter")
        await settle(pilot)
        assert "Correct" in verdict_text(view)
    progress = store.exercise_progress("01.year")
    assert progress.passed and progress.attempts == 1


async def test_numeric_wrong_answer_fails_and_counts_an_attempt(
    run_app: Any, store: ProgressStore
) -> None:
    async with run_app("en") as (_app, pilot):
        view = await show_exercise(pilot, "year")
        await pilot.press(*"1969")
        await check(pilot)
        assert "1969 is not the answer" in verdict_text(view)
        assert "tries: 1" in plain(view.query_one(".ex-meta", Static))
    assert store.exercise_progress("01.year").status == "in_progress"


async def test_an_unreadable_number_is_not_sent_to_the_check(
    run_app: Any, store: ProgressStore
) -> None:
    async with run_app("en") as (_app, pilot):
        view = await show_exercise(pilot, "year")
        await pilot.press(*"19x8")
        await check(pilot)
        assert "not a number I can read" in plain(view.query_one(".ex-status", Static))
        assert view.query_one(Input).has_class("-invalid")
    assert store.exercise_progress("01.year").attempts == 0


async def test_hints_come_one_at_a_time_and_are_recorded(
    run_app: Any, store: ProgressStore
) -> None:
    async with run_app("en") as (_app, pilot):
        view = await show_exercise(pilot, "year")
        await pilot.press("ctrl+t")
        await pilot.pause()
        hints = plain(view.query_one(".ex-hints", Static))
        assert "Hint 1 of 2: The 1950s" in hints and "Hint 2" not in hints
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert "Hint 2 of 2: 1958" in plain(view.query_one(".ex-hints", Static))
    assert store.exercise_progress("01.year").hints_shown == 2


async def test_the_solution_unlocks_after_enough_attempts(
    run_app: Any, store: ProgressStore
) -> None:
    async with run_app("en") as (app, pilot):
        view = await show_exercise(pilot, "year")
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert any("unlocks after 2 attempts" in n.message for n in app._notifications)
        assert not view.query_one(".ex-solution-text").display
        for wrong in ("1900", "1901"):
            view.query_one(Input).value = wrong
            await check(pilot)
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert "1958" in plain(view.query_one(".ex-solution-text", Static))
    assert store.exercise_progress("01.year").solution_shown


async def test_switching_language_retells_prompt_verdict_and_hints(run_app: Any) -> None:
    async with run_app("ko") as (_app, pilot):
        view = await show_exercise(pilot, "year")
        await pilot.press(*"1969")
        await check(pilot)
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert "정답이 아닙니다" in verdict_text(view)
        assert "힌트 1/2" in plain(view.query_one(".ex-hints", Static))
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert "is not the answer" in verdict_text(view)
        assert "Hint 1 of 2" in plain(view.query_one(".ex-hints", Static))
        assert "Rosenblatt" in view.query_one(".ex-prompt").source


# --- choice ----------------------------------------------------------------------------------


async def test_choice_right_option_passes(run_app: Any, store: ProgressStore) -> None:
    async with run_app("en") as (_app, pilot):
        view = await show_exercise(pilot, "who")
        await pilot.press("down", "enter")  # a is highlighted first; b is the answer
        await check(pilot)
        assert "Correct" in verdict_text(view)
    assert store.exercise_progress("01.who").passed


async def test_choice_known_mistake_gets_its_own_message(run_app: Any) -> None:
    async with run_app("en") as (_app, pilot):
        view = await show_exercise(pilot, "who")
        await pilot.press("enter")
        await check(pilot)
        assert "Rosenblatt built the perceptron" in verdict_text(view)


async def test_choice_without_a_pick_asks_for_one(run_app: Any, store: ProgressStore) -> None:
    async with run_app("en") as (_app, pilot):
        view = await show_exercise(pilot, "who")
        await check(pilot)
        assert "Pick an option first" in plain(view.query_one(".ex-status", Static))
    assert store.exercise_progress("01.who").attempts == 0


async def test_several_right_options_are_ticked_with_space(
    run_app: Any, store: ProgressStore
) -> None:
    async with run_app("en") as (_app, pilot):
        view = await show_exercise(pilot, "gates")
        choices = view.query_one(ChoiceList)
        await pilot.press("space", "down", "space")
        assert choices.picked == {"a", "b"}
        await check(pilot)
        assert "Correct" in verdict_text(view)
    assert store.exercise_progress("01.gates").passed


async def test_choice_options_follow_the_language(run_app: Any) -> None:
    async with run_app("ko") as (_app, pilot):
        view = await show_exercise(pilot, "who")
        choices = view.query_one(ChoiceList)
        assert "민스키와 패퍼트" in str(choices.get_option_at_index(1).prompt.columns[1]._cells[0])
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert "Minsky and Papert" in str(
            choices.get_option_at_index(1).prompt.columns[1]._cells[0]
        )


# --- text ------------------------------------------------------------------------------------


async def test_text_answer_is_compared_after_normalising(
    run_app: Any, store: ProgressStore
) -> None:
    async with run_app("en") as (_app, pilot):
        view = await show_exercise(pilot, "term")
        await pilot.press(*"Threshold", "enter")
        await settle(pilot)
        assert "Correct" in verdict_text(view)
    assert store.exercise_progress("01.term").passed


async def test_text_wrong_answer_is_shown_literally(run_app: Any) -> None:
    async with run_app("en") as (_app, pilot):
        view = await show_exercise(pilot, "term")
        await pilot.press(*"arr[i]", "enter")
        await settle(pilot)
        assert "'arr[i]' is not the answer" in verdict_text(view)


# --- weights ---------------------------------------------------------------------------------


async def test_weights_table_follows_every_change(run_app: Any) -> None:
    async with run_app("en") as (_app, pilot):
        view = await show_exercise(pilot, "or-bias")
        table = view.query_one(".weights-table", Static)
        assert "3 of 4 rows right" in plain(table)  # b starts at 1: (0, 0) says 1 too
        field = view.query_one(ParamInput)
        field.value = "-0.5"
        await pilot.pause()
        assert "Every row is right" in plain(table)


async def test_arrow_keys_and_plus_minus_nudge_the_focused_value(run_app: Any) -> None:
    async with run_app("en") as (_app, pilot):
        view = await show_exercise(pilot, "or-bias")
        field = view.query_one(ParamInput)
        assert field.has_focus and field.value == "1"
        await pilot.press("down", "down")
        assert field.value == "0.8"
        await pilot.press("+")
        assert field.value == "0.9"
        await pilot.press("-")
        assert field.value == "0.8"


async def test_a_minus_typed_first_is_a_minus_sign(run_app: Any) -> None:
    async with run_app("en") as (_app, pilot):
        view = await show_exercise(pilot, "or-bias")
        field = view.query_one(ParamInput)
        field.value = ""
        await pilot.press(*"-0.5")
        assert field.value == "-0.5"


async def test_weights_right_and_wrong(run_app: Any, store: ProgressStore) -> None:
    async with run_app("en") as (_app, pilot):
        view = await show_exercise(pilot, "or-bias")
        await check(pilot)
        assert "Rows still wrong: 1 of 4" in verdict_text(view)
        view.query_one(ParamInput).value = "-0.5"
        await check(pilot)
        assert "Correct" in verdict_text(view)
    assert store.exercise_progress("01.or-bias").passed
    assert [a.answer for a in store.attempts(exercise_id="01.or-bias")] == ["b=1", "b=-0.5"]


async def test_weights_come_back_as_the_learner_left_them(
    run_app: Any, store: ProgressStore
) -> None:
    async with run_app("en") as (_app, pilot):
        view = await show_exercise(pilot, "or-bias")
        view.query_one(ParamInput).value = "0.3"
        await check(pilot)
    async with run_app("en") as (_app, pilot):
        view = await show_exercise(pilot, "or-bias")
        assert view.query_one(ParamInput).value == "0.3"


# --- code ------------------------------------------------------------------------------------


async def test_code_right_answer_passes_every_case(run_app: Any, store: ProgressStore) -> None:
    async with run_app("en") as (_app, pilot):
        view = await show_exercise(pilot, "double")
        view.query_one(CodeEditor).load_text("def double(x):\n    return x * 2\n")
        await check(pilot)
        text = verdict_text(view)
        assert "All 2 cases pass" in text and "2 of 2 cases passed" in text
    assert store.exercise_progress("01.double").passed


async def test_code_wrong_answer_lists_each_case_and_the_output_literally(run_app: Any) -> None:
    async with run_app("en") as (_app, pilot):
        view = await show_exercise(pilot, "double")
        view.query_one(CodeEditor).load_text("def double(x):\n    print('arr[i]')\n    return x\n")
        await check(pilot)
        text = verdict_text(view)
        assert "Case 1 of 2" in text and "0 of 2 cases passed" in text
        assert "double(1)" in text and "arr[i]" in text


async def test_the_starter_that_raises_gets_a_plain_verdict(run_app: Any) -> None:
    async with run_app("ko") as (_app, pilot):
        view = await show_exercise(pilot, "double")
        await check(pilot)
        assert "NotImplementedError" in verdict_text(view)


async def test_code_editor_starts_from_the_starter_and_resets_to_it(run_app: Any) -> None:
    async with run_app("en") as (_app, pilot):
        view = await show_exercise(pilot, "double")
        editor = view.query_one(CodeEditor)
        assert "raise NotImplementedError" in editor.text
        editor.load_text("something else")
        await pilot.click(".code-reset")
        await pilot.pause()
        assert "raise NotImplementedError" in editor.text


async def test_code_solution_is_shown_with_its_code_once_unlocked(run_app: Any) -> None:
    async with run_app("en") as (_app, pilot):
        view = await show_exercise(pilot, "double")
        await check(pilot)
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert "return x * 2" in plain(view.query_one(".ex-solution-text", Static))


# --- experiment ------------------------------------------------------------------------------


async def test_experiment_form_shows_allowed_values(run_app: Any) -> None:
    async with run_app("en") as (_app, pilot):
        view = await show_exercise(pilot, "and-gate")
        allowed = [plain(s) for s in view.query(".field-allowed").results(Static)]
        assert allowed == ["allowed: 1, 200", "allowed: 0.001 … 1"]


async def test_experiment_that_trains_long_enough_passes(
    run_app: Any, store: ProgressStore
) -> None:
    async with run_app("en") as (_app, pilot):
        view = await show_exercise(pilot, "and-gate")
        view.query_one("#field-0", Select).value = "200"
        await check(pilot)
        assert "Correct" in verdict_text(view)
        assert "200/200" in plain(view.query_one(".train-status", Static))
    assert store.exercise_progress("01.and-gate").passed


async def test_experiment_that_stops_too_soon_misses_the_goal(run_app: Any) -> None:
    async with run_app("en") as (_app, pilot):
        view = await show_exercise(pilot, "and-gate")
        await check(pilot)
        assert "not reached" in verdict_text(view)


async def test_experiment_out_of_range_value_is_refused_before_training(
    run_app: Any, store: ProgressStore
) -> None:
    async with run_app("en") as (_app, pilot):
        view = await show_exercise(pilot, "and-gate")
        view.query_one("#field-1", Input).value = "5"
        await check(pilot)
        assert "learning_rate=5 is not allowed" in plain(view.query_one(".ex-status", Static))
    assert store.exercise_progress("01.and-gate").attempts == 0


# --- the panel -------------------------------------------------------------------------------


async def test_tabs_mark_passed_exercises(run_app: Any) -> None:
    async with run_app("en") as (app, pilot):
        view = await show_exercise(pilot, "year")
        await pilot.press(*"1958", "enter")
        await settle(pilot)
        panel = app.screen.query_one(ExercisePanel)
        assert str(panel.query_one("#tab-1").label).endswith("✓")
        assert str(panel.query_one("#tab-2").label).endswith("○")
        assert view.exercise.id == "01.year"


def test_a_kind_without_its_own_view_gets_a_text_answer() -> None:
    from tutor.app.widgets.exercises import view_class
    from tutor.app.widgets.exercises.text import TextView
    from tutor.exercises import KINDS

    assert view_class("a-kind-from-the-future") is TextView
    assert all(view_class(kind).__name__ != "TextView" or kind == "text" for kind in KINDS)


async def test_enter_in_the_editor_keeps_python_indentation(run_app: Any) -> None:
    async with run_app("en") as (_app, pilot):
        view = await show_exercise(pilot, "double")
        editor = view.query_one(CodeEditor)
        editor.load_text("def f(x):\n    if x:")
        editor.focus()
        editor.move_cursor((1, 9))
        await pilot.press("enter", "y", "enter", "z")
        assert editor.text == "def f(x):\n    if x:\n        y\n        z"


async def test_a_runtime_error_shows_the_learners_own_line(run_app: Any) -> None:
    """As `tutor check` does: the learner's file and line, the line itself, and the error."""
    async with run_app("en") as (_app, pilot):
        view = await show_exercise(pilot, "double")
        view.query_one(CodeEditor).load_text("def double(x):\n    y = x * 2\n    return y[99]\n")
        await check(pilot)
        text = verdict_text(view)
        assert 'File "learner.py", line 3, in double' in text
        assert "return y[99]" in text
