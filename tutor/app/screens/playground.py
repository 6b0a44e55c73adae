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
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Footer, Input, Select, Static

from tutor.app.messages import PlaygroundFailed, PlaygroundFrame
from tutor.app.screens.training import TrainingScreen
from tutor.app.text import t
from tutor.app.widgets.boundary import DecisionBoundary
from tutor.app.widgets.playground_settings import DEFAULT_SPEED, PlaygroundSettings
from tutor.app.widgets.plot import PlotextPlot, Series
from tutor.app.widgets.settings_form import settings_problem
from tutor.lab.settings import PLAYGROUND_DATASETS, PlaygroundConfig, SettingsError

if TYPE_CHECKING:
    from tutor.lab import PlaygroundProgress, PlaygroundSession


def _loss(value: float) -> str:
    return f"{value:.3f}" if value == value else "nan"


class PlaygroundScreen(TrainingScreen):
    """The playground."""

    STATUS: ClassVar[str] = "#pg-status"

    BINDINGS: ClassVar = [
        # A priority binding, so that a focused Select does not take space to open its menu;
        # in the hidden-units field space still types a space (see action_start_or_pause).
        Binding("space", "start_or_pause", "Start/stop", priority=True),
        Binding("r", "reset", "Reset"),
        Binding("s", "stop", "Stop", show=False),
        Binding("escape", "stop_or_back", "Stop/back"),
        Binding("i", "open_inside", "Inside"),  # the neuron view and step mode (issue 12)
    ]

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
        self.generation = 0
        self.session: PlaygroundSession | None = None
        self.frame: PlaygroundProgress | None = None
        self.frames_drawn = 0
        self.error: str | None = None
        self.speed = DEFAULT_SPEED

    # ---- layout -----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        self.lang = self.app_lang
        yield Static(id="pg-title", markup=False)
        with Horizontal(id="pg-body"):
            yield PlaygroundSettings(self.config, self.lang, id="pg-settings")
            with Vertical(id="pg-main"):
                yield Static(id="pg-status", markup=False)
                yield DecisionBoundary(id="boundary")
                yield Static(id="pg-legend")
        yield Footer()

    @property
    def settings(self) -> PlaygroundSettings:
        return self.query_one(PlaygroundSettings)

    def after_mount(self) -> None:
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

    # ---- language ---------------------------------------------------------------------------

    def apply_language(self) -> None:
        lang = self.lang
        self.settings.apply_language(lang)
        blue, orange = t("lab.pg_blue", lang), t("lab.pg_orange", lang)
        legend = self.query_one("#pg-legend", Static)
        legend.update(f"[#0877bd]■[/] {blue}  [#f59322]■[/] {orange}  " + t("lab.pg_legend", lang))
        legend.tooltip = t("lab.pg_background", lang)
        self.query_one(DecisionBoundary).tooltip = t("lab.pg_background", lang)
        self._refresh_status()
        self._redraw_losses()

    # ---- settings ---------------------------------------------------------------------------

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
        self.settings.update_architecture()
        try:
            self.settings.read_hidden()
        except SettingsError:
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

    # ---- actions ----------------------------------------------------------------------------

    def reset_network(self) -> None:
        """Stop any training and start again from a new, untrained network."""
        from tutor.lab import PlaygroundSession

        self._stop_thread()
        try:
            config = self.settings.read_config()
        except SettingsError as error:
            self.error = settings_problem(error, self.lang)
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

    def action_open_inside(self) -> None:
        """This network in the neuron view and step mode; back here, the boundary is redrawn."""
        from tutor.app.screens.inside import InsideScreen, inside_of_playground

        if isinstance(self.focused, Input):
            raise SkipAction()  # let the field have its i
        if self.session is None:
            return
        self.action_stop()
        session = self.session
        screen = InsideScreen(inside_of_playground(session))

        def back(_result: object = None) -> None:
            session.epoch += screen.epoch
            if session is self.session:
                grid_size = self.query_one(DecisionBoundary).grid_size
                self._show_frame(session.frame(grid_size, running=False))

        self.app.push_screen(screen, back)

    def action_reset(self) -> None:
        self.reset_network()

    def action_start_or_pause(self) -> None:
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

    def _stop_thread(self) -> None:
        self.stop_event.set()
        if self.running:
            self.running = False
            self._update_buttons()

    def _update_buttons(self) -> None:
        self.settings.show_running(self.running)
        self.refresh_bindings()

    # ---- the worker -------------------------------------------------------------------------

    @work(thread=True, exclusive=True, exit_on_error=False, group="playground-training")
    def train_in_thread(
        self, session: PlaygroundSession, stop: threading.Event, max_epochs: int | None = None
    ) -> None:
        boundary = self.query_one(DecisionBoundary)
        should_stop = self.stopper(stop)

        def report(frame: object) -> None:
            self.post_message(PlaygroundFrame(frame))  # type: ignore[arg-type]

        def run() -> None:
            session.train(report, should_stop, lambda: boundary.grid_size, max_epochs=max_epochs)

        self.guarded("training", run, lambda error: PlaygroundFailed(session.generation, error))

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
            self.error = t("lab.failed", self.lang, error=message.error)
            self._update_buttons()
            self._refresh_status()

    # ---- drawing ----------------------------------------------------------------------------

    def _show_frame(self, frame: PlaygroundProgress) -> None:
        self.frame = frame
        self.frames_drawn += 1
        self.query_one(DecisionBoundary).set_grid(frame.grid)
        self._refresh_status()
        self._redraw_losses()

    def _refresh_status(self) -> None:
        lang = self.lang
        self.settings.show_running(self.running)
        if self.error is not None:
            self.set_status(self.error, error=True)
            return
        frame = self.frame
        self._update_title()
        lines = []
        error = False
        if frame is not None:
            lines.append(
                t(
                    "lab.pg_status",
                    lang,
                    epoch=frame.epoch,
                    train=_loss(frame.train_loss),
                    test=_loss(frame.test_loss),
                )
            )
        if frame is not None and frame.stop_reason:
            epoch, value = frame.bad_loss or (frame.epoch, float("nan"))
            lr = self.config.learning_rate
            lines.append(t("lab.diverged", lang, epoch=epoch, value=value, lr=lr))
            error = True
        elif not self.running and frame is not None and frame.epoch == 0:
            lines.append(t("lab.pg_idle", lang))
        self.set_status("\n".join(lines), error=error)

    def _update_title(self) -> None:
        lang = self.lang
        if self.running:
            state = t("lab.pg_running", lang)
        elif self.frame is not None and self.frame.epoch == 0:
            state = t("lab.pg_reset", lang)
        else:
            state = t("lab.pg_paused", lang)
        dataset = t(f"lab.pg_{self.config.dataset}", lang)
        title = f"{t('lab.playground_title', lang)} · {dataset} · {state}"
        self.query_one("#pg-title", Static).update(title)

    def _redraw_losses(self) -> None:
        lang = self.lang
        plot = self.query_one("#pg-loss", PlotextPlot)
        plot.set_labels(t("lab.pg_loss_title", lang), "", "")
        frame = self.frame
        if frame is None or len(frame.losses) < 2:
            plot.clear()
            return
        epochs = [float(e) for e, _, _ in frame.losses]
        plot.plot(
            [
                Series(t("lab.train_word", lang), epochs, [train for _, train, _ in frame.losses]),
                Series(t("lab.test_word", lang), epochs, [v for _, _, v in frame.losses]),
            ]
        )
