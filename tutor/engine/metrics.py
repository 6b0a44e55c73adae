"""Metrics: numbers people read while a model trains (the loss is for the optimizer).

Every metric here is a mean over samples, as Keras's: `total(y, p)` adds up the per-sample values
of one batch, and the training loop divides the sum over an epoch by the number of samples.
Sample and class weights weigh the loss only, as in Keras (whose `compile(metrics=...)` are
unweighted); `total(y, p, w)` gives Σ w_i × value_i for code that wants a weighted metric.

`"accuracy"` (or `"acc"`) is resolved as Keras 3 does, from shapes alone: binary accuracy when the
model has one output unit, sparse categorical accuracy when the labels are class numbers, and
categorical accuracy for one-hot labels. The history key is the name you wrote.
"""

from __future__ import annotations

import numpy as np

from tutor.engine.errors import EngineError, unknown_name


class Metric:
    """A per-sample score, summed over a batch by `total` and averaged over an epoch."""

    name = "metric"

    def values(self, y: np.ndarray, p: np.ndarray) -> np.ndarray:
        """One score per sample, shape (m,)."""
        raise NotImplementedError

    def total(self, y: np.ndarray, p: np.ndarray, weights: np.ndarray | None = None) -> float:
        """Σ_i value_i, or Σ_i w_i·value_i with sample weights."""
        if weights is None:
            return self._sum(y, p)
        return float(np.dot(self.values(y, p).astype(np.float64), weights))

    def _sum(self, y: np.ndarray, p: np.ndarray) -> float:
        return float(np.sum(self.values(y, p)))


class BinaryAccuracy(Metric):
    """1 when (p > threshold) equals the label, else 0; averaged over outputs and samples."""

    name = "binary_accuracy"

    def __init__(self, threshold: float = 0.5):
        self.threshold = float(threshold)

    def values(self, y, p):
        return np.mean((p > self.threshold) == y, axis=-1)

    def _sum(self, y, p):
        return float(np.count_nonzero((p > self.threshold) == y)) / p.shape[-1]


class CategoricalAccuracy(Metric):
    """1 when the largest output is at the position of the largest label (one-hot labels)."""

    name = "categorical_accuracy"

    def values(self, y, p):
        return (p.argmax(axis=-1) == y.argmax(axis=-1)).astype(np.float32)

    def _sum(self, y, p):
        return float(np.count_nonzero(p.argmax(axis=-1) == y.argmax(axis=-1)))


class SparseCategoricalAccuracy(Metric):
    """1 when the largest output is at the sample's class number."""

    name = "sparse_categorical_accuracy"

    def values(self, y, p):
        return (p.argmax(axis=-1) == y).astype(np.float32)

    def _sum(self, y, p):
        return float(np.count_nonzero(p.argmax(axis=-1) == y))


class MeanSquaredError(Metric):
    """Mean of (p − y)² over the outputs of a sample."""

    name = "mean_squared_error"

    def values(self, y, p):
        return np.mean(np.square(p - y), axis=-1)

    def _sum(self, y, p):
        diff = p - y
        return float(np.vdot(diff, diff)) / p.shape[-1]


class MeanAbsoluteError(Metric):
    """Mean of |p − y| over the outputs of a sample."""

    name = "mean_absolute_error"

    def values(self, y, p):
        return np.mean(np.abs(p - y), axis=-1)

    def _sum(self, y, p):
        return float(np.abs(p - y).sum()) / p.shape[-1]


_BY_NAME: dict[str, type[Metric]] = {
    "binary_accuracy": BinaryAccuracy,
    "categorical_accuracy": CategoricalAccuracy,
    "sparse_categorical_accuracy": SparseCategoricalAccuracy,
    "mean_squared_error": MeanSquaredError,
    "mse": MeanSquaredError,
    "mean_absolute_error": MeanAbsoluteError,
    "mae": MeanAbsoluteError,
}
NAMES = sorted([*_BY_NAME, "accuracy", "acc"])


def resolve(identifier: str | Metric, units: int, sparse_labels: bool) -> tuple[str, Metric]:
    """(history name, metric) for what the learner wrote in `compile(metrics=[...])`."""
    if isinstance(identifier, Metric):
        return identifier.name, identifier
    if not isinstance(identifier, str):
        raise EngineError(
            f"A metric must be a name such as 'accuracy' or a Metric object, got {identifier!r}."
        )
    key = identifier.lower()
    if key in ("accuracy", "acc"):
        if units == 1:
            return identifier, BinaryAccuracy()
        if sparse_labels:
            return identifier, SparseCategoricalAccuracy()
        return identifier, CategoricalAccuracy()
    cls = _BY_NAME.get(key)
    if cls is None:
        raise unknown_name("metric", identifier, NAMES)
    return identifier, cls()
