"""Losses for predicting numbers: mean squared error, mean absolute error and Huber.

For one sample with outputs p_j and targets y_j (j = 1..k), e = p − y:

    mse     mean_j e²                                  dL/dp = 2e / (m·k)
    mae     mean_j |e|                                 dL/dp = sign(e) / (m·k)
    huber   mean_j ½e² where |e| ≤ δ, δ(|e| − ½δ) else  dL/dp = clip(e, −δ, δ) / (m·k)

The batch loss is the mean over the m samples. MAE and Huber grow only linearly with large
errors, so a few outliers pull less on the fit than with MSE.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from tutor.engine.errors import EngineError
from tutor.engine.losses.base import Loss, float_pair, float_targets


def mean_squared_error(y_true: Any, y_pred: Any) -> np.ndarray:
    """loss_i = mean over outputs j of (p_ij − y_ij)²."""
    y_true, y_pred = float_pair(y_true, y_pred)
    return np.mean(np.square(y_pred - y_true), axis=-1)


def mean_absolute_error(y_true: Any, y_pred: Any) -> np.ndarray:
    """loss_i = mean over outputs j of |p_ij − y_ij|."""
    y_true, y_pred = float_pair(y_true, y_pred)
    return np.mean(np.abs(y_pred - y_true), axis=-1)


def huber(y_true: Any, y_pred: Any, delta: float = 1.0) -> np.ndarray:
    """loss_i = mean_j of ½e² where |e| ≤ δ, else δ·|e| − ½δ², with e = p − y."""
    y_true, y_pred = float_pair(y_true, y_pred)
    error = y_pred - y_true
    size = np.abs(error)
    delta = y_pred.dtype.type(delta)
    half = y_pred.dtype.type(0.5)
    quadratic = half * np.square(error)
    linear = delta * size - half * np.square(delta)
    return np.mean(np.where(size <= delta, quadratic, linear), axis=-1)


mse = mean_squared_error
mae = mean_absolute_error


class MeanSquaredError(Loss):
    """L = (1/(m·k)) Σ (p − y)²;   dL/dp = 2 (p − y) / (m·k).  For regression."""

    name = "mean_squared_error"
    function = staticmethod(mean_squared_error)

    def prepare_targets(self, y, units):
        return float_targets(self.name, y, units)

    def value_and_gradient(self, y, p):
        diff = np.subtract(p, y)
        n = diff.size
        value = float(np.vdot(diff, diff)) / n
        diff *= 2.0 / n
        return value, diff


class MeanAbsoluteError(Loss):
    """L = (1/(m·k)) Σ |p − y|;   dL/dp = sign(p − y) / (m·k)  (0 where p = y)."""

    name = "mean_absolute_error"
    function = staticmethod(mean_absolute_error)

    def prepare_targets(self, y, units):
        return float_targets(self.name, y, units)

    def value_and_gradient(self, y, p):
        diff = np.subtract(p, y)
        n = diff.size
        value = float(np.add.reduce(np.abs(diff), axis=None)) / n
        grad = np.sign(diff)
        grad *= 1.0 / n
        return value, grad


class Huber(Loss):
    """L = (1/(m·k)) Σ h(p − y), h(e) = ½e² for |e| ≤ δ, δ(|e| − ½δ) beyond;
    dL/dp = clip(p − y, −δ, δ) / (m·k)."""

    name = "huber"

    def __init__(self, delta: float = 1.0):
        try:
            self.delta = float(delta)
        except (TypeError, ValueError):
            raise EngineError(f"Huber's delta must be a number > 0, got {delta!r}.") from None
        if not self.delta > 0:
            raise EngineError(f"Huber's delta must be a number > 0, got {delta!r}.")

    def call(self, y_true, y_pred):
        return huber(y_true, y_pred, self.delta)

    def prepare_targets(self, y, units):
        return float_targets(self.name, y, units)

    def value_and_gradient(self, y, p):
        diff = np.subtract(p, y)
        n = diff.size
        value = float(np.sum(huber(y, p, self.delta), dtype=np.float64)) * p.shape[-1] / n
        grad = np.clip(diff, -self.delta, self.delta)
        grad *= 1.0 / n
        return value, grad

    def config(self):
        return {"name": self.name, "delta": self.delta}

    def __repr__(self) -> str:
        return f"Huber(delta={self.delta})"
