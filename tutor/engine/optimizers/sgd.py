"""SGD: the plain step downhill, with optional (Nesterov) momentum."""

from __future__ import annotations

import numpy as np

from tutor.engine.optimizers.base import Optimizer, _fraction


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
