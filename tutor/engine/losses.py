"""Loss functions: one number that says how wrong the model's outputs are.

The formulas are Keras 3's. Probabilities are clipped to [ε, 1 − ε] with ε = 1e-7 before the
logarithm, so a loss is never infinite: one sample costs at most −log(1e-7) ≈ 16.12. The
reduction is Keras's "sum_over_batch_size": the batch's loss is the mean of the per-sample losses.

Two forms, as in Keras:

- the functions `mse` (= `mean_squared_error`), `binary_crossentropy`, `categorical_crossentropy`,
  `sparse_categorical_crossentropy` give one loss per sample, shape (m,);
- the classes (`MeanSquaredError()`, ...) give the batch mean, and also know their gradient, which
  is what training uses. `compile(loss=...)` accepts a name, a function or an object.

Gradients are of the batch mean, L = (1/m) Σ_i loss_i. Where clipping is active (a probability
below ε or above 1 − ε) the clipped value no longer moves with the output, so its gradient is 0:
a sigmoid output that has saturated to exactly 1.0 for a sample labelled 0 gets no correction.
(Keras on its TensorFlow backend avoids this by computing the loss from the logits; on its JAX,
PyTorch and NumPy backends it behaves as here.)

With a sigmoid output and binary cross-entropy, or a softmax output and (sparse) categorical
cross-entropy, the chain rule through the activation collapses to dL/dz = (a − y) / m (zero where
clipping is active). Training uses that short form; `Sequential.use_fused_gradients = False` takes
the long way through dL/da and the activation instead, and the tests check both give the same.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from tutor.engine.errors import EngineError, unknown_name

EPSILON = 1e-7


def _clip(p: np.ndarray) -> np.ndarray:
    """p limited to [ε, 1 − ε] (np.clip, spelled as two ufuncs because that is faster)."""
    return np.minimum(np.maximum(p, EPSILON), 1.0 - EPSILON)


def _float_pair(y_true: Any, y_pred: Any) -> tuple[np.ndarray, np.ndarray]:
    y_pred = np.asarray(y_pred)
    if not np.issubdtype(y_pred.dtype, np.floating):
        y_pred = y_pred.astype(np.float32)
    y_true = np.asarray(y_true, dtype=y_pred.dtype)
    # Keras's squeeze_or_expand_to_same_rank: labels (m,) meet outputs (m, 1).
    if y_true.ndim == y_pred.ndim - 1 and y_pred.shape[-1] == 1:
        y_true = y_true[..., None]
    elif y_pred.ndim == y_true.ndim - 1 and y_true.shape[-1] == 1:
        y_true = y_true[..., 0]
    return y_true, y_pred


def mean_squared_error(y_true: Any, y_pred: Any) -> np.ndarray:
    """loss_i = mean over outputs j of (p_ij − y_ij)²."""
    y_true, y_pred = _float_pair(y_true, y_pred)
    return np.mean(np.square(y_pred - y_true), axis=-1)


mse = mean_squared_error


def binary_crossentropy(y_true: Any, y_pred: Any) -> np.ndarray:
    """loss_i = mean over outputs j of −[y log p + (1 − y) log(1 − p)], p clipped to [ε, 1−ε]."""
    y_true, y_pred = _float_pair(y_true, y_pred)
    p = np.clip(y_pred, EPSILON, 1.0 - EPSILON)
    return np.mean(-(y_true * np.log(p) + (1.0 - y_true) * np.log(1.0 - p)), axis=-1)


def categorical_crossentropy(y_true: Any, y_pred: Any) -> np.ndarray:
    """loss_i = −Σ_j y_ij log q_ij with q = p / Σ_j p_j (rows rescaled to sum 1), clipped."""
    y_true, y_pred = _float_pair(y_true, y_pred)
    q = np.clip(y_pred / y_pred.sum(axis=-1, keepdims=True), EPSILON, 1.0 - EPSILON)
    return -np.sum(y_true * np.log(q), axis=-1)


def sparse_categorical_crossentropy(y_true: Any, y_pred: Any) -> np.ndarray:
    """loss_i = −log q_i,c where c is sample i's class number; q as in categorical."""
    y_pred = np.asarray(y_pred, dtype=np.result_type(np.asarray(y_pred).dtype, np.float32))
    labels = np.asarray(y_true).reshape(len(y_pred)).astype(np.intp)
    q = y_pred / y_pred.sum(axis=-1, keepdims=True)
    chosen = np.clip(q[np.arange(len(q)), labels], EPSILON, 1.0 - EPSILON)
    return -np.log(chosen)


class Loss:
    """A loss the engine can train with: its value, its gradient and the labels it accepts."""

    name = "loss"
    function: Callable[[Any, Any], np.ndarray]
    fuses_with: str | None = None  # the output activation whose chain rule collapses

    def __call__(self, y_true: Any, y_pred: Any) -> float:
        """The batch loss: mean of the per-sample losses (Keras's sum_over_batch_size)."""
        return float(np.mean(type(self).function(y_true, y_pred)))

    def prepare_targets(self, y: Any, units: int) -> np.ndarray:
        """Check that labels fit this loss and a last layer of `units`; return them as used."""
        raise NotImplementedError

    def value_and_gradient(self, y: np.ndarray, p: np.ndarray) -> tuple[float, np.ndarray]:
        """(L, dL/dp) for outputs p of shape (m, k) and prepared labels y."""
        raise NotImplementedError

    def value_and_logit_gradient(self, y: np.ndarray, p: np.ndarray) -> tuple[float, np.ndarray]:
        """(L, dL/dz) when p = activation(z) for the activation named in `fuses_with`."""
        raise NotImplementedError

    def config(self) -> str:
        return self.name

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"


def _float_targets(loss: str, y: Any, units: int) -> np.ndarray:
    """Labels as a float array of shape (m, units); (m,) is accepted when units == 1."""
    y = np.asarray(y)
    if y.dtype == object or not (np.issubdtype(y.dtype, np.number) or y.dtype == bool):
        raise EngineError(f"{loss} expects numeric labels, got an array of {y.dtype}.")
    y = y.astype(np.float32)
    if y.ndim == 1 and units == 1:
        y = y[:, None]
    if y.ndim != 2 or y.shape[1] != units:
        example = "(m,) or (m, 1)" if units == 1 else f"(m, {units})"
        raise EngineError(
            f"{loss} compares each label with the model's output: the last layer has {units} "
            f"unit{'s' if units != 1 else ''}, so y needs shape {example}, got y with shape "
            f"{y.shape}."
        )
    if not np.isfinite(y).all():
        raise EngineError(
            f"The labels y contain {np.count_nonzero(~np.isfinite(y))} missing "
            "or infinite values (NaN or inf); clean them before training."
        )
    return y


class MeanSquaredError(Loss):
    """L = (1/(m·k)) Σ (p − y)²;   dL/dp = 2 (p − y) / (m·k).  For regression."""

    name = "mean_squared_error"
    function = staticmethod(mean_squared_error)

    def prepare_targets(self, y, units):
        return _float_targets(self.name, y, units)

    def value_and_gradient(self, y, p):
        diff = np.subtract(p, y)
        n = diff.size
        value = float(np.vdot(diff, diff)) / n
        diff *= 2.0 / n
        return value, diff


class BinaryCrossentropy(Loss):
    """L = −(1/(m·k)) Σ [y log p + (1 − y) log(1 − p)] with p clipped to [ε, 1 − ε].

    dL/dp = (p − y) / (p (1 − p) m·k) where p is not clipped, else 0.
    Fused with sigmoid (dp/dz = p (1 − p)):  dL/dz = (p − y) / (m·k), 0 where clipped.
    """

    name = "binary_crossentropy"
    function = staticmethod(binary_crossentropy)
    fuses_with = "sigmoid"

    def prepare_targets(self, y, units):
        y = _float_targets(self.name, y, units)
        if y.size and (y.min() < 0 or y.max() > 1):
            raise EngineError(
                f"binary_crossentropy expects labels between 0 and 1 (the probability of "
                f"class 1), got values from {y.min():g} to {y.max():g}."
            )
        return y

    @staticmethod
    def _value(y, p, clipped):
        log_p = np.log(clipped)
        log_not_p = np.log(np.subtract(1.0, clipped))
        return -(float(np.vdot(y, log_p)) + float(np.vdot(1.0 - y, log_not_p))) / p.size

    def value_and_gradient(self, y, p):
        clipped = _clip(p)
        value = self._value(y, p, clipped)
        grad = np.subtract(clipped, y)
        grad /= clipped * (1.0 - clipped)
        grad *= clipped == p
        grad *= 1.0 / p.size
        return value, grad

    def value_and_logit_gradient(self, y, p):
        clipped = _clip(p)
        value = self._value(y, p, clipped)
        grad = np.subtract(p, y)
        grad *= clipped == p
        grad *= 1.0 / p.size
        return value, grad


class CategoricalCrossentropy(Loss):
    """L = −(1/m) Σ_i Σ_j y_ij log q_ij, q = p / Σ_j p_j clipped to [ε, 1 − ε]; y one-hot rows.

    Fused with softmax (whose rows already sum to 1):  dL/dz = (p Σ_j y_j u_j − y u) / m with
    u = 1 where p is not clipped, which is (p − y) / m for one-hot y away from the clip.
    """

    name = "categorical_crossentropy"
    function = staticmethod(categorical_crossentropy)
    fuses_with = "softmax"

    def prepare_targets(self, y, units):
        y_array = np.asarray(y)
        if units > 1 and (y_array.ndim == 1 or (y_array.ndim == 2 and y_array.shape[1] == 1)):
            raise EngineError(
                f"categorical_crossentropy expects one-hot labels of shape (m, {units}), got "
                f"class numbers of shape {y_array.shape}. Use "
                "loss='sparse_categorical_crossentropy' for class numbers."
            )
        return _float_targets(self.name, y, units)

    def value_and_gradient(self, y, p):
        m = len(p)
        total = p.sum(axis=-1, keepdims=True)
        q = p / total
        clipped = _clip(q)
        value = -float(np.vdot(y, np.log(clipped))) / m
        grad_q = -(y / clipped) * (clipped == q)
        grad = grad_q - np.sum(grad_q * q, axis=-1, keepdims=True)
        grad /= total * m
        return value, grad

    def value_and_logit_gradient(self, y, p):
        m = len(p)
        clipped = _clip(p)
        value = -float(np.vdot(y, np.log(clipped))) / m
        counted = y * (clipped == p)
        grad = p * counted.sum(axis=-1, keepdims=True)
        grad -= counted
        grad *= 1.0 / m
        return value, grad


class SparseCategoricalCrossentropy(Loss):
    """Categorical cross-entropy with class numbers c_i instead of one-hot rows.

    L = −(1/m) Σ_i log q_i,c_i.  Fused with softmax: dL/dz = (p − onehot(c)) / m, and 0 for a
    sample whose probability of its own class is clipped.
    """

    name = "sparse_categorical_crossentropy"
    function = staticmethod(sparse_categorical_crossentropy)
    fuses_with = "softmax"

    def __init__(self) -> None:
        self._rows = np.arange(0)

    def prepare_targets(self, y, units):
        y = np.asarray(y)
        if y.ndim == 2 and y.shape[1] == 1:
            y = y[:, 0]
        if y.ndim != 1:
            hint = (
                " These look like one-hot rows: use loss='categorical_crossentropy', or pass "
                "class numbers with y.argmax(axis=1)."
                if y.ndim == 2
                else ""
            )
            raise EngineError(
                f"sparse_categorical_crossentropy expects one class number per sample, y of "
                f"shape (m,) or (m, 1), got y with shape {y.shape}.{hint}"
            )
        if not (np.issubdtype(y.dtype, np.number) or y.dtype == bool):
            raise EngineError(
                f"sparse_categorical_crossentropy expects class numbers, got {y.dtype} labels."
            )
        if y.size and (not np.isfinite(y).all() or np.any(y != np.round(y))):
            raise EngineError(
                "sparse_categorical_crossentropy expects whole class numbers 0, 1, 2, ...; "
                "some labels are not whole numbers."
            )
        labels = y.astype(np.intp)
        if labels.size and (labels.min() < 0 or labels.max() >= units):
            raise EngineError(
                f"sparse_categorical_crossentropy needs class numbers from 0 to {units - 1} "
                f"(the last layer has {units} unit{'s' if units != 1 else ''}, one per class), "
                f"got labels from {labels.min()} to {labels.max()}. Give the last layer "
                f"{labels.max() + 1} units."
            )
        return labels

    def _row_index(self, m: int) -> np.ndarray:
        if len(self._rows) < m:
            self._rows = np.arange(m)
        return self._rows[:m]

    def value_and_gradient(self, y, p):
        m = len(p)
        rows = self._row_index(m)
        total = p.sum(axis=-1)
        chosen = p[rows, y] / total
        clipped = _clip(chosen)
        value = -float(np.sum(np.log(clipped))) / m
        counted = (clipped == chosen).astype(p.dtype)
        grad = np.empty_like(p)
        grad[...] = (counted / (total * m))[:, None]
        grad[rows, y] -= counted / (clipped * total * m)
        return value, grad

    def value_and_logit_gradient(self, y, p):
        m = len(p)
        rows = self._row_index(m)
        chosen = p[rows, y]
        clipped = _clip(chosen)
        value = -float(np.add.reduce(np.log(clipped))) / m
        counted = (clipped == chosen).astype(p.dtype)
        counted *= 1.0 / m
        grad = p * counted[:, None]
        grad[rows, y] -= counted
        return value, grad


_CLASSES: dict[str, type[Loss]] = {
    "mean_squared_error": MeanSquaredError,
    "mse": MeanSquaredError,
    "binary_crossentropy": BinaryCrossentropy,
    "categorical_crossentropy": CategoricalCrossentropy,
    "sparse_categorical_crossentropy": SparseCategoricalCrossentropy,
}
_BY_FUNCTION: dict[Callable, type[Loss]] = {
    mean_squared_error: MeanSquaredError,
    binary_crossentropy: BinaryCrossentropy,
    categorical_crossentropy: CategoricalCrossentropy,
    sparse_categorical_crossentropy: SparseCategoricalCrossentropy,
}
NAMES = sorted(_CLASSES)


def get(identifier: str | Loss | Callable | type) -> Loss:
    """A fresh loss object for a name (`"mse"`), a loss function, a class or an object."""
    if isinstance(identifier, Loss):
        return identifier
    if isinstance(identifier, str):
        cls = _CLASSES.get(identifier.lower())
        if cls is None:
            raise unknown_name("loss", identifier, NAMES)
        return cls()
    if isinstance(identifier, type) and issubclass(identifier, Loss):
        return identifier()
    if callable(identifier) and identifier in _BY_FUNCTION:
        return _BY_FUNCTION[identifier]()
    raise EngineError(
        f"The engine trains with its built-in losses only (it computes their gradients by "
        f"hand); got {identifier!r}. Use one of: {', '.join(NAMES)}."
    )
