"""Cross-entropies: how surprised the model is by the right answer, −log(probability it gave).

On probabilities p (Keras's default, `from_logits=False`), p is clipped to [ε, 1 − ε] with
ε = 1e-7 before the logarithm, so one sample costs at most −log(1e-7) ≈ 16.12, and where the clip
is active the loss no longer moves with p: its gradient is 0.

On logits z (the scores before sigmoid/softmax, `from_logits=True`), nothing is clipped:

    binary       loss = max(z, 0) − z·y + log(1 + e^−|z|)    dL/dz = (sigmoid(z) − y) / (m·k)
    categorical  loss = Σ_j y_j (logsumexp(z) − z_j)           dL/dz = (softmax(z)·Σy − y) / m
    sparse       loss = logsumexp(z) − z_c                     dL/dz = (softmax(z) − onehot(c)) / m

A saturated output (sigmoid(z) rounds to exactly 1.0 for a sample labelled 0) then still costs
about |z| and still gets the gradient 1: the network can climb back. Keras on TensorFlow takes
this route automatically when the output layer is sigmoid or softmax and the loss a
crossentropy on probabilities (it reads the logits the activation kept); Keras on PyTorch or JAX
clips. `Sequential.crossentropy_from_logits` chooses (True: as TensorFlow, the default).

With a sigmoid output and binary cross-entropy, or a softmax output and (sparse) categorical
cross-entropy, the chain rule through the activation collapses to dL/dz = (p − y) / m. Training
uses that short form ("fused"); on probabilities it is 0 where the clip is active.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from tutor.engine import activations
from tutor.engine.errors import EngineError
from tutor.engine.losses.base import EPSILON, Loss, clip, float_pair, float_targets

_sigmoid = activations.get("sigmoid")
_softmax = activations.get("softmax")


def _logsumexp(z: np.ndarray) -> np.ndarray:
    """log Σ_j e^(z_j) along the last axis, computed without overflow."""
    top = np.max(z, axis=-1, keepdims=True)
    return (np.log(np.sum(np.exp(z - top), axis=-1, keepdims=True)) + top)[..., 0]


def _binary_from_logits(y: np.ndarray, z: np.ndarray) -> np.ndarray:
    """Elementwise max(z, 0) − z·y + log(1 + e^−|z|)."""
    return np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z)))


def binary_crossentropy(y_true: Any, y_pred: Any, from_logits: bool = False) -> np.ndarray:
    """loss_i = mean over outputs j of −[y log p + (1 − y) log(1 − p)], p clipped to [ε, 1−ε]."""
    y_true, y_pred = float_pair(y_true, y_pred)
    if from_logits:
        return np.mean(_binary_from_logits(y_true, y_pred), axis=-1)
    p = np.clip(y_pred, EPSILON, 1.0 - EPSILON)
    return np.mean(-(y_true * np.log(p) + (1.0 - y_true) * np.log(1.0 - p)), axis=-1)


def categorical_crossentropy(y_true: Any, y_pred: Any, from_logits: bool = False) -> np.ndarray:
    """loss_i = −Σ_j y_ij log q_ij with q = p / Σ_j p_j (rows rescaled to sum 1), clipped."""
    y_true, y_pred = float_pair(y_true, y_pred)
    if from_logits:
        return _logsumexp(y_pred) * y_true.sum(axis=-1) - np.sum(y_true * y_pred, axis=-1)
    q = np.clip(y_pred / y_pred.sum(axis=-1, keepdims=True), EPSILON, 1.0 - EPSILON)
    return -np.sum(y_true * np.log(q), axis=-1)


def sparse_categorical_crossentropy(
    y_true: Any, y_pred: Any, from_logits: bool = False
) -> np.ndarray:
    """loss_i = −log q_i,c where c is sample i's class number; q as in categorical."""
    y_pred = np.asarray(y_pred, dtype=np.result_type(np.asarray(y_pred).dtype, np.float32))
    labels = np.asarray(y_true).reshape(len(y_pred)).astype(np.intp)
    rows = np.arange(len(y_pred))
    if from_logits:
        return _logsumexp(y_pred) - y_pred[rows, labels]
    q = y_pred / y_pred.sum(axis=-1, keepdims=True)
    chosen = np.clip(q[rows, labels], EPSILON, 1.0 - EPSILON)
    return -np.log(chosen)


class Crossentropy(Loss):
    """What the three cross-entropies share: `from_logits` and the route through logits."""

    def __init__(self, from_logits: bool = False, **unsupported: Any) -> None:
        if unsupported:
            raise EngineError(
                f"{type(self).__name__} does not support {', '.join(sorted(unsupported))} in "
                "this engine; only from_logits."
            )
        self.from_logits = bool(from_logits)
        if self.from_logits:
            self.fuses_with = None  # the outputs are already the logits

    def call(self, y_true, y_pred):
        return type(self).function(y_true, y_pred, from_logits=self.from_logits)

    def per_sample_from_logits(self, y: np.ndarray, z: np.ndarray) -> np.ndarray:
        return type(self).function(y, z, from_logits=True)

    def value_and_gradient(self, y, p):
        if self.from_logits:
            return self.value_and_logit_gradient(y, p, self._activation().forward(p))
        return self._value_and_probability_gradient(y, p)

    def _activation(self) -> activations.Activation:
        raise NotImplementedError

    def _value_and_probability_gradient(self, y, p):
        raise NotImplementedError

    def value_and_logit_gradient(self, y, z, p):
        """(L, dL/dz) from the logits z, with p = activation(z) (no clipping anywhere)."""
        raise NotImplementedError

    def value_and_clipped_logit_gradient(self, y, p):
        """(L, dL/dz) computed from p with p clipped, as Keras on PyTorch / JAX computes it."""
        raise NotImplementedError

    def config(self):
        return {"name": self.name, "from_logits": True} if self.from_logits else self.name

    def __repr__(self) -> str:
        return f"{type(self).__name__}(from_logits={self.from_logits})"


class BinaryCrossentropy(Crossentropy):
    """L = −(1/(m·k)) Σ [y log p + (1 − y) log(1 − p)] with p clipped to [ε, 1 − ε].

    dL/dp = (p − y) / (p (1 − p) m·k) where p is not clipped, else 0.
    Fused with sigmoid (dp/dz = p (1 − p)):  dL/dz = (p − y) / (m·k); on probabilities 0 where
    clipped, from logits never 0.
    """

    name = "binary_crossentropy"
    function = staticmethod(binary_crossentropy)
    fuses_with = "sigmoid"

    def _activation(self):
        return _sigmoid

    def prepare_targets(self, y, units):
        y = float_targets(self.name, y, units)
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

    def _value_and_probability_gradient(self, y, p):
        clipped = clip(p)
        value = self._value(y, p, clipped)
        grad = np.subtract(clipped, y)
        grad /= clipped * (1.0 - clipped)
        grad *= clipped == p
        grad *= 1.0 / p.size
        return value, grad

    def value_and_clipped_logit_gradient(self, y, p):
        clipped = clip(p)
        value = self._value(y, p, clipped)
        grad = np.subtract(p, y)
        grad *= clipped == p
        grad *= 1.0 / p.size
        return value, grad

    def value_and_logit_gradient(self, y, z, p):
        value = float(np.add.reduce(_binary_from_logits(y, z), axis=None)) / z.size
        grad = np.subtract(p, y)
        grad *= 1.0 / z.size
        return value, grad


class CategoricalCrossentropy(Crossentropy):
    """L = −(1/m) Σ_i Σ_j y_ij log q_ij, q = p / Σ_j p_j clipped to [ε, 1 − ε]; y one-hot rows.

    Fused with softmax (whose rows already sum to 1):  dL/dz = (p Σ_j y_j u_j − y u) / m with
    u = 1 where p is not clipped (always, from logits), which is (p − y) / m for one-hot y.
    """

    name = "categorical_crossentropy"
    function = staticmethod(categorical_crossentropy)
    fuses_with = "softmax"

    def _activation(self):
        return _softmax

    def prepare_targets(self, y, units):
        y_array = np.asarray(y)
        if units > 1 and (y_array.ndim == 1 or (y_array.ndim == 2 and y_array.shape[1] == 1)):
            raise EngineError(
                f"categorical_crossentropy expects one-hot labels of shape (m, {units}), got "
                f"class numbers of shape {y_array.shape}. Use "
                "loss='sparse_categorical_crossentropy' for class numbers, or "
                "to_categorical(y) from tutor.engine.utils."
            )
        return float_targets(self.name, y, units)

    def _value_and_probability_gradient(self, y, p):
        m = len(p)
        total = p.sum(axis=-1, keepdims=True)
        q = p / total
        clipped = clip(q)
        value = -float(np.vdot(y, np.log(clipped))) / m
        grad_q = -(y / clipped) * (clipped == q)
        grad = grad_q - np.sum(grad_q * q, axis=-1, keepdims=True)
        grad /= total * m
        return value, grad

    def value_and_clipped_logit_gradient(self, y, p):
        m = len(p)
        clipped = clip(p)
        value = -float(np.vdot(y, np.log(clipped))) / m
        counted = y * (clipped == p)
        grad = p * counted.sum(axis=-1, keepdims=True)
        grad -= counted
        grad *= 1.0 / m
        return value, grad

    def value_and_logit_gradient(self, y, z, p):
        m = len(z)
        value = float(np.sum(categorical_crossentropy(y, z, from_logits=True))) / m
        grad = p * y.sum(axis=-1, keepdims=True)
        grad -= y
        grad *= 1.0 / m
        return value, grad


class SparseCategoricalCrossentropy(Crossentropy):
    """Categorical cross-entropy with class numbers c_i instead of one-hot rows.

    L = −(1/m) Σ_i log q_i,c_i.  Fused with softmax: dL/dz = (p − onehot(c)) / m; on
    probabilities 0 for a sample whose probability of its own class is clipped.
    """

    name = "sparse_categorical_crossentropy"
    function = staticmethod(sparse_categorical_crossentropy)
    fuses_with = "softmax"

    def __init__(self, from_logits: bool = False, **unsupported: Any) -> None:
        super().__init__(from_logits, **unsupported)
        self._rows = np.arange(0)

    def _activation(self):
        return _softmax

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

    def _value_and_probability_gradient(self, y, p):
        m = len(p)
        rows = self._row_index(m)
        total = p.sum(axis=-1)
        chosen = p[rows, y] / total
        clipped = clip(chosen)
        value = -float(np.sum(np.log(clipped))) / m
        counted = (clipped == chosen).astype(p.dtype)
        grad = np.empty_like(p)
        grad[...] = (counted / (total * m))[:, None]
        grad[rows, y] -= counted / (clipped * total * m)
        return value, grad

    def value_and_clipped_logit_gradient(self, y, p):
        m = len(p)
        rows = self._row_index(m)
        chosen = p[rows, y]
        clipped = clip(chosen)
        value = -float(np.add.reduce(np.log(clipped))) / m
        counted = (clipped == chosen).astype(p.dtype)
        counted *= 1.0 / m
        grad = p * counted[:, None]
        grad[rows, y] -= counted
        return value, grad

    def value_and_logit_gradient(self, y, z, p):
        m = len(z)
        rows = self._row_index(m)
        value = float(np.add.reduce(_logsumexp(z) - z[rows, y], axis=None)) / m
        grad = p * (1.0 / m)
        grad[rows, y] -= 1.0 / m
        return value, grad
