"""`weights`: the learner sets the weights and bias of a neuron (or a tiny network) by hand until
every row of a truth table comes out right. The check runs the network through the engine.

    inputs = ["dark_clouds", "temperature_drop"]
    table = [[0, 0, 0], [0, 1, 0], [1, 0, 0], [1, 1, 1]]   # inputs..., target
    activation = "step"          # the output unit: step (1 when Σ wᵢxᵢ + b > 0) or sigmoid
    hidden = 0                   # hidden step/sigmoid units before the output (0: one neuron)
    fixed = { b = -1.0 }         # parameters the learner cannot change ("w·x > 1" means b = −1)
    start = { w1 = 2.0, w2 = 0.5 }

Parameter names: one neuron has `w1 … wn` and `b`; with hidden units, unit j has `hj_w1 … hj_b`
and the output has `out_w1 … out_b`. Answers are `name=value` pairs: "w1=0.6, w2=0.8".
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from tutor.exercises.assignments import AssignmentError, format_assignments, parse_assignments
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
from tutor.i18n import t, tt

if TYPE_CHECKING:
    from tutor.course.model import Exercise

ACTIVATIONS = ("step", "sigmoid")


@dataclass(frozen=True)
class WeightsSpec:
    inputs: tuple[str, ...]
    x: np.ndarray  # (rows, inputs)
    y: np.ndarray  # (rows,)
    activation: str
    hidden: int
    hidden_activation: str
    fixed: dict[str, float] = field(default_factory=dict)
    start: dict[str, float] = field(default_factory=dict)

    @property
    def names(self) -> list[str]:
        """Every parameter, in the order the panel shows them."""
        n = len(self.inputs)
        if self.hidden == 0:
            return [*(f"w{i}" for i in range(1, n + 1)), "b"]
        names = []
        for j in range(1, self.hidden + 1):
            names += [*(f"h{j}_w{i}" for i in range(1, n + 1)), f"h{j}_b"]
        return [*names, *(f"out_w{j}" for j in range(1, self.hidden + 1)), "out_b"]

    @property
    def free(self) -> list[str]:
        """The parameters the learner sets."""
        return [name for name in self.names if name not in self.fixed]


def outputs(spec: WeightsSpec, params: dict[str, float]) -> np.ndarray:
    """The network's output for every row of the table, computed by the engine."""
    from tutor.engine import Dense, Sequential

    n = len(spec.inputs)
    value = {**spec.fixed, **params}
    if spec.hidden == 0:
        layers = [Dense(1, activation=spec.activation, input_shape=(n,))]
        weights = [np.array([[value[f"w{i}"]] for i in range(1, n + 1)]), np.array([value["b"]])]
    else:
        h = spec.hidden
        layers = [
            Dense(h, activation=spec.hidden_activation, input_shape=(n,)),
            Dense(1, activation=spec.activation),
        ]
        kernel = np.array([[value[f"h{j}_w{i}"] for j in range(1, h + 1)] for i in range(1, n + 1)])
        weights = [
            kernel,
            np.array([value[f"h{j}_b"] for j in range(1, h + 1)]),
            np.array([[value[f"out_w{j}"]] for j in range(1, h + 1)]),
            np.array([value["out_b"]]),
        ]
    model = Sequential(layers)
    model.set_weights([w.astype(np.float32) for w in weights])
    return model.predict(spec.x, verbose=0).reshape(-1)


def table_rows(spec: WeightsSpec, params: dict[str, float]) -> list[Detail]:
    """One feedback row per table row: inputs, target, output, right or wrong."""
    out = outputs(spec, params)
    rows = []
    for x, target, value in zip(spec.x, spec.y, out, strict=True):
        label = ", ".join(f"{name}={v:g}" for name, v in zip(spec.inputs, x, strict=True))
        predicted = int(value > 0.5)
        got = f"{predicted}" if spec.activation == "step" else f"{value:.3f} → {predicted}"
        rows.append(Detail(label, f"{int(target)}", got, predicted == int(target)))
    return rows


def read_params(spec: WeightsSpec, answer: str) -> dict[str, float]:
    """The learner's parameter values; raises ValueError with a message in both languages."""
    try:
        given = parse_assignments(answer)
    except AssignmentError as error:
        message = tt("weights_unreadable", part=str(error), names=", ".join(spec.free))
        raise _Unreadable(message) from None
    unknown = [name for name in given if name not in spec.free]
    if unknown:
        fixed = [name for name in unknown if name in spec.fixed]
        key = "weights_fixed" if fixed else "weights_unknown"
        raise _Unreadable(tt(key, name=(fixed or unknown)[0], names=", ".join(spec.free)))
    values = {}
    for name in spec.free:
        if name not in given:
            raise _Unreadable(tt("weights_missing", name=name, names=", ".join(spec.free)))
        number = parse_number(given[name])
        if number is None or not math.isfinite(number):
            raise _Unreadable(tt("numeric_unreadable", given=given[name]))
        values[name] = number
    return values


class _Unreadable(ValueError):
    def __init__(self, message: dict[str, str]) -> None:
        super().__init__(message["en"])
        self.text = message


class WeightsKind(ExerciseKind):
    name = "weights"
    spec_keys = frozenset(
        {"inputs", "table", "activation", "hidden", "hidden_activation", "fixed", "start"}
    )

    def parse_spec(self, raw: dict[str, Any], lesson_dir: Path) -> WeightsSpec:
        inputs = require(raw, "inputs", list, "a list of input names")
        table = require(raw, "table", list, "a list of rows: inputs…, target")
        if not inputs or not all(isinstance(name, str) for name in inputs):
            raise SpecError("`inputs` must be a non-empty list of names", "inputs")
        width = len(inputs) + 1
        if not table or any(not isinstance(r, list) or len(r) != width for r in table):
            raise SpecError(
                f"every row of `table` needs {width} numbers (inputs, then the target)", "table"
            )
        data = np.array(table, dtype=np.float32)
        activation = raw.get("activation", "step")
        hidden_activation = raw.get("hidden_activation", "step")
        for key, value in (("activation", activation), ("hidden_activation", hidden_activation)):
            if value not in ACTIVATIONS:
                raise SpecError(f"`{key}` must be one of {', '.join(ACTIVATIONS)}", key)
        hidden = raw.get("hidden", 0)
        if not isinstance(hidden, int) or not 0 <= hidden <= 4:
            raise SpecError("`hidden` must be a number of hidden units from 0 to 4", "hidden")
        spec = WeightsSpec(
            tuple(inputs), data[:, :-1], data[:, -1], activation, hidden, hidden_activation
        )
        fixed = _numbers(raw.get("fixed", {}), "fixed", spec.names)
        start = _numbers(raw.get("start", {}), "start", spec.names)
        return WeightsSpec(
            spec.inputs, spec.x, spec.y, activation, hidden, hidden_activation, fixed, start
        )

    def check(self, exercise: Exercise, answer: str, watch: Sequence[Any] = ()) -> Verdict:
        spec: WeightsSpec = exercise.spec
        if not answer.strip():
            return invalid(tt("empty_answer"))
        try:
            params = read_params(spec, answer)
        except _Unreadable as error:
            return invalid(error.text)
        rows = tuple(table_rows(spec, params))
        wrong = sum(not row.ok for row in rows)
        if wrong == 0:
            return passed(details=rows)
        return failed(tt("weights_wrong_rows", wrong=wrong, total=len(rows)), rows, score=0.0)

    def plainly_wrong(self, exercise: Exercise) -> list[str]:
        spec: WeightsSpec = exercise.spec
        answers = [self.starter(exercise)]  # the panel must not open already solved
        try:
            solution = read_params(spec, exercise.solution)
        except _Unreadable:
            return answers
        return [*answers, format_assignments({name: -v for name, v in solution.items()})]

    def describe(self, exercise: Exercise, lang: str) -> str:
        spec: WeightsSpec = exercise.spec
        header = "  ".join([*spec.inputs, t("weights_target", lang)])
        rows = [
            "  ".join(
                f"{v:g}".rjust(len(name))
                for name, v in zip([*spec.inputs, t("weights_target", lang)], [*x, y], strict=True)
            )
            for x, y in zip(spec.x, spec.y, strict=True)
        ]
        fixed = ", ".join(f"{k}={v:g}" for k, v in spec.fixed.items())
        lines = [header, *rows, "", t("weights_set", lang, names=", ".join(spec.free))]
        if fixed:
            lines.append(t("weights_fixed_are", lang, fixed=fixed))
        return "\n".join(lines)

    def same_answer(self, exercise: Exercise, answer: str, other: str) -> bool:
        try:
            a, b = read_params(exercise.spec, answer), read_params(exercise.spec, other)
        except _Unreadable:
            return False
        return all(math.isclose(a[k], b[k], abs_tol=1e-9) for k in a)

    def starter(self, exercise: Exercise) -> str:
        spec: WeightsSpec = exercise.spec
        return format_assignments({name: spec.start.get(name, 0.0) for name in spec.free})


def _numbers(raw: Any, key: str, names: list[str]) -> dict[str, float]:
    if not isinstance(raw, dict):
        raise SpecError(f"`{key}` must be a table of parameter = number", key)
    unknown = [name for name in raw if name not in names]
    if unknown:
        raise SpecError(f"`{key}` names unknown parameters {unknown}; they are {names}", key)
    if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in raw.values()):
        raise SpecError(f"`{key}` values must be numbers", key)
    return {name: float(value) for name, value in raw.items()}
