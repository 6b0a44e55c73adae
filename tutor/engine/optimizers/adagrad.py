"""Adagrad: each weight's step shrinks as the squares of its gradients add up.

    a ← a + g²                (a starts at initial_accumulator_value, 0.1)
    w ← w − lr·g / √(a + ε)

Weights that received large gradients slow down for good; rarely moved weights keep a large
step. Because a only grows, learning slows down over a long run.
"""

from __future__ import annotations

import numpy as np

from tutor.engine.optimizers.base import Optimizer


class Adagrad(Optimizer):
    """a ← a + g²;  w ← w − lr·g / √(a + ε)."""

    name = "adagrad"
    _slot_names = ("accumulator",)

    def __init__(
        self,
        learning_rate: float = 0.001,
        initial_accumulator_value: float = 0.1,
        epsilon: float = 1e-7,
    ):
        super().__init__(learning_rate)
        self.initial_accumulator_value = float(initial_accumulator_value)
        self.epsilon = float(epsilon)

    def build(self, size: int, dtype: np.dtype) -> None:
        super().build(size, dtype)
        self._slots["accumulator"][...] = self.initial_accumulator_value

    def _step(self, w, g, lr):
        accumulator = self._slots["accumulator"]
        a, b = self._scratch
        np.multiply(g, g, out=a)
        accumulator += a  # a = a + g²
        np.add(accumulator, self.epsilon, out=a)
        np.sqrt(a, out=a)
        np.multiply(g, lr, out=b)
        b /= a
        w -= b  # w = w − lr·g / √(a + ε)

    def get_config(self):
        return {
            "learning_rate": self.learning_rate,
            "initial_accumulator_value": self.initial_accumulator_value,
            "epsilon": self.epsilon,
        }
