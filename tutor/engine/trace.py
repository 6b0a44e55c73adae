"""`trace_step`: one training step, number by number, as `fit` takes it.

    from tutor.engine import trace_step
    step = trace_step(model, x, y)          # model unchanged
    step.loss                               # L on this batch
    step.layers[0].z, step.layers[0].a      # forward: z = x @ W + b, a = activation(z)
    step.layers[0].dL_dz                    # backward: dL/dz = dL/da * activation'(z)
    step.layers[0].update_W                 # what the optimizer adds to W (its real step)
    trace_step(model, x, y, apply=True)     # the same step, kept: exactly one `fit` step

The step is the engine's own (`Sequential._train_step`, which `fit` runs for every batch); a
watcher passed to the backward pass copies what each layer receives. The update is measured, not
recomputed: the weights and the optimizer's state (its slots, step count and any schedule, e.g.
Nadam's running product) are snapshotted, the optimizer takes its real step, the update is
"weights after − weights before", and unless `apply=True` both are put back as they were. So for
Adam the update is Adam's bias-corrected step, not −η·g.

`(x, y)` is one batch, the whole of it; as in `fit(x, y, batch_size=len(x), epochs=1,
shuffle=False)`. When the loss is NaN or infinite `fit` stops before backward: so does the trace
(`finite` is False, the gradients and updates are None).
"""

from __future__ import annotations

import copy
import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from tutor.engine.errors import EngineError
from tutor.engine.model import Sequential

_NAMES = {
    "x": "x",
    "z": "z",
    "a": "a",
    "dL_da": "dL/da",
    "dL_dz": "dL/dz",
    "dL_dW": "dL/dW",
    "dL_db": "dL/db",
    "update_W": "ΔW",
    "update_b": "Δb",
}


@dataclass
class LayerTrace:
    """One layer in one step. Arrays have one row per sample (x, z, a, dL/da, dL/dz) or the
    weights' shapes (W: (inputs, units), b: (units,)). Backward values are None when the loss
    was not finite (no backward pass ran)."""

    index: int
    name: str
    activation: str
    x: np.ndarray
    z: np.ndarray
    a: np.ndarray
    W: np.ndarray | None
    """The kernel before the step (None for a layer without weights)."""
    b: np.ndarray | None
    dL_da: np.ndarray | None = None
    dL_dz: np.ndarray | None = None
    dL_dW: np.ndarray | None = None
    dL_db: np.ndarray | None = None
    update_W: np.ndarray | None = None
    """W after the step − W before: the optimizer's actual change."""
    update_b: np.ndarray | None = None

    @property
    def units(self) -> int:
        return self.a.shape[1]

    def arrays(self) -> dict[str, np.ndarray | None]:
        """{"z": ..., "a": ..., "dL/da": ..., "dL/dz": ..., "dL/dW": ..., ..., "ΔW": ...}"""
        return {label: getattr(self, attr) for attr, label in _NAMES.items()}

    def as_dict(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "name": self.name,
            "activation": self.activation,
            "W": self.W,
            "b": self.b,
            **self.arrays(),
        }


@dataclass
class StepTrace:
    """One training step: the loss, then per layer the forward and backward values."""

    loss: float
    layers: list[LayerTrace]
    y: np.ndarray
    optimizer: str
    learning_rate: float
    iteration: int
    """Which optimizer step this is, counting from 1 (Adam's t)."""
    loss_name: str
    fused: bool
    """True when the loss handed the last layer dL/dz directly (sigmoid + binary cross-entropy,
    softmax + cross-entropy: dL/dz = (a − y)/m). The last layer's dL/da is then computed by the
    loss's long form for display only."""
    applied: bool
    problems: list[str] = field(default_factory=list)
    """Where inf or NaN appeared, in order (e.g. "loss is nan", "dense/ΔW has inf")."""

    @property
    def finite(self) -> bool:
        return not self.problems

    @property
    def output(self) -> np.ndarray:
        return self.layers[-1].a

    def as_dict(self) -> dict[str, Any]:
        return {
            "loss": self.loss,
            "optimizer": self.optimizer,
            "learning_rate": self.learning_rate,
            "iteration": self.iteration,
            "applied": self.applied,
            "problems": list(self.problems),
            "layers": [layer.as_dict() for layer in self.layers],
        }


def _copy(array: np.ndarray | None) -> np.ndarray | None:
    return None if array is None else np.array(array, copy=True)


def trace_step(model: Sequential, x: Any, y: Any, apply: bool = False) -> StepTrace:
    """One training step on the batch (x, y), traced layer by layer.

    The model (weights and optimizer state) is left as it was unless `apply=True`; then it ends
    exactly where `model.fit(x, y, batch_size=len(x), epochs=1, shuffle=False)` leaves it.
    """
    if not isinstance(model, Sequential):
        raise EngineError(f"trace_step needs a Sequential model, got {type(model).__name__}.")
    if model.optimizer is None:
        raise EngineError(
            "trace_step needs a compiled model: call model.compile(optimizer='sgd', loss=...) "
            "first."
        )
    xs, ys = model._prepare_xy(x, y)
    fused = model._fused()
    loss = model.loss
    loss_and_gradient, per_sample = model._loss_functions(fused)
    optimizer = model.optimizer
    params = model.parameters_vector
    weights_before = params.copy()
    optimizer_before = copy.deepcopy(optimizer.__dict__)
    iteration = optimizer.iterations + 1
    learning_rate = float(optimizer.learning_rate)

    received: dict[int, np.ndarray | None] = {}

    def watch(index: int, grad_a: np.ndarray | None) -> None:
        received[index] = _copy(grad_a)  # backward works in place: copy before it runs

    with np.errstate(all="ignore"):
        value, _ = model._train_step(xs, ys, loss_and_gradient, per_sample, fused, watch=watch)
    finite_loss = math.isfinite(value)
    change = params - weights_before

    layers: list[LayerTrace] = []
    offset = 0
    for i, layer in enumerate(model.layers):
        kernel = getattr(layer, "kernel", None)
        use_bias = kernel is not None and layer.use_bias
        kernel_size = kernel.size if kernel is not None else 0
        bias_size = layer.bias.size if use_bias else 0
        end = offset + kernel_size + bias_size
        trace = LayerTrace(
            index=i,
            name=layer.name,
            activation=getattr(getattr(layer, "activation", None), "name", "-"),
            x=_copy(getattr(layer, "_x", None)),
            z=_copy(getattr(layer, "_z", None)),
            a=_copy(getattr(layer, "_a", None)),
            W=None
            if kernel is None
            else weights_before[offset : offset + kernel_size].reshape(kernel.shape),
            b=weights_before[offset + kernel_size : end] if use_bias else None,
        )
        if finite_loss and kernel is not None:
            trace.dL_da = received.get(i)
            trace.dL_dz = _copy(layer._grad_z)
            trace.dL_dW = layer.kernel_grad.copy()
            trace.dL_db = layer.bias_grad.copy() if use_bias else None
            trace.update_W = change[offset : offset + kernel_size].reshape(kernel.shape)
            if use_bias:
                trace.update_b = change[offset + kernel_size : end]
        layers.append(trace)
        offset = end
    if fused and finite_loss:
        with np.errstate(all="ignore"):
            layers[-1].dL_da = loss.value_and_gradient(ys, layers[-1].a.copy())[1]

    if not apply:
        params[...] = weights_before
        optimizer.__dict__.clear()
        optimizer.__dict__.update(optimizer_before)

    result = StepTrace(
        loss=float(value),
        layers=layers,
        y=np.array(ys, copy=True),
        optimizer=type(optimizer).__name__,
        learning_rate=learning_rate,
        iteration=iteration,
        loss_name=loss.name,
        fused=fused,
        applied=apply,
    )
    result.problems = _problems(result)
    return result


def _problems(step: StepTrace) -> list[str]:
    """Where the step first met inf or NaN: forward values, the loss, then backward values."""
    found: list[str] = []
    for layer in step.layers:
        for label in ("z", "a"):
            _note(found, f"{layer.name}/{label}", getattr(layer, label))
    if not math.isfinite(step.loss):
        found.append(f"loss is {step.loss}")
    for layer in reversed(step.layers):
        for attr in ("dL_da", "dL_dz", "dL_dW", "dL_db", "update_W", "update_b"):
            _note(found, f"{layer.name}/{_NAMES[attr]}", getattr(layer, attr))
    for layer in step.layers:
        if layer.update_W is not None:
            _note(found, f"{layer.name}/W after the step", layer.W + layer.update_W)
    return found


def _note(found: list[str], where: str, array: np.ndarray | None) -> None:
    if array is None or array.dtype.kind not in "fc":
        return
    bad = ~np.isfinite(array)
    if bad.any():
        kinds = sorted({"nan" if np.isnan(v) else "inf" for v in array[bad].ravel()[:50]})
        found.append(f"{where} has {' and '.join(kinds)} ({int(bad.sum())} of {array.size})")
