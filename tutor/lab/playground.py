"""The playground's training, after TensorFlow Playground: a small network on points in the
plane, with its answer on a grid of pixels (the decision boundary) reported as frames."""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from tutor import datasets
from tutor.engine import Callback, Dense, Sequential, optimizers, set_seed
from tutor.lab.settings import PLAYGROUND_EXTENT, PlaygroundConfig
from tutor.lab.training import Report, ShouldStop

PLAYGROUND_INTERVAL = 0.15
"""Seconds between two decision-boundary snapshots of the playground."""


@dataclass(frozen=True)
class PlaygroundProgress:
    """One frame of the playground: the boundary on a grid and the two losses."""

    generation: int
    epoch: int
    train_loss: float
    test_loss: float
    grid: np.ndarray
    """P(blue) on a (rows, cols) grid over [-6, 6]², row 0 at the top (x2 = 6)."""
    losses: tuple[tuple[int, float, float], ...]
    """(epoch, train loss, test loss) at each frame so far."""
    stop_reason: str | None = None
    """The engine's words (English) when the loss became NaN or infinite."""
    bad_loss: tuple[int, float] | None = None
    """(epoch, value) of the loss that ended training."""
    running: bool = True


def grid_points(cols: int, rows: int, extent: float = PLAYGROUND_EXTENT) -> np.ndarray:
    """Centres of a cols x rows grid of pixels over [-extent, extent]², row by row from the top."""
    xs = (np.arange(cols) + 0.5) / cols * 2 * extent - extent
    ys = extent - (np.arange(rows) + 0.5) / rows * 2 * extent
    gx, gy = np.meshgrid(xs, ys)
    return np.column_stack([gx.ravel(), gy.ravel()]).astype(np.float32)


class PlaygroundFrames(Callback):
    """Counts the session's epochs, stops on request and reports a frame every `interval` s."""

    def __init__(self, session, report, should_stop, grid_size, interval):
        super().__init__()
        self.session = session
        self.report = report
        self.should_stop = should_stop
        self.grid_size = grid_size
        self.interval = interval
        self.last = time.perf_counter()

        self.due = self.last

    def on_epoch_end(self, epoch, logs=None):
        self.session.epoch = epoch + 1
        loss = (logs or {}).get("loss", 0.0)
        if not math.isfinite(loss) and self.session.bad_loss is None:
            self.session.bad_loss = (epoch + 1, loss)
        if self.should_stop():
            self.model.stop_training = True
            return
        now = time.perf_counter()
        if now - self.last >= self.interval:
            self.last = now
            self.report(self.session.frame(self.grid_size()))
        self._keep_pace(now)

    def _keep_pace(self, now: float) -> None:
        """Sleep so that at most `session.epochs_per_second` epochs run each second."""
        pace = self.session.epochs_per_second
        if not pace:
            return
        self.due = max(self.due, now - 0.1) + 1.0 / pace
        while (wait := self.due - time.perf_counter()) > 0 and not self.should_stop():
            time.sleep(min(wait, 0.05))


class PlaygroundSession:
    """One network on one playground data set; `train` continues where the last call stopped.

    A new setting means a new session (the network starts again), as in TensorFlow Playground.
    """

    def __init__(self, config: PlaygroundConfig, generation: int = 0):
        self.config = config
        self.generation = generation
        (self.x_train, self.y_train), (self.x_test, self.y_test) = datasets.playground(
            config.dataset,
            n_samples=config.n_samples,
            noise=config.noise,
            test_ratio=config.test_ratio,
            seed=config.seed,
        )
        set_seed(config.seed)
        self.model = Sequential()
        inputs = 2
        for units in config.hidden:
            self.model.add(Dense(units, activation=config.activation, input_shape=(inputs,)))
            inputs = units
        self.model.add(Dense(1, activation="sigmoid", input_shape=(inputs,)))
        self.model.compile(
            optimizer=optimizers.SGD(learning_rate=config.learning_rate),
            loss="binary_crossentropy",
        )
        self.epoch = 0
        self._training = threading.Lock()
        """Held while a thread trains, so a quick pause-and-start never runs two at once."""
        self.epochs_per_second: float | None = None
        """Training speed; None for as fast as the machine goes. May change while it trains."""
        self.losses: list[tuple[int, float, float]] = []
        self.stop_reason: str | None = None
        self.bad_loss: tuple[int, float] | None = None

    def grid(self, cols: int, rows: int) -> np.ndarray:
        """P(blue) at the centre of every pixel, shape (rows, cols)."""
        cols, rows = max(cols, 1), max(rows, 1)
        with np.errstate(all="ignore"):
            outputs = self.model.predict(grid_points(cols, rows), batch_size=4096)
        return outputs[:, 0].reshape(rows, cols)

    def _loss(self, x: np.ndarray, y: np.ndarray) -> float:
        with np.errstate(all="ignore"):
            return float(self.model.evaluate(x, y, batch_size=4096))

    def frame(self, grid_size: tuple[int, int], running: bool = True) -> PlaygroundProgress:
        train_loss = self._loss(self.x_train, self.y_train)
        test_loss = self._loss(self.x_test, self.y_test)
        if not self.losses or self.losses[-1][0] != self.epoch:
            self.losses.append((self.epoch, train_loss, test_loss))
        return PlaygroundProgress(
            generation=self.generation,
            epoch=self.epoch,
            train_loss=train_loss,
            test_loss=test_loss,
            grid=self.grid(*grid_size),
            losses=tuple(self.losses),
            stop_reason=self.stop_reason,
            bad_loss=self.bad_loss,
            running=running,
        )

    def train(
        self,
        report: Report,
        should_stop: ShouldStop,
        grid_size: Callable[[], tuple[int, int]],
        max_epochs: int | None = None,
        interval: float = PLAYGROUND_INTERVAL,
    ) -> PlaygroundProgress:
        """Train until `should_stop()` (or `max_epochs` more epochs, or a diverging loss),
        reporting a frame every `interval` seconds; returns the last frame."""
        with self._training:
            return self._train(report, should_stop, grid_size, max_epochs, interval)

    def _train(self, report, should_stop, grid_size, max_epochs, interval) -> PlaygroundProgress:
        frames = PlaygroundFrames(self, report, should_stop, grid_size, interval)
        if self.stop_reason is None:
            end = self.epoch + max_epochs if max_epochs is not None else 10**9
            with np.errstate(all="ignore"):
                self.model.fit(
                    self.x_train,
                    self.y_train,
                    batch_size=self.config.batch_size,
                    epochs=end,
                    initial_epoch=self.epoch,
                    verbose=0,
                    callbacks=[frames],
                )
            if not should_stop() and self.model.stop_reason and self.epoch < end:
                self.stop_reason = self.model.stop_reason
        last = self.frame(grid_size(), running=False)
        report(last)
        return last
