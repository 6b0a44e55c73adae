"""The training lab: choose a data set and a network, train it, watch the curves, read the results.

Training runs in a thread worker (`tutor.lab` does the work and knows nothing of the UI). The
thread reports through `LabTrainingProgress` messages, at most about ten a second; a newer one
replaces an older one still in the queue, so the screen never falls behind and the thread never
waits for it. `s` or Escape stops within one batch.

    app.push_screen(LabScreen())                  # the digits data set by default
    app.push_screen(LabScreen(dataset="mnist"))
"""

from __future__ import annotations

import threading
import time
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import (
    Button,
    Footer,
    Input,
    ProgressBar,
    Select,
    Static,
    TabbedContent,
    TabPane,
)
from textual.worker import get_current_worker

from tutor import datasets
from tutor.app.messages import LabTrainingFinished, LabTrainingProgress, LabTrainingStage
from tutor.app.screens.training import TrainingScreen, format_seconds
from tutor.app.text import t
from tutor.app.widgets.lab_results import LabResults
from tutor.app.widgets.lab_settings import LabSettings
from tutor.app.widgets.lab_status import final_status, running_status
from tutor.app.widgets.plot import PlotextPlot, Series
from tutor.app.widgets.settings_form import settings_problem
from tutor.lab.settings import DEFAULTS, LabConfig, SettingsError

if TYPE_CHECKING:
    from tutor.lab import LabData, LabProgress, LabResult


class LabScreen(TrainingScreen):
    """The training lab."""

    PLOT_INTERVAL: ClassVar[float] = 0.2
    """Seconds between two redraws of the curves while training (plotext holds the GIL for
    about 5 ms a plot, time the training thread waits for)."""

    fixed_elapsed: ClassVar[float | None] = None
    """Tests set this so that elapsed time and ETA read the same on every run (snapshots)."""

    BINDINGS: ClassVar = [
        Binding("t", "train", "Train"),
        Binding("s", "stop", "Stop"),
        Binding("escape", "stop_or_back", "Stop/back"),
        Binding("o", "toggle_settings", "Settings"),
        Binding("1", "show_curves", "Curves", show=False),
        Binding("2", "show_results", "Results", show=False),
        Binding("i", "open_inside", "Inside"),  # 2-D data sets (issue 12)
    ]

    DEFAULT_CSS = """
    LabScreen #lab-title { height: 1; padding: 0 1; background: $panel; text-style: bold; }
    LabScreen #lab-settings { width: 36; padding: 0 1; border-right: vkey $foreground 20%; }
    LabScreen #lab-settings .field { height: 1; margin-top: 1; }
    LabScreen #lab-settings .field Label { width: 14; color: $text-muted; }
    LabScreen #lab-settings .field Input, LabScreen #lab-settings .field Select { width: 1fr; }
    LabScreen #lab-settings .field-stacked { height: auto; margin-top: 1; }
    LabScreen #lab-settings .field-stacked Label { color: $text-muted; }
    LabScreen #lab-settings Checkbox { margin-top: 1; }
    LabScreen #dataset-info, LabScreen #architecture { color: $text-muted; }
    LabScreen #lab-buttons { height: 1; margin-top: 1; }
    LabScreen #lab-buttons Button { width: 1fr; min-width: 8; margin-right: 1; }
    LabScreen #lab-main { padding: 0 1; }
    LabScreen #progress-row { height: 1; }
    LabScreen #progress { width: 1fr; }
    LabScreen #status { height: auto; min-height: 1; }
    LabScreen #status.-error { color: $error; }
    LabScreen #plots { height: 1fr; }
    LabScreen #plots.-narrow { layout: vertical; }
    LabScreen #lab-tabs { height: 1fr; }
    LabScreen TabPane { padding: 0; }
    LabScreen #results { height: 1fr; }
    LabScreen #result-summary { margin-bottom: 1; }
    LabScreen #confusion { height: auto; max-height: 14; margin-bottom: 1; width: auto; }
    LabScreen .section-title { text-style: bold; }
    """

    NARROW = 100
    """Below this many columns the settings make way for the plots while the model trains."""

    def __init__(self, dataset: str = "digits", *, name: str | None = None, id: str | None = None):
        super().__init__(name=name, id=id)
        self.initial_dataset = dataset if dataset in DEFAULTS else "digits"
        self.run_id = 0
        self.progress_seen: LabProgress | None = None
        self.last_result: LabResult | None = None
        self.last_data: LabData | None = None
        self.last_error: str | None = None
        self.stage = "idle"
        self.config: LabConfig | None = None
        self.progress_messages = 0
        """How many progress snapshots reached the screen (for measuring the update rate)."""
        self.last_plot = 0.0

    # ---- layout -----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        config = DEFAULTS[self.initial_dataset]
        self.lang = self.app_lang
        yield Static(id="lab-title", markup=False)
        with Horizontal(id="lab-body"):
            yield LabSettings(self.initial_dataset, self.lang, id="lab-settings")
            with Vertical(id="lab-main"):
                with Horizontal(id="progress-row"):
                    yield ProgressBar(total=config.epochs, show_eta=False, id="progress")
                yield Static(id="status", markup=False)
                with TabbedContent(id="lab-tabs", initial="curves"):
                    with TabPane("curves", id="curves"), Horizontal(id="plots"):
                        yield PlotextPlot(id="loss-plot")
                        yield PlotextPlot(id="accuracy-plot")
                    with TabPane("results", id="results-pane"):
                        yield LabResults(id="results")
        yield Footer()

    @property
    def settings(self) -> LabSettings:
        return self.query_one(LabSettings)

    @property
    def dataset(self) -> str:
        return self.settings.dataset

    def after_mount(self) -> None:
        self._show_results()

    def on_resize(self) -> None:
        self.call_after_refresh(self._arrange_plots)

    def _arrange_plots(self) -> None:
        """Stack the two plots when each still gets 10 rows, else put them side by side."""
        plots = self.query_one("#plots")
        width, height = plots.size
        plots.set_class(height >= 20 or width < 60, "-narrow")

    def action_toggle_settings(self) -> None:
        settings = self.settings
        settings.display = not settings.display
        self.call_after_refresh(self._arrange_plots)

    # ---- language ---------------------------------------------------------------------------

    def apply_language(self) -> None:
        """Write every label, title and message in the current language."""
        lang = self.lang
        self.settings.apply_language(lang)
        tabs = self.query_one(TabbedContent)
        tabs.get_tab("curves").label = t("lab.tab_curves", lang)
        tabs.get_tab("results-pane").label = t("lab.tab_results", lang)
        self._update_title()
        self._redraw_plots()
        self._refresh_status()
        if self.stage in ("finished", "idle"):
            self._show_results()

    def _update_title(self) -> None:
        title = datasets.describe(self.dataset).title[self.lang]
        self.query_one("#lab-title", Static).update(f"{t('lab.lab_title', self.lang)} · {title}")

    # ---- events -----------------------------------------------------------------------------

    @on(Select.Changed, "#dataset")
    def _dataset_changed(self) -> None:
        self._update_title()

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_train()

    @on(Button.Pressed, "#train")
    def _train_pressed(self) -> None:
        self.action_train()

    @on(Button.Pressed, "#stop")
    def _stop_pressed(self) -> None:
        self.action_stop()

    # ---- actions ----------------------------------------------------------------------------

    def read_config(self) -> LabConfig:
        """The settings as a `LabConfig`; SettingsError if one of them is wrong."""
        return self.settings.read_config()

    def action_train(self) -> None:
        if self.running:
            return
        try:
            config = self.read_config()
        except SettingsError as error:
            self.set_status(settings_problem(error, self.lang), error=True)
            return
        self.running = True
        self.run_id += 1
        self.stop_event = threading.Event()
        self.progress_seen = None
        self.last_result = self.last_data = self.last_error = None
        self.stage = "loading"
        self.progress_messages = 0
        self.config = config
        if self.size.width < self.NARROW:
            self.settings.display = False
            self.call_after_refresh(self._arrange_plots)
        self._set_running(True)
        self.query_one("#progress", ProgressBar).update(total=config.epochs, progress=0)
        self.query_one(TabbedContent).active = "curves"
        self._redraw_plots()
        self._show_results()
        self._refresh_status()
        self.train_in_thread(config, self.run_id, self.stop_event)

    def action_stop(self) -> None:
        if self.running and not self.stop_event.is_set():
            self.stop_event.set()
            self.stage = "stopping"
            self._refresh_status()

    def action_open_inside(self) -> None:
        """The last run's network in the neuron view and step mode (2-D data sets)."""
        from tutor.app.screens.inside import InsideScreen, inside_of_lab_run

        result, data = self.last_result, self.last_data
        if self.running or result is None or data is None:
            self.notify(t("inside.train_first", self.lang), markup=False)
        elif data.n_features != 2:
            self.notify(t("inside.not_2d", self.lang), markup=False)
        else:
            self.app.push_screen(InsideScreen(inside_of_lab_run(result.run, data)))

    def action_show_curves(self) -> None:
        self.action_show_tab("curves")

    def action_show_results(self) -> None:
        self.action_show_tab("results")

    def action_show_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = "curves" if tab == "curves" else "results-pane"
        if tab != "curves":
            results = self.query_one(LabResults)
            results.focus()
            results.remeasure()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "train":
            return not self.running
        if action == "stop":
            return self.running
        return True

    def _set_running(self, running: bool) -> None:
        self.running = running
        self.settings.set_running(running)
        if not self.settings.display:
            self.query_one("#lab-tabs").focus()
        elif running:
            self.query_one("#stop", Button).focus()
        self.refresh_bindings()

    # ---- the worker -------------------------------------------------------------------------

    @work(thread=True, exclusive=True, exit_on_error=False, group="lab-training")
    def train_in_thread(self, config: LabConfig, run_id: int, stop: threading.Event) -> None:
        """Load, train and evaluate; talks to the screen only through messages."""
        from tutor.lab import evaluate_lab, load_lab_data, train_lab

        should_stop = self.stopper(stop)

        def report(progress: object) -> None:
            self.post_message(LabTrainingProgress(progress, run_id))  # type: ignore[arg-type]

        def run() -> None:
            data = load_lab_data(config.dataset, config.scale)
            trained = train_lab(config, data, report, should_stop)
            if get_current_worker().is_cancelled:
                return  # the screen is going away
            self.post_message(LabTrainingStage("evaluating", run_id))
            result = evaluate_lab(trained, data)
            self.post_message(LabTrainingFinished(run_id, result=result, data=data))

        self.guarded("training", run, lambda error: LabTrainingFinished(run_id, error=error))

    def on_lab_training_progress(self, message: LabTrainingProgress) -> None:
        if message.run_id != self.run_id:
            return
        self.progress_messages += 1
        self.progress_seen = message.progress
        if self.stage == "loading":
            self.stage = "training"
        self.query_one("#progress", ProgressBar).update(
            total=message.progress.epochs, progress=message.progress.done
        )
        self._refresh_status()
        now = time.monotonic()
        if now - self.last_plot >= self.PLOT_INTERVAL:
            self.last_plot = now
            self._redraw_plots()

    def on_lab_training_stage(self, message: LabTrainingStage) -> None:
        if message.run_id == self.run_id:
            self.stage = message.stage
            self._refresh_status()

    def on_lab_training_finished(self, message: LabTrainingFinished) -> None:
        if message.run_id != self.run_id:
            return
        self.last_result, self.last_data = message.result, message.data
        self.last_error = message.error
        if message.result is not None:
            self.progress_seen = message.result.run.progress
        self.stage = "finished"
        self._set_running(False)
        self._redraw_plots()
        self._refresh_status()
        self._show_results()
        result = message.result
        if result is not None and result.run.outcome != "diverged":
            self.action_show_tab("results")
        if self.settings.display:
            self.query_one("#train", Button).focus()

    # ---- drawing ----------------------------------------------------------------------------

    def _time(self, seconds: float | None) -> str:
        if self.fixed_elapsed is not None and seconds is not None:
            return format_seconds(self.fixed_elapsed)
        return format_seconds(seconds)

    def _refresh_status(self) -> None:
        if self.stage == "finished":
            self.set_status(*self._final_status())
            return
        progress = None if self.stage == "idle" else self.progress_seen
        text = running_status(self.stage, progress, self.dataset, self.lang, self._time)
        self.set_status(text)

    def _final_status(self) -> tuple[str, bool]:
        return final_status(self.last_result, self.last_error, self.lang, self._time)

    def _redraw_plots(self) -> None:
        lang = self.lang
        progress = self.progress_seen
        loss_plot = self.query_one("#loss-plot", PlotextPlot)
        accuracy_plot = self.query_one("#accuracy-plot", PlotextPlot)
        axis = t("lab.epoch_axis", lang)
        empty = t("lab.curves_empty", lang)
        loss_plot.set_labels(t("lab.loss_title", lang), axis, empty)
        accuracy_plot.set_labels(t("lab.accuracy_title", lang), axis, empty)
        if progress is None:
            loss_plot.clear()
            accuracy_plot.clear()
            return
        train, validation = t("lab.train_word", lang), t("lab.validation_word", lang)
        xlim = (0.0, float(max(progress.epochs, 1)))
        for plot, key, ylim in (
            (loss_plot, "loss", None),
            (accuracy_plot, "accuracy", (0.0, 1.0)),
        ):
            series = [Series(train, *progress.curves.get(key, ((), ())))]
            if f"val_{key}" in progress.curves:
                series.append(Series(validation, *progress.curves[f"val_{key}"]))
            plot.plot(series, xlim=xlim, ylim=ylim)

    def _show_results(self) -> None:
        instead = self._final_status()[0] if self.stage == "finished" else ""
        self.query_one(LabResults).show(self.last_result, self.last_data, self.lang, instead)
