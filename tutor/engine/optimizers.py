"""Optimizers: how each step walks the weights downhill, given the gradient g = dL/dw.

The update rules, defaults and order of operations are Keras 3's, so the same starting weights
and the same batches give the same numbers. Every optimizer works on ONE flat vector holding all
the model's parameters (and one holding all gradients), so a step is a handful of whole-vector
NumPy operations however many layers there are. t counts steps from 1.

    SGD       w ← w − lr·g                       (momentum: v ← μ·v − lr·g;  w ← w + v)
    RMSprop   s ← ρ·s + (1−ρ)·g²;  w ← w − lr·g / √(s + ε)
    Adam      m ← m + (1−β₁)(g − m);  v ← v + (1−β₂)(g² − v)
              w ← w − lr·√(1−β₂ᵗ)/(1−β₁ᵗ) · m / (√v + ε)
    Nadam     Adam with Nesterov momentum and the momentum schedule μₜ = β₁(1 − ½·0.96ᵗ)

`learning_rate` can be read and changed at any time, also while a model trains.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from tutor.engine.errors import EngineError, unknown_name


def _positive(name: str, value: Any) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise EngineError(f"{name} must be a number, got {value!r}.") from None
    if not number > 0 or not math.isfinite(number):
        raise EngineError(f"{name} must be a number greater than 0, got {value!r}.")
    return number


def _fraction(name: str, value: Any, *, allow_one: bool = False) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise EngineError(f"{name} must be a number, got {value!r}.") from None
    if not (0.0 <= number < 1.0 or (allow_one and number == 1.0)):
        upper = "1" if allow_one else "less than 1"
        raise EngineError(f"{name} must be between 0 and {upper}, got {value!r}.")
    return number


class Optimizer:
    """Base class: keeps the learning rate, the step count and per-parameter state (slots)."""

    name = "optimizer"
    _slot_names: tuple[str, ...] = ()

    def __init__(self, learning_rate: float):
        self.learning_rate = learning_rate
        self.iterations = 0
        self._slots: dict[str, np.ndarray] = {}
        self._scratch: tuple[np.ndarray, np.ndarray] | None = None

    @property
    def learning_rate(self) -> float:
        return self._learning_rate

    @learning_rate.setter
    def learning_rate(self, value: float) -> None:
        self._learning_rate = _positive("learning_rate", value)

    def build(self, size: int, dtype: np.dtype) -> None:
        """Allocate zeroed slots (and two scratch vectors) for `size` parameters."""
        self._slots = {name: np.zeros(size, dtype) for name in self._slot_names}
        self._scratch = (np.empty(size, dtype), np.empty(size, dtype))

    def update(self, params: np.ndarray, grads: np.ndarray) -> None:
        """One step on the flat parameter vector, in place, from the flat gradient vector."""
        if self._scratch is None or self._scratch[0].shape != params.shape:
            self.build(params.size, params.dtype)
        self._step(params, grads, self.learning_rate)
        self.iterations += 1

    def _step(self, w: np.ndarray, g: np.ndarray, lr: float) -> None:
        raise NotImplementedError

    def get_config(self) -> dict[str, Any]:
        return {"learning_rate": self.learning_rate}

    def get_state(self) -> dict[str, np.ndarray]:
        """Slots and step count, for saving."""
        state = {name: array.copy() for name, array in self._slots.items()}
        state["iterations"] = np.array(self.iterations)
        return state

    def set_state(self, state: dict[str, np.ndarray]) -> None:
        size = next((len(state[n]) for n in self._slot_names if n in state), None)
        if size is not None:
            self.build(size, state[self._slot_names[0]].dtype)
            for name in self._slot_names:
                self._slots[name][...] = state[name]
        self.iterations = int(state.get("iterations", 0))

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in self.get_config().items())
        return f"{type(self).__name__}({args})"


class SGD(Optimizer):
    """Stochastic gradient descent, optionally with (Nesterov) momentum.

    momentum = 0:  w ← w − lr·g
    momentum μ:    v ← μ·v − lr·g;  w ← w + v            (nesterov: w ← w + μ·v − lr·g)
    """

    name = "SGD"

    def __init__(self, learning_rate: float = 0.01, momentum: float = 0.0, nesterov: bool = False):
        super().__init__(learning_rate)
        self.momentum = _fraction("momentum", momentum, allow_one=True)
        self.nesterov = bool(nesterov)
        self._slot_names = ("velocity",) if self.momentum else ()

    def _step(self, w, g, lr):
        step, nudge = self._scratch
        np.multiply(g, lr, out=step)  # lr·g
        if not self.momentum:
            w -= step
            return
        v = self._slots["velocity"]
        v *= self.momentum
        v -= step  # v = μ·v − lr·g
        if self.nesterov:
            np.multiply(v, self.momentum, out=nudge)
            nudge -= step
            w += nudge  # w += μ·v − lr·g
        else:
            w += v

    def get_config(self):
        return {
            "learning_rate": self.learning_rate,
            "momentum": self.momentum,
            "nesterov": self.nesterov,
        }


class RMSprop(Optimizer):
    """Divides each step by a running root-mean-square of that weight's recent gradients.

    s ← ρ·s + (1−ρ)·g²;  step = lr·g / √(s + ε)
    centered: ḡ ← ρ·ḡ + (1−ρ)·g  and  step = lr·g / √(s − ḡ² + ε)
    momentum μ > 0:  v ← μ·v + step;  w ← w − v     else  w ← w − step
    """

    name = "rmsprop"

    def __init__(
        self,
        learning_rate: float = 0.001,
        rho: float = 0.9,
        momentum: float = 0.0,
        epsilon: float = 1e-7,
        centered: bool = False,
    ):
        super().__init__(learning_rate)
        self.rho = _fraction("rho", rho)
        self.momentum = _fraction("momentum", momentum, allow_one=True)
        self.epsilon = float(epsilon)
        self.centered = bool(centered)
        names = ["velocity"]
        if self.momentum:
            names.append("momentum")
        if self.centered:
            names.append("average_gradient")
        self._slot_names = tuple(names)

    def _step(self, w, g, lr):
        s = self._slots["velocity"]
        denominator, step = self._scratch
        s *= self.rho
        np.multiply(g, g, out=denominator)
        denominator *= 1.0 - self.rho
        s += denominator  # s = ρ·s + (1−ρ)·g²
        if self.centered:
            mean_g = self._slots["average_gradient"]
            mean_g *= self.rho
            np.multiply(g, 1.0 - self.rho, out=step)
            mean_g += step
            np.multiply(mean_g, mean_g, out=step)
            np.subtract(s, step, out=denominator)
            denominator += self.epsilon
        else:
            np.add(s, self.epsilon, out=denominator)
        np.sqrt(denominator, out=denominator)
        np.multiply(g, lr, out=step)
        step /= denominator  # lr·g / √(s + ε)
        if self.momentum:
            v = self._slots["momentum"]
            v *= self.momentum
            v += step
            w -= v
        else:
            w -= step

    def get_config(self):
        return {
            "learning_rate": self.learning_rate,
            "rho": self.rho,
            "momentum": self.momentum,
            "epsilon": self.epsilon,
            "centered": self.centered,
        }


class Adam(Optimizer):
    """Momentum (m, a running mean of g) plus RMSprop (v, a running mean of g²), bias-corrected.

    m ← m + (1−β₁)(g − m);  v ← v + (1−β₂)(g² − v)     (amsgrad: v̂ ← max(v̂, v), used for v)
    w ← w − α·m / (√v + ε)   with α = lr·√(1−β₂ᵗ) / (1−β₁ᵗ)

    Like Keras, the bias correction is computed in float32: 1 − float32(0.999)ᵗ is not quite
    1 − 0.999ᵗ, and matching it keeps our weights equal to Keras's to float32 precision.
    """

    name = "adam"

    def __init__(
        self,
        learning_rate: float = 0.001,
        beta_1: float = 0.9,
        beta_2: float = 0.999,
        epsilon: float = 1e-7,
        amsgrad: bool = False,
    ):
        super().__init__(learning_rate)
        self.beta_1 = _fraction("beta_1", beta_1)
        self.beta_2 = _fraction("beta_2", beta_2)
        self.epsilon = float(epsilon)
        self.amsgrad = bool(amsgrad)
        self._slot_names = (
            ("momentum", "velocity", "velocity_hat") if amsgrad else ("momentum", "velocity")
        )

    def _step(self, w, g, lr):
        t = np.float32(self.iterations + 1)
        one = np.float32(1.0)
        beta_1_power = np.float32(self.beta_1) ** t
        beta_2_power = np.float32(self.beta_2) ** t
        alpha = float(np.float32(lr) * np.sqrt(one - beta_2_power) / (one - beta_1_power))
        m, v = self._slots["momentum"], self._slots["velocity"]
        a, b = self._scratch
        np.subtract(g, m, out=a)
        a *= 1.0 - self.beta_1
        m += a  # m = m + (1−β₁)(g − m)
        np.multiply(g, g, out=a)
        a -= v
        a *= 1.0 - self.beta_2
        v += a  # v = v + (1−β₂)(g² − v)
        if self.amsgrad:
            v = np.maximum(self._slots["velocity_hat"], v, out=self._slots["velocity_hat"])
        np.sqrt(v, out=a)
        a += self.epsilon
        np.multiply(m, alpha, out=b)
        b /= a
        w -= b  # w = w − α·m / (√v + ε)

    def get_config(self):
        return {
            "learning_rate": self.learning_rate,
            "beta_1": self.beta_1,
            "beta_2": self.beta_2,
            "epsilon": self.epsilon,
            "amsgrad": self.amsgrad,
        }


class Nadam(Optimizer):
    """Adam with Nesterov momentum (Dozat 2015), as Keras 3 computes it.

    μₜ = β₁(1 − ½·0.96ᵗ),  Πₜ = μ₁·μ₂·…·μₜ
    m ← m + (1−β₁)(g − m);  v ← v + (1−β₂)(g² − v)
    m̂ = μₜ₊₁·m / (1 − Πₜ·μₜ₊₁) + (1 − μₜ)·g / (1 − Πₜ);   v̂ = v / (1 − β₂ᵗ)
    w ← w − lr·m̂ / (√v̂ + ε)
    """

    name = "nadam"
    _slot_names = ("momentum", "velocity")

    def __init__(
        self,
        learning_rate: float = 0.001,
        beta_1: float = 0.9,
        beta_2: float = 0.999,
        epsilon: float = 1e-7,
    ):
        super().__init__(learning_rate)
        self.beta_1 = _fraction("beta_1", beta_1)
        self.beta_2 = _fraction("beta_2", beta_2)
        self.epsilon = float(epsilon)
        self.u_product = 1.0  # Πₜ, the running product of the momentum schedule

    def _step(self, w, g, lr):
        # In float32, as Keras computes the schedule (see Adam).
        f32, one, half = np.float32, np.float32(1.0), np.float32(0.5)
        t = f32(self.iterations + 1)
        u_t = f32(self.beta_1) * (one - half * f32(0.96) ** t)
        u_next = f32(self.beta_1) * (one - half * f32(0.96) ** (t + one))
        self.u_product = float(f32(self.u_product) * u_t)
        u_product_next = f32(self.u_product) * u_next
        m, v = self._slots["momentum"], self._slots["velocity"]
        a, b = self._scratch
        np.subtract(g, m, out=a)
        a *= 1.0 - self.beta_1
        m += a
        np.multiply(g, g, out=a)
        a -= v
        a *= 1.0 - self.beta_2
        v += a
        np.multiply(m, float(u_next / (one - u_product_next)), out=b)
        np.multiply(g, float((one - u_t) / (one - f32(self.u_product))), out=a)
        b += a  # m̂
        np.multiply(v, float(one / (one - f32(self.beta_2) ** t)), out=a)
        np.sqrt(a, out=a)
        a += self.epsilon
        b *= lr
        b /= a
        w -= b

    def get_config(self):
        return {
            "learning_rate": self.learning_rate,
            "beta_1": self.beta_1,
            "beta_2": self.beta_2,
            "epsilon": self.epsilon,
        }

    def get_state(self):
        state = super().get_state()
        state["u_product"] = np.array(self.u_product)
        return state

    def set_state(self, state):
        super().set_state(state)
        self.u_product = float(state.get("u_product", 1.0))


_BY_NAME: dict[str, type[Optimizer]] = {
    "sgd": SGD,
    "rmsprop": RMSprop,
    "adam": Adam,
    "nadam": Nadam,
}
NAMES = sorted(_BY_NAME)


def get(identifier: str | Optimizer | dict) -> Optimizer:
    """An optimizer for a name (defaults, as Keras: `"adam"` is `Adam()`) or an object."""
    if isinstance(identifier, Optimizer):
        return identifier
    if isinstance(identifier, dict):
        config = dict(identifier)
        cls = _BY_NAME.get(str(config.pop("name", "")).lower())
        if cls is None:
            raise unknown_name("optimizer", identifier, NAMES)
        return cls(**config)
    if isinstance(identifier, str):
        cls = _BY_NAME.get(identifier.lower())
        if cls is None:
            raise unknown_name("optimizer", identifier, NAMES)
        return cls()
    if isinstance(identifier, type) and issubclass(identifier, Optimizer):
        return identifier()
    raise EngineError(
        f"An optimizer must be a name ({', '.join(NAMES)}) or an optimizer object such as "
        f"Adam(learning_rate=0.01); got {identifier!r}."
    )


def config_of(optimizer: Optimizer) -> dict[str, Any]:
    """The dict `get` turns back into an equal optimizer."""
    return {"name": type(optimizer).__name__.lower(), **optimizer.get_config()}
