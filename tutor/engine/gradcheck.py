"""Gradient checking: compare backpropagation with finite differences.

For each weight w, the central difference

    dL/dw ≈ (L(w + ε) − L(w − ε)) / 2ε

needs only the loss, no calculus. If backprop is right, the two agree to many digits. The check
runs in float64 on a copy of the model, so the model itself is untouched. It costs two forward
passes per weight: use a small model and a few samples.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from tutor.engine import losses
from tutor.engine.errors import EngineError
from tutor.engine.layers import Activation, Dense, Dropout, Flatten, Layer
from tutor.engine.model import Sequential

MAX_WEIGHTS = 20_000


@dataclass
class GradientCheck:
    """What `gradient_check` found, one entry per weight array (Keras order)."""

    names: list[str]
    analytic: list[np.ndarray]
    numeric: list[np.ndarray]
    relative_errors: list[float]  # ‖analytic − numeric‖ / (‖analytic‖ + ‖numeric‖)

    @property
    def errors(self) -> dict[str, float]:
        """{"dense/kernel": relative error, ...}"""
        return dict(zip(self.names, self.relative_errors, strict=True))

    @property
    def max_relative_error(self) -> float:
        return max(self.relative_errors, default=0.0)

    def passed(self, tolerance: float = 1e-6) -> bool:
        return self.max_relative_error <= tolerance

    def __str__(self) -> str:
        width = max(len(name) for name in self.names)
        lines = [f"{'weights':<{width}}  relative error"]
        lines += [
            f"{n:<{width}}  {e:.2e}" for n, e in zip(self.names, self.relative_errors, strict=True)
        ]
        return "\n".join(lines)


def _clone(layer: Layer) -> Layer:
    """The same layer, unbuilt (a learner's own activation object is kept as it is)."""
    if isinstance(layer, Dense):
        return Dense(layer.units, layer.activation, layer.use_bias, name=layer.name)
    if isinstance(layer, Activation):
        return Activation(layer.activation, name=layer.name)
    if isinstance(layer, Dropout):
        clone = Dropout(layer.rate, seed=layer.seed, name=layer.name)
        clone.freeze_mask = True  # one mask for every pass, or the differences would be noise
        return clone
    if isinstance(layer, Flatten):
        return type(layer)(name=layer.name)
    return type(layer).from_config(layer.get_config())


def float64_copy(model: Sequential) -> Sequential:
    """The same network with the same weights, computing in float64."""
    copy = Sequential(name=f"{model.name}_float64")
    copy.dtype = np.dtype(np.float64)
    for layer in model.layers:
        copy.add(_clone(layer))
    copy._ensure_built(model.input_shape[1:], initialize=False)
    copy.set_weights(model.get_weights())
    copy.loss = model.loss
    copy.use_fused_gradients = model.use_fused_gradients
    copy.crossentropy_from_logits = model.crossentropy_from_logits
    return copy


def gradient_check(
    model: Sequential,
    x: Any,
    y: Any,
    epsilon: float = 1e-5,
    loss: Any = None,
    training: bool = False,
) -> GradientCheck:
    """Backprop's gradients against central differences, for every weight of `model`.

    `training=True` checks the network as `fit` runs it (Dropout active, with one fixed mask).
    """
    if not model.built:
        raise EngineError("gradient_check needs a built model: give the first layer input_shape.")
    if model.count_params() > MAX_WEIGHTS:
        raise EngineError(
            f"gradient_check runs the model twice per weight, and this one has "
            f"{model.count_params():,} weights; check a smaller model (at most {MAX_WEIGHTS:,})."
        )
    copy = float64_copy(model)
    if loss is not None:
        copy.loss = losses.get(loss)
    if copy.loss is None:
        raise EngineError("gradient_check needs a loss: compile the model or pass loss='mse'.")
    analytic = copy.compute_gradients(x, y, training)
    xs, ys = copy._prepare_xy(x, y)
    flat = copy.parameters_vector
    numeric_flat = np.empty_like(flat)
    for i in range(flat.size):
        saved = flat[i]
        flat[i] = saved + epsilon
        above = copy._loss_value(xs, ys, training)
        flat[i] = saved - epsilon
        below = copy._loss_value(xs, ys, training)
        flat[i] = saved
        numeric_flat[i] = (above - below) / (2 * epsilon)
    numeric, offset = [], 0
    for g in analytic:
        numeric.append(numeric_flat[offset : offset + g.size].reshape(g.shape))
        offset += g.size
    names = [f"{layer.name}/{part}" for layer in model.layers for part in layer.parameter_names()]
    errors = []
    for a, n in zip(analytic, numeric, strict=True):
        scale = np.linalg.norm(a) + np.linalg.norm(n)
        errors.append(float(np.linalg.norm(a - n) / scale) if scale > 0 else 0.0)
    return GradientCheck(names, analytic, numeric, errors)
