"""`experiment`: a small form (a list of choices, or a number in a range, per field), then a
training run in a thread with the epoch and the loss drawn live.

The run reports through an engine callback that posts at most ten `ExperimentProgress` messages a
second (a newer one replaces one still queued) and stops the run when the worker is cancelled,
so quitting never waits for training to end.
"""

from __future__ import annotations

import math
import time
from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Input, Label, ProgressBar, Select, Sparkline, Static

from tutor.app.messages import ExperimentProgress
from tutor.app.text import t
from tutor.app.widgets.exercises.base import ExerciseView
from tutor.exercises.experiment import ConfigError, ExperimentSpec, _describe, read_config
from tutor.exercises.numeric import parse_number

REPORTS_PER_SECOND = 10


def live_loss(view: ExperimentView, worker: Any, epochs: int) -> Any:
    """An engine callback that reports the loss to `view` and stops when `worker` is cancelled."""
    from tutor.app.workers import RunCancelled
    from tutor.engine.callbacks import Callback

    exercise_id = view.exercise.id

    class LiveLoss(Callback):
        def on_train_begin(self, logs: dict[str, float] | None = None) -> None:
            self.losses: list[float] = []
            self.last = 0.0

        def on_epoch_end(self, epoch: int, logs: dict[str, float] | None = None) -> None:
            if worker.is_cancelled:
                raise RunCancelled
            logs = dict(logs or {})
            self.losses.append(float(logs.get("loss", math.nan)))
            now = time.monotonic()
            if now - self.last >= 1 / REPORTS_PER_SECOND:
                self.last = now
                self._report(epoch + 1, logs)

        def on_train_end(self, logs: dict[str, float] | None = None) -> None:
            self._report(len(self.losses), dict(logs or {}))

        def _report(self, epoch: int, logs: dict[str, float]) -> None:
            view.post_message(
                ExperimentProgress(exercise_id, epoch, epochs, tuple(self.losses), logs)
            )

    return LiveLoss()


def loss_plot() -> Widget:
    """The lab's plotext plot when it is there; a sparkline otherwise."""
    try:
        from tutor.app.widgets.plot import PlotextPlot
    except ImportError:
        return Sparkline([], classes="train-loss")
    return PlotextPlot(classes="train-loss -plot")


def draw_losses(plot: Widget, losses: list[float], title: str, xlabel: str) -> None:
    if isinstance(plot, Sparkline):
        plot.data = losses[-400:]
        return
    from tutor.app.widgets.plot import Series

    epochs = list(range(1, len(losses) + 1))
    plot.plot([Series(title, epochs, losses)], title=title, xlabel=xlabel)  # type: ignore[attr-defined]


class ExperimentView(ExerciseView):
    check_label = "experiment_train"
    running_label = "checking"

    def compose_answer(self) -> ComposeResult:
        spec: ExperimentSpec = self.exercise.spec
        yield Static(classes="ex-how", markup=False)
        for index, (name, allowed) in enumerate(spec.form.items()):
            default = spec.defaults.get(name)
            with Horizontal(classes="field-row"):
                yield Label(name, classes="field-name", markup=False)
                if name in spec.ranges:
                    yield Input(
                        str(default), id=f"field-{index}", classes="field-value", compact=True
                    )
                else:
                    options = [(str(choice), str(choice)) for choice in allowed]
                    value = str(default) if default in allowed else options[0][1]
                    yield Select(
                        options,
                        value=value,
                        allow_blank=False,
                        id=f"field-{index}",
                        classes="field-value",
                    )
                yield Static(classes="field-allowed", markup=False, id=f"allowed-{index}")
        yield ProgressBar(total=1, show_eta=False, classes="train-progress")
        yield Static(classes="train-status", markup=False)
        yield loss_plot()

    def on_mount(self) -> None:
        self.query_one(".train-progress").display = False
        self.query_one(".train-loss").display = False

    def apply_answer_language(self, lang: str) -> None:
        spec: ExperimentSpec = self.exercise.spec
        self.query_one(".ex-how", Static).update(t("experiment_form", lang, dataset=spec.dataset))
        for index, name in enumerate(spec.form):
            self.query_one(f"#allowed-{index}", Static).update(
                t("experiment_allowed", lang, allowed=_describe(spec, name))
            )

    # --- the form -------------------------------------------------------------------------------

    def settings(self) -> dict[str, str]:
        spec: ExperimentSpec = self.exercise.spec
        values = {}
        for index, name in enumerate(spec.form):
            field = self.query_one(f"#field-{index}")
            if isinstance(field, Select):
                values[name] = str(field.value)
            elif isinstance(field, Input):
                values[name] = field.value.strip()
        return values

    def answer(self) -> str | None:
        spec: ExperimentSpec = self.exercise.spec
        answer = " ".join(f"{name}={value}" for name, value in self.settings().items())
        try:
            self.config = read_config(spec, answer)
        except ConfigError as error:
            self.say_text(error.text)
            return None
        self.say(None)
        return answer

    def restore(self, answer: str) -> None:
        from tutor.exercises.assignments import AssignmentError, parse_assignments

        spec: ExperimentSpec = self.exercise.spec
        try:
            given = parse_assignments(answer)
        except AssignmentError:
            return
        for index, name in enumerate(spec.form):
            if name not in given:
                continue
            field = self.query_one(f"#field-{index}")
            if isinstance(field, Input):
                field.value = given[name]
            elif isinstance(field, Select):
                wanted = given[name].strip().lower()
                allowed = {str(choice).lower(): str(choice) for choice in spec.form[name]}
                number = parse_number(wanted)
                for choice in spec.form[name]:
                    if number is not None and isinstance(choice, int | float) and choice == number:
                        wanted = str(choice)
                if wanted in allowed:
                    field.value = allowed[wanted]

    # --- the run --------------------------------------------------------------------------------

    def watchers(self, worker: Any) -> list[Any]:
        epochs = int(getattr(self, "config", {}).get("epochs", 1))
        self.live = live_loss(self, worker, epochs)
        return [self.live]

    def action_check(self) -> None:
        was_running = self.running
        super().action_check()
        if self.running and not was_running:
            epochs = int(self.config.get("epochs", 1))
            bar = self.query_one(".train-progress", ProgressBar)
            bar.update(total=epochs, progress=0)
            bar.display = True
            plot = self.query_one(".train-loss", Widget)
            draw_losses(plot, [], t("experiment_loss", self.lang), t("epoch", self.lang))
            plot.display = True

    def on_experiment_progress(self, message: ExperimentProgress) -> None:
        message.stop()
        self.query_one(".train-progress", ProgressBar).update(
            total=message.epochs, progress=message.epoch
        )
        finite = [loss for loss in message.losses if math.isfinite(loss)]
        draw_losses(
            self.query_one(".train-loss", Widget),
            finite,
            t("experiment_loss", self.lang),
            t("epoch", self.lang),
        )
        last = f"{message.losses[-1]:.4g}" if message.losses else "-"
        key = "experiment_training" if self.running else "experiment_done"
        self.query_one(".train-status", Static).update(
            t(key, self.lang, epoch=message.epoch, epochs=message.epochs, loss=last)
        )
        self.last_progress = message

    def after_verdict(self, verdict: Any) -> None:
        progress = getattr(self, "last_progress", None)
        if progress is not None:
            last = f"{progress.losses[-1]:.4g}" if progress.losses else "-"
            self.query_one(".train-status", Static).update(
                t(
                    "experiment_done",
                    self.lang,
                    epoch=progress.epoch,
                    epochs=progress.epochs,
                    loss=last,
                )
            )
