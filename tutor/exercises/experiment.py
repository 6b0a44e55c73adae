"""`experiment`: the learner picks an architecture and hyperparameters from a constrained form;
the check trains with the engine under a fixed seed and a time budget and tests a stated goal.

    dataset = "xor"                        # a name for tutor.datasets.load
    dataset_options = { noise = 0.1 }      # optional
    preprocess = "none"                    # none | standardize | pixels (flatten, scale to [0, 1])
    loss = "binary_crossentropy"
    output = { units = 1, activation = "sigmoid" }
    seed = 777
    budget_s = 20                          # wall-clock budget for one training run
    counterexample = ["hidden_layers=0"]   # settings that must NOT reach the goal (lint checks)
    [exercise.form]                        # what the learner may choose: a list, or {min, max}
    hidden_layers = [0, 1, 2]
    learning_rate = { min = 0.0001, max = 10.0 }
    [exercise.defaults]                    # every field's value when the answer leaves it out
    hidden_layers = 0
    [exercise.goal]                        # one of:
    metric = "accuracy"                    #   metric (accuracy | loss) on (train | test) with
    on = "train"                           #   at_least and/or at_most;
    at_least = 1.0                         #   diverges = true (the loss becomes nan/inf or grows);
                                           #   stalls = true (the loss barely moves)

Answers are `name=value` pairs: "hidden_layers=1 units=4 activation=tanh learning_rate=0.1".
"""

from __future__ import annotations

import math
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from tutor.exercises.assignments import AssignmentError, parse_assignments
from tutor.exercises.base import (
    Detail,
    ExerciseKind,
    SpecError,
    Verdict,
    failed,
    invalid,
    passed,
    require,
)
from tutor.exercises.numeric import parse_number
from tutor.i18n import Text, t, tt

if TYPE_CHECKING:
    from tutor.course.model import Exercise

FIELDS: dict[str, type] = {
    "hidden_layers": int,
    "units": int,
    "activation": str,
    "optimizer": str,
    "learning_rate": float,
    "epochs": int,
    "batch_size": int,
}
BUILTIN_DEFAULTS: dict[str, Any] = {
    "hidden_layers": 1,
    "units": 4,
    "activation": "relu",
    "optimizer": "adam",
    "learning_rate": 0.01,
    "epochs": 100,
    "batch_size": 32,
}
PREPROCESS = ("none", "standardize", "pixels")


@dataclass(frozen=True)
class Goal:
    metric: str = "accuracy"
    on: str = "train"
    at_least: float | None = None
    at_most: float | None = None
    diverges: bool = False
    stalls: bool = False


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


@dataclass
class RunResult:
    """What one training run produced (also used by the app to show a finished run)."""

    config: dict[str, Any]
    history: dict[str, list[float]]
    train: dict[str, float]
    test: dict[str, float]
    epochs_run: int
    seconds: float
    stop_reason: str | None
    hit_budget: bool


class ConfigError(ValueError):
    def __init__(self, message: Text) -> None:
        super().__init__(message["en"])
        self.text = message


def read_config(spec: ExperimentSpec, answer: str) -> dict[str, Any]:
    """The learner's settings merged over the defaults, each checked against the form."""
    try:
        given = parse_assignments(answer)
    except AssignmentError as error:
        raise ConfigError(
            tt("experiment_unreadable", part=str(error), fields=", ".join(spec.form))
        ) from None
    config = dict(spec.defaults)
    for name, text in given.items():
        if name not in spec.form:
            raise ConfigError(
                tt("experiment_unknown_field", name=name, fields=", ".join(spec.form))
            )
        config[name] = _value(spec, name, text)
    return config


def _value(spec: ExperimentSpec, name: str, text: str) -> Any:
    allowed = spec.form[name]
    kind = FIELDS[name]
    if kind is str:
        value: Any = text.strip().lower()
    else:
        number = parse_number(text)
        if number is None or (kind is int and number != int(number)):
            raise ConfigError(
                tt("experiment_bad_value", name=name, given=text, allowed=_describe(spec, name))
            )
        value = int(number) if kind is int else float(number)
    if name in spec.ranges:
        low, high = allowed
        if not low <= value <= high:
            raise ConfigError(
                tt("experiment_bad_value", name=name, given=text, allowed=_describe(spec, name))
            )
    elif value not in allowed:
        raise ConfigError(
            tt("experiment_bad_value", name=name, given=text, allowed=_describe(spec, name))
        )
    return value


def _describe(spec: ExperimentSpec, name: str) -> str:
    if name in spec.ranges:
        low, high = spec.form[name]
        return f"{low:g} … {high:g}"
    return ", ".join(str(choice) for choice in spec.form[name])


def load_data(spec: ExperimentSpec) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The exercise's data set, preprocessed as the lesson teaches."""
    from tutor import datasets

    (x_train, y_train), (x_test, y_test) = datasets.load(spec.dataset, **spec.dataset_options)
    x_train, x_test = x_train.astype(np.float32), x_test.astype(np.float32)
    if spec.preprocess == "pixels":
        x_train, x_test = datasets.scale_pixels(spec.dataset, x_train, x_test)
    elif spec.preprocess == "standardize":
        x_train, x_test = datasets.standardize(x_train, x_test)
    return x_train, y_train, x_test, y_test


def train(
    spec: ExperimentSpec,
    config: dict[str, Any],
    callbacks: list[Any] | None = None,
    verbose: int = 0,
) -> RunResult:
    """Train the configured model under the exercise's seed and time budget."""
    from tutor.engine import Dense, Sequential, optimizers, set_seed
    from tutor.engine import callbacks as engine_callbacks

    x_train, y_train, x_test, y_test = load_data(spec)
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
    return RunResult(
        config,
        {k: list(v) for k, v in history.history.items()},
        train_scores,
        test_scores,
        len(history.history.get("loss", [])),
        seconds,
        stop_reason,
        Budget.hit,
    )


def _scores(model: Any, x: np.ndarray, y: np.ndarray) -> dict[str, float]:
    """Loss and accuracy on (x, y); nan when the weights themselves became nan."""
    with np.errstate(all="ignore"):
        loss, accuracy = model.evaluate(x, y, verbose=0)
    return {"loss": float(loss), "accuracy": float(accuracy)}


def judge(spec: ExperimentSpec, run: RunResult) -> tuple[bool, list[Detail]]:
    """Whether the run reached the goal, with one feedback row per condition."""
    goal = spec.goal
    losses = run.history.get("loss", [])
    if goal.diverges:
        first = losses[0] if losses else math.nan
        last = losses[-1] if losses else math.nan
        diverged = run.stop_reason is not None or not math.isfinite(last) or last > 10 * first
        shown = "nan/inf" if run.stop_reason else f"{first:.4g} → {last:.4g}"
        return diverged, [Detail("loss", "diverges", shown, diverged)]
    if goal.stalls:
        first, last = (losses[0], losses[-1]) if losses else (math.nan, math.nan)
        stalled = run.stop_reason is None and math.isfinite(last) and last >= 0.9 * first
        return stalled, [Detail("loss", "≥ 0.9 × first", f"{first:.4g} → {last:.4g}", stalled)]
    scores = run.train if goal.on == "train" else run.test
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
    return all(row.ok for row in rows), rows


# Training is deterministic under the exercise's seed, so a run already made for the same
# settings is reused (lint and regrade check the same answers again).
_RUNS: dict[tuple[Any, ...], RunResult] = {}


class ExperimentKind(ExerciseKind):
    name = "experiment"
    spec_keys = frozenset(
        {
            "dataset",
            "dataset_options",
            "preprocess",
            "loss",
            "output",
            "seed",
            "budget_s",
            "form",
            "defaults",
            "goal",
            "counterexample",
        }
    )

    def parse_spec(self, raw: dict[str, Any], lesson_dir: Path) -> ExperimentSpec:
        dataset = require(raw, "dataset", str, "a data set name")
        options = raw.get("dataset_options", {})
        if not isinstance(options, dict):
            raise SpecError("`dataset_options` must be a table", "dataset_options")
        preprocess = raw.get("preprocess", "none")
        if preprocess not in PREPROCESS:
            raise SpecError(f"`preprocess` must be one of {', '.join(PREPROCESS)}", "preprocess")
        output = raw.get("output", {"units": 1, "activation": "sigmoid"})
        form_raw = require(raw, "form", dict, "a table of the fields the learner may set")
        form: dict[str, Any] = {}
        ranges = set()
        for name, allowed in form_raw.items():
            if name not in FIELDS:
                raise SpecError(
                    f"form field {name!r} is unknown; fields: {', '.join(FIELDS)}", "form"
                )
            if isinstance(allowed, dict):
                if set(allowed) != {"min", "max"}:
                    raise SpecError(f"form field {name!r}: a range is {{ min, max }}", "form")
                form[name] = (allowed["min"], allowed["max"])
                ranges.add(name)
            elif isinstance(allowed, list) and allowed:
                form[name] = tuple(a.lower() if isinstance(a, str) else a for a in allowed)
            else:
                raise SpecError(f"form field {name!r} needs a list of choices or a range", "form")
        defaults = {**BUILTIN_DEFAULTS, **raw.get("defaults", {})}
        unknown = sorted(set(defaults) - set(FIELDS))
        if unknown:
            raise SpecError(f"`defaults` has unknown fields {unknown}", "defaults")
        goal_raw = require(raw, "goal", dict, "a table saying what the run must reach")
        try:
            goal = Goal(**goal_raw)
        except TypeError:
            raise SpecError(
                "`goal` keys are metric, on, at_least, at_most, diverges, stalls", "goal"
            ) from None
        if goal.metric not in ("accuracy", "loss") or goal.on not in ("train", "test"):
            raise SpecError("`goal.metric` is accuracy or loss; `goal.on` is train or test", "goal")
        if not (
            goal.diverges or goal.stalls or goal.at_least is not None or goal.at_most is not None
        ):
            raise SpecError("`goal` needs at_least, at_most, diverges or stalls", "goal")
        counter = raw.get("counterexample", [])
        if not isinstance(counter, list) or not all(isinstance(c, str) for c in counter):
            raise SpecError("`counterexample` must be a list of answers", "counterexample")
        return ExperimentSpec(
            dataset,
            options,
            preprocess,
            raw.get("loss", "binary_crossentropy"),
            int(output.get("units", 1)),
            output.get("activation", "sigmoid"),
            int(raw.get("seed", 777)),
            float(raw.get("budget_s", 30.0)),
            form,
            frozenset(ranges),
            defaults,
            goal,
            tuple(counter),
        )

    def check(self, exercise: Exercise, answer: str, watch: Sequence[Any] = ()) -> Verdict:
        spec: ExperimentSpec = exercise.spec
        try:
            config = read_config(spec, answer)
        except ConfigError as error:
            return invalid(error.text)
        key = (str(exercise.path), exercise.id, tuple(sorted(config.items())))
        run = None if watch else _RUNS.get(key)
        if run is None:
            run = train(spec, config, callbacks=list(watch))
            if not run.hit_budget:  # a run cut by the clock depends on the machine's load
                _RUNS[key] = run
        ok, rows = judge(spec, run)
        summary = tt("experiment_ran", epochs=run.epochs_run, seconds=f"{run.seconds:.1f}")
        if run.hit_budget:
            summary = {
                k: f"{v} " + tt("experiment_budget", budget=f"{spec.budget_s:g}")[k]
                for k, v in summary.items()
            }
        if run.stop_reason:
            summary = {k: f"{v}\n{run.stop_reason}" for k, v in summary.items()}
        if ok:
            return passed({k: f"{tt('correct')[k]} {v}" for k, v in summary.items()}, tuple(rows))
        return failed(
            {k: f"{tt('experiment_missed')[k]} {v}" for k, v in summary.items()}, tuple(rows)
        )

    def plainly_wrong(self, exercise: Exercise) -> list[str]:
        return [*exercise.spec.counterexamples, "no_such_field=1"]

    def describe(self, exercise: Exercise, lang: str) -> str:
        spec: ExperimentSpec = exercise.spec
        lines = [
            f"{name} = {_describe(spec, name)}   ({t('experiment_default', lang)}: "
            f"{spec.defaults[name]})"
            for name in spec.form
        ]
        return "\n".join([t("experiment_fields", lang, dataset=spec.dataset), *lines])

    def same_answer(self, exercise: Exercise, answer: str, other: str) -> bool:
        try:
            return read_config(exercise.spec, answer) == read_config(exercise.spec, other)
        except ConfigError:
            return False
