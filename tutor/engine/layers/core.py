"""Layers without weights: `Input`, `Flatten`, `Dropout` and `Activation`.

None of them learns anything; each reshapes, masks or squashes what passes through, and passes
the gradient back through the same operation:

    Flatten      forward: (m, 28, 28) -> (m, 784)     backward: (m, 784) -> (m, 28, 28)
    Dropout(r)   forward (fit only): y = x · mask / (1 − r), mask_ij = 1 with probability 1 − r
                 backward: dL/dx = dL/dy · mask / (1 − r)      (in predict/evaluate: y = x)
    Activation   forward: a = f(z)                     backward: dL/dz = dL/da · f'(z)
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from tutor.engine import activations
from tutor.engine.errors import EngineError
from tutor.engine.layers.base import Layer, sample_shape, unique_name
from tutor.engine.seeding import generator


class InputLayer:
    """The model's input: the shape of one sample. Not a layer that computes anything.

    `Input(shape=(28, 28))` makes one; put it first in `Sequential([...])`. As in Keras, it is
    not listed in `model.layers` and not shown by `summary()`.
    """

    def __init__(
        self,
        shape: Any = None,
        name: str | None = None,
        batch_size: Any = None,
        batch_shape: Any = None,
        input_shape: Any = None,
        **_: Any,
    ):
        if shape is None and batch_shape is not None:
            shape = tuple(batch_shape)[1:]  # Keras 3's batch_shape=(None, 28, 28)
        if shape is None:
            shape = input_shape  # Keras 2's InputLayer(input_shape=...)
        if shape is None:
            raise EngineError("Input needs the shape of one sample, e.g. Input(shape=(8,)).")
        self.shape = sample_shape(shape, "Input")
        self.name = name or unique_name("input_layer")

    @property
    def output_shape(self) -> tuple:
        return (None, *self.shape)

    def __repr__(self) -> str:
        return f"Input(shape={self.shape})"


def Input(shape: Any = None, batch_size: Any = None, name: str | None = None, **kwargs: Any):
    """`keras.Input(shape)`: declares the input shape of the model, e.g. `Input(shape=(28, 28))`."""
    return InputLayer(shape=shape, name=name, batch_size=batch_size, **kwargs)


class Flatten(Layer):
    """Turns each sample into one row: (m, 28, 28) -> (m, 784). Costs no copy (a reshape view)."""

    base_name = "flatten"

    def __init__(self, data_format: str | None = None, **kwargs: Any):
        super().__init__(**kwargs)
        self._input_batch_shape: tuple[int, ...] = ()

    def compute_output_shape(self, input_shape):
        return (math.prod(input_shape),)

    def forward(self, x, training=False):
        self._input_batch_shape = x.shape
        return x.reshape(len(x), -1)

    def backward(self, grad, input_gradient=True):
        if not input_gradient:
            return None
        return grad.reshape(self._input_batch_shape)


class Dropout(Layer):
    """Sets a random fraction `rate` of its inputs to 0 during `fit`, and scales the rest by
    1 / (1 − rate) so that the expected sum stays the same ("inverted dropout", as Keras).

    In `predict` and `evaluate` it passes everything through unchanged. The random draws come
    from the engine's generator (so `set_seed` / `utils.set_random_seed` repeats them), or from
    the layer's own generator when `seed=` is given.
    """

    base_name = "dropout"

    def __init__(
        self, rate: float, noise_shape: Any = None, seed: int | None = None, **kwargs: Any
    ):
        super().__init__(**kwargs)
        try:
            rate = float(rate)
        except (TypeError, ValueError):
            raise EngineError(f"Dropout rate must be a number from 0 to 1, got {rate!r}.") from None
        if not 0.0 <= rate < 1.0:
            raise EngineError(
                f"Dropout rate is the fraction of inputs dropped, from 0 up to (not including) 1; "
                f"got rate={rate!r}."
            )
        if noise_shape is not None:
            raise EngineError("Dropout(noise_shape=...) is not supported by this engine.")
        self.rate = rate
        self.seed = seed
        self._generator = np.random.default_rng(seed) if seed is not None else None
        self._mask: np.ndarray | None = None
        self.freeze_mask = False  # reuse the last mask (for gradient checking)

    def forward(self, x, training=False):
        if not training or self.rate == 0.0:
            self._mask = None
            return x
        if not (self.freeze_mask and self._mask is not None and self._mask.shape == x.shape):
            rng = self._generator or generator()
            keep = rng.random(x.shape, dtype=np.float32) >= np.float32(self.rate)
            self._mask = keep.astype(x.dtype)
            self._mask *= x.dtype.type(1.0 / (1.0 - self.rate))
        return x * self._mask

    def backward(self, grad, input_gradient=True):
        if not input_gradient:
            return None
        return grad if self._mask is None else grad * self._mask

    def get_config(self):
        return {**super().get_config(), "rate": self.rate, "seed": self.seed}

    def __repr__(self) -> str:
        return f"Dropout({self.rate})"


class Activation(Layer):
    """Applies an activation on its own, e.g. `Dense(10)` then `Activation("softmax")`."""

    base_name = "activation"

    def __init__(self, activation: Any, **kwargs: Any):
        super().__init__(**kwargs)
        self.activation = activations.get(activation)
        self._z: np.ndarray | None = None
        self._a: np.ndarray | None = None

    def forward(self, x, training=False):
        self._z = x
        self._a = self.activation.forward(x)
        return self._a

    @property
    def logits(self) -> np.ndarray | None:
        """The input of the last forward pass (what the activation was applied to)."""
        return self._z

    def backward(self, grad, input_gradient=True):
        if not input_gradient:
            return None
        return self.activation.backward(grad, self._z, self._a)

    def backward_from_z(self, grad_z, input_gradient=True):
        """dL/dz is already known (the loss fused with this activation): pass it down."""
        return grad_z if input_gradient else None

    def get_config(self):
        return {**super().get_config(), "activation": self.activation.config()}

    @classmethod
    def from_config(cls, config):
        return cls(activations.get(config["activation"]), name=config.get("name"))

    def __repr__(self) -> str:
        return f"Activation({self.activation.name!r})"
