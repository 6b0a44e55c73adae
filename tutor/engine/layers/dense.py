"""`Dense`: every input meets every unit. The layer that does the learning in this course."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from tutor.engine import activations, initializers
from tutor.engine.errors import EngineError
from tutor.engine.layers.base import Layer, sample_shape


def _input_size(input_shape: Any, input_dim: Any, layer: str) -> int | None:
    if input_dim is not None:
        input_shape = (input_dim,)
    shape = sample_shape(input_shape, layer)
    if shape is None:
        return None
    if len(shape) != 1:
        raise EngineError(
            f"{layer} takes one row of numbers per sample, so input_shape must look like (n,), "
            f"e.g. input_shape=(8,) for 8 features; got input_shape={input_shape!r}. For images, "
            f"put Flatten(input_shape={shape!r}) before it (or reshape the data with "
            "x.reshape(len(x), -1))."
        )
    return shape[0]


class Dense(Layer):
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
    knows its input size: from `input_shape=(n,)` / `input_dim=n`, from the layer before it, or
    from the data at the first `fit` or `predict`. Samples must be rows of numbers: put `Flatten`
    before a Dense layer that receives images.
    """

    base_name = "dense"

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
        super().__init__(name=name)
        self.units = int(units)
        self.activation = activations.get(activation)
        self.use_bias = bool(use_bias)
        self.kernel_initializer = initializers.get(kernel_initializer)
        self.bias_initializer = initializers.get(bias_initializer)
        self.input_dim = _input_size(input_shape, input_dim, f"Dense layer {self.name!r}")
        if self.input_dim is not None:
            self.declared_input_shape = (self.input_dim,)
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

    def compute_output_shape(self, input_shape: tuple[int, ...]) -> tuple[int, ...]:
        if len(input_shape) != 1:
            raise EngineError(
                f"Dense layer {self.name!r} takes one row of numbers per sample, but it would "
                f"receive samples of shape {input_shape}. Put a Flatten() layer before it, e.g. "
                f"Flatten(input_shape={input_shape}) as the first layer."
            )
        return (self.units,)

    def build(
        self, input_shape: Sequence[int] | int, dtype: Any = np.float32, initialize: bool = True
    ) -> None:
        """Draw the starting weights: kernel (inputs, units), bias (units,).

        `input_shape` is one sample's shape, (inputs,) (a bare number is accepted too).
        `initialize=False` leaves them at zero (for a model whose weights are loaded next).
        """
        if isinstance(input_shape, (int, np.integer)):
            input_shape = (int(input_shape),)
        super().build(input_shape, dtype, initialize)
        self.input_dim = self.input_sample_shape[0]
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
        if not self.built:
            return []
        return [self.kernel, self.bias] if self.use_bias else [self.kernel]

    def gradients(self) -> list[np.ndarray]:
        """dL/dW and dL/db from the last backward pass, aligned with `parameters()`."""
        if not self.built:
            return []
        return [self.kernel_grad, self.bias_grad] if self.use_bias else [self.kernel_grad]

    def parameter_names(self) -> list[str]:
        return ["kernel", "bias"] if self.use_bias else ["kernel"]

    def bind(self, parameters: list[np.ndarray], gradients: list[np.ndarray]) -> None:
        """Use these arrays (views into the model's flat buffers) from now on."""
        self.kernel, self.kernel_grad = parameters[0], gradients[0]
        if self.use_bias:
            self.bias, self.bias_grad = parameters[1], gradients[1]
        self._rows = 0

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

    def forward(self, x: np.ndarray, training: bool = False) -> np.ndarray:
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

    @property
    def logits(self) -> np.ndarray | None:
        """z = x @ W + b of the last forward pass (what the activation was applied to)."""
        return self._z

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
