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
    [exercise.goal]                        # one of (or [[exercise.goal]] tables, all must hold):
    metric = "accuracy"                    #   metric (accuracy | loss) on (train | val) with
    on = "val"                             #   at_least and/or at_most;
    at_least = 1.0                         #   diverges = true (the loss becomes nan/inf or grows);
                                           #   stalls = true (the loss barely moves)
    validation = 0.2                       # with on = "val": the LAST 20 % of the training rows
                                           # are held out, never trained on, and scored at the end

Goals are never on the test set: settings are chosen on validation data, and the test score is
only reported, once, beside the verdict (as lessons 12 and 14 teach).

Answers are `name=value` pairs: "hidden_layers=1 units=4 activation=tanh learning_rate=0.1".
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tutor.engine_text import stop_text
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
from tutor.exercises.experiment_run import (
    ExperimentSpec,
    Goal,
    RunResult,
    judge,
    train,
    uses_validation,
)
from tutor.exercises.numeric import parse_number
from tutor.i18n import Text, both, t, tt

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


# Training is deterministic under the exercise's seed, so a run already made for the same
# settings is reused (lint and regrade check the same answers again).
_RUNS: dict[tuple[Any, ...], RunResult] = {}


def _goal(raw: Any) -> Goal:
    if not isinstance(raw, dict):
        raise SpecError("each `goal` is a table", "goal")
    try:
        goal = Goal(**raw)
    except TypeError:
        raise SpecError(
            "`goal` keys are metric, on, at_least, at_most, diverges, stalls, stall_ratio", "goal"
        ) from None
    if goal.on == "test":
        raise SpecError(
            'a goal on the test set chooses settings by the test: use on = "val" (a held-out '
            "share of the training rows); the test score is reported beside the verdict",
            "goal",
        )
    if goal.metric not in ("accuracy", "loss") or goal.on not in ("train", "val"):
        raise SpecError("`goal.metric` is accuracy or loss; `goal.on` is train or val", "goal")
    if not (goal.diverges or goal.stalls or goal.at_least is not None or goal.at_most is not None):
        raise SpecError("`goal` needs at_least, at_most, diverges or stalls", "goal")
    return goal


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
            "validation",
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
        goals_raw = require(raw, "goal", (dict, list), "a table saying what the run must reach")
        goals = tuple(_goal(g) for g in (goals_raw if isinstance(goals_raw, list) else [goals_raw]))
        if not goals:
            raise SpecError("`goal` needs at least one table", "goal")
        goal = goals[0]
        validation = float(raw.get("validation", 0.2))
        if not 0.0 < validation < 1.0:
            raise SpecError("`validation` is the held-out share, between 0 and 1", "validation")
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
            goals,
            validation,
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
        if ok and uses_validation(spec) and "accuracy" in run.test:
            # the test score is reported once the settings are chosen, never graded
            shown = f"{run.test['accuracy']:.4f}"
            note = both("참고로만 보여 줍니다(채점하지 않음)", "reported once, not graded")
            rows.append(Detail("test accuracy", "—", shown, True, note))
        # the engine's own time: a few hundred epochs of a small net take hundredths of a second
        ran = "experiment_ran_one" if run.epochs_run == 1 else "experiment_ran"
        summary = tt(ran, epochs=run.epochs_run, seconds=f"{run.seconds:.2g}")
        if run.hit_budget:
            summary = {
                k: f"{v} " + tt("experiment_budget", budget=f"{spec.budget_s:g}")[k]
                for k, v in summary.items()
            }
        said = stop_text(run.stop_code, run.stop_info)
        if said is not None and run.stop_code != "requested":  # the budget stop is said above
            summary = {k: f"{v}\n{said[k]}" for k, v in summary.items()}
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
