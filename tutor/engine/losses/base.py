"""What every loss shares: the clipping constant, label checks and the `Loss` interface."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from tutor.engine.errors import EngineError

EPSILON = 1e-7


def clip(p: np.ndarray) -> np.ndarray:
    """p limited to [ε, 1 − ε] (np.clip, spelled as two ufuncs because that is faster)."""
    return np.minimum(np.maximum(p, EPSILON), 1.0 - EPSILON)


def float_pair(y_true: Any, y_pred: Any) -> tuple[np.ndarray, np.ndarray]:
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


def float_targets(loss: str, y: Any, units: int) -> np.ndarray:
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


class Loss:
    """A loss the engine can train with: its value, its gradient and the labels it accepts.

    `per_sample(y, p)` gives one loss per sample (m,); the batch loss is their mean.
    `value_and_gradient(y, p)` gives (L, dL/dp). Crossentropies also know, through
    `fuses_with`, the output activation whose chain rule collapses, and then offer
    `per_sample_from_logits(y, z)` and `value_and_logit_gradient(y, z, p)` for p = f(z).
    """

    name = "loss"
    function: Callable[..., np.ndarray]
    fuses_with: str | None = None  # the output activation whose chain rule collapses
    from_logits = False

    def __call__(self, y_true: Any, y_pred: Any) -> float:
        """The batch loss: mean of the per-sample losses (Keras's sum_over_batch_size)."""
        return float(np.mean(self.call(y_true, y_pred)))

    def call(self, y_true: Any, y_pred: Any) -> np.ndarray:
        """One loss per sample for labels and outputs as a learner passes them."""
        return type(self).function(y_true, y_pred)

    def per_sample(self, y: np.ndarray, p: np.ndarray) -> np.ndarray:
        """One loss per sample, shape (m,), for prepared labels y and outputs p."""
        return self.call(y, p)

    def prepare_targets(self, y: Any, units: int) -> np.ndarray:
        """Check that labels fit this loss and a last layer of `units`; return them as used."""
        raise NotImplementedError

    def value_and_gradient(self, y: np.ndarray, p: np.ndarray) -> tuple[float, np.ndarray]:
        """(L, dL/dp) for outputs p of shape (m, k) and prepared labels y."""
        raise NotImplementedError

    def config(self) -> str | dict[str, Any]:
        return self.name

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"
