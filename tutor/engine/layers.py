"""Layers. One kind is enough for the whole course: `Dense`, where every input meets every unit."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from tutor.engine import activations, initializers
from tutor.engine.errors import EngineError

_name_counts: dict[str, int] = {}


def unique_name(base: str) -> str:
    """Keras-style automatic names: "dense", then "dense_1", "dense_2", ..."""
    count = _name_counts.get(base, 0)
    _name_counts[base] = count + 1
    return base if count == 0 else f"{base}_{count}"


def _input_size(input_shape: Any, input_dim: Any, layer: str) -> int | None:
    if input_dim is not None:
        input_shape = (input_dim,)
    if input_shape is None:
        return None
    if isinstance(input_shape, (int, np.integer)):
        input_shape = (input_shape,)
    shape = tuple(input_shape)
    if len(shape) == 2 and shape[0] is None:
        shape = shape[1:]
    if len(shape) != 1 or not isinstance(shape[0], (int, np.integer)) or shape[0] < 1:
        raise EngineError(
            f"{layer} takes one row of numbers per sample, so input_shape must look like (n,), "
            f"e.g. input_shape=(8,) for 8 features; got input_shape={input_shape!r}. "
            "Flatten images first, e.g. x.reshape(len(x), -1)."
        )
    return int(shape[0])


class Dense:
    """A fully connected layer of `units` neurons.

    Forward, for a batch of m samples with n features each:

        z = x @ W + b          (m, n) @ (n, k) + (k,) -> (m, k)
        a = activation(z)      (m, k)

    Backward, given dL/da from the layer above (the chain rule, one step at a time):

        dL/dz = dL/da * activation'(z)      (m, k)
        dL/dW = xᵀ @ dL/dz                  (n, m) @ (m, k) -> (n, k)
        dL/db = sum of dL/dz over the rows  (k,)
        dL/dx = dL/dz @ Wᵀ                  (m, k) @ (k, n) -> (m, n), passed further down

    `kernel` W has shape (inputs, units) as in Keras. The layer's weights are built as soon as it
    knows its input size: from `input_shape=(n,)` / `input_dim=n`, or from the data at the first
    `fit` or `predict`.
    """

    def __init__(
        self,
        units: int,
        activation: str | activations.Activation | Any = None,
        use_bias: bool = True,
        kernel_initializer: str | initializers.Initializer = "glorot_uniform",
        bias_initializer: str | initializers.Initializer = "zeros",
        input_shape: Sequence[int] | None = None,
        input_dim: int | None = None,
        name: str | None = None,
    ):
        if isinstance(units, bool) or not isinstance(units, (int, np.integer)) or units < 1:
            raise EngineError(f"Dense needs a whole number of units >= 1, got units={units!r}.")
        self.units = int(units)
        self.activation = activations.get(activation)
        self.use_bias = bool(use_bias)
        self.kernel_initializer = initializers.get(kernel_initializer)
        self.bias_initializer = initializers.get(bias_initializer)
        self.name = name or unique_name("dense")
        self.input_dim = _input_size(input_shape, input_dim, f"Dense layer {self.name!r}")
        self.kernel: np.ndarray | None = None
        self.bias: np.ndarray | None = None
        self.kernel_grad: np.ndarray | None = None
        self.bias_grad: np.ndarray | None = None
        self._rows = 0  # rows the work buffers below can hold
        self._x = self._z = self._a = self._grad_z = None

    # ---- building -------------------------------------------------------------------------

    @property
    def built(self) -> bool:
        return self.kernel is not None

    def build(self, input_dim: int, dtype: Any = np.float32, initialize: bool = True) -> None:
        """Draw the starting weights: kernel (input_dim, units), bias (units,).

        `initialize=False` leaves them at zero (for a model whose weights are loaded next).
        """
        self.input_dim = int(input_dim)
        kernel_shape, bias_shape = (self.input_dim, self.units), (self.units,)
        if initialize:
            self.kernel = self.kernel_initializer(kernel_shape, dtype)
        else:
            self.kernel = np.zeros(kernel_shape, dtype)
        self.kernel_grad = np.zeros_like(self.kernel)
        if self.use_bias:
            if initialize:
                self.bias = self.bias_initializer(bias_shape, dtype)
            else:
                self.bias = np.zeros(bias_shape, dtype)
            self.bias_grad = np.zeros_like(self.bias)
        self._rows = 0

    def parameters(self) -> list[np.ndarray]:
        """The live weight arrays, in Keras order: [kernel, bias]."""
        return [self.kernel, self.bias] if self.use_bias else [self.kernel]

    def gradients(self) -> list[np.ndarray]:
        """dL/dW and dL/db from the last backward pass, aligned with `parameters()`."""
        return [self.kernel_grad, self.bias_grad] if self.use_bias else [self.kernel_grad]

    def bind(self, parameters: list[np.ndarray], gradients: list[np.ndarray]) -> None:
        """Use these arrays (views into the model's flat buffers) from now on."""
        self.kernel, self.kernel_grad = parameters[0], gradients[0]
        if self.use_bias:
            self.bias, self.bias_grad = parameters[1], gradients[1]
        self._rows = 0

    def get_weights(self) -> list[np.ndarray]:
        return [p.copy() for p in self.parameters()] if self.built else []

    def set_weights(self, weights: Sequence[Any]) -> None:
        expected = [p.shape for p in self.parameters()] if self.built else []
        got = [np.shape(w) for w in weights]
        if not self.built or got != expected:
            raise EngineError(
                f"Layer {self.name!r} has weights of shapes {expected}, got arrays of shapes {got}."
            )
        for target, value in zip(self.parameters(), weights, strict=True):
            target[...] = value

    def count_params(self) -> int:
        if self.input_dim is None:
            return 0
        return self.input_dim * self.units + (self.units if self.use_bias else 0)

    # ---- computing ------------------------------------------------------------------------

    def _allocate(self, m: int) -> None:
        """Work arrays for up to m rows, reused from batch to batch so training allocates little."""
        dtype = self.kernel.dtype
        self._z_store = np.empty((m, self.units), dtype)
        self._a_store = np.empty((m, self.units), dtype)
        self._dx_store = np.empty((m, self.input_dim), dtype)
        self._rows = m

    def forward(self, x: np.ndarray) -> np.ndarray:
        """a = activation(x @ W + b); remembers x, z and a for the backward pass."""
        m = len(x)
        if m > self._rows:
            self._allocate(m)
        z = np.matmul(x, self.kernel, out=self._z_store[:m])
        if self.use_bias:
            z += self.bias
        a = self.activation.forward(z, out=self._a_store[:m])
        self._x, self._z, self._a = x, z, a
        return a

    def backward(self, grad_a: np.ndarray, input_gradient: bool = True) -> np.ndarray | None:
        """From dL/da, fill kernel_grad and bias_grad; return dL/dx (None if not asked for)."""
        grad_z = self.activation.backward(grad_a, self._z, self._a)
        return self.backward_from_z(grad_z, input_gradient)

    def backward_from_z(self, grad_z: np.ndarray, input_gradient: bool = True):
        """The same, starting from dL/dz (used when the loss already gives dL/dz)."""
        self._grad_z = grad_z  # kept for tutor.engine.trace (a reference, not a copy)
        np.matmul(self._x.T, grad_z, out=self.kernel_grad)
        if self.use_bias:
            np.add.reduce(grad_z, axis=0, out=self.bias_grad)  # sum over the rows
        if not input_gradient:
            return None
        return np.matmul(grad_z, self.kernel.T, out=self._dx_store[: len(grad_z)])

    # ---- describing -----------------------------------------------------------------------

    @property
    def output_shape(self) -> tuple[None, int]:
        return (None, self.units)

    def get_config(self) -> dict[str, Any]:
        return {
            "class_name": "Dense",
            "name": self.name,
            "units": self.units,
            "activation": self.activation.config(),
            "use_bias": self.use_bias,
            "kernel_initializer": self.kernel_initializer.config(),
            "bias_initializer": self.bias_initializer.config(),
            "input_dim": self.input_dim,
        }

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> Dense:
        return cls(
            config["units"],
            activation=activations.get(config["activation"]),
            use_bias=config.get("use_bias", True),
            kernel_initializer=initializers.get(config["kernel_initializer"]),
            bias_initializer=initializers.get(config["bias_initializer"]),
            input_dim=config.get("input_dim"),
            name=config.get("name"),
        )

    def __repr__(self) -> str:
        return (
            f"Dense({self.units}, activation={self.activation.name!r}"
            + (f", input_dim={self.input_dim}" if self.input_dim else "")
            + ")"
        )
