"""Adam: momentum plus RMSprop, with bias correction."""

from __future__ import annotations

import numpy as np

from tutor.engine.optimizers.base import Optimizer, _fraction


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
