"""`StepPanel`: one training step, number by number (a `tutor.engine.trace_step` result).

The text is `tutor.viz.steptext`'s (the same `tutor show` prints): forward values and the loss,
then the backward pass and the optimizer's actual update, whole for a small network and in
summary for a large one. A step that produced inf or NaN is marked in the error colour, with
the step number and where it first appeared.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from tutor.engine.trace import StepTrace
from tutor.viz.steptext import step_lines


class StepPanel(VerticalScroll, can_focus=True):
    """Shows the last traced step; scrolls when it is taller than the panel."""

    DEFAULT_CSS = """
    StepPanel { height: 1fr; padding: 0 1; }
    StepPanel > Static { width: 1fr; }
    """

    def __init__(self, *, name: str | None = None, id: str | None = None) -> None:
        super().__init__(name=name, id=id)
        self.step: StepTrace | None = None
        self.lang = "ko"
        self._placeholder = ""

    def compose(self) -> ComposeResult:
        yield Static(id="step-text", markup=False)

    def show_step(self, step: StepTrace | None, lang: str, placeholder: str = "") -> None:
        """Show `step` (or `placeholder` when there is none yet) in `lang`."""
        self.step, self.lang, self._placeholder = step, lang, placeholder
        self._render_step()

    def on_resize(self) -> None:
        if self.step is not None:
            self._render_step()

    def _render_step(self) -> None:
        target = self.query_one("#step-text", Static)
        if self.step is None:
            target.update(Text(self._placeholder))
            return
        text = Text()
        width = max(30, self.scrollable_content_region.width - 3)  # room for the scrollbar
        for i, line in enumerate(step_lines(self.step, self.lang, width=width)):
            if i:
                text.append("\n")
            style = "bold" if i == 0 else ""
            if not self.step.finite and (line.startswith("⚠") or "nan" in line or "inf" in line):
                style = "bold red"
            text.append(line, style)
        target.update(text)
