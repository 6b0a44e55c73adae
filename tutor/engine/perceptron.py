"""Rosenblatt's perceptron and its learning rule, the first neuron that learned (1958).

The neuron fires (outputs 1) when the weighted sum of its inputs exceeds a threshold t:

    prediction = 1 if w · x > t else 0

It learns from its mistakes, one row of the truth table at a time, in order:

    error = prediction − target          (−1, 0 or +1)
    w ← w − α · error · x                 (α: the learning rate)
    t ← t + α · error                     (only when the threshold may learn)

A wrong 0 (error −1) raises the weights of the inputs that were on and lowers the threshold; a
wrong 1 does the opposite. The rule is sequential by nature: each row sees the weights the
previous row left behind, so the row loop stays a loop (everything else is vectorized). Training
stops after the first pass that leaves no row wrong, or after `max_epochs` passes: when no
threshold on w · x can separate the 1s from the 0s (XOR, or "every row is 1" with a fixed
threshold of 1 that input (0, 0) can never exceed), it never converges and says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from tutor.engine.errors import EngineError
from tutor.engine.seeding import generator


@dataclass
class PerceptronPass:
    """The state after one pass over the table."""

    epoch: int  # 1 for the first pass
    weights: np.ndarray
    threshold: float
    wrong: int  # rows the neuron still gets wrong after this pass


@dataclass
class PerceptronResult:
    """What `Perceptron.fit` did: whether it converged, after how many passes, and each pass."""

    converged: bool
    epochs: int
    history: list[PerceptronPass] = field(default_factory=list)

    @property
    def explanation(self) -> str:
        if self.converged:
            return f"Every row is right after {self.epochs} pass{'es' if self.epochs != 1 else ''}."
        wrong = self.history[-1].wrong if self.history else 0
        rows = f"{wrong} rows are" if wrong != 1 else "1 row is"
        return (
            f"Not converged: after {self.epochs} passes {rows} "
            "still wrong. The rule only succeeds when some threshold on w·x separates the rows "
            "labelled 1 from those labelled 0; here none does with these settings."
        )


class Perceptron:
    """A single step neuron trained with the perceptron rule.

    Starting weights (and the threshold, unless given) are small random numbers in ±0.05, drawn
    from `seed` or, without one, from the engine's generator (see `set_seed`).
    """

    def __init__(
        self,
        n_inputs: int,
        learning_rate: float = 0.01,
        learn_threshold: bool = True,
        threshold: float | None = None,
        seed: int | None = None,
    ):
        if (
            isinstance(n_inputs, bool)
            or not isinstance(n_inputs, (int, np.integer))
            or n_inputs < 1
        ):
            raise EngineError(f"A perceptron needs n_inputs >= 1, got {n_inputs!r}.")
        if not learning_rate > 0:
            raise EngineError(f"learning_rate must be greater than 0, got {learning_rate!r}.")
        rng = np.random.default_rng(seed) if seed is not None else generator()
        self.n_inputs = int(n_inputs)
        self.learning_rate = float(learning_rate)
        self.learn_threshold = bool(learn_threshold)
        self.weights = rng.uniform(-0.05, 0.05, self.n_inputs)
        self.threshold = (
            float(threshold) if threshold is not None else float(rng.uniform(-0.05, 0.05))
        )

    def _inputs(self, x: Any) -> np.ndarray:
        x = np.asarray(x, dtype=np.float64)
        if x.ndim == 1 and self.n_inputs == 1:
            x = x[:, None]
        if x.ndim != 2 or x.shape[1] != self.n_inputs:
            raise EngineError(
                f"This perceptron has {self.n_inputs} inputs, so x needs shape "
                f"(rows, {self.n_inputs}); got x with shape {x.shape}."
            )
        return x

    def predict(self, x: Any) -> np.ndarray:
        """1 where w · x > t, else 0, for every row of x at once."""
        return (self._inputs(x) @ self.weights > self.threshold).astype(int)

    def fit(self, x: Any, y: Any, max_epochs: int = 1000) -> PerceptronResult:
        """Apply the rule row by row, pass after pass, until a pass leaves no row wrong."""
        x = self._inputs(x)
        y = np.asarray(y).reshape(-1)
        if len(y) != len(x):
            raise EngineError(f"x has {len(x)} rows but y has {len(y)} targets.")
        if not np.isin(y, (0, 1)).all():
            raise EngineError("A perceptron's targets must be 0 or 1.")
        if max_epochs < 1:
            raise EngineError(f"max_epochs must be at least 1, got {max_epochs!r}.")
        targets = y.astype(int)
        alpha = self.learning_rate
        history: list[PerceptronPass] = []
        for epoch in range(1, int(max_epochs) + 1):
            for row, target in zip(x, targets, strict=True):  # sequential: the classic rule
                error = int(row @ self.weights > self.threshold) - target
                if error:
                    self.weights -= alpha * error * row
                    if self.learn_threshold:
                        self.threshold += alpha * error
            wrong = int(np.count_nonzero(self.predict(x) != targets))
            history.append(PerceptronPass(epoch, self.weights.copy(), self.threshold, wrong))
            if wrong == 0:
                return PerceptronResult(True, epoch, history)
        return PerceptronResult(False, int(max_epochs), history)

    def __repr__(self) -> str:
        return (
            f"Perceptron(weights={np.round(self.weights, 4).tolist()}, "
            f"threshold={self.threshold:.4f})"
        )
