"""Data sets made in code: logic gates, the storm table, and TensorFlow Playground's point clouds.

Features are float32, labels int64 0/1, and everything random comes from a seeded
`numpy.random.Generator`, so the same arguments always give the same arrays.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from tutor.datasets.errors import DatasetError, choices
from tutor.datasets.preprocessing import Arrays, Split, check_seed

# ---------------------------------------------------------------------------------------------
# Logic gates

GATE_INPUTS = ((0, 0), (0, 1), (1, 0), (1, 1))
GATES: dict[str, tuple[int, int, int, int]] = {
    "and": (0, 0, 0, 1),
    "or": (0, 1, 1, 1),
    "nand": (1, 1, 1, 0),
    "xor": (0, 1, 1, 0),
}


def gate(name: str) -> Arrays:
    """The truth table of a two-input logic gate: x (4, 2) float32 in the order 00, 01, 10, 11,
    y (4,) int64. Gates: and, or, nand, xor (a single neuron can learn all but xor)."""
    key = name.lower() if isinstance(name, str) else None
    if key not in GATES:
        raise DatasetError(f"There is no logic gate {name!r}: expected {choices(GATES)}.")
    return np.array(GATE_INPUTS, dtype=np.float32), np.array(GATES[key], dtype=np.int64)


# ---------------------------------------------------------------------------------------------
# The storm table

STORM_FEATURES = ("dark_clouds", "temperature_drop")
STORM_INPUTS = ((1, 1), (1, 0), (0, 1), (0, 0))
STORM_TARGETS = (1, 0, 0, 0)


def storm(all_ones: bool = False, targets: Sequence[int] | None = None) -> Arrays:
    """The storm-prediction table: dark clouds and a temperature drop -> a storm (1) or not (0).

    Rows keep the tutorial's order: (1, 1), (1, 0), (0, 1), (0, 0). A storm comes only when
    both inputs are 1. `all_ones=True` makes every target 1: then row (0, 0) needs a neuron that
    fires with no input at all, which a fixed threshold never allows, so a "train until every row
    is right" loop never ends. `targets` sets any four 0/1 targets for your own experiments.
    Returns x (4, 2) float32 and y (4,) int64.
    """
    if not isinstance(all_ones, bool | np.bool_):
        raise DatasetError(f"all_ones must be True or False, got {all_ones!r}.")
    if all_ones and targets is not None:
        raise DatasetError("Give storm() either all_ones=True or targets, not both.")
    if all_ones:
        chosen: Sequence[int] = (1, 1, 1, 1)
    elif targets is None:
        chosen = STORM_TARGETS
    else:
        chosen = targets
    values = np.asarray(chosen)
    if values.shape != (4,) or not np.all((values == 0) | (values == 1)):
        raise DatasetError(
            f"storm targets must be four values, each 0 or 1 (one per row {STORM_INPUTS}), "
            f"got {np.ravel(values).tolist()}."
        )
    return np.array(STORM_INPUTS, dtype=np.float32), values.astype(np.int64)


# ---------------------------------------------------------------------------------------------
# TensorFlow Playground's classification sets
#
# Shapes follow playground.tensorflow.org (src/dataset.ts): the same radii, centres and spiral
# turns, and `noise` means what its slider means (0.0 to 0.5 there: 0 % to 50 %). Playground
# labels its classes +1 (blue) and -1 (orange); here they are 1 and 0.
#
# Every generator draws its points first and its noise second, whatever `noise` is, so one seed
# gives the same underlying points with and without noise: the noise alone makes the difference.

PLAYGROUND = ("circle", "xor", "gauss", "spiral")


def _circle(rng: np.random.Generator, n: int, noise: float) -> Arrays:
    """Blue inside radius 2.5, orange in the ring 3.5–5; noise jitters where the label is read."""
    radius = 5.0
    n_inside = (n + 1) // 2
    r = np.concatenate(
        [
            rng.uniform(0.0, radius * 0.5, n_inside),
            rng.uniform(radius * 0.7, radius, n - n_inside),
        ]
    )
    angle = rng.uniform(0.0, 2 * np.pi, n)
    points = np.column_stack([r * np.sin(angle), r * np.cos(angle)])
    jitter = rng.uniform(-radius, radius, (n, 2)) * noise
    label = np.hypot(*(points + jitter).T) < radius * 0.5
    return points, label


def _xor(rng: np.random.Generator, n: int, noise: float) -> Arrays:
    """Blue where x and y share a sign (quadrants I and III), with a 0.3 gap along the axes."""
    points = rng.uniform(-5.0, 5.0, (n, 2))
    points += np.where(points > 0, 0.3, -0.3)
    jitter = rng.uniform(-5.0, 5.0, (n, 2)) * noise
    noisy = points + jitter
    label = noisy[:, 0] * noisy[:, 1] >= 0
    return points, label


def _gauss(rng: np.random.Generator, n: int, noise: float) -> Arrays:
    """Two Gaussian clouds, blue around (2, 2) and orange around (-2, -2); noise widens both."""
    variance = 0.5 + noise * (4.0 - 0.5) / 0.5  # Playground: noise 0 -> 0.5, noise 0.5 -> 4
    n_blue = (n + 1) // 2
    centres = np.where(np.arange(n) < n_blue, 2.0, -2.0)[:, None]
    points = centres + np.sqrt(variance) * rng.standard_normal((n, 2))
    return points, np.arange(n) < n_blue


def _spiral(rng: np.random.Generator, n: int, noise: float) -> Arrays:
    """Two interleaved arms of 1.75 turns out to radius 5, the orange arm turned by half a turn."""
    n_blue = (n + 1) // 2
    arms = []
    for count, turn in ((n_blue, 0.0), (n - n_blue, np.pi)):
        step = np.arange(count) / count
        t = 1.75 * step * 2 * np.pi + turn
        arms.append(np.column_stack([5 * step * np.sin(t), 5 * step * np.cos(t)]))
    points = np.concatenate(arms)
    points += rng.uniform(-1.0, 1.0, (n, 2)) * noise
    return points, np.arange(n) < n_blue


_MAKERS = {"circle": _circle, "xor": _xor, "gauss": _gauss, "spiral": _spiral}


def check_playground_options(n_samples: object, noise: object, test_ratio: object) -> int:
    """Validate the Playground options; returns the number of test points."""
    if isinstance(n_samples, bool) or not isinstance(n_samples, int | np.integer):
        raise DatasetError(f"n_samples must be a whole number, got {n_samples!r}.")
    if n_samples < 2:
        raise DatasetError(
            f"n_samples={n_samples} is too few: expected at least 2 (one to train, one to test)."
        )
    if isinstance(noise, bool) or not isinstance(noise, int | float | np.number):
        raise DatasetError(f"noise must be a number from 0 to 1, got {noise!r}.")
    if not 0.0 <= noise <= 1.0:
        raise DatasetError(
            f"noise={noise} is out of range: expected 0 to 1 "
            "(TensorFlow Playground's slider goes from 0 to 0.5, its 0 % to 50 %)."
        )
    if isinstance(test_ratio, bool) or not isinstance(test_ratio, int | float | np.number):
        raise DatasetError(f"test_ratio must be a number between 0 and 1, got {test_ratio!r}.")
    if not 0.0 < test_ratio < 1.0:
        raise DatasetError(
            f"test_ratio={test_ratio} is out of range: expected a fraction strictly between 0 "
            "and 1, e.g. 0.5 for half the points."
        )
    n_test = round(int(n_samples) * float(test_ratio))
    if not 1 <= n_test <= n_samples - 1:
        raise DatasetError(
            f"test_ratio={test_ratio} of n_samples={n_samples} gives {n_test} test points: "
            "both parts need at least one; use more samples or a ratio nearer 0.5."
        )
    return n_test


def playground(
    name: str,
    n_samples: int = 500,
    noise: float = 0.0,
    test_ratio: float = 0.5,
    seed: int | None = 0,
) -> Split:
    """A two-class cloud of 2-D points like TensorFlow Playground's: circle, xor, gauss, spiral.

    Returns `(x_train, y_train), (x_test, y_test)`: x float32 (n, 2) within about [-6, 6],
    y int64 with 1 for Playground's blue (+1) and 0 for its orange (-1). The points are shuffled
    and the last `round(n_samples * test_ratio)` of them form the test part.

    noise: 0 to 1 (Playground's slider: 0 to 0.5). For circle and xor it blurs the border, so
    points near it may carry the other colour; for gauss it widens the clouds; for spiral it
    scatters the points. seed: the same seed gives the same points; None a new draw each call.
    """
    key = name.lower() if isinstance(name, str) else None
    if key not in _MAKERS:
        raise DatasetError(
            f"There is no Playground data set {name!r}: expected {choices(PLAYGROUND)}."
        )
    n_test = check_playground_options(n_samples, noise, test_ratio)
    rng = np.random.default_rng(check_seed(seed))
    points, blue = _MAKERS[key](rng, int(n_samples), float(noise))
    order = rng.permutation(int(n_samples))
    x, y = points[order].astype(np.float32), blue[order].astype(np.int64)
    n_train = int(n_samples) - n_test
    return (x[:n_train], y[:n_train]), (x[n_train:], y[n_train:])
