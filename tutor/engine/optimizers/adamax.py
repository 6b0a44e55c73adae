"""Adamax: Adam with the infinity norm, a running maximum of |g| in place of √(mean of g²).

m ← m + (1−β₁)(g − m)
u ← max(β₂·u, |g|)
w ← w − lr·m / ((1 − β₁ᵗ)(u + ε))
"""

from __future__ import annotations

import numpy as np

from tutor.engine.optimizers.base import Optimizer, _fraction


class Adamax(Optimizer):
    """m ← m + (1−β₁)(g − m);  u ← max(β₂·u, |g|);  w ← w − lr·m / ((1 − β₁ᵗ)(u + ε))."""

    name = "adamax"
    _slot_names = ("m", "norm")

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

    def _step(self, w, g, lr):
        # The bias correction in float32, as Keras computes it (see Adam).
        t = np.float32(self.iterations + 1)
        correction = float(np.float32(1.0) - np.float32(self.beta_1) ** t)
        m, u = self._slots["m"], self._slots["norm"]
        a, b = self._scratch
        np.subtract(g, m, out=a)
        a *= 1.0 - self.beta_1
        m += a  # m = m + (1−β₁)(g − m)
        u *= self.beta_2
        np.abs(g, out=a)
        np.maximum(u, a, out=u)  # u = max(β₂·u, |g|)
        np.add(u, self.epsilon, out=a)
        a *= correction
        np.multiply(m, lr, out=b)
        b /= a
        w -= b  # w = w − lr·m / ((1 − β₁ᵗ)(u + ε))

    def get_config(self):
        return {
            "learning_rate": self.learning_rate,
            "beta_1": self.beta_1,
            "beta_2": self.beta_2,
            "epsilon": self.epsilon,
        }
