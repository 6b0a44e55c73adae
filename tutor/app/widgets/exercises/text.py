"""`text`: a short answer (a term in Korean or English); the check normalises spacing, case and
hyphens, so the input only insists that something is typed. Also the view of any kind that has
no view of its own yet: its answer is typed as text, with the kind's description above."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Input, Static

from tutor.app.text import t
from tutor.app.widgets.exercises.base import ExerciseView
from tutor.exercises import get_kind


class TextView(ExerciseView):
    def compose_answer(self) -> ComposeResult:
        yield Static(classes="ex-how", markup=False)
        yield Input(classes="ex-answer")

    @property
    def field(self) -> Input:
        return self.query_one(".ex-answer", Input)

    def apply_answer_language(self, lang: str) -> None:
        self.field.placeholder = t("answer_placeholder_text", lang)
        how = self.query_one(".ex-how", Static)
        text = get_kind(self.exercise.kind).describe(self.exercise, lang)
        how.update(text)
        how.display = bool(text)

    def answer(self) -> str | None:
        value = self.field.value.strip()
        if not value:
            self.say("answer_needs_text")
            return None
        self.say(None)
        return value

    def restore(self, answer: str) -> None:
        self.field.value = answer

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_check()
