"""Training runs for the lab and the playground, with no UI in sight.

The screens run these functions in a thread worker. The thread talks to the screen through two
plain callables: `report(progress)`, called at most about ten times a second with a complete
snapshot (so a newer snapshot can simply replace an older one still waiting to be shown), and
`should_stop()`, asked after every batch so that a Stop key ends training within one batch.

    data = load_lab_data("digits")
    run = train_lab(DEFAULTS["digits"], data, report=print, should_stop=lambda: False)
    result = evaluate_lab(run, data)
"""

from __future__ import annotations

import itertools
import math
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

import numpy as np

from tutor import datasets
from tutor.engine import Callback, Dense, Sequential, optimizers, set_seed

REPORT_INTERVAL = 0.1
"""Seconds between two progress reports of the lab (about ten a second)."""

PLAYGROUND_INTERVAL = 0.15
"""Seconds between two decision-boundary snapshots of the playground."""

LAB_DATASETS = ("exam_scores", "pima", "breast_cancer", "digits", "mnist", "and", "or", "xor")
IMAGE_DATASETS = ("digits", "mnist")
GATES = ("and", "or", "xor")
ACTIVATIONS = ("relu", "tanh", "sigmoid", "linear")
OPTIMIZERS = ("sgd", "rmsprop", "adam", "nadam")
PLAYGROUND_DATASETS = ("circle", "xor", "gauss", "spiral")
PLAYGROUND_LEARNING_RATES = (0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
PLAYGROUND_NOISE = (0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5)
PLAYGROUND_TEST_RATIOS = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
PLAYGROUND_SPEEDS = (10, 30, 100, 300, 0)
"""Epochs per second to choose from; 0 means as fast as it goes."""
PLAYGROUND_MAX_LAYERS = 4
PLAYGROUND_MAX_UNITS = 8
PLAYGROUND_EXTENT = 6.0
"""The playground shows inputs from -6 to 6 on both axes, as TensorFlow Playground does."""

Curve = tuple[tuple[float, ...], tuple[float, ...]]
Report = Callable[[object], None]
ShouldStop = Callable[[], bool]
Outcome = Literal["finished", "stopped", "diverged"]


# ---------------------------------------------------------------------------------------------
# Settings


@dataclass(frozen=True)
class LabConfig:
    """Everything the learner chooses in the lab. `hidden` lists the units of each hidden layer."""

    dataset: str
    hidden: tuple[int, ...] = ()
    activation: str = "relu"
    optimizer: str = "adam"
    learning_rate: float = 0.001
    epochs: int = 20
    batch_size: int = 32
    scale: bool = True
    seed: int = 777


DEFAULTS: dict[str, LabConfig] = {
    # One sigmoid neuron on two standardised exam scores (lesson 13).
    "exam_scores": LabConfig("exam_scores", (), "relu", "adam", 0.01, 1000, 32),
    # 8-12-8-1 on raw measurements, as in lesson 14 (turn scaling on to see the difference).
    "pima": LabConfig("pima", (12, 8), "relu", "adam", 0.001, 1500, 64, scale=False),
    "breast_cancer": LabConfig("breast_cancer", (20, 10), "relu", "adam", 0.001, 100, 64),
    "digits": LabConfig("digits", (128,), "relu", "adam", 0.001, 20, 32),
    # Chollet's first network: 784-512-10, rmsprop, 5 epochs of batches of 128 (lesson 16).
    "mnist": LabConfig("mnist", (512,), "relu", "rmsprop", 0.001, 5, 128),
    "and": LabConfig("and", (), "relu", "adam", 0.1, 200, 4),
    "or": LabConfig("or", (), "relu", "adam", 0.1, 200, 4),
    "xor": LabConfig("xor", (8,), "tanh", "adam", 0.05, 300, 4),
}


def parse_hidden(text: str) -> tuple[int, ...]:
    """'128, 64' (or '128 64', '128-64') -> (128, 64); '' -> () for no hidden layer.

    Raises ValueError when a part is not a whole number from 1 to 4096.
    """
    parts = text.replace(",", " ").replace("-", " ").split()
    units = []
    for part in parts:
        if not part.isdigit() or not 1 <= int(part) <= 4096:
            raise ValueError(part)
        units.append(int(part))
    return tuple(units)


def format_hidden(hidden: Sequence[int]) -> str:
    return ", ".join(str(units) for units in hidden)


# ---------------------------------------------------------------------------------------------
# Data


@dataclass(frozen=True)
class LabData:
    """A data set ready for a Dense network: rows of numbers, integer labels."""

    name: str
    x_train: np.ndarray
    y_train: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray
    n_classes: int
    images: np.ndarray | None
    """The test images as (n, height, width) grey levels from 0 to 1 (digits and MNIST)."""
    validation_split: float

    @property
    def n_features(self) -> int:
        return int(self.x_train.shape[1])


@lru_cache(maxsize=3)
def _raw(name: str) -> datasets.preprocessing.Split:
    """The data set as `load` gives it (kept for the next run: nothing here changes it)."""
    return datasets.load(name)


def load_lab_data(name: str, scale: bool = True) -> LabData:
    """Load a lab data set: images flattened (and scaled to 0-1), tables standardised if `scale`.

    Standardising uses the training part's mean and spread for both parts.
    """
    (x_train, y_train), (x_test, y_test) = _raw(name)
    images = None
    if name in IMAGE_DATASETS:
        images = x_test.astype(np.float32) / np.float32(datasets.PIXEL_MAX[name])
        if scale:
            x_train, x_test = datasets.scale_pixels(name, x_train, x_test)
        else:
            x_train = x_train.reshape(len(x_train), -1).astype(np.float32)
            x_test = x_test.reshape(len(x_test), -1).astype(np.float32)
    elif scale and name not in GATES:
        x_train, x_test = datasets.standardize(x_train, x_test)
    y_train = np.asarray(y_train, dtype=np.int64)
    y_test = np.asarray(y_test, dtype=np.int64)
    n_classes = int(max(y_train.max(), y_test.max())) + 1
    return LabData(
        name=name,
        x_train=np.asarray(x_train, dtype=np.float32),
        y_train=y_train,
        x_test=np.asarray(x_test, dtype=np.float32),
        y_test=y_test,
        n_classes=n_classes,
        images=images,
        validation_split=0.0 if name in GATES else 0.2,
    )


def layer_sizes(config: LabConfig, n_features: int, n_classes: int) -> tuple[int, ...]:
    """The units of every layer, inputs first: e.g. (64, 128, 10) for digits."""
    return (n_features, *config.hidden, 1 if n_classes == 2 else n_classes)


def count_parameters(sizes: Sequence[int]) -> int:
    """Weights and biases of Dense layers of these sizes: sum of (n_in + 1) * n_out."""
    return sum((n_in + 1) * n_out for n_in, n_out in itertools.pairwise(sizes))


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


# ---------------------------------------------------------------------------------------------
# Progress while training


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


# ---------------------------------------------------------------------------------------------
# Results


@dataclass(frozen=True)
class Sample:
    """One test example with the model's answer."""

    index: int
    true: int
    predicted: int
    confidence: float
    """The probability the model gave its answer."""

    @property
    def correct(self) -> bool:
        return self.true == self.predicted


@dataclass(frozen=True)
class LabResult:
    run: LabRun
    test_loss: float | None
    test_accuracy: float | None
    confusion: np.ndarray | None
    """confusion[true, predicted] counts test examples."""
    samples: tuple[Sample, ...] = field(default_factory=tuple)


def confusion_matrix(y_true: np.ndarray, y_pred: np.ndarray, n_classes: int) -> np.ndarray:
    """Counts of (true class, predicted class) pairs: rows are true, columns predicted."""
    matrix = np.zeros((n_classes, n_classes), dtype=np.int64)
    np.add.at(matrix, (y_true, y_pred), 1)
    return matrix


def predicted_classes(outputs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(class, confidence) per row: threshold 0.5 for one sigmoid unit, else the largest."""
    if outputs.shape[1] == 1:
        p = outputs[:, 0]
        classes = (p >= 0.5).astype(np.int64)
        return classes, np.where(classes == 1, p, 1.0 - p)
    classes = outputs.argmax(axis=1)
    return classes, outputs[np.arange(len(outputs)), classes]


def pick_samples(y_true: np.ndarray, y_pred: np.ndarray, confidence: np.ndarray, count: int = 8):
    """Test examples in order: up to half of `count` mistakes (each of a different kind, true
    class -> predicted class, while there are such), the rest the first right answers."""
    wrong: list[int] = []
    kinds: set[tuple[int, int]] = set()
    for i in np.flatnonzero(y_true != y_pred).tolist():
        kind = (int(y_true[i]), int(y_pred[i]))
        if kind not in kinds:
            kinds.add(kind)
            wrong.append(i)
        if len(wrong) == count // 2:
            break
    right = np.flatnonzero(y_true == y_pred)[: count - len(wrong)].tolist()
    chosen = sorted({*wrong, *right})
    return tuple(
        Sample(i, int(y_true[i]), int(y_pred[i]), float(confidence[i])) for i in chosen[:count]
    )


def evaluate_lab(run: LabRun, data: LabData, samples: int = 8) -> LabResult:
    """Test loss and accuracy, the confusion matrix and a few sample predictions.

    A diverged run has no meaningful test numbers: they stay None.
    """
    if run.outcome == "diverged":
        return LabResult(run, None, None, None)
    with np.errstate(all="ignore"):
        loss, accuracy = run.model.evaluate(data.x_test, data.y_test, batch_size=1024)
        outputs = run.model.predict(data.x_test, batch_size=1024)
    classes, confidence = predicted_classes(outputs)
    matrix = confusion_matrix(data.y_test, classes, data.n_classes)
    chosen = pick_samples(data.y_test, classes, confidence, samples)
    return LabResult(run, float(loss), float(accuracy), matrix, chosen)


# ---------------------------------------------------------------------------------------------
# Playground


@dataclass(frozen=True)
class PlaygroundConfig:
    """TensorFlow Playground's knobs and its defaults: 4-2 tanh, learning rate 0.03, batch 10."""

    dataset: str = "circle"
    noise: float = 0.0
    test_ratio: float = 0.5
    hidden: tuple[int, ...] = (4, 2)
    activation: str = "tanh"
    learning_rate: float = 0.03
    batch_size: int = 10
    n_samples: int = 500
    seed: int = 0


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
