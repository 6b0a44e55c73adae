"""RMSprop: each weight's step divided by the root-mean-square of its recent gradients."""

from __future__ import annotations

import numpy as np

from tutor.engine.optimizers.base import Optimizer, _fraction


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
