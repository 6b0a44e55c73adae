"""What the learner chooses in the lab and the playground, and reading it from typed text.

The screens hand the text of their fields to `read_lab_config` and `read_hidden`; a setting that
cannot be used raises `SettingsError`, which names the field, the value and what was expected
(the app words it in the learner's language).

    read_lab_config("digits", hidden="128, 64", learning_rate="0.01", epochs="5", batch_size="32")
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

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
    # One sigmoid neuron on two standardised exam scores (lesson 12).
    "exam_scores": LabConfig("exam_scores", (), "relu", "adam", 0.01, 1000, 32),
    # 8-12-8-1 on raw measurements, as in lesson 13 (turn scaling on to see the difference).
    "pima": LabConfig("pima", (12, 8), "relu", "adam", 0.001, 1500, 64, scale=False),
    "breast_cancer": LabConfig("breast_cancer", (20, 10), "relu", "adam", 0.001, 100, 64),
    "digits": LabConfig("digits", (128,), "relu", "adam", 0.001, 20, 32),
    # Chollet's first network: 784-512-10, rmsprop, 5 epochs of batches of 128 (lesson 15).
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


def layer_sizes(config: LabConfig, n_features: int, n_classes: int) -> tuple[int, ...]:
    """The units of every layer, inputs first: e.g. (64, 128, 10) for digits."""
    return (n_features, *config.hidden, 1 if n_classes == 2 else n_classes)


def count_parameters(sizes: Sequence[int]) -> int:
    """Weights and biases of Dense layers of these sizes: sum of (n_in + 1) * n_out."""
    return sum((n_in + 1) * n_out for n_in, n_out in itertools.pairwise(sizes))


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


# ---------------------------------------------------------------------------------------------
# Reading typed settings

Field = Literal["hidden_layers", "learning_rate", "epochs", "batch_size"]
Expected = Literal["units", "positive", "whole", "small_layers"]


class SettingsError(ValueError):
    """A setting the learner typed cannot be used.

    `expected` says what would do: "units" (whole numbers from 1 to 4096, comma-separated; `value`
    is the offending part), "positive" (a number above 0), "whole" (a whole number from `low` to
    `high`) or "small_layers" (at most `layers` layers of 1 to `high` units).
    """

    def __init__(
        self,
        field: Field,
        value: str,
        expected: Expected,
        *,
        low: int = 1,
        high: int = 0,
        layers: int = 0,
    ) -> None:
        super().__init__(f"{field}: {value!r} is not {expected}")
        self.field: Field = field
        self.value = value
        self.expected: Expected = expected
        self.low, self.high, self.layers = low, high, layers


MAX_EPOCHS = 100_000
MAX_BATCH = 100_000


def read_hidden(
    text: str, max_layers: int | None = None, max_units: int | None = None
) -> tuple[int, ...]:
    """The hidden layers typed in a field; SettingsError if a part is not 1-4096 units or the
    network is larger than `max_layers` layers of `max_units` (the playground's limits)."""
    try:
        hidden = parse_hidden(text)
    except ValueError as error:
        raise SettingsError("hidden_layers", error.args[0], "units") from None
    too_deep = max_layers is not None and len(hidden) > max_layers
    too_wide = max_units is not None and any(units > max_units for units in hidden)
    if too_deep or too_wide:
        raise SettingsError(
            "hidden_layers",
            text.strip(),
            "small_layers",
            high=max_units or 4096,
            layers=max_layers or len(hidden),
        )
    return hidden


def _whole(field: Field, text: str, low: int, high: int) -> int:
    text = text.strip()
    if not text.isdigit() or not low <= int(text) <= high:
        raise SettingsError(field, text, "whole", low=low, high=high)
    return int(text)


def _positive(field: Field, text: str) -> float:
    text = text.strip()
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not (math.isfinite(value) and value > 0):
        raise SettingsError(field, text, "positive")
    return value


def read_lab_config(
    dataset: str,
    *,
    hidden: str,
    learning_rate: str,
    epochs: str,
    batch_size: str,
    activation: str = "relu",
    optimizer: str = "adam",
    scale: bool = True,
) -> LabConfig:
    """The lab's settings from the text of its fields, checked in the order they are shown."""
    return LabConfig(
        dataset=dataset,
        hidden=read_hidden(hidden),
        activation=activation,
        optimizer=optimizer,
        learning_rate=_positive("learning_rate", learning_rate),
        epochs=_whole("epochs", epochs, 1, MAX_EPOCHS),
        batch_size=_whole("batch_size", batch_size, 1, MAX_BATCH),
        scale=scale,
        seed=DEFAULTS[dataset].seed if dataset in DEFAULTS else LabConfig(dataset).seed,
    )
