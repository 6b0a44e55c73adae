"""Inside the network: the neuron view, live while the network trains, and step mode.

    app.push_screen(InsideScreen(InsideSource.from_lesson(lesson_net, "08")))
    app.push_screen(InsideScreen(InsideSource(model, x, y, bounds, batch_size=10)))

Space trains and pauses; `n` pauses, then takes ONE step on the next batch (rows in order, the
batch size of the source) with `tutor.engine.trace_step(..., apply=True)` and shows every number
of it; `m` makes a step take one sample instead of one batch (and back); arrows (or the mouse)
move the neuron cursor. Training runs `fit` in a thread worker (shuffle off, so the
batch that went wrong is known); every `FRAME_INTERVAL` seconds the training thread computes a
neuron frame (`tutor.viz.neurons.neuron_frame`, a small grid) and posts it; a newer frame
replaces one not yet drawn. A NaN or infinite loss stops the run and the screen traces the batch
that produced it. Where the network cannot be drawn (too large, or too little room, e.g. at
80×24 for 4 × 8 units) the text summary takes the neuron view's place, with a note.
"""

from __future__ import annotations

import sys
import threading
import time
from dataclasses import dataclass, field
from typing import ClassVar

import numpy as np
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, ScrollableContainer, Vertical
from textual.message import Message
from textual.widgets import Footer, Static

from tutor.app.screens.training import TrainingScreen
from tutor.app.text import t
from tutor.app.widgets.boundary import DecisionBoundary
from tutor.app.widgets.neurons import NeuronView, picture_signature
from tutor.app.widgets.steps import StepPanel
from tutor.engine import Callback, Sequential, trace_step
from tutor.engine.trace import StepTrace
from tutor.viz.neurons import NeuronFrame, neuron_frame
from tutor.viz.neurontext import neuron_text

FRAME_INTERVAL = 0.19
"""Seconds between neuron frames while training (a little over 5 a second)."""
SWITCH_INTERVAL = 0.02
"""Python's thread switch interval while this screen trains (the default is 0.005 s). Every
time the UI thread wakes it takes the GIL from the training thread; on a busy 2-core machine
each hand-over costs far more than the UI's own work, and at 0.005 s the training ran at about
half speed with the view on (bench/inside.py). At 0.02 s keys still answer in a few ms
(median), the slowest in about 0.1 s. The previous value comes back when training stops."""


def say(key: str, lang: str, /, **values: object) -> str:
    return t(f"inside.{key}", lang, **values)


@dataclass
class InsideSource:
    """A compiled model with its 2-D training data and the plane to draw it on."""

    model: Sequential
    x: np.ndarray
    y: np.ndarray
    bounds: tuple[float, float, float, float] = (-6.0, 6.0, -6.0, 6.0)
    batch_size: int = 10
    title: str = ""
    lock: threading.Lock = field(default_factory=threading.Lock)
    """Held while a thread trains the model (share the owner's, so two never train at once)."""
    boundary: bool = False
    """Draw the decision boundary beside the neurons (bounds must be a square around 0)."""

    @classmethod
    def from_lesson(cls, net, title: str = "") -> InsideSource:
        """A lesson's network (`tutor.viz.lessonnet.LessonNet`), one batch of all its rows."""
        return cls(net.model, net.x, net.y, net.bounds, batch_size=len(net.x), title=title)


def inside_of_playground(session) -> InsideSource:
    """A playground session's network (`tutor.lab.PlaygroundSession`), with its boundary."""
    from tutor.lab.settings import PLAYGROUND_EXTENT

    extent = float(PLAYGROUND_EXTENT)
    config = session.config
    return InsideSource(
        session.model,
        session.x_train,
        session.y_train,
        (-extent, extent, -extent, extent),
        batch_size=config.batch_size,
        title=config.dataset,
        lock=session._training,
        boundary=True,
    )


def inside_of_lab_run(run, data) -> InsideSource:
    """A finished lab run on a 2-D data set: its model and training rows; the plane spans the
    data with half a unit to spare."""
    x = np.asarray(data.x_train)
    low, high = x.min(axis=0) - 0.5, x.max(axis=0) + 0.5
    bounds = (float(low[0]), float(high[0]), float(low[1]), float(high[1]))
    size = int(run.config.batch_size)
    return InsideSource(run.model, x, np.asarray(data.y_train), bounds, size, data.name)


class InsideFrame(Message):
    """A neuron frame from a thread; a newer one replaces one still queued."""

    def __init__(
        self, frame: NeuronFrame, epoch: int, steps: int, loss: float, grid: np.ndarray | None
    ) -> None:
        super().__init__()
        self.frame, self.epoch, self.steps, self.loss = frame, epoch, steps, loss
        self.grid = grid  # P(blue) for the decision boundary, when the screen shows one
        self.signature = picture_signature(frame)  # in the thread that made the frame

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, InsideFrame)


class InsideStepped(Message):
    def __init__(self, step: StepTrace, frame: InsideFrame) -> None:
        super().__init__()
        self.step, self.frame = step, frame


class InsideStopped(Message):
    """Training ended: on request, or because the loss was not finite (`bad` holds the trace)."""

    def __init__(self, bad: StepTrace | None, error: str | None = None) -> None:
        super().__init__()
        self.bad, self.error = bad, error


class _Live(Callback):
    """In the training thread: counts steps, stops on request, posts a frame now and then."""

    def __init__(self, screen: InsideScreen, should_stop) -> None:
        super().__init__()
        self.screen = screen
        self.should_stop = should_stop
        self.last = 0.0
        self.batch = 0

    @property
    def wants_batch_events(self) -> bool:
        return True

    def on_train_batch_begin(self, batch, logs=None):
        self.batch = batch

    def on_train_batch_end(self, batch, logs=None):
        screen = self.screen
        screen.steps += 1
        screen.last_loss = float((logs or {}).get("loss", float("nan")))
        if self.should_stop():
            self.model.stop_training = True
            return
        now = time.perf_counter()
        if now - self.last >= FRAME_INTERVAL:
            self.last = now
            screen.post_frame()

    def on_epoch_end(self, epoch, logs=None):
        self.screen.epoch = epoch + 1


class InsideScreen(TrainingScreen):
    """Neuron view + step panel for one model. Reads the language from `app.lang`."""

    STATUS: ClassVar[str] = "#in-status"
    BINDINGS: ClassVar = [
        Binding("space", "train_pause", "Train/pause", priority=True),
        Binding("n", "step", "One step"),
        Binding("m", "step_size", "Batch/sample"),
        Binding("escape", "stop_or_back", "Stop/back"),
    ]

    DEFAULT_CSS = """
    InsideScreen #in-title { height: 1; padding: 0 1; background: $panel; text-style: bold; }
    InsideScreen #in-body { height: 1fr; }
    InsideScreen #in-left { width: 3fr; padding: 0 1; }
    InsideScreen #in-right { width: 2fr; border-left: vkey $foreground 20%; }
    InsideScreen #in-boundary { height: 1fr; max-height: 22; }
    InsideScreen #in-detail { height: 3; color: $text-muted; padding: 0 1; }
    InsideScreen #in-status { height: 2; padding: 0 1; }
    InsideScreen #in-status.-error { color: $error; }
    InsideScreen #in-fallback { height: 1fr; display: none; }
    InsideScreen #in-fallback-note { color: $warning; }
    """

    def __init__(self, source: InsideSource, *, name: str | None = None, id: str | None = None):
        super().__init__(name=name, id=id)
        self.source = source
        self.epoch = 0
        self.steps = 0
        self.last_loss = float("nan")
        self.next_row = 0
        self.one_sample = False
        """Step mode takes one sample at a time instead of one batch (key m)."""
        self.frames_shown = 0
        self.error: str | None = None
        self.last_step: StepTrace | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="in-title", markup=False)
        with Horizontal(id="in-body"):
            with Vertical(id="in-left"):
                yield NeuronView(id="neurons")
                with ScrollableContainer(id="in-fallback"):
                    yield Static(id="in-fallback-note", markup=False)
                    yield Static(id="in-fallback-text", markup=False)
            with Vertical(id="in-right"):
                if self.source.boundary:
                    yield DecisionBoundary(self.source.bounds[1], id="in-boundary")
                yield Static(id="in-detail", markup=False)
                yield StepPanel(id="steps")
        yield Static(id="in-status", markup=False)
        yield Footer()

    def after_mount(self) -> None:
        if self.source.boundary:
            empty = self.source.x[:0]
            self.query_one(DecisionBoundary).set_points(
                self.source.x, self.source.y, empty, self.source.y[:0]
            )
        self.query_one(NeuronView).focus()
        self.call_after_refresh(self.refresh_frame)

    def on_resize(self) -> None:
        self.call_after_refresh(self.refresh_frame)

    # ---- language -------------------------------------------------------------------------

    def apply_language(self) -> None:
        lang = self.lang
        self._update_title()
        self._update_status()
        self._update_detail()
        self.query_one(StepPanel).show_step(self.last_step, lang, say("no_step", lang))
        self._check_fit()

    def _update_title(self) -> None:
        state = say("running" if self.running else "paused", self.lang)
        state += " · " + say("by_sample" if self.one_sample else "by_batch", self.lang)
        extra = f" · {self.source.title}" if self.source.title else ""
        self.query_one("#in-title", Static).update(f"{say('title', self.lang)}{extra} · {state}")

    def _set(self, selector: str, text: str) -> None:
        """Update a Static only when its text changes (each update costs a repaint)."""
        target = self.query_one(selector, Static)
        if str(target.content) != text:
            target.update(text, layout=False)  # fixed height: no layout pass of the screen

    def _update_status(self) -> None:
        if self.error is not None:
            self.set_status(self.error, error=True)
            return
        if self.steps == 0 and self.last_step is None:
            loss = "–"
        elif np.isfinite(self.last_loss):
            loss = f"{self.last_loss:.4f}"
        else:
            loss = str(self.last_loss)
        text = say("status", self.lang, epoch=self.epoch, steps=self.steps, loss=loss)
        self.query_one("#in-status", Static).remove_class("-error")
        self._set("#in-status", text)

    def _update_detail(self) -> None:
        self._set("#in-detail", self.query_one(NeuronView).describe(self.lang))

    @on(NeuronView.Selected)
    def _selected(self) -> None:
        self._update_detail()

    # ---- frames ---------------------------------------------------------------------------

    def make_frame(self) -> InsideFrame:
        """Any thread: the neuron frame at the view's picture size (and the boundary's grid)."""
        source = self.source
        side = self.query_one(NeuronView).side
        frame = neuron_frame(source.model, source.bounds, side, data=source.x)
        grid = None
        if source.boundary:
            from tutor.viz.neurons import plane_points

            cols, rows = self.query_one(DecisionBoundary).grid_size
            points = plane_points(source.bounds, cols, rows).astype(np.float32)
            with np.errstate(all="ignore"):
                grid = source.model.predict(points, batch_size=4096)[:, 0].reshape(rows, cols)
        return InsideFrame(frame, self.epoch, self.steps, self.last_loss, grid)

    def post_frame(self) -> None:
        """From the training thread: compute a frame and post it."""
        self.post_message(self.make_frame())

    @work(thread=True, exclusive=True, group="inside-frame", exit_on_error=False)
    def refresh_frame(self) -> None:
        """A frame now (when paused, after a resize), computed off the UI thread."""
        with self.source.lock:
            self.post_message(self.make_frame())

    def on_inside_frame(self, message: InsideFrame) -> None:
        if message.steps < self.steps:
            return  # computed before the last step (a resize's redraw racing a step): stale
        self.epoch, self.steps, self.last_loss = message.epoch, message.steps, message.loss
        self._show(message)

    def _show(self, message: InsideFrame) -> None:
        view = self.query_one(NeuronView)
        before = view.side
        view.set_frame(message.frame, message.signature)
        if message.grid is not None:
            self.query_one(DecisionBoundary).set_grid(message.grid)
        self.frames_shown += 1
        self._check_fit()
        self._update_status()
        self._update_detail()
        if view.side != before and not self.running:
            self.refresh_frame()

    def _check_fit(self) -> None:
        view = self.query_one(NeuronView)
        fallback = self.query_one("#in-fallback")
        drawn = view.frame is None or view.fits
        if not drawn:
            assert view.frame is not None
            self._set("#in-fallback-note", say("fallback", self.lang))
            self.query_one("#in-fallback-text", Static).update(neuron_text(view.frame, self.lang))
        if view.display != drawn:  # setting display, even unchanged, costs a layout pass
            view.display, fallback.display = drawn, not drawn

    # ---- training -------------------------------------------------------------------------

    def action_train_pause(self) -> None:
        if self.running:
            self.action_stop()
        elif self.error is None:
            self.running = True
            self.stop_event = threading.Event()
            self._update_title()
            self.train(self.stop_event)

    def action_stop(self) -> None:
        self.stop_event.set()
        self.running = False
        self._update_title()

    def action_stop_or_back(self) -> None:
        """Escape: pause, else go back (dismiss, so the screen below redraws its network)."""
        if self.running:
            self.action_stop()
        elif len(self.app.screen_stack) > 1:
            self.dismiss(None)

    @work(thread=True, exclusive=True, group="inside-train", exit_on_error=False)
    def train(self, stop: threading.Event) -> None:
        source = self.source
        should_stop = self.stopper(stop)
        live = _Live(self, should_stop)

        def run() -> None:
            previous = sys.getswitchinterval()
            sys.setswitchinterval(max(previous, SWITCH_INTERVAL))
            try:
                train_until_stopped()
            finally:
                sys.setswitchinterval(previous)

        def train_until_stopped() -> None:
            bad = None
            with source.lock, np.errstate(all="ignore"):
                while not should_stop():
                    source.model.fit(
                        source.x,
                        source.y,
                        batch_size=source.batch_size,
                        epochs=self.epoch + 1,
                        initial_epoch=self.epoch,
                        shuffle=False,
                        verbose=0,
                        callbacks=[live],
                    )
                    if source.model.stop_reason and not should_stop():
                        bad = self._trace_batch(live.batch, apply=False)
                        break
                frame = self.make_frame()
            self.post_message(frame)
            self.post_message(InsideStopped(bad))

        self.guarded("training", run, lambda error: InsideStopped(None, error))

    def _trace_batch(self, batch: int, apply: bool) -> StepTrace:
        size = self.source.batch_size
        rows = slice(batch * size, (batch + 1) * size)
        return trace_step(self.source.model, self.source.x[rows], self.source.y[rows], apply=apply)

    def on_inside_stopped(self, message: InsideStopped) -> None:
        self.running = False
        if message.error is not None:
            self.error = say("failed", self.lang, error=message.error)
        elif message.bad is not None:
            self.last_step = message.bad
            self.error = say("diverged", self.lang, value=message.bad.loss, steps=self.steps + 1)
            self.query_one(StepPanel).show_step(message.bad, self.lang)
        self._update_title()
        self._update_status()

    # ---- step mode ------------------------------------------------------------------------

    def action_step(self) -> None:
        if self.running:
            self.action_stop()
            return
        self.step_once()

    def action_step_size(self) -> None:
        """m: steps take one sample instead of one batch, or back."""
        self.one_sample = not self.one_sample
        self._update_title()

    @work(thread=True, exclusive=True, group="inside-step", exit_on_error=False)
    def step_once(self) -> None:
        """One traced step on the next batch (or sample), applied, off the UI thread."""
        source = self.source
        size = 1 if self.one_sample else source.batch_size
        with source.lock, np.errstate(all="ignore"):
            start = self.next_row if self.next_row < len(source.x) else 0
            rows = slice(start, start + size)
            step = trace_step(source.model, source.x[rows], source.y[rows], apply=True)
            self.next_row = start + size
            if self.next_row >= len(source.x):
                self.epoch += 1
            if step.layers[-1].dL_dW is not None:
                self.steps += 1
            self.last_loss = step.loss
            frame = self.make_frame()
        self.post_message(InsideStepped(step, frame))

    def on_inside_stepped(self, message: InsideStepped) -> None:
        self.last_step = message.step
        self.query_one(StepPanel).show_step(message.step, self.lang)
        if not message.step.finite:
            self.error = say("diverged", self.lang, value=message.step.loss, steps=self.steps + 1)
        self._show(message.frame)
