"""Nadam: Adam with Nesterov momentum."""

from __future__ import annotations

import numpy as np

from tutor.engine.optimizers.base import Optimizer, _fraction


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
