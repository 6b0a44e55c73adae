"""`choice`: a list of options that wrap (Korean included); one mark (○/●) for a single answer,
check boxes (☐/☑) when several options are right. Enter, Space or a click picks."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tutor.app.base import Safe
from tutor.app.marks import tone
from tutor.app.text import t
from tutor.app.widgets.exercises.base import ExerciseView
from tutor.exercises.choice import ChoiceSpec, parse_choice
from tutor.i18n import pick


class ChoiceList(Safe, OptionList):
    """Options with a mark each; selecting toggles (several) or moves the mark (one)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("space", "select", "Pick", show=False)]

    def __init__(self, spec: ChoiceSpec, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.spec = spec
        self.picked: set[str] = set()
        self.lang = "ko"

    def relabel(self, lang: str) -> None:
        self.lang = lang
        highlighted = self.highlighted
        self.clear_options()
        self.add_options([self._option(index) for index in range(len(self.spec.options))])
        self.highlighted = highlighted if highlighted is not None else self._first_picked()

    def _first_picked(self) -> int:
        for index, option in enumerate(self.spec.options):
            if option.id in self.picked:
                return index
        return 0

    def _option(self, index: int) -> Option:
        option = self.spec.options[index]
        chosen = option.id in self.picked
        marks = ("☐", "☑") if self.spec.multiple else ("○", "●")
        mark = marks[chosen]
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True)
        grid.add_column(ratio=1, overflow="fold")
        style = tone(self.app, "accent", bold=True) if chosen else ""
        grid.add_row(Text(f"{mark} {option.id})", style=style), Text(pick(option.text, self.lang)))
        return Option(grid, id=f"option-{index}")

    def toggle(self, index: int) -> None:
        option_id = self.spec.options[index].id
        if self.spec.multiple:
            self.picked ^= {option_id}
        else:
            self.picked = {option_id}
        self.relabel(self.lang)
        self.highlighted = index

    def set_picked(self, ids: set[str]) -> None:
        known = {option.id for option in self.spec.options}
        self.picked = ids & known
        self.relabel(self.lang)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.toggle(event.option_index)


class ChoiceView(ExerciseView):
    def compose_answer(self) -> ComposeResult:
        yield Static(classes="ex-how", markup=False)
        yield ChoiceList(self.exercise.spec, classes="ex-choices")

    @property
    def choices(self) -> ChoiceList:
        return self.query_one(ChoiceList)

    def apply_answer_language(self, lang: str) -> None:
        spec: ChoiceSpec = self.exercise.spec
        how = "pick_all_that_apply" if spec.multiple else "pick_one"
        self.query_one(".ex-how", Static).update(t(how, lang))
        self.choices.relabel(lang)

    def answer(self) -> str | None:
        spec: ChoiceSpec = self.exercise.spec
        picked = [option.id for option in spec.options if option.id in self.choices.picked]
        if not picked:
            self.say("pick_an_option")
            return None
        self.say(None)
        return ", ".join(picked)

    def restore(self, answer: str) -> None:
        self.choices.set_picked(set(parse_choice(answer)))

    def render_solution(self, solution: str) -> Any:
        spec: ChoiceSpec = self.exercise.spec
        wanted = set(parse_choice(solution))
        lines = [
            f"{option.id}) {pick(option.text, self.lang)}"
            for option in spec.options
            if option.id in wanted
        ]
        return Text("\n".join(lines) or solution)
