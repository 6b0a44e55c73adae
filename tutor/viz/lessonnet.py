"""The network a lesson looks inside: its folder's `inside.toml`.

    dataset = "xor"                      # a data set of tutor.datasets.load
    layers = [{ units = 2, activation = "relu" }, { units = 1, activation = "linear" }]
    weights = [[[1.0, 1.0], [1.0, 1.0]], [0.0, -1.0], [[1.0], [-2.0]], [0.0]]  # or seed = 2
    optimizer = { name = "sgd", learning_rate = 0.5 }
    loss = "mse"
    steps_before = 0                     # full-batch steps taken before the one traced
    bounds = [-0.5, 1.5, -0.5, 1.5]      # the input plane drawn (x1 from, to, x2 from, to)

`tutor show 08` prints the neuron view and the traced step of this network; the app's lesson
screen opens the same network in the neuron view and step mode.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from tutor.engine import Dense, EngineError, Sequential, optimizers, set_seed, trace_step
from tutor.engine.trace import StepTrace
from tutor.viz.neurons import NeuronFrame, neuron_frame

FILE = "inside.toml"


class LessonNetError(ValueError):
    """inside.toml is missing something or holds something unusable (the message says which)."""


@dataclass
class LessonNet:
    """A lesson's network, its data and the bounds of its input plane."""

    model: Sequential
    x: np.ndarray
    y: np.ndarray
    bounds: tuple[float, float, float, float]
    title: dict[str, str]

    def frame(self, side: int = 16) -> NeuronFrame:
        return neuron_frame(self.model, self.bounds, side, data=self.x)

    def step(self, apply: bool = False) -> StepTrace:
        return trace_step(self.model, self.x, self.y, apply=apply)


def has_inside(lesson_path: Path) -> bool:
    return (Path(lesson_path) / FILE).is_file()


def load_lesson_net(lesson_path: Path) -> LessonNet:
    """Build the lesson's network as `inside.toml` describes it (LessonNetError if unusable)."""
    path = Path(lesson_path) / FILE
    try:
        spec = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise LessonNetError(f"{path}: {error}") from None
    try:
        return _build(spec)
    except (KeyError, TypeError, ValueError, EngineError) as error:
        raise LessonNetError(f"{path}: {error}") from None


def _build(spec: dict) -> LessonNet:
    from tutor import datasets

    (x, y), _ = datasets.load(spec["dataset"])
    x = np.asarray(x, dtype=np.float32)
    y = np.asarray(y)
    set_seed(int(spec.get("seed", 0)))
    model = Sequential()
    inputs = x.shape[1]
    for i, layer in enumerate(spec["layers"]):
        units, activation = int(layer["units"]), layer.get("activation")
        name = "dense" if i == 0 else f"dense_{i}"  # as a fresh script names them, every time
        model.add(Dense(units, activation=activation, input_shape=(inputs,), name=name))
        inputs = units
    if "weights" in spec:
        model.set_weights([np.asarray(v, dtype=np.float32) for v in spec["weights"]])
    model.compile(optimizer=optimizers.get(dict(spec["optimizer"])), loss=spec["loss"])
    steps = int(spec.get("steps_before", 0))
    if steps:
        model.fit(x, y, batch_size=len(x), epochs=steps, shuffle=False, verbose=0)
    bounds = tuple(float(v) for v in spec.get("bounds", (-6, 6, -6, 6)))
    if len(bounds) != 4:
        raise ValueError(f"bounds needs 4 numbers (x1 from, to, x2 from, to), got {bounds}")
    return LessonNet(model, x, y, bounds, dict(spec.get("title", {})))
