"""Training runs of the lab, with no UI in sight.

The screen runs `train_lab` in a thread worker. The thread talks to the screen through two plain
callables: `report(progress)`, called at most about ten times a second with a complete snapshot
(so a newer snapshot can simply replace an older one still waiting to be shown), and
`should_stop()`, asked after every batch so that a Stop key ends training within one batch.

    data = load_lab_data("digits")
    run = train_lab(DEFAULTS["digits"], data, report=print, should_stop=lambda: False)
    result = evaluate_lab(run, data)
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import numpy as np

from tutor.engine import Callback, Dense, Sequential, optimizers, set_seed
from tutor.lab.data import LabData
from tutor.lab.settings import LabConfig

REPORT_INTERVAL = 0.1
"""Seconds between two progress reports of the lab (about ten a second)."""

Curve = tuple[tuple[float, ...], tuple[float, ...]]
Report = Callable[[object], None]
ShouldStop = Callable[[], bool]
Outcome = Literal["finished", "stopped", "diverged"]


def build_lab_model(config: LabConfig, n_features: int, n_classes: int) -> Sequential:
    """A Sequential model for the settings: sigmoid + binary cross-entropy for two classes,
    softmax + sparse categorical cross-entropy for more."""
    set_seed(config.seed)
    model = Sequential()
    inputs = n_features
    for units in config.hidden:
        model.add(Dense(units, activation=config.activation, input_shape=(inputs,)))
        inputs = units
    if n_classes == 2:
        model.add(Dense(1, activation="sigmoid", input_shape=(inputs,)))
        loss = "binary_crossentropy"
    else:
        model.add(Dense(n_classes, activation="softmax", input_shape=(inputs,)))
        loss = "sparse_categorical_crossentropy"
    optimizer = optimizers.get({"name": config.optimizer, "learning_rate": config.learning_rate})
    model.compile(optimizer=optimizer, loss=loss, metrics=["accuracy"])
    return model


@dataclass(frozen=True)
class LabProgress:
    """A complete snapshot of a run so far; a newer one makes any older one useless."""

    epoch: int
    """Epochs finished."""
    epochs: int
    done: float
    """Epochs finished plus the finished part of the current one."""
    elapsed: float
    logs: dict[str, float]
    """The latest loss and accuracy (running means inside an epoch), and val_ values."""
    curves: dict[str, Curve]
    """"loss", "accuracy", "val_loss", "val_accuracy": x in epochs, y the values."""

    @property
    def eta(self) -> float | None:
        """Seconds still to go at the pace so far, or None before there is a pace."""
        if self.done <= 0 or self.elapsed <= 0:
            return None
        return max(0.0, self.elapsed * (self.epochs - self.done) / self.done)


class LiveReport(Callback):
    """Watches `fit`: keeps the curves, stops on request, reports at most every `interval` s.

    The curves get one point per epoch. A short run of long epochs (MNIST: 5 epochs of 375
    batches) also gets the running loss and accuracy of the epoch so far twenty times an epoch,
    so the curves move before the first epoch ends. Points are placed by batch count, never by
    the clock, so the same run always draws the same curves.
    """

    SUBPOINTS = 20
    """Points inside each epoch, for runs of at most this many epochs of 100+ batches."""

    def __init__(
        self,
        report: Report,
        should_stop: ShouldStop,
        epochs: int,
        interval: float = REPORT_INTERVAL,
        clock: Callable[[], float] = time.perf_counter,
    ):
        super().__init__()
        self.report = report
        self.should_stop = should_stop
        self.epochs = epochs
        self.interval = interval
        self.clock = clock
        self.points: dict[str, tuple[list[float], list[float]]] = {}
        self.every = 0
        self.logs: dict[str, float] = {}
        self.epochs_done = 0
        self.done = 0.0
        self.stopped = False
        self.bad_loss: tuple[int, float] | None = None
        self.started = self.last_report = 0.0

    def _add(self, key: str, x: float, y: float) -> None:
        if math.isfinite(y):
            xs, ys = self.points.setdefault(key, ([], []))
            xs.append(x)
            ys.append(y)

    def _check_stop(self) -> None:
        if self.should_stop():
            self.stopped = True
            self.model.stop_training = True

    def snapshot(self) -> LabProgress:
        return LabProgress(
            epoch=self.epochs_done,
            epochs=self.epochs,
            done=self.done,
            elapsed=self.clock() - self.started,
            logs=dict(self.logs),
            curves={key: (tuple(xs), tuple(ys)) for key, (xs, ys) in self.points.items()},
        )

    def _maybe_report(self, now: float) -> None:
        if now - self.last_report >= self.interval:
            self.last_report = now
            self.report(self.snapshot())

    def on_train_begin(self, logs=None):
        steps = self.params.get("steps") or 1
        if self.epochs <= self.SUBPOINTS and steps >= 100:
            self.every = steps // self.SUBPOINTS
        self.started = self.clock()
        self.last_report = self.started
        self.report(self.snapshot())

    def on_batch_end(self, batch, logs=None):
        self._check_stop()
        steps = self.params.get("steps") or 1
        inside = batch + 1 < steps
        if self.every and inside and (batch + 1) % self.every == 0:
            x = self.epochs_done + (batch + 1) / steps
            for key in ("loss", "accuracy"):
                if key in (logs or {}):
                    self._add(key, x, logs[key])
        now = self.clock()
        if now - self.last_report < self.interval:
            return
        self.done = self.epochs_done + (batch + 1) / steps
        self.logs = dict(logs or {})
        self._maybe_report(now)

    def on_epoch_end(self, epoch, logs=None):
        logs = dict(logs or {})
        self.epochs_done = epoch + 1
        self.done = float(self.epochs_done)
        self.logs = logs
        for key, value in logs.items():
            self._add(key, float(self.epochs_done), value)
        loss = logs.get("loss", 0.0)
        if not math.isfinite(loss) and self.bad_loss is None:
            self.bad_loss = (epoch + 1, loss)
        self._check_stop()
        self._maybe_report(self.clock())

    def on_train_end(self, logs=None):
        self.report(self.snapshot())


@dataclass
class LabRun:
    """What `train_lab` leaves behind: the trained model and how the run ended."""

    config: LabConfig
    model: Sequential
    progress: LabProgress
    outcome: Outcome
    stop_reason: str | None
    """The engine's own words when training ended early (English), else None."""
    bad_loss: tuple[int, float] | None
    """(epoch, value) when the loss became NaN or infinite."""


def train_lab(
    config: LabConfig,
    data: LabData,
    report: Report,
    should_stop: ShouldStop,
    interval: float = REPORT_INTERVAL,
) -> LabRun:
    """Build the model and fit it, reporting progress; never raises for a diverging loss."""
    model = build_lab_model(config, data.n_features, data.n_classes)
    live = LiveReport(report, should_stop, config.epochs, interval)
    with np.errstate(all="ignore"):  # a diverging run is explained by its stop reason
        model.fit(
            data.x_train,
            data.y_train,
            epochs=config.epochs,
            batch_size=config.batch_size,
            validation_split=data.validation_split,
            verbose=0,
            callbacks=[live],
        )
    if live.bad_loss is not None:
        outcome: Outcome = "diverged"
    elif live.stopped:
        outcome = "stopped"
    else:
        outcome = "finished"
    return LabRun(config, model, live.snapshot(), outcome, model.stop_reason, live.bad_loss)
