"""`weights`: one input per free parameter and a truth table that follows every change.

↑/↓ (or + and -) nudge the focused value by 0.1; a '-' typed at the very start of the field is a
minus sign. The table is computed by the engine through `tutor.exercises.weights.table_rows`, so
what the learner sees live is exactly what the check will see.
"""

from __future__ import annotations

import math
from typing import Any, ClassVar

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Button, Input, Label, Static

from tutor.app.base import Safe
from tutor.app.marks import tone
from tutor.app.text import t
from tutor.app.widgets.exercises.base import ExerciseView
from tutor.app.widgets.exercises.verdict import VerdictView
from tutor.exercises.assignments import AssignmentError, format_assignments, parse_assignments
from tutor.exercises.numeric import parse_number
from tutor.exercises.weights import WeightsSpec, table_rows

STEP = 0.1


def nudged(text: str, delta: float) -> str | None:
    """`text` plus `delta`, written without float noise ("0.30000000000000004" → "0.3")."""
    value = parse_number(text) if text.strip() else 0.0
    if value is None or not math.isfinite(value):
        return None
    return f"{round(value + delta, 6):g}"


class NudgeButton(Button, can_focus=False):
    """− or + beside a value: for the mouse (the keyboard has ↑/↓ and +/- in the field), so
    Tab goes from value to value instead of through two buttons each."""


class ParamInput(Safe, Input):
    """An input for one parameter: ↑/↓ and +/- nudge it by 0.1."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "nudge(1)", "+0.1", show=False),
        Binding("down", "nudge(-1)", "-0.1", show=False),
    ]

    def action_nudge(self, direction: int) -> None:
        value = nudged(self.value, direction * STEP)
        if value is not None:
            self.value = value
            self.cursor_position = len(value)

    async def _on_key(self, event: events.Key) -> None:
        if event.character == "+" or (
            event.character == "-" and (self.cursor_position > 0 or self.value.startswith("-"))
        ):
            event.prevent_default()
            event.stop()
            self.action_nudge(1 if event.character == "+" else -1)


class WeightsView(ExerciseView):
    def compose_answer(self) -> ComposeResult:
        spec: WeightsSpec = self.exercise.spec
        yield Static(classes="weights-help", markup=False)
        if spec.fixed:
            yield Static(classes="weights-fixed", markup=False)
        for index, name in enumerate(spec.free):
            with Horizontal(classes="param-row"):
                yield Label(name, classes="param-name", markup=False)
                yield ParamInput(
                    f"{spec.start.get(name, 0.0):g}",
                    id=f"param-{index}",
                    classes="param-value",
                    compact=True,
                )
                yield NudgeButton("−", id=f"down-{index}", classes="nudge", compact=True)
                yield NudgeButton("+", id=f"up-{index}", classes="nudge", compact=True)
        yield Static(classes="weights-table")

    def apply_answer_language(self, lang: str) -> None:
        spec: WeightsSpec = self.exercise.spec
        self.query_one(".weights-help", Static).update(t("weights_help", lang))
        if spec.fixed:
            fixed = ", ".join(f"{name}={value:g}" for name, value in spec.fixed.items())
            self.query_one(".weights-fixed", Static).update(
                t("weights_fixed_line", lang, fixed=fixed)
            )
        self.update_table()

    # --- reading the parameters ---------------------------------------------------------------

    def fields(self) -> list[tuple[str, ParamInput]]:
        spec: WeightsSpec = self.exercise.spec
        return [
            (name, self.query_one(f"#param-{index}", ParamInput))
            for index, name in enumerate(spec.free)
        ]

    def values(self) -> tuple[dict[str, float], tuple[str, str] | None]:
        """The parameters as numbers, and the first one that is not a number (name, text)."""
        values: dict[str, float] = {}
        for name, field in self.fields():
            number = parse_number(field.value)
            if number is None or not math.isfinite(number):
                return values, (name, field.value)
            values[name] = number
        return values, None

    def answer(self) -> str | None:
        values, bad = self.values()
        if bad is not None:
            self.say("weights_not_a_number", name=bad[0], given=bad[1])
            return None
        self.say(None)
        return format_assignments({name: f"{value:g}" for name, value in values.items()})

    def restore(self, answer: str) -> None:
        try:
            given = parse_assignments(answer)
        except AssignmentError:
            return
        for name, field in self.fields():
            if name in given:
                field.value = given[name]

    # --- the live table -------------------------------------------------------------------------

    def on_input_changed(self, event: Input.Changed) -> None:
        if isinstance(event.input, ParamInput):
            event.stop()
            self.update_table()
            if self.verdict is not None and not self.running:
                self.verdict = None  # it judged other values: the live table speaks now
                self.show_verdict()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        button_id = event.button.id or ""
        if event.button.has_class("nudge"):
            event.stop()
            direction, index = button_id.split("-")
            field = self.query_one(f"#param-{index}", ParamInput)
            field.action_nudge(1 if direction == "up" else -1)
            return
        super().on_button_pressed(event)

    def update_table(self) -> None:
        spec: WeightsSpec = self.exercise.spec
        box = self.query_one(".weights-table", Static)
        values, bad = self.values()
        if bad is not None:
            box.update(Text(t("weights_not_a_number", self.lang, name=bad[0], given=bad[1])))
            return
        rows = table_rows(spec, values)
        good, wrong = tone(self.app, "success"), tone(self.app, "error")
        table = Table(box=None, padding=(0, 1), show_edge=False)
        for name in spec.inputs:
            table.add_column(name, justify="right")
        table.add_column(t("col_target", self.lang), justify="right")
        table.add_column(t("col_output", self.lang), justify="right")
        table.add_column("")
        for x, row in zip(spec.x, rows, strict=True):
            style = good if row.ok else wrong
            table.add_row(
                *(Text(f"{v:g}") for v in x),
                Text(row.expected),
                Text(row.got, style=style),
                Text("✓" if row.ok else "✗", style=style),
            )
        right = sum(row.ok for row in rows)
        if right == len(rows):
            summary = Text(
                t("weights_all_right", self.lang), style=tone(self.app, "success", bold=True)
            )
        else:
            summary = Text(t("weights_rows_right", self.lang, right=right, total=len(rows)))
        box.update(Group(table, summary))

    def on_mount(self) -> None:
        self.query_one(VerdictView).show_details = False  # the live table marks every row

    def after_verdict(self, verdict: Any) -> None:
        self.update_table()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if isinstance(event.widget, ParamInput):
            self.call_after_refresh(self._show_table_with, event.widget)

    def _show_table_with(self, field: ParamInput) -> None:
        """Keep the truth table in view while a value is being changed."""
        self.scroll_to_widget(self.query_one(".weights-table"), animate=False)
        self.scroll_to_widget(field, animate=False)
