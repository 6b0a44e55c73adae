"""Running an `experiment`: the spec it runs, loading the data (with a held-out validation
share), training under the exercise's seed and time budget, and judging the goals."""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from tutor.exercises.base import Detail


@dataclass(frozen=True)
class Goal:
    metric: str = "accuracy"
    on: str = "train"
    at_least: float | None = None
    at_most: float | None = None
    diverges: bool = False
    stalls: bool = False
    stall_ratio: float = 0.9  # with stalls: the last loss is at least this share of the first


@dataclass(frozen=True)
class ExperimentSpec:
    dataset: str
    dataset_options: dict[str, Any]
    preprocess: str
    loss: str
    output_units: int
    output_activation: str
    seed: int
    budget_s: float
    form: dict[str, tuple[Any, ...] | tuple[float, float]]  # choices, or (min, max) for ranges
    ranges: frozenset[str]
    defaults: dict[str, Any]
    goal: Goal
    counterexamples: tuple[str, ...] = field(default=())
    goals: tuple[Goal, ...] = field(default=())  # every goal; `goal` is the first
    validation: float = 0.2


@dataclass
class RunResult:
    """What one training run produced (also used by the app to show a finished run)."""

    config: dict[str, Any]
    history: dict[str, list[float]]
    train: dict[str, float]
    test: dict[str, float]
    val: dict[str, float]
    epochs_run: int
    seconds: float
    stop_reason: str | None
    hit_budget: bool
    stop_code: str | None = None  # the engine's reason as data, worded by tutor.engine_text
    stop_info: dict[str, Any] = field(default_factory=dict)


def uses_validation(spec: ExperimentSpec) -> bool:
    return any(goal.on == "val" for goal in spec.goals or (spec.goal,))


def load_data(spec: ExperimentSpec) -> tuple[np.ndarray, ...]:
    """(x_train, y_train, x_test, y_test, x_val, y_val), preprocessed as the lesson teaches.

    With a goal on validation data the last `spec.validation` share of the training rows is
    held out first (x_val, y_val) and x_train keeps the rest; otherwise x_val is empty.
    Standardising measures the rows the model trains on only.
    """
    from tutor import datasets

    (x_train, y_train), (x_test, y_test) = datasets.load(spec.dataset, **spec.dataset_options)
    split = len(x_train)
    if uses_validation(spec):
        split = math.floor(len(x_train) * (1.0 - spec.validation))
    x_val, y_val = x_train[split:], y_train[split:]
    x_train, y_train = x_train[:split], y_train[:split]
    x_train, x_test = x_train.astype(np.float32), x_test.astype(np.float32)
    x_val = x_val.astype(np.float32)
    if spec.preprocess == "pixels":
        x_train, x_test, x_val = datasets.scale_pixels(spec.dataset, x_train, x_test, x_val)
    elif spec.preprocess == "standardize":
        x_train, x_test, x_val = datasets.standardize(x_train, x_test, x_val)
    return x_train, y_train, x_test, y_test, x_val, y_val


def train(
    spec: ExperimentSpec,
    config: dict[str, Any],
    callbacks: list[Any] | None = None,
    verbose: int = 0,
) -> RunResult:
    """Train the configured model under the exercise's seed and time budget."""
    from tutor.engine import Dense, Sequential, optimizers, set_seed
    from tutor.engine import callbacks as engine_callbacks

    x_train, y_train, x_test, y_test, x_val, y_val = load_data(spec)
    set_seed(spec.seed)
    layers = []
    for index in range(config["hidden_layers"]):
        extra: dict[str, Any] = {"input_shape": (x_train.shape[1],)} if index == 0 else {}
        layers.append(Dense(config["units"], activation=config["activation"], **extra))
    extra = {} if layers else {"input_shape": (x_train.shape[1],)}  # the first layer's
    layers.append(Dense(spec.output_units, activation=spec.output_activation, **extra))
    model = Sequential(layers)
    optimizer = optimizers.get(config["optimizer"])
    optimizer.learning_rate = config["learning_rate"]
    model.compile(optimizer=optimizer, loss=spec.loss, metrics=["accuracy"])

    class Budget(engine_callbacks.Callback):
        hit = False

        def on_train_begin(self, logs: dict[str, Any] | None = None) -> None:
            self.started = time.perf_counter()

        def on_epoch_end(self, epoch: int, logs: dict[str, Any] | None = None) -> None:
            if time.perf_counter() - self.started > spec.budget_s:
                Budget.hit = True
                self.model.stop_training = True

    started = time.perf_counter()
    history = model.fit(
        x_train,
        y_train,
        epochs=config["epochs"],
        batch_size=config["batch_size"],
        shuffle=True,
        verbose=verbose,
        callbacks=[Budget(), *(callbacks or [])],
    )
    seconds = time.perf_counter() - started
    stop_reason = getattr(model, "stop_reason", None)
    train_scores = _scores(model, x_train, y_train)
    test_scores = _scores(model, x_test, y_test)
    val_scores = _scores(model, x_val, y_val) if len(x_val) else {}
    return RunResult(
        config,
        {k: list(v) for k, v in history.history.items()},
        train_scores,
        test_scores,
        val_scores,
        len(history.history.get("loss", [])),
        seconds,
        stop_reason,
        Budget.hit,
        getattr(model, "stop_code", None),
        dict(getattr(model, "stop_info", {}) or {}),
    )


def _scores(model: Any, x: np.ndarray, y: np.ndarray) -> dict[str, float]:
    """Loss and accuracy on (x, y); nan when the weights themselves became nan."""
    with np.errstate(all="ignore"):
        loss, accuracy = model.evaluate(x, y, verbose=0)
    return {"loss": float(loss), "accuracy": float(accuracy)}


def judge(spec: ExperimentSpec, run: RunResult) -> tuple[bool, list[Detail]]:
    """Whether the run reached every goal, with one feedback row per condition."""
    rows: list[Detail] = []
    for goal in spec.goals or (spec.goal,):
        rows += _judge_one(goal, run)
    return all(row.ok for row in rows), rows


def _judge_one(goal: Goal, run: RunResult) -> list[Detail]:
    losses = run.history.get("loss", [])
    if goal.diverges:
        first = losses[0] if losses else math.nan
        last = losses[-1] if losses else math.nan
        diverged = run.stop_reason is not None or not math.isfinite(last) or last > 10 * first
        shown = "nan/inf" if run.stop_reason else f"{first:.4g} → {last:.4g}"
        return [Detail("loss", "diverges", shown, diverged)]
    if goal.stalls:
        first, last = (losses[0], losses[-1]) if losses else (math.nan, math.nan)
        ratio = goal.stall_ratio
        stalled = run.stop_reason is None and math.isfinite(last) and last >= ratio * first
        return [Detail("loss", f"≥ {ratio:g} × first", f"{first:.4g} → {last:.4g}", stalled)]
    scores = run.train if goal.on == "train" else run.val
    value = scores.get(goal.metric, math.nan)
    rows = []
    if goal.at_least is not None:
        rows.append(
            Detail(
                f"{goal.on} {goal.metric}",
                f"≥ {goal.at_least:g}",
                f"{value:.4f}",
                math.isfinite(value) and value >= goal.at_least,
            )
        )
    if goal.at_most is not None:
        rows.append(
            Detail(
                f"{goal.on} {goal.metric}",
                f"≤ {goal.at_most:g}",
                f"{value:.4f}",
                math.isfinite(value) and value <= goal.at_most,
            )
        )
    return rows
