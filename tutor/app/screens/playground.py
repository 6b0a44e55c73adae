"""The playground, after TensorFlow Playground: a small network learns to separate two classes of
points in the plane while the learner watches its decision boundary change.

The network trains in a thread worker; every ~0.15 s the thread computes the network's answer on a
grid of points (as many as the boundary widget has pixels) and posts it as a `PlaygroundFrame`
message that a newer frame replaces if the screen has not drawn it yet. Space starts and pauses,
`r` starts a new network, and changing any setting starts a new network too.

    app.push_screen(PlaygroundScreen())
    app.push_screen(PlaygroundScreen(dataset="spiral"))
"""

from __future__ import annotations

import threading
from typing import ClassVar

from textual import on, work
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, Label, Select, Static
from textual.worker import get_current_worker

from tutor.app.base import Safe
from tutor.app.lab_text import follow_language, lang_of, localize_bindings, tr
from tutor.app.training import (
    ACTIVATIONS,
    PLAYGROUND_DATASETS,
    PLAYGROUND_LEARNING_RATES,
    PLAYGROUND_MAX_LAYERS,
    PLAYGROUND_MAX_UNITS,
    PLAYGROUND_NOISE,
    PLAYGROUND_SPEEDS,
    PLAYGROUND_TEST_RATIOS,
    PlaygroundConfig,
    PlaygroundProgress,
    PlaygroundSession,
    count_parameters,
    format_hidden,
    parse_hidden,
)
from tutor.app.widgets.boundary import DecisionBoundary
from tutor.app.widgets.plot import PlotextPlot, Series

DEFAULT_SPEED = 30


class PlaygroundFrame(Message):
    """One frame from the training thread; a newer one replaces one still in the queue."""

    def __init__(self, frame: PlaygroundProgress):
        super().__init__()
        self.frame = frame

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, PlaygroundFrame)


class PlaygroundFailed(Message):
    def __init__(self, generation: int, error: str):
        super().__init__()
        self.generation = generation
        self.error = error


def _loss(value: float) -> str:
    return f"{value:.3f}" if value == value else "nan"


class PlaygroundScreen(Safe, Screen):
    """The playground. Reads the language from `app.lang` ("ko" when absent)."""

    BINDINGS: ClassVar = [
        # A priority binding, so that a focused Select does not take space to open its menu;
        # in the hidden-units field space still types a space (see action_toggle).
        Binding("space", "toggle", "Start/stop", priority=True),
        Binding("r", "reset", "Reset"),
        Binding("s", "stop", "Stop", show=False),
        Binding("escape", "stop_or_back", "Stop/back"),
    ]
    BINDING_TEXT: ClassVar = {
        "toggle": "key_start_stop",
        "reset": "key_reset",
        "stop": "key_stop",
        "stop_or_back": "key_back",
    }

    DEFAULT_CSS = """
    PlaygroundScreen #pg-title { height: 1; padding: 0 1; background: $panel; text-style: bold; }
    PlaygroundScreen #pg-settings { width: 36; padding: 0 1; border-right: vkey $foreground 20%; }
    PlaygroundScreen .field { height: 1; margin-top: 1; }
    PlaygroundScreen .field Label { width: 14; color: $text-muted; }
    PlaygroundScreen .field Input, PlaygroundScreen .field Select { width: 1fr; }
    PlaygroundScreen #pg-architecture { color: $text-muted; margin-top: 1; }
    PlaygroundScreen #pg-buttons { height: 1; margin-top: 1; }
    PlaygroundScreen #pg-buttons Button { width: 1fr; min-width: 8; margin-right: 1; }
    PlaygroundScreen #pg-loss { height: 12; min-height: 8; margin-top: 1; }
    PlaygroundScreen #pg-main { padding: 0 1; }
    PlaygroundScreen #pg-status { height: auto; }
    PlaygroundScreen #pg-status.-error { color: $error; }
    PlaygroundScreen #boundary { height: 1fr; margin-top: 1; }
    PlaygroundScreen #pg-legend { height: auto; color: $text-muted; }
    """

    def __init__(self, dataset: str = "circle", *, name: str | None = None, id: str | None = None):
        super().__init__(name=name, id=id)
        if dataset not in PLAYGROUND_DATASETS:
            dataset = "circle"
        self.config = PlaygroundConfig(dataset=dataset)
        self.lang = "ko"
        self.generation = 0
        self.session: PlaygroundSession | None = None
        self.running = False
        self.stop_event = threading.Event()
        self.frame: PlaygroundProgress | None = None
        self.frames_drawn = 0
        self.error: str | None = None
        self.speed = DEFAULT_SPEED

    # ---- layout ---------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        config = self.config
        lang = self.lang = lang_of(self.app)
        yield Static(id="pg-title", markup=False)
        with Horizontal(id="pg-body"):
            with VerticalScroll(id="pg-settings"):
                with Horizontal(classes="field"):
                    yield Label(id="pg-label-dataset")
                    yield Select(
                        self._dataset_options(lang),
                        value=config.dataset,
                        allow_blank=False,
                        compact=True,
                        id="pg-dataset",
                    )
                with Horizontal(classes="field"):
                    yield Label(id="pg-label-noise")
                    yield Select(
                        [(f"{n:g}", n) for n in PLAYGROUND_NOISE],
                        value=config.noise,
                        allow_blank=False,
                        compact=True,
                        id="pg-noise",
                    )
                with Horizontal(classes="field"):
                    yield Label(id="pg-label-ratio")
                    yield Select(
                        [(f"{r:.0%}", r) for r in PLAYGROUND_TEST_RATIOS],
                        value=config.test_ratio,
                        allow_blank=False,
                        compact=True,
                        id="pg-ratio",
                    )
                with Horizontal(classes="field"):
                    yield Label(id="pg-label-hidden")
                    yield Input(format_hidden(config.hidden), compact=True, id="pg-hidden")
                with Horizontal(classes="field"):
                    yield Label(id="pg-label-activation")
                    yield Select(
                        [(a, a) for a in ACTIVATIONS],
                        value=config.activation,
                        allow_blank=False,
                        compact=True,
                        id="pg-activation",
                    )
                with Horizontal(classes="field"):
                    yield Label(id="pg-label-lr")
                    yield Select(
                        [(f"{r:g}", r) for r in PLAYGROUND_LEARNING_RATES],
                        value=config.learning_rate,
                        allow_blank=False,
                        compact=True,
                        id="pg-lr",
                    )
                with Horizontal(classes="field"):
                    yield Label(id="pg-label-speed")
                    yield Select(
                        self._speed_options(lang),
                        value=DEFAULT_SPEED,
                        allow_blank=False,
                        compact=True,
                        id="pg-speed",
                    )
                yield Static(id="pg-architecture", markup=False)
                with Horizontal(id="pg-buttons"):
                    yield Button(variant="primary", compact=True, id="pg-start")
                    yield Button(compact=True, id="pg-reset")
                yield PlotextPlot(id="pg-loss")
            with Vertical(id="pg-main"):
                yield Static(id="pg-status", markup=False)
                yield DecisionBoundary(id="boundary")
                yield Static(id="pg-legend")
        yield Footer()

    @staticmethod
    def _dataset_options(lang: str) -> list[tuple[str, str]]:
        return [(tr(f"pg_{name}", lang), name) for name in PLAYGROUND_DATASETS]

    @staticmethod
    def _speed_options(lang: str) -> list[tuple[str, int]]:
        return [
            (tr("speed_value", lang, count=s) if s else tr("speed_max", lang), s)
            for s in PLAYGROUND_SPEEDS
        ]

    def on_mount(self) -> None:
        self.lang = lang_of(self.app)
        follow_language(self, self.set_language)
        self.apply_language()
        self.reset_network()

    def on_resize(self) -> None:
        self.call_after_refresh(self._regrid)

    def _regrid(self) -> None:
        """Recompute the boundary at the widget's new size (the thread does it while training)."""
        busy = any(w.is_running for w in self.workers if w.group == "playground-training")
        if self.session is None or busy:
            return
        boundary = self.query_one(DecisionBoundary)
        if self.frame is not None and self.frame.grid.shape == boundary.grid_size[::-1]:
            return
        self._show_frame(self.session.frame(boundary.grid_size, running=False))

    # ---- language -------------------------------------------------------------------------

    def set_language(self, lang: str) -> None:
        self.lang = lang if lang in ("ko", "en") else "ko"
        self.apply_language()

    def apply_language(self) -> None:
        lang = self.lang
        localize_bindings(self, {a: tr(k, lang) for a, k in self.BINDING_TEXT.items()})
        labels = {
            "#pg-label-dataset": "pg_dataset",
            "#pg-label-noise": "noise",
            "#pg-label-ratio": "test_ratio",
            "#pg-label-hidden": "hidden_layers",
            "#pg-label-activation": "activation",
            "#pg-label-lr": "learning_rate",
            "#pg-label-speed": "speed",
        }
        for selector, key in labels.items():
            self.query_one(selector, Label).update(tr(key, lang))
        self._relabel(self.query_one("#pg-dataset", Select), self._dataset_options(lang))
        self._relabel(self.query_one("#pg-speed", Select), self._speed_options(lang))
        self.query_one("#pg-hidden", Input).placeholder = tr("hidden_hint", lang)
        self.query_one("#pg-reset", Button).label = tr("reset_button", lang)
        blue, orange = tr("pg_blue", lang), tr("pg_orange", lang)
        legend = self.query_one("#pg-legend", Static)
        legend.update(f"[#0877bd]■[/] {blue}  [#f59322]■[/] {orange}  " + tr("pg_legend", lang))
        legend.tooltip = tr("pg_background", lang)
        self.query_one(DecisionBoundary).tooltip = tr("pg_background", lang)
        self._update_architecture()
        self._refresh_status()
        self._redraw_losses()

    @staticmethod
    def _relabel(select: Select, options: list) -> None:
        """New option labels, same value (and no Changed message: nothing really changed)."""
        current = select.value
        others = [value for _, value in options if value != current]
        with select.prevent(Select.Changed):
            select.set_options(options)
            if others:
                select.value = others[0]
            select.value = current

    # ---- settings -------------------------------------------------------------------------

    def read_hidden(self) -> tuple[int, ...]:
        """The hidden layers typed by the learner; ValueError with a message if unusable."""
        text = self.query_one("#pg-hidden", Input).value
        try:
            hidden = parse_hidden(text)
        except ValueError as error:
            raise ValueError(tr("bad_hidden", self.lang, value=error.args[0])) from None
        if len(hidden) > PLAYGROUND_MAX_LAYERS or any(u > PLAYGROUND_MAX_UNITS for u in hidden):
            expected = tr("whole_number", self.lang, low=1, high=PLAYGROUND_MAX_UNITS)
            raise ValueError(
                tr(
                    "bad_number",
                    self.lang,
                    field=tr("hidden_layers", self.lang),
                    expected=f"{PLAYGROUND_MAX_LAYERS} × ({expected})",
                    value=text.strip(),
                )
            )
        return hidden

    def _read_config(self) -> PlaygroundConfig:
        def value(selector: str):
            return self.query_one(selector, Select).value

        return PlaygroundConfig(
            dataset=str(value("#pg-dataset")),
            noise=float(value("#pg-noise")),
            test_ratio=float(value("#pg-ratio")),
            hidden=self.read_hidden(),
            activation=str(value("#pg-activation")),
            learning_rate=float(value("#pg-lr")),
        )

    def _update_architecture(self) -> None:
        target = self.query_one("#pg-architecture", Static)
        try:
            hidden = self.read_hidden()
        except ValueError as error:
            target.update(str(error))
            return
        sizes = (2, *hidden, 1)
        target.update(
            tr(
                "architecture",
                self.lang,
                sizes="-".join(map(str, sizes)),
                none="" if hidden else tr("no_hidden", self.lang),
                params=count_parameters(sizes),
                output=tr("output_sigmoid", self.lang),
            )
        )

    @on(Select.Changed, "#pg-dataset, #pg-noise, #pg-ratio, #pg-activation, #pg-lr")
    def _setting_changed(self) -> None:
        self.reset_network()

    @on(Select.Changed, "#pg-speed")
    def _speed_changed(self, event: Select.Changed) -> None:
        self.speed = int(event.value) if isinstance(event.value, int) else DEFAULT_SPEED
        if self.session is not None:
            self.session.epochs_per_second = self.speed or None

    @on(Input.Changed, "#pg-hidden")
    def _hidden_changed(self) -> None:
        self._update_architecture()
        try:
            self.read_hidden()
        except ValueError:
            return
        self.reset_network()

    @on(Input.Submitted, "#pg-hidden")
    def _hidden_submitted(self) -> None:
        self.start_or_pause()

    @on(Button.Pressed, "#pg-start")
    def _start_pressed(self) -> None:
        self.start_or_pause()

    @on(Button.Pressed, "#pg-reset")
    def _reset_pressed(self) -> None:
        self.action_reset()

    # ---- actions --------------------------------------------------------------------------

    def reset_network(self) -> None:
        """Stop any training and start again from a new, untrained network."""
        self._stop_thread()
        try:
            config = self._read_config()
        except ValueError as error:
            self.error = str(error)
            self._refresh_status()
            return
        self.error = None
        self.generation += 1
        self.config = config
        session = PlaygroundSession(config, self.generation)
        session.epochs_per_second = self.speed or None
        self.session = session
        boundary = self.query_one(DecisionBoundary)
        boundary.set_points(session.x_train, session.y_train, session.x_test, session.y_test)
        self._show_frame(session.frame(boundary.grid_size, running=False))
        self.call_after_refresh(self._regrid)

    def action_reset(self) -> None:
        self.reset_network()

    def action_toggle(self) -> None:
        if isinstance(self.focused, Input):
            raise SkipAction()  # let the field have its space
        self.start_or_pause()

    def start_or_pause(self) -> None:
        if self.running:
            self.action_stop()
        else:
            self.action_start()

    def action_start(self) -> None:
        if self.running or self.session is None or self.error is not None:
            return
        self.running = True
        self.stop_event = threading.Event()
        self._update_buttons()
        self._refresh_status()
        self.train_in_thread(self.session, self.stop_event)

    def action_stop(self) -> None:
        self._stop_thread()
        self._refresh_status()

    def action_stop_or_back(self) -> None:
        if self.running:
            self.action_stop()
        elif len(self.app.screen_stack) > 1:
            self.app.pop_screen()

    def _stop_thread(self) -> None:
        self.stop_event.set()
        if self.running:
            self.running = False
            self._update_buttons()

    def _update_buttons(self) -> None:
        key = "pause_button" if self.running else "start_button"
        self.query_one("#pg-start", Button).label = tr(key, self.lang)
        self.refresh_bindings()

    # ---- the worker -----------------------------------------------------------------------

    @work(thread=True, exclusive=True, exit_on_error=False, group="playground-training")
    def train_in_thread(
        self, session: PlaygroundSession, stop: threading.Event, max_epochs: int | None = None
    ) -> None:
        worker = get_current_worker()
        boundary = self.query_one(DecisionBoundary)

        def should_stop() -> bool:
            return stop.is_set() or worker.is_cancelled

        def report(frame: object) -> None:
            self.post_message(PlaygroundFrame(frame))  # type: ignore[arg-type]

        try:
            session.train(report, should_stop, lambda: boundary.grid_size, max_epochs=max_epochs)
        except Exception as error:  # one line for the learner, never a traceback
            self.post_message(PlaygroundFailed(session.generation, str(error)))

    def on_playground_frame(self, message: PlaygroundFrame) -> None:
        frame = message.frame
        if frame.generation != self.generation:
            return
        if not frame.running and self.running:
            self.running = False
            self._update_buttons()
        self._show_frame(frame)

    def on_playground_failed(self, message: PlaygroundFailed) -> None:
        if message.generation == self.generation:
            self.running = False
            self.error = tr("failed", self.lang, error=message.error)
            self._update_buttons()
            self._refresh_status()

    # ---- drawing --------------------------------------------------------------------------

    def _show_frame(self, frame: PlaygroundProgress) -> None:
        self.frame = frame
        self.frames_drawn += 1
        self.query_one(DecisionBoundary).set_grid(frame.grid)
        self._refresh_status()
        self._redraw_losses()

    def _refresh_status(self) -> None:
        lang = self.lang
        status = self.query_one("#pg-status", Static)
        self._update_buttons_label_only()
        if self.error is not None:
            status.update(self.error)
            status.add_class("-error")
            return
        frame = self.frame
        self._update_title()
        lines = []
        if frame is not None:
            lines.append(
                tr(
                    "pg_status",
                    lang,
                    epoch=frame.epoch,
                    train=_loss(frame.train_loss),
                    test=_loss(frame.test_loss),
                )
            )
        if frame is not None and frame.stop_reason:
            epoch, value = frame.bad_loss or (frame.epoch, float("nan"))
            lines.append(
                tr("diverged", lang, epoch=epoch, value=value, lr=self.config.learning_rate)
            )
            status.add_class("-error")
        else:
            status.remove_class("-error")
            if not self.running and frame is not None and frame.epoch == 0:
                lines.append(tr("pg_idle", lang))
        status.update("\n".join(lines))

    def _update_title(self) -> None:
        lang = self.lang
        if self.running:
            state = tr("pg_running", lang)
        elif self.frame is not None and self.frame.epoch == 0:
            state = tr("pg_reset", lang)
        else:
            state = tr("pg_paused", lang)
        dataset = tr(f"pg_{self.config.dataset}", lang)
        title = f"{tr('playground_title', lang)} · {dataset} · {state}"
        self.query_one("#pg-title", Static).update(title)

    def _update_buttons_label_only(self) -> None:
        key = "pause_button" if self.running else "start_button"
        self.query_one("#pg-start", Button).label = tr(key, self.lang)

    def _redraw_losses(self) -> None:
        lang = self.lang
        plot = self.query_one("#pg-loss", PlotextPlot)
        plot.set_labels(tr("pg_loss_title", lang), "", "")
        frame = self.frame
        if frame is None or len(frame.losses) < 2:
            plot.clear()
            return
        epochs = [float(e) for e, _, _ in frame.losses]
        plot.plot(
            [
                Series(tr("train_word", lang), epochs, [t for _, t, _ in frame.losses]),
                Series(tr("test_word", lang), epochs, [v for _, _, v in frame.losses]),
            ]
        )
