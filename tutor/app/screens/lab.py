"""The training lab: choose a data set and a network, train it, watch the curves, read the results.

Training runs in a thread worker (`tutor.app.training` does the work and knows nothing of the
UI). The thread reports through `TrainingProgress` messages, at most about ten a second; a newer
one replaces an older one still in the queue, so the screen never falls behind and the thread
never waits for it. `s` or Escape stops within one batch.

    app.push_screen(LabScreen())                  # the digits data set by default
    app.push_screen(LabScreen(dataset="mnist"))
"""

from __future__ import annotations

import math
import threading
import time
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import (
    Button,
    Checkbox,
    DataTable,
    Footer,
    Input,
    Label,
    ProgressBar,
    Select,
    Static,
    TabbedContent,
    TabPane,
)
from textual.worker import get_current_worker

from tutor import datasets
from tutor.app.base import Safe
from tutor.app.lab_text import follow_language, format_seconds, lang_of, localize_bindings, tr
from tutor.app.training import (
    ACTIVATIONS,
    DEFAULTS,
    GATES,
    IMAGE_DATASETS,
    LAB_DATASETS,
    OPTIMIZERS,
    LabConfig,
    LabData,
    LabProgress,
    LabResult,
    count_parameters,
    evaluate_lab,
    format_hidden,
    load_lab_data,
    parse_hidden,
    train_lab,
)
from tutor.app.widgets.digits import DigitGallery, LabelledImage
from tutor.app.widgets.plot import PlotextPlot, Series


class TrainingProgress(Message):
    """A snapshot of the run; a newer one replaces one still waiting in the queue."""

    def __init__(self, progress: LabProgress, run_id: int):
        super().__init__()
        self.progress = progress
        self.run_id = run_id

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, TrainingProgress)


class TrainingStage(Message):
    """The run moved on to another stage: "loading" or "evaluating"."""

    def __init__(self, stage: str, run_id: int):
        super().__init__()
        self.stage = stage
        self.run_id = run_id


class TrainingFinished(Message):
    """The run is over: its result, or the error that ended it."""

    def __init__(
        self,
        run_id: int,
        result: LabResult | None = None,
        data: LabData | None = None,
        error: str | None = None,
    ):
        super().__init__()
        self.run_id = run_id
        self.result = result
        self.data = data
        self.error = error


class SettingsError(ValueError):
    """A setting the learner typed cannot be used; the message says what is expected."""


def _number(value: float | None, digits: int = 4) -> str:
    if value is None:
        return "–"
    if not math.isfinite(value):
        return str(value)
    return f"{value:.{digits}f}"


class LabScreen(Safe, Screen):
    """The training lab. Reads the language from `app.lang` ("ko" when absent)."""

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
        Binding("1", "show_tab('curves')", "Curves", show=False),
        Binding("2", "show_tab('results')", "Results", show=False),
    ]
    BINDING_TEXT: ClassVar = {
        "train": "key_train",
        "stop": "key_stop",
        "stop_or_back": "key_back",
        "toggle_settings": "key_settings",
        "show_tab('curves')": "key_curves",
        "show_tab('results')": "key_results",
    }

    DEFAULT_CSS = """
    LabScreen #lab-title { height: 1; padding: 0 1; background: $panel; text-style: bold; }
    LabScreen #lab-settings { width: 36; padding: 0 1; border-right: vkey $foreground 20%; }
    LabScreen #lab-settings .field { height: 1; margin-top: 1; }
    LabScreen #lab-settings .field Label { width: 14; color: $text-muted; }
    LabScreen #lab-settings .field Input, LabScreen #lab-settings .field Select { width: 1fr; }
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

    def __init__(self, dataset: str = "digits", *, name: str | None = None, id: str | None = None):
        super().__init__(name=name, id=id)
        if dataset not in DEFAULTS:
            dataset = "digits"
        self.initial_dataset = dataset
        self.lang = "ko"
        self.running = False
        self.run_id = 0
        self.stop_event = threading.Event()
        self.progress_seen: LabProgress | None = None
        self.last_result: LabResult | None = None
        self.last_data: LabData | None = None
        self.last_error: str | None = None
        self.stage = "idle"
        self.config: LabConfig | None = None
        self.progress_messages = 0
        """How many progress snapshots reached the screen (for measuring the update rate)."""
        self.last_plot = 0.0

    # ---- layout ---------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        config = DEFAULTS[self.initial_dataset]
        lang = self.lang = lang_of(self.app)
        yield Static(id="lab-title", markup=False)
        with Horizontal(id="lab-body"):
            with VerticalScroll(id="lab-settings"):
                with Horizontal(classes="field"):
                    yield Label(id="label-dataset")
                    yield Select(
                        [(datasets.describe(n).title[lang], n) for n in LAB_DATASETS],
                        value=config.dataset,
                        allow_blank=False,
                        compact=True,
                        id="dataset",
                    )
                yield Static(id="dataset-info", markup=False)
                with Horizontal(classes="field"):
                    yield Label(id="label-hidden")
                    yield Input(format_hidden(config.hidden), compact=True, id="hidden")
                with Horizontal(classes="field"):
                    yield Label(id="label-activation")
                    yield Select(
                        [(name, name) for name in ACTIVATIONS],
                        value=config.activation,
                        allow_blank=False,
                        compact=True,
                        id="activation",
                    )
                with Horizontal(classes="field"):
                    yield Label(id="label-optimizer")
                    yield Select(
                        [(name, name) for name in OPTIMIZERS],
                        value=config.optimizer,
                        allow_blank=False,
                        compact=True,
                        id="optimizer",
                    )
                with Horizontal(classes="field"):
                    yield Label(id="label-lr")
                    yield Input(str(config.learning_rate), compact=True, id="lr")
                with Horizontal(classes="field"):
                    yield Label(id="label-epochs")
                    yield Input(str(config.epochs), compact=True, id="epochs")
                with Horizontal(classes="field"):
                    yield Label(id="label-batch")
                    yield Input(str(config.batch_size), compact=True, id="batch")
                yield Checkbox(value=config.scale, compact=True, id="scale")
                yield Static(id="architecture", markup=False)
                with Horizontal(id="lab-buttons"):
                    yield Button(variant="primary", compact=True, id="train")
                    yield Button(variant="error", compact=True, id="stop", disabled=True)
            with Vertical(id="lab-main"):
                with Horizontal(id="progress-row"):
                    yield ProgressBar(total=config.epochs, show_eta=False, id="progress")
                yield Static(id="status", markup=False)
                with TabbedContent(id="lab-tabs", initial="curves"):
                    with TabPane("curves", id="curves"), Horizontal(id="plots"):
                        yield PlotextPlot(id="loss-plot")
                        yield PlotextPlot(id="accuracy-plot")
                    with TabPane("results", id="results-pane"), VerticalScroll(id="results"):
                        yield Static(id="result-summary", markup=False)
                        yield Static(id="confusion-title", classes="section-title", markup=False)
                        yield DataTable(id="confusion", cursor_type="none", zebra_stripes=True)
                        yield Static(id="samples-title", classes="section-title", markup=False)
                        yield DigitGallery(id="gallery")
                        yield Static(id="samples-text", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.lang = lang_of(self.app)
        follow_language(self, self.set_language)
        self.apply_language()
        self._show_results()

    NARROW = 100
    """Below this many columns the settings make way for the plots while the model trains."""

    def on_resize(self) -> None:
        self.call_after_refresh(self._arrange_plots)

    def _arrange_plots(self) -> None:
        """Stack the two plots when each still gets 10 rows, else put them side by side."""
        plots = self.query_one("#plots")
        width, height = plots.size
        plots.set_class(height >= 20 or width < 60, "-narrow")

    def action_toggle_settings(self) -> None:
        settings = self.query_one("#lab-settings")
        settings.display = not settings.display
        self.call_after_refresh(self._arrange_plots)

    # ---- language -------------------------------------------------------------------------

    def set_language(self, lang: str) -> None:
        self.lang = lang if lang in ("ko", "en") else "ko"
        self.apply_language()

    def apply_language(self) -> None:
        """Write every label, title and message in the current language."""
        lang = self.lang
        localize_bindings(self, {a: tr(k, lang) for a, k in self.BINDING_TEXT.items()})
        labels = {
            "#label-dataset": "dataset",
            "#label-hidden": "hidden_layers",
            "#label-activation": "activation",
            "#label-optimizer": "optimizer",
            "#label-lr": "learning_rate",
            "#label-epochs": "epochs",
            "#label-batch": "batch_size",
        }
        for selector, key in labels.items():
            self.query_one(selector, Label).update(tr(key, lang))
        self.query_one("#hidden", Input).placeholder = tr("hidden_hint", lang)
        self.query_one("#train", Button).label = tr("train_button", lang)
        self.query_one("#stop", Button).label = tr("stop_button", lang)
        dataset = self.query_one("#dataset", Select)
        current = dataset.value
        with dataset.prevent(Select.Changed):
            dataset.set_options([(datasets.describe(n).title[lang], n) for n in LAB_DATASETS])
            # set_options picks the first option; going through another one makes the label
            # follow even when the first option is the current one.
            dataset.value = LAB_DATASETS[1] if current == LAB_DATASETS[0] else LAB_DATASETS[0]
            dataset.value = current
        tabs = self.query_one(TabbedContent)
        tabs.get_tab("curves").label = tr("tab_curves", lang)
        tabs.get_tab("results-pane").label = tr("tab_results", lang)
        self.query_one("#confusion-title", Static).update(tr("confusion_title", lang))
        self._update_dataset_text()
        self._update_architecture()
        self._redraw_plots()
        self._refresh_status()
        if self.stage in ("finished", "idle"):
            self._show_results()

    # ---- reading the settings -------------------------------------------------------------

    @property
    def dataset(self) -> str:
        value = self.query_one("#dataset", Select).value
        return value if isinstance(value, str) else self.initial_dataset

    def _field(self, selector: str) -> str:
        return self.query_one(selector, Input).value.strip()

    def _whole(self, selector: str, key: str, low: int, high: int) -> int:
        text = self._field(selector)
        if not text.isdigit() or not low <= int(text) <= high:
            expected = tr("whole_number", self.lang, low=low, high=f"{high:,}")
            raise SettingsError(
                tr("bad_number", self.lang, field=tr(key, self.lang), expected=expected, value=text)
            )
        return int(text)

    def read_config(self) -> LabConfig:
        """The settings as a `LabConfig`; SettingsError with a clear message if one is wrong."""
        lang = self.lang
        hidden_text = self._field("#hidden")
        try:
            hidden = parse_hidden(hidden_text)
        except ValueError as error:
            raise SettingsError(tr("bad_hidden", lang, value=error.args[0])) from None
        lr_text = self._field("#lr")
        try:
            learning_rate = float(lr_text)
        except ValueError:
            learning_rate = -1.0
        if not (math.isfinite(learning_rate) and learning_rate > 0):
            raise SettingsError(
                tr(
                    "bad_number",
                    lang,
                    field=tr("learning_rate", lang),
                    expected=tr("positive_number", lang),
                    value=lr_text,
                )
            )
        epochs = self._whole("#epochs", "epochs", 1, 100_000)
        batch = self._whole("#batch", "batch_size", 1, 100_000)
        activation = self.query_one("#activation", Select).value
        optimizer = self.query_one("#optimizer", Select).value
        return LabConfig(
            dataset=self.dataset,
            hidden=hidden,
            activation=str(activation),
            optimizer=str(optimizer),
            learning_rate=learning_rate,
            epochs=epochs,
            batch_size=batch,
            scale=self.query_one("#scale", Checkbox).value,
            seed=DEFAULTS[self.dataset].seed,
        )

    def fill_settings(self, config: LabConfig) -> None:
        """Put a configuration into the form (used when the data set changes)."""
        self.query_one("#hidden", Input).value = format_hidden(config.hidden)
        self.query_one("#activation", Select).value = config.activation
        self.query_one("#optimizer", Select).value = config.optimizer
        self.query_one("#lr", Input).value = str(config.learning_rate)
        self.query_one("#epochs", Input).value = str(config.epochs)
        self.query_one("#batch", Input).value = str(config.batch_size)
        self.query_one("#scale", Checkbox).value = config.scale

    def _update_dataset_text(self) -> None:
        name, lang = self.dataset, self.lang
        info = datasets.describe(name)
        if name in GATES:
            rows = tr("data_rows_gate", lang)
        else:
            n_train, n_test = info.shapes["x_train"][0], info.shapes["x_test"][0]
            validation = n_train - math.floor(n_train * 0.8)
            rows = tr("data_rows", lang, train=n_train, validation=validation, test=n_test)
        self.query_one("#dataset-info", Static).update(rows)
        self.query_one("#dataset", Select).tooltip = info.summary[lang]
        scale_key = "scale_images" if name in IMAGE_DATASETS else "scale_tables"
        self.query_one("#scale", Checkbox).label = tr(scale_key, lang)
        self.query_one("#lab-title", Static).update(f"{tr('lab_title', lang)} · {info.title[lang]}")

    def _update_architecture(self) -> None:
        info = datasets.describe(self.dataset)
        n_features = math.prod(info.input_shape)
        n_classes = len(info.classes["en"])
        target = self.query_one("#architecture", Static)
        try:
            hidden = parse_hidden(self._field("#hidden"))
        except ValueError as error:
            target.update(tr("bad_hidden", self.lang, value=error.args[0]))
            return
        sizes = (n_features, *hidden, 1 if n_classes == 2 else n_classes)
        if n_classes == 2:
            output = tr("output_sigmoid", self.lang)
        else:
            output = tr("output_softmax", self.lang, classes=n_classes)
        target.update(
            tr(
                "architecture",
                self.lang,
                sizes="-".join(map(str, sizes)),
                none="" if hidden else tr("no_hidden", self.lang),
                params=count_parameters(sizes),
                output=output,
            )
        )

    @on(Select.Changed, "#dataset")
    def _dataset_changed(self) -> None:
        self.fill_settings(DEFAULTS[self.dataset])
        self._update_dataset_text()
        self._update_architecture()

    @on(Input.Changed, "#hidden")
    def _hidden_changed(self) -> None:
        self._update_architecture()

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_train()

    @on(Button.Pressed, "#train")
    def _train_pressed(self) -> None:
        self.action_train()

    @on(Button.Pressed, "#stop")
    def _stop_pressed(self) -> None:
        self.action_stop()

    # ---- actions --------------------------------------------------------------------------

    def action_train(self) -> None:
        if self.running:
            return
        try:
            config = self.read_config()
        except SettingsError as error:
            self._set_status(str(error), error=True)
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
            self.query_one("#lab-settings").display = False
            self.call_after_refresh(self._arrange_plots)
        self._set_running(True)
        self.query_one("#progress", ProgressBar).update(total=config.epochs, progress=0)
        self.query_one(TabbedContent).active = "curves"
        self._redraw_plots()
        self._show_results()
        self._refresh_status()
        self.train_in_thread(config, self.run_id)

    def action_stop(self) -> None:
        if self.running and not self.stop_event.is_set():
            self.stop_event.set()
            self.stage = "stopping"
            self._refresh_status()

    def action_stop_or_back(self) -> None:
        if self.running:
            self.action_stop()
        elif len(self.app.screen_stack) > 1:
            self.app.pop_screen()

    def action_show_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = "curves" if tab == "curves" else "results-pane"
        if tab != "curves":
            self.query_one("#results").focus()
            # Filled while its tab was hidden, the matrix (auto height) must measure itself again.
            self.query_one("#confusion", DataTable).refresh(layout=True)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "train":
            return not self.running
        if action == "stop":
            return self.running
        return True

    def _set_running(self, running: bool) -> None:
        self.running = running
        for widget in self.query("#lab-settings Input, #lab-settings Select, #scale"):
            widget.disabled = running
        self.query_one("#train", Button).disabled = running
        stop = self.query_one("#stop", Button)
        stop.disabled = not running
        if not self.query_one("#lab-settings").display:
            self.query_one("#lab-tabs").focus()
        elif running:
            stop.focus()
        self.refresh_bindings()

    # ---- the worker -----------------------------------------------------------------------

    @work(thread=True, exclusive=True, exit_on_error=False, group="lab-training")
    def train_in_thread(self, config: LabConfig, run_id: int) -> None:
        """Load, train and evaluate; talks to the screen only through messages."""
        worker = get_current_worker()
        stop = self.stop_event

        def should_stop() -> bool:
            return stop.is_set() or worker.is_cancelled

        def report(progress: object) -> None:
            self.post_message(TrainingProgress(progress, run_id))  # type: ignore[arg-type]

        try:
            data = load_lab_data(config.dataset, config.scale)
            run = train_lab(config, data, report, should_stop)
            if worker.is_cancelled:
                return
            self.post_message(TrainingStage("evaluating", run_id))
            result = evaluate_lab(run, data)
        except Exception as error:  # shown to the learner in one line, never as a traceback
            self.post_message(TrainingFinished(run_id, error=str(error)))
            return
        self.post_message(TrainingFinished(run_id, result=result, data=data))

    def on_training_progress(self, message: TrainingProgress) -> None:
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

    def on_training_stage(self, message: TrainingStage) -> None:
        if message.run_id == self.run_id:
            self.stage = message.stage
            self._refresh_status()

    def on_training_finished(self, message: TrainingFinished) -> None:
        if message.run_id != self.run_id:
            return
        self.last_result, self.last_data, self.last_error = (
            message.result,
            message.data,
            message.error,
        )
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
        if self.query_one("#lab-settings").display:
            self.query_one("#train", Button).focus()

    # ---- drawing --------------------------------------------------------------------------

    def _time(self, seconds: float | None) -> str:
        if self.fixed_elapsed is not None and seconds is not None:
            return format_seconds(self.fixed_elapsed)
        return format_seconds(seconds)

    def _set_status(self, text: str, error: bool = False) -> None:
        status = self.query_one("#status", Static)
        status.update(text)
        status.set_class(error, "-error")

    def _metrics_line(self, logs: dict[str, float]) -> str:
        parts = []
        for key in ("loss", "accuracy", "val_loss", "val_accuracy"):
            if key in logs:
                parts.append(f"{tr('metric_' + key, self.lang)} {_number(logs[key])}")
        return " · ".join(parts)

    def _refresh_status(self) -> None:
        lang = self.lang
        if self.stage == "idle":
            self._set_status(tr("idle", lang))
            return
        if self.stage == "loading":
            self._set_status(tr("loading", lang, dataset=self.dataset))
            return
        if self.stage == "finished":
            self._set_status(*self._final_status())
            return
        progress = self.progress_seen
        if progress is None:
            self._set_status(tr("loading", lang, dataset=self.dataset))
            return
        line = [
            tr("epoch_progress", lang, epoch=progress.epoch, epochs=progress.epochs),
            tr("elapsed", lang, time=self._time(progress.elapsed)),
            tr("eta", lang, time=self._time(progress.eta)),
        ]
        text = " · ".join(line)
        metrics = self._metrics_line(progress.logs)
        if metrics:
            text += "\n" + metrics
        if self.stage == "stopping":
            text += "\n" + tr("stopping", lang)
        elif self.stage == "evaluating":
            text += "\n" + tr("evaluating", lang)
        self._set_status(text)

    def _final_status(self) -> tuple[str, bool]:
        lang = self.lang
        if self.last_error is not None:
            return tr("failed", lang, error=self.last_error), True
        result = self.last_result
        if result is None:
            return tr("idle", lang), False
        run = result.run
        progress = run.progress
        if run.outcome == "diverged":
            epoch, value = run.bad_loss or (progress.epoch, math.nan)
            text = tr("diverged", lang, epoch=epoch, value=value, lr=run.config.learning_rate)
            if lang != "en" and run.stop_reason:
                text += "\n" + tr("engine_said", lang, reason=run.stop_reason)
            return text, True
        accuracy = _number(result.test_accuracy)
        if run.outcome == "stopped":
            text = tr(
                "stopped", lang, epoch=progress.epoch, epochs=progress.epochs, accuracy=accuracy
            )
        else:
            text = tr(
                "finished",
                lang,
                epochs=progress.epoch,
                time=self._time(progress.elapsed),
                accuracy=accuracy,
            )
        metrics = self._metrics_line(progress.logs)
        return (text + ("\n" + metrics if metrics else "")), False

    def _redraw_plots(self) -> None:
        lang = self.lang
        progress = self.progress_seen
        loss_plot = self.query_one("#loss-plot", PlotextPlot)
        accuracy_plot = self.query_one("#accuracy-plot", PlotextPlot)
        axis = tr("epoch_axis", lang)
        empty = tr("curves_empty", lang)
        loss_plot.set_labels(tr("loss_title", lang), axis, empty)
        accuracy_plot.set_labels(tr("accuracy_title", lang), axis, empty)
        if progress is None:
            loss_plot.clear()
            accuracy_plot.clear()
            return
        train, validation = tr("train_word", lang), tr("validation_word", lang)
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
        lang = self.lang
        summary = self.query_one("#result-summary", Static)
        table = self.query_one("#confusion", DataTable)
        gallery = self.query_one("#gallery", DigitGallery)
        samples_title = self.query_one("#samples-title", Static)
        samples_text = self.query_one("#samples-text", Static)
        result, data = self.last_result, self.last_data
        has_matrix = result is not None and result.confusion is not None and data is not None
        for widget in (table, samples_title, self.query_one("#confusion-title")):
            widget.display = has_matrix
        gallery.display = has_matrix and data is not None and data.images is not None
        samples_text.display = has_matrix and not gallery.display
        if not has_matrix or result is None or data is None:
            text, _ = self._final_status() if self.stage == "finished" else ("", False)
            summary.update(text or tr("results_empty", lang))
            table.clear(columns=True)
            gallery.show(())
            return
        summary.update(self._summary_text(result))
        classes = datasets.describe(data.name).classes[lang]
        self._fill_confusion(table, result, classes)
        samples_title.update(tr("samples_title", lang))
        if data.images is not None:
            gallery.show(
                [
                    LabelledImage(
                        data.images[s.index],
                        tr("predicted_short", lang, label=classes[s.predicted]),
                        tr("true_short", lang, label=classes[s.true]),
                        s.correct,
                    )
                    for s in result.samples
                ]
            )
        else:
            lines = [
                tr(
                    "sample_row",
                    lang,
                    index=s.index,
                    true=classes[s.true],
                    predicted=classes[s.predicted],
                    confidence=s.confidence,
                    mark="✓" if s.correct else "✗",
                )
                for s in result.samples
            ]
            samples_text.update("\n".join(lines))

    def _summary_text(self, result: LabResult) -> str:
        lang = self.lang
        total = int(result.confusion.sum()) if result.confusion is not None else 0
        correct = int(result.confusion.trace()) if result.confusion is not None else 0
        lines = [
            tr(
                "test_summary",
                lang,
                loss=_number(result.test_loss),
                accuracy=_number(result.test_accuracy),
                correct=correct,
                total=total,
            ),
        ]
        logs = result.run.progress.logs
        if "accuracy" in logs:
            lines.append(
                tr(
                    "train_summary",
                    lang,
                    train=_number(logs.get("accuracy")),
                    validation=_number(logs.get("val_accuracy")),
                )
            )
            gap = (logs["accuracy"] - (result.test_accuracy or 0.0)) * 100
            if gap >= 3:
                lines.append(tr("overfitting", lang, gap=f"{gap:.1f}"))
        return "\n".join(lines)

    def _fill_confusion(self, table: DataTable, result: LabResult, classes) -> None:
        matrix = result.confusion
        assert matrix is not None
        table.clear(columns=True)
        table.add_column(tr("confusion_corner", self.lang), key="true")
        for label in classes:
            table.add_column(Text(str(label), justify="right"))
        for row, label in enumerate(classes):
            cells: list[object] = [Text(str(label), style="bold")]
            for col in range(len(classes)):
                count = int(matrix[row, col])
                if row == col:
                    style = "bold green"
                elif count:
                    style = "red"
                else:
                    style = "dim"
                cells.append(Text(str(count), style=style, justify="right"))
            table.add_row(*cells)
