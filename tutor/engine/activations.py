"""Activation functions: what a neuron does with its weighted sum z.

Each activation is a small object with two methods:

- `forward(z)` gives a = f(z), element by element (softmax: row by row);
- `backward(grad, z, a)` turns dL/da into dL/dz = dL/da * f'(z), the chain rule for one layer.

`backward` may overwrite `grad` in place: the training loop owns that buffer. Every activation
here is safe at extreme inputs: `sigmoid(-1000)` is 0 and `softmax` subtracts each row's largest
value before `exp`, so no overflow warning ever reaches a learner.

Call one like a function: `activations.sigmoid(np.array([-2.0, 0.0, 2.0]))`. Give a `Dense` layer
an activation by name (`activation="relu"`), by object (`activations.relu`) or as any elementwise
Python function of a NumPy array (its derivative is then estimated by finite differences).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from tutor.engine.errors import EngineError, unknown_name


def _as_float_array(z: Any) -> np.ndarray:
    z = np.asarray(z)
    return z if np.issubdtype(z.dtype, np.floating) else z.astype(np.float32)


class Activation:
    """Base class: `a = forward(z)` and `dL/dz = backward(dL/da, z, a)`."""

    name = "activation"

    def __call__(self, z: Any) -> np.ndarray:
        return self.forward(_as_float_array(z))

    def forward(self, z: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
        raise NotImplementedError

    def backward(self, grad: np.ndarray, z: np.ndarray, a: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    def config(self) -> dict[str, Any]:
        """What `save` writes so that `get` can rebuild this activation."""
        return {"name": self.name}

    def __repr__(self) -> str:
        return f"activations.{self.name}"


class Linear(Activation):
    """f(z) = z;  f'(z) = 1. The identity: a layer with it is a plain weighted sum."""

    name = "linear"

    def forward(self, z, out=None):
        return z

    def backward(self, grad, z, a):
        return grad


class Step(Activation):
    """f(z) = 1 where z > 0, else 0: the all-or-nothing neuron of the first perceptrons.

    Its slope is 0 everywhere except at z = 0, where it has none; we take f'(z) = 0 everywhere.
    So gradient descent gets no signal through a step: the perceptron rule trains it instead.
    """

    name = "step"

    def forward(self, z, out=None):
        if out is None:
            return (z > 0).astype(z.dtype)
        np.greater(z, 0, out=out, casting="unsafe")
        return out

    def backward(self, grad, z, a):
        grad.fill(0)
        return grad


class Sigmoid(Activation):
    """f(z) = 1 / (1 + e^-z), squashes any number into (0, 1);  f'(z) = a (1 - a).

    z is clipped from below before `exp` (at -88 in float32, where e^88 still fits) so large
    negative inputs give 0 without an overflow warning.
    """

    name = "sigmoid"

    def forward(self, z, out=None):
        lowest = -88.0 if z.dtype == np.float32 else -708.0
        out = np.maximum(z, lowest, out=out)
        np.negative(out, out=out)
        np.exp(out, out=out)
        out += 1.0
        np.reciprocal(out, out=out)
        return out

    def backward(self, grad, z, a):
        slope = np.subtract(1.0, a)
        slope *= a
        grad *= slope
        return grad


class Tanh(Activation):
    """f(z) = (e^z - e^-z) / (e^z + e^-z), squashes into (-1, 1);  f'(z) = 1 - a²."""

    name = "tanh"

    def forward(self, z, out=None):
        return np.tanh(z, out=out)

    def backward(self, grad, z, a):
        slope = np.multiply(a, a)
        np.subtract(1.0, slope, out=slope)
        grad *= slope
        return grad


class ReLU(Activation):
    """f(z) = max(z, 0): negatives become 0;  f'(z) = 1 where z > 0, else 0."""

    name = "relu"

    def __init__(self) -> None:
        self._zeros: dict[tuple[int, np.dtype], np.ndarray] = {}

    def _zeros_like(self, z: np.ndarray) -> np.ndarray | float:
        # max(z, 0) against a scalar 0 takes NumPy's slow path; against an array of zeros of the
        # same shape it is about four times faster. Keep one such array per width (for batches
        # of up to 4096 rows, so the cache stays small).
        if z.ndim != 2 or len(z) > 4096:
            return 0.0
        key = (z.shape[1], z.dtype)
        zeros = self._zeros.get(key)
        if zeros is None or len(zeros) < len(z):
            zeros = self._zeros[key] = np.zeros((len(z), z.shape[1]), z.dtype)
        return zeros[: len(z)]

    def forward(self, z, out=None):
        return np.maximum(z, self._zeros_like(z), out=out)

    def backward(self, grad, z, a):
        grad *= z > 0
        return grad


class LeakyReLU(Activation):
    """f(z) = z where z > 0, else negative_slope * z;  f'(z) = 1 or negative_slope.

    Keras 3's default slope is 0.2. The small slope keeps a signal alive for negative z.
    """

    name = "leaky_relu"

    def __init__(self, negative_slope: float = 0.2):
        if not 0.0 <= negative_slope <= 1.0:
            raise EngineError(f"leaky_relu needs 0 <= negative_slope <= 1, got {negative_slope}.")
        self.negative_slope = float(negative_slope)

    def forward(self, z, out=None):
        out = np.multiply(z, self.negative_slope, out=out)
        return np.maximum(z, out, out=out)

    def backward(self, grad, z, a):
        one, slope = z.dtype.type(1.0), z.dtype.type(self.negative_slope)
        grad *= np.where(z > 0, one, slope)
        return grad

    def config(self):
        return {"name": self.name, "negative_slope": self.negative_slope}


class ELU(Activation):
    """f(z) = z where z > 0, else alpha (e^z - 1);  f'(z) = 1, or a + alpha where z <= 0."""

    name = "elu"

    def __init__(self, alpha: float = 1.0):
        self.alpha = float(alpha)

    def forward(self, z, out=None):
        # max(z, 0) + alpha (e^min(z, 0) − 1): one of the two terms is always 0.
        out = np.minimum(z, 0.0, out=out)
        np.expm1(out, out=out)
        out *= self.alpha
        out += np.maximum(z, 0.0)
        return out

    def backward(self, grad, z, a):
        grad *= np.where(z > 0, z.dtype.type(1.0), a + self.alpha)
        return grad

    def config(self):
        return {"name": self.name, "alpha": self.alpha}


class Swish(Activation):
    """f(z) = z · sigmoid(z) (also called SiLU);  f'(z) = s (1 + z (1 - s)) with s = sigmoid(z)."""

    name = "swish"

    def forward(self, z, out=None):
        out = _SIGMOID.forward(z, out=out)
        out *= z
        return out

    def backward(self, grad, z, a):
        s = _SIGMOID.forward(z)
        slope = np.subtract(1.0, s)
        slope *= z
        slope += 1.0
        slope *= s
        grad *= slope
        return grad


class Softmax(Activation):
    """f(z)_i = e^(z_i) / Σ_j e^(z_j) along the last axis: scores become probabilities summing to 1.

    Backward (the softmax Jacobian applied to dL/da): dL/dz = a ⊙ (dL/da − Σ_j a_j dL/da_j).
    """

    name = "softmax"

    def forward(self, z, out=None):
        out = np.subtract(z, np.maximum.reduce(z, axis=-1, keepdims=True), out=out)
        np.exp(out, out=out)
        out /= np.add.reduce(out, axis=-1, keepdims=True)
        return out

    def backward(self, grad, z, a):
        grad -= np.sum(grad * a, axis=-1, keepdims=True)
        grad *= a
        return grad


class FunctionActivation(Activation):
    """Wraps a learner's own elementwise function f; f' comes from central differences.

    f'(z) ≈ (f(z + h) − f(z − h)) / 2h, computed in float64. Good enough to train with and to
    learn from; the built-in activations use their exact derivatives.
    """

    def __init__(self, function: Callable[[np.ndarray], Any]):
        self.function = function
        self.name = getattr(function, "__name__", "custom")

    def forward(self, z, out=None):
        value = np.asarray(self.function(z), dtype=z.dtype)
        if value.shape != z.shape:
            raise EngineError(
                f"Activation {self.name!r} must keep the shape of its input: "
                f"got {value.shape} from an input of shape {z.shape}."
            )
        if out is None:
            return value
        out[...] = value
        return out

    def backward(self, grad, z, a):
        z64 = z.astype(np.float64)
        h = 1e-5 * np.maximum(1.0, np.abs(z64))
        up = np.asarray(self.function(z64 + h), dtype=np.float64)
        down = np.asarray(self.function(z64 - h), dtype=np.float64)
        grad *= ((up - down) / (2 * h)).astype(grad.dtype)
        return grad

    def config(self):
        raise EngineError(
            f"The activation {self.name!r} is your own Python function, which cannot be saved "
            f"to a file. Use one of the built-in names to save the model: {', '.join(NAMES)}."
        )

    def __repr__(self) -> str:
        return f"FunctionActivation({self.name})"


_SIGMOID = Sigmoid()

linear = Linear()
step = Step()
sigmoid = _SIGMOID
tanh = Tanh()
relu = ReLU()
leaky_relu = LeakyReLU()
elu = ELU()
swish = Swish()
silu = swish
softmax = Softmax()

_BY_NAME: dict[str, Activation] = {
    "linear": linear,
    "step": step,
    "sigmoid": sigmoid,
    "tanh": tanh,
    "relu": relu,
    "leaky_relu": leaky_relu,
    "elu": elu,
    "swish": swish,
    "silu": swish,
    "softmax": softmax,
}
NAMES = sorted(_BY_NAME)


def get(identifier: str | Activation | Callable | dict | None) -> Activation:
    """The activation for a name (`"relu"`), an `Activation`, a config dict or a function."""
    if identifier is None:
        return linear
    if isinstance(identifier, Activation):
        return identifier
    if isinstance(identifier, dict):
        config = dict(identifier)
        name = config.pop("name", None)
        if name == "leaky_relu" and config:
            return LeakyReLU(**config)
        if name == "elu" and config:
            return ELU(**config)
        return get(name)
    if isinstance(identifier, str):
        found = _BY_NAME.get(identifier.lower())
        if found is None:
            raise unknown_name("activation", identifier, NAMES)
        return found
    if callable(identifier):
        return FunctionActivation(identifier)
    raise EngineError(
        f"An activation must be a name such as 'relu', an activation object or a function; "
        f"got {identifier!r}."
    )
