"""AdamW: Adam plus decoupled weight decay, which pulls every weight a little toward 0.

    w ← w − lr·λ·w              (λ = weight_decay, 0.004 by default; first, as Keras does)
    then the Adam step:  m ← m + (1−β₁)(g − m);  v ← v + (1−β₂)(g² − v)
                         w ← w − lr·√(1−β₂ᵗ)/(1−β₁ᵗ) · m / (√v + ε)

"Decoupled": the decay is not added to the gradient, so Adam's per-weight scaling does not
weaken it. Every weight decays, biases included (Keras's default).
"""

from __future__ import annotations

import numpy as np

from tutor.engine.optimizers.adam import Adam
from tutor.engine.optimizers.base import _fraction


class AdamW(Adam):
    """w ← w − lr·λ·w, then Adam's step."""

    name = "adamw"

    def __init__(
        self,
        learning_rate: float = 0.001,
        weight_decay: float = 0.004,
        beta_1: float = 0.9,
        beta_2: float = 0.999,
        epsilon: float = 1e-7,
        amsgrad: bool = False,
    ):
        super().__init__(learning_rate, beta_1, beta_2, epsilon, amsgrad)
        self.weight_decay = _fraction("weight_decay", weight_decay)

    def _step(self, w, g, lr):
        if self.weight_decay:
            decay = self._scratch[0]
            np.multiply(w, np.float32(self.weight_decay), out=decay)
            decay *= np.float32(lr)
            w -= decay  # w = w − (w·λ)·lr
        super()._step(w, g, lr)

    def get_config(self):
        return {"weight_decay": self.weight_decay, **super().get_config()}
