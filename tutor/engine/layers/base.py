"""What every layer has in common: a name, shapes, weights (maybe none), forward and backward.

The interface the model (and anything else that drives layers, such as a step tracer) relies on:

    layer.build(input_shape, dtype, initialize=True)   # input_shape without the batch, e.g. (784,)
    layer.built, layer.output_shape                    # (None, *shape of one sample)
    y = layer.forward(x, training=False)               # remembers what backward needs
    dx = layer.backward(dL/dy, input_gradient=True)    # fills layer.gradients(); dx or None
    layer.parameters(), layer.gradients()              # aligned lists of live arrays ([] if none)
    layer.bind(parameters, gradients)                  # adopt views into the model's flat buffers

Shapes never include the batch: a layer for 28x28 images has input shape (28, 28).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np

from tutor.engine.errors import EngineError

_name_counts: dict[str, int] = {}


def unique_name(base: str) -> str:
    """Keras-style automatic names: "dense", then "dense_1", "dense_2", ..."""
    count = _name_counts.get(base, 0)
    _name_counts[base] = count + 1
    return base if count == 0 else f"{base}_{count}"


def sample_shape(input_shape: Any, what: str) -> tuple[int, ...] | None:
    """(28, 28) from input_shape=(28, 28), 28, (None, 28, 28) or None; a clear error otherwise."""
    if input_shape is None:
        return None
    if isinstance(input_shape, (int, np.integer)):
        input_shape = (input_shape,)
    try:
        shape = tuple(input_shape)
    except TypeError:
        raise EngineError(
            f"{what}: input_shape must be a tuple of sizes such as (8,) or (28, 28), "
            f"got {input_shape!r}."
        ) from None
    if len(shape) >= 2 and shape[0] is None:
        shape = shape[1:]
    if not shape or not all(
        isinstance(n, (int, np.integer)) and not isinstance(n, bool) and n >= 1 for n in shape
    ):
        raise EngineError(
            f"{what}: input_shape must be the shape of ONE sample, whole sizes >= 1 such as (8,) "
            f"or (28, 28), without the number of samples; got input_shape={input_shape!r}."
        )
    return tuple(int(n) for n in shape)


class Layer:
    """Base class. Subclasses without weights only define `forward`, `backward` and shapes."""

    base_name = "layer"

    def __init__(self, name: str | None = None, input_shape: Any = None, **unknown: Any):
        if unknown:
            raise EngineError(
                f"{type(self).__name__} got unexpected argument(s) {', '.join(sorted(unknown))}."
            )
        self.name = name or unique_name(self.base_name)
        # The sample shape given by input_shape=..., only used when this is the first layer.
        self.declared_input_shape = sample_shape(input_shape, f"{type(self).__name__} layer")
        self.input_sample_shape: tuple[int, ...] | None = None
        self.output_sample_shape: tuple[int, ...] | None = None

    # ---- building -------------------------------------------------------------------------

    @property
    def built(self) -> bool:
        return self.output_sample_shape is not None

    def build(self, input_shape: Sequence[int], dtype: Any = np.float32, initialize: bool = True):
        """Fix the input shape (one sample's), and create weights if the layer has any."""
        shape = tuple(int(n) for n in input_shape)
        self.output_sample_shape = self.compute_output_shape(shape)
        self.input_sample_shape = shape

    def compute_output_shape(self, input_shape: tuple[int, ...]) -> tuple[int, ...]:
        return input_shape

    @property
    def output_shape(self) -> tuple:
        if self.output_sample_shape is None:
            raise EngineError(f"Layer {self.name!r} is not built yet: its input shape is unknown.")
        return (None, *self.output_sample_shape)

    @property
    def input_shape(self) -> tuple:
        if self.input_sample_shape is None:
            raise EngineError(f"Layer {self.name!r} is not built yet: its input shape is unknown.")
        return (None, *self.input_sample_shape)

    # ---- weights (none by default) --------------------------------------------------------

    def parameters(self) -> list[np.ndarray]:
        return []

    def gradients(self) -> list[np.ndarray]:
        return []

    def parameter_names(self) -> list[str]:
        return []

    def bind(self, parameters: list[np.ndarray], gradients: list[np.ndarray]) -> None:
        """Adopt views into the model's flat buffers (nothing to do without weights)."""

    @property
    def weights(self) -> list[np.ndarray]:
        return self.parameters() if self.built else []

    def get_weights(self) -> list[np.ndarray]:
        return [p.copy() for p in self.parameters()] if self.built else []

    def set_weights(self, weights: Sequence[Any]) -> None:
        expected = [p.shape for p in self.parameters()] if self.built else []
        got = [np.shape(w) for w in weights]
        if got != expected:
            raise EngineError(
                f"Layer {self.name!r} has weights of shapes {expected}, got arrays of shapes {got}."
            )
        for target, value in zip(self.parameters(), weights, strict=True):
            target[...] = value

    def count_params(self) -> int:
        return sum(math.prod(p.shape) for p in self.parameters()) if self.built else 0

    # ---- computing ------------------------------------------------------------------------

    def forward(self, x: np.ndarray, training: bool = False) -> np.ndarray:
        raise NotImplementedError

    def backward(self, grad: np.ndarray, input_gradient: bool = True) -> np.ndarray | None:
        raise NotImplementedError

    # ---- describing -----------------------------------------------------------------------

    def get_config(self) -> dict[str, Any]:
        config: dict[str, Any] = {"class_name": type(self).__name__, "name": self.name}
        if self.input_sample_shape is not None:
            config["input_shape"] = list(self.input_sample_shape)
        return config

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> Layer:
        options = {k: v for k, v in config.items() if k not in ("class_name", "input_shape")}
        return cls(**options)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(name={self.name!r})"
