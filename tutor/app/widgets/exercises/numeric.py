"""`numeric`: one number, typed in an input that says at once when it cannot read it.

An unreadable number is not sent to the check (so a typo never costs an attempt); the check
itself compares with a tolerance."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.validation import Function
from textual.widgets import Input

from tutor.app.text import t
from tutor.app.widgets.exercises.base import ExerciseView
from tutor.exercises.numeric import parse_number


def _readable(value: str) -> bool:
    return parse_number(value) is not None


class NumericView(ExerciseView):
    def compose_answer(self) -> ComposeResult:
        yield Input(
            classes="ex-answer",
            validators=[Function(_readable)],
            validate_on=["changed", "submitted"],
            valid_empty=True,
        )

    @property
    def field(self) -> Input:
        return self.query_one(".ex-answer", Input)

    def apply_answer_language(self, lang: str) -> None:
        self.field.placeholder = t("answer_placeholder_number", lang)

    def answer(self) -> str | None:
        value = self.field.value.strip()
        if not value:
            self.say("answer_needs_text")
            return None
        if parse_number(value) is None:
            self.say("numeric_unreadable", given=value)
            return None
        self.say(None)
        return value

    def restore(self, answer: str) -> None:
        self.field.value = answer

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_check()
