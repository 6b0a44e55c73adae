"""Runs that settle the predictions of lessons 09 (backpropagation) and 10 (autograd).

Registered in `tutor.course.demos.registry.SCENARIOS` like the others.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np

from tutor.i18n import Text, both


def _run(values: Mapping[str, float | str], lines: Sequence[Text]) -> Any:
    from tutor.course.demos.base import Run

    return Run(dict(values), tuple(lines))


# --- lesson 09: what a missing 1/m does ---------------------------------------------------------


def _xor_losses(rate: float, scale: float, steps: int) -> tuple[list[float], list[np.ndarray]]:
    """Lesson 09's loop: set_seed(2), Dense(8, relu) → Dense(1, sigmoid), full-batch gradient
    descent on XOR with every gradient multiplied by `scale`; the losses at steps 1, 10, 100."""
    from tutor import datasets
    from tutor.engine import Dense, Sequential, set_seed

    (x, y), _ = datasets.load("xor")
    X, Y = x.astype(float), y.reshape(-1, 1).astype(float)
    set_seed(2)
    net = Sequential(
        [Dense(8, activation="relu", input_shape=(2,)), Dense(1, activation="sigmoid")]
    )
    W1, b1, W2, b2 = (w.astype(float) for w in net.get_weights())
    m, losses = len(X), []
    for step in range(1, steps + 1):
        Z1 = X @ W1 + b1
        A1 = np.maximum(Z1, 0.0)
        A2 = 1 / (1 + np.exp(-(A1 @ W2 + b2)))
        if step in (1, 10, 100, 1000):
            loss = -np.mean(Y * np.log(A2) + (1 - Y) * np.log(1 - A2))
            losses.append(round(float(loss), 4))
        dZ2 = scale * (A2 - Y) / m
        dZ1 = (dZ2 @ W2.T) * (Z1 > 0)
        W1, b1 = W1 - rate * (X.T @ dZ1), b1 - rate * dZ1.sum(axis=0)
        W2, b2 = W2 - rate * (A1.T @ dZ2), b2 - rate * dZ2.sum(axis=0)
    return losses, [W1, b1, W2, b2]


def xor_missing_m(rate: float = 0.5, steps: int = 100, candidates: Any = (0.125, 0.5, 2.0)) -> Any:
    """The loop with dZ2 missing its 1/m (m = 4) at `rate`, beside the right gradient at each
    candidate rate: which candidate takes exactly the same steps (`matching_rate`, −1: none)."""
    steps = int(steps)
    wrong, wrong_weights = _xor_losses(float(rate), 4.0, steps)
    lines = [
        both(f"1, 10, 100걸음의 손실 ({steps}걸음)", f"losses at steps 1, 10, 100 ({steps} steps)"),
        both(f"  1/m 없음, 학습률 {rate:g}:  {wrong}", f"  no 1/m,   rate {rate:g}:  {wrong}"),
    ]
    matching = -1.0
    for candidate in candidates:
        right, weights = _xor_losses(float(candidate), 1.0, steps)
        same = all(
            np.allclose(a, b, rtol=1e-12, atol=1e-12)
            for a, b in zip(weights, wrong_weights, strict=True)
        )
        mark = (
            both("  ← 1/m 없는 학습과 같은 가중치", "  ← the same weights as without 1/m")
            if same
            else None
        )
        ko = f"  1/m 있음, 학습률 {candidate:g}:  {right}" + (mark["ko"] if mark else "")
        en = f"  with 1/m, rate {candidate:g}:  {right}" + (mark["en"] if mark else "")
        lines.append(both(ko, en))
        if same:
            matching = float(candidate)
    return _run({"matching_rate": matching, "final_loss": wrong[-1]}, lines)


# --- lesson 10: gradients measured by nudging, and Dense's own ------------------------------------


def _central(f: Callable[[list[float]], float], point: list[float], i: int) -> float:
    up, down = list(point), list(point)
    up[i] += 1e-6
    down[i] -= 1e-6
    return (f(up) - f(down)) / 2e-6


def reuse(a: float = 2.0, b: float = -3.0) -> Any:
    """d = a·b + a, its slopes measured by central differences (no autograd involved)."""

    def d(v: list[float]) -> float:
        return v[0] * v[1] + v[0]

    point = [float(a), float(b)]
    da, db = _central(d, point, 0), _central(d, point, 1)
    lines = [
        both(
            f"a = {a:g}, b = {b:g}:  c = a·b = {a * b:g},  d = c + a = {d(point):g}",
            f"a = {a:g}, b = {b:g}:  c = a·b = {a * b:g},  d = c + a = {d(point):g}",
        ),
        both(
            "a와 b를 ±0.000001씩 밀어 잰 기울기 (중앙 차분):",
            "slopes measured by nudging a and b by ±0.000001 (central differences):",
        ),
        both(f"  dd/da ≈ {da:.4f}   dd/db ≈ {db:.4f}", f"  dd/da ≈ {da:.4f}   dd/db ≈ {db:.4f}"),
    ]
    return _run({"da": round(da, 6), "db": round(db, 6)}, lines)


def dense_gradients(
    x: Any = (1.0, 2.0), w: Any = (0.5, -1.0), b: float = 0.1, y: float = 0.0
) -> Any:
    """tutor.engine's Dense(1, activation="tanh"), loss mse, one row: every gradient (float64)."""
    from tutor.engine import Dense, Sequential
    from tutor.engine.gradcheck import float64_copy

    xs, ws = [float(v) for v in x], [float(v) for v in w]
    model = Sequential([Dense(1, activation="tanh", input_shape=(len(xs),))])
    model.compile(optimizer="sgd", loss="mse")
    model.set_weights([np.array(ws).reshape(-1, 1), np.array([float(b)])])
    kernel, bias = float64_copy(model).compute_gradients(np.array([xs]), np.array([[float(y)]]))
    grads = [float(g) for g in kernel[:, 0]]
    shown = ", ".join(f"{g:.4f}" for g in grads)
    ratio = grads[1] / grads[0] if len(grads) > 1 and grads[0] else float("nan")
    lines = [
        both(
            f'Dense(1, activation="tanh"), mse, x = {xs}, w = {ws}, b = {b:g}, y = {y:g}',
            f'Dense(1, activation="tanh"), mse, x = {xs}, w = {ws}, b = {b:g}, y = {y:g}',
        ),
        both(
            f"  kernel 기울기 = [{shown}]   bias 기울기 = {float(bias[0]):.4f}",
            f"  kernel gradient = [{shown}]   bias gradient = {float(bias[0]):.4f}",
        ),
        both(
            f"  w2 기울기 / w1 기울기 = {ratio:.4f}", f"  w2 gradient / w1 gradient = {ratio:.4f}"
        ),
    ]
    values = {"ratio": round(ratio, 6), "db": round(float(bias[0]), 6)}
    values.update({f"dw{i + 1}": round(g, 6) for i, g in enumerate(grads[:2])})
    return _run(values, lines)
