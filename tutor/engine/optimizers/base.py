"""What every optimizer shares: the learning rate, the step count, per-weight state (slots).

Every optimizer works on ONE flat vector holding all the model's parameters (and one holding all
gradients), so a step is a handful of whole-vector NumPy operations however many layers there
are. t counts steps from 1.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from tutor.engine.errors import EngineError


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
