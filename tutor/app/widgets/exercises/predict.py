"""`predict`: the learner commits to a number or an outcome, then sees the run that settles it.

The answer is typed (a number) or picked (an outcome) as in the numeric and choice views. The
run is computed only after an answer is checked (or the solution is shown), in a thread, and
appears below the verdict: what it printed, and its pictures drawn by the playground's
`DecisionBoundary`. A run whose pictures are steps in time (the perceptron's line after every
wrong row) plays them one after another beside the truth table; `[` and `]` step by hand.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container, Horizontal, Vertical
from textual.message import Message
from textual.validation import Function
from textual.widgets import Input, Static

from tutor.app.base import Safe
from tutor.app.marks import tone
from tutor.app.text import t
from tutor.app.widgets.boundary import DecisionBoundary
from tutor.app.widgets.exercises.base import ExerciseView
from tutor.app.widgets.exercises.choice import ChoiceList
from tutor.exercises.choice import parse_choice
from tutor.exercises.numeric import parse_number
from tutor.i18n import pick

if TYPE_CHECKING:
    from tutor.course.demos import Frame, Run
    from tutor.exercises import Verdict
    from tutor.exercises.predict import PredictSpec

STEP_SECONDS = 0.8
PLAY_SECONDS = 20.0
"""A long run's pictures play faster, so that the whole run takes at most this long."""


class RunReady(Message):
    """A prediction's run has finished in its thread."""

    def __init__(self, run: Run | None, error: BaseException | None = None) -> None:
        super().__init__()
        self.run = run
        self.error = error


class FrameView(Vertical):
    """One picture: its caption over the decision boundary."""

    DEFAULT_CSS = """
    FrameView { width: 26; height: auto; margin: 0 1 0 0; }
    FrameView > .frame-caption { width: 100%; height: auto; }
    FrameView > DecisionBoundary { width: 24; height: 12; min-height: 6; }
    """

    def __init__(self, frame: Frame, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.frame = frame

    def compose(self) -> ComposeResult:
        yield Static(classes="frame-caption", markup=False)
        yield DecisionBoundary(extent=(self.frame.hi - self.frame.lo) / 2)

    def hide_caption(self) -> None:
        self.query_one(".frame-caption", Static).display = False

    def on_mount(self) -> None:
        self.show(self.frame)

    def show(self, frame: Frame, lang: str | None = None) -> None:
        self.frame = frame
        centre = (frame.hi + frame.lo) / 2
        board = self.query_one(DecisionBoundary)
        board.set_grid(frame.grid)
        empty = frame.points[:0]
        board.set_points(frame.points - centre, frame.labels, empty, frame.labels[:0])
        self.query_one(".frame-caption", Static).update(
            pick(frame.caption, lang or self.app.lang)  # type: ignore[attr-defined]
        )


class RunView(Safe, Vertical):
    """What a run printed, then its pictures (side by side, or played in time)."""

    DEFAULT_CSS = """
    RunView { height: auto; margin: 1 0 0 0; }
    RunView > .run-header { text-style: bold; }
    RunView > .run-lines { height: auto; }
    RunView > .run-frames { height: auto; margin: 1 0 0 0; }
    RunView > .run-grid { layout: grid; grid-size: 4; grid-columns: 26; grid-rows: auto; }
    RunView .run-table { width: 1fr; height: auto; margin: 1 0 0 1; }
    RunView > .run-legend { color: $text-muted; }
    """

    def __init__(self, run: Run, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.run = run
        self.index = 0
        self.timer: Any = None

    @property
    def lang(self) -> str:
        return self.app.lang  # type: ignore[attr-defined]

    def compose(self) -> ComposeResult:
        yield Static(classes="run-header", markup=False)
        yield Static(classes="run-lines", markup=False)
        if self.run.frames:
            if self.run.animated:
                with Horizontal(classes="run-frames"):
                    yield FrameView(self.run.frames[0])
                    yield Static(classes="run-table")
            else:
                with Container(classes="run-frames run-grid"):
                    for frame in self.run.frames:
                        yield FrameView(frame)
            yield Static(classes="run-legend", markup=False)

    def on_mount(self) -> None:
        self.apply_language(self.lang)
        if self.run.animated:
            self.query_one(FrameView).hide_caption()
        if self.run.animated and len(self.run.frames) > 1:
            seconds = min(STEP_SECONDS, PLAY_SECONDS / len(self.run.frames))
            self.timer = self.set_interval(seconds, self._advance)

    def on_resize(self) -> None:
        """As many pictures side by side as fit; the rest wrap below."""
        for grid in self.query(".run-grid"):
            grid.styles.grid_size_columns = max(1, min(len(self.run.frames), self.size.width // 27))

    def _advance(self) -> None:
        if self.index + 1 >= len(self.run.frames):
            if self.timer is not None:
                self.timer.stop()
            return
        self.step(+1)

    def step(self, delta: int) -> None:
        if not self.run.animated or not self.run.frames:
            return
        self.index = max(0, min(self.index + delta, len(self.run.frames) - 1))
        self.query_one(FrameView).show(self.run.frames[self.index], self.lang)
        self._legend()
        self._table()

    def stop(self) -> None:
        if self.timer is not None:
            self.timer.stop()

    def apply_language(self, lang: str) -> None:
        self.query_one(".run-header", Static).update(t("predict_run_header", lang))
        lines = "\n".join(pick(line, lang) for line in self.run.lines)
        self.query_one(".run-lines", Static).update(Text(lines, no_wrap=True, overflow="fold"))
        if not self.run.frames:
            return
        for view in self.query(FrameView):
            view.show(view.frame, lang)
        self._legend()
        self._table()

    def _legend(self) -> None:
        """The line under the pictures; a played run's counts the picture shown."""
        key = "predict_legend_steps" if self.run.animated else "predict_legend"
        self.query_one(".run-legend", Static).update(
            t(key, self.lang, n=self.index + 1, total=len(self.run.frames))
        )

    def _table(self) -> None:
        """The truth table beside a played picture: each row, its target, right or not."""
        if not self.run.animated:
            return
        frame = self.run.frames[self.index]
        right = frame.right()
        good, bad = tone(self.app, "success"), tone(self.app, "error")
        table = Table(box=None, padding=(0, 1), show_edge=False)
        for key in ("x₁", "x₂", t("weights_target", self.lang), ""):
            table.add_column(key, justify="right")
        for point, label, ok in zip(frame.points, frame.labels, right, strict=True):
            table.add_row(
                f"{point[0]:g}",
                f"{point[1]:g}",
                f"{int(label)}",
                Text("✓" if ok else "✗", style=good if ok else bad),
            )
        step = Text(
            t("predict_legend_steps", self.lang, n=self.index + 1, total=len(self.run.frames)),
            style="dim",
        )
        caption = Text(pick(frame.caption, self.lang), style="bold")
        self.query_one(".run-table", Static).update(Group(caption, Text(""), table, Text(""), step))


class PredictView(ExerciseView):
    """A number or an outcome first; the run that settles it after."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left_square_bracket", "frame(-1)", "Prev picture", show=False),
        Binding("right_square_bracket", "frame(1)", "Next picture", show=False),
    ]
    check_label = "predict_commit"

    @property
    def spec(self) -> PredictSpec:
        return self.exercise.spec

    def compose_answer(self) -> ComposeResult:
        yield Static(classes="ex-how", markup=False)
        if self.spec.number is not None:
            yield Input(
                classes="ex-answer",
                validators=[Function(lambda value: parse_number(value) is not None)],
                validate_on=["changed", "submitted"],
                valid_empty=True,
            )
        elif self.spec.choice is not None:
            yield ChoiceList(self.spec.choice, classes="ex-choices")

    def apply_answer_language(self, lang: str) -> None:
        if self.spec.number is not None:
            tolerance = f"{self.spec.number.tolerance():g}"
            how = t("predict_how_number", lang, tolerance=tolerance)
        else:
            several = self.spec.choice is not None and self.spec.choice.multiple
            pick_key = "pick_all_that_apply" if several else "pick_one"
            how = t(pick_key, lang) + " " + t("predict_how_outcome", lang)
        self.query_one(".ex-how", Static).update(how)
        if self.spec.number is not None:
            self.query_one(".ex-answer", Input).placeholder = t("answer_placeholder_number", lang)
        else:
            self.query_one(ChoiceList).relabel(lang)
        for run in self.query(RunView):
            run.apply_language(lang)

    def answer(self) -> str | None:
        if self.spec.number is not None:
            value = self.query_one(".ex-answer", Input).value.strip()
            if not value:
                self.say("answer_needs_text")
                return None
            if parse_number(value) is None:
                self.say("numeric_unreadable", given=value)
                return None
            self.say(None)
            return value
        assert self.spec.choice is not None
        picked = self.query_one(ChoiceList).picked
        chosen = [o.id for o in self.spec.choice.options if o.id in picked]
        if not chosen:
            self.say("pick_an_option")
            return None
        self.say(None)
        return ", ".join(chosen)

    def restore(self, answer: str) -> None:
        if self.spec.number is not None:
            self.query_one(".ex-answer", Input).value = answer
        else:
            self.query_one(ChoiceList).set_picked(set(parse_choice(answer)))
        self.reveal()  # answered before: the run was already earned

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_check()

    def render_solution(self, solution: str) -> Any:
        if self.spec.choice is None:
            return Text(solution)
        wanted = set(parse_choice(solution))
        return Text(
            "\n".join(
                f"{o.id}) {pick(o.text, self.lang)}"
                for o in self.spec.choice.options
                if o.id in wanted
            )
        )

    # --- the run --------------------------------------------------------------------------------

    def after_verdict(self, verdict: Verdict) -> None:
        if verdict.status != "invalid":
            self.reveal()

    def show_solution(self) -> None:
        super().show_solution()
        if self.solution is not None:
            self.reveal()

    def reveal(self) -> None:
        """Compute the run (once) and show it below the verdict."""
        if getattr(self, "_revealing", False) or self.query(RunView):
            return
        self._revealing = True
        self.compute_run()

    @work(thread=True, exclusive=True, group="predict-run")
    def compute_run(self) -> None:
        from tutor.exercises import get_kind

        try:
            run = get_kind("predict").run(self.exercise)  # type: ignore[attr-defined]
        except Exception as error:  # a course bug: say so, never a traceback
            self.post_message(RunReady(None, error))
            return
        self.post_message(RunReady(run))

    def on_run_ready(self, message: RunReady) -> None:
        message.stop()
        self._revealing = False
        if message.run is None:
            from tutor.app.base import report_error

            report_error(self.app, f"running {self.exercise.id}", message.error or Exception())
            return
        if self.query(RunView):
            return
        view = RunView(message.run, classes="predict-run")
        self.mount(view, after=self.query_one(".ex-verdict"))
        self.call_after_refresh(self._reveal, RunView)

    def action_frame(self, delta: int) -> None:
        for run in self.query(RunView):
            run.stop()
            run.step(delta)
