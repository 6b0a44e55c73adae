"""Runs in one dimension: walking down y = x² with the engine's optimizers, and the engine's losses
on given targets and predictions."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from tutor.course.demos.base import DemoError, Run, fmt
from tutor.i18n import Text, both

# --- walking down y = x² with the engine's optimizers -----------------------------------------


def descent(
    x0: float = 3.0,
    learning_rate: float = 0.1,
    steps: int = 10,
    optimizer: str = "sgd",
    momentum: float = 0.0,
) -> Run:
    """Minimise y = x² (slope 2x) from x0 with one of the engine's optimizers."""
    from tutor.engine import optimizers

    makers = {
        "sgd": lambda: optimizers.SGD(learning_rate=learning_rate, momentum=momentum),
        "rmsprop": lambda: optimizers.RMSprop(learning_rate=learning_rate),
        "adam": lambda: optimizers.Adam(learning_rate=learning_rate),
    }
    if optimizer not in makers:
        raise DemoError(f"`optimizer` must be one of {sorted(makers)}", "params")
    if not 1 <= int(steps) <= 200:
        raise DemoError("`steps` must be from 1 to 200", "params")
    opt = makers[optimizer]()
    x = np.array([float(x0)])
    lines: list[Text] = [
        both(
            f"시작      x = {fmt(x[0])}, y = {fmt(x[0] ** 2)}",
            f"start     x = {fmt(x[0])}, y = {fmt(x[0] ** 2)}",
        )
    ]
    start = abs(float(x0))
    crosses = False
    for step in range(1, int(steps) + 1):
        before = float(x[0])
        opt.update(x, 2 * x)
        crosses = crosses or before * float(x[0]) < 0
        if not np.isfinite(x[0]) or abs(x[0]) > 1e12:
            break
        lines.append(
            both(
                f"{step:>3}걸음    x = {fmt(x[0])}, y = {fmt(x[0] ** 2)}",
                f"step {step:>3}  x = {fmt(x[0])}, y = {fmt(x[0] ** 2)}",
            )
        )
    end = float(x[0])
    if not math.isfinite(end) or abs(end) > start * 1.01:
        outcome = "diverges"
    elif abs(end) > start * 0.99:
        outcome = "stays"
    else:
        outcome = "converges"
    values: dict[str, float | str] = {
        "x": end,
        "loss": end * end,
        "outcome": outcome,
        "crosses": "yes" if crosses else "no",
    }
    return Run(values, tuple(lines))


# --- losses -----------------------------------------------------------------------------------


def loss(name: str = "mse", y_true: Any = (0.0,), y_pred: Any = (0.0,)) -> Run:
    """One of the engine's losses on the given targets and predictions."""
    from tutor.engine import losses

    functions = {
        "mse": losses.mean_squared_error,
        "binary_crossentropy": losses.binary_crossentropy,
        "categorical_crossentropy": losses.categorical_crossentropy,
        "sparse_categorical_crossentropy": losses.sparse_categorical_crossentropy,
    }
    if name not in functions:
        raise DemoError(f"`name` must be one of {sorted(functions)}", "params")
    truth, guess = np.asarray(y_true, float), np.asarray(y_pred, float)
    if name in ("mse", "binary_crossentropy") and guess.ndim == 1:
        truth, guess = truth.reshape(-1, 1), guess.reshape(-1, 1)  # one number per sample
    if name == "sparse_categorical_crossentropy":
        truth = truth.astype(int)
    per_sample = np.asarray(functions[name](truth, guess), float)
    value = float(per_sample.mean())
    per = " ".join(fmt(float(v)) for v in per_sample.reshape(-1))
    lines = (
        both(
            f"{name}(y_true={list(y_true)}, y_pred={list(y_pred)})",
            f"{name}(y_true={list(y_true)}, y_pred={list(y_pred)})",
        ),
        both(f"표본마다: [{per}]", f"per sample: [{per}]"),
        both(f"평균 (Keras가 보고하는 값): {value:.4f}", f"mean (what Keras reports): {value:.4f}"),
    )
    return Run({"loss": value}, lines)
