"""One step neuron on a truth table, and the perceptron rule with a frame after every wrong row."""

from __future__ import annotations

from typing import Any

from tutor.course.demos.base import (
    GATES,
    ROW_IDS,
    TABLE,
    DemoError,
    Frame,
    Run,
    fmt,
    plane_grid,
    row_label,
    table_targets,
    weight_pair,
)
from tutor.i18n import Text, both

# --- one step neuron --------------------------------------------------------------------------


def neuron(w: Any = (1.0, 1.0), b: float = -0.5, targets: Any = None) -> Run:
    """A step neuron (1 when w·x + b > 0) on the four rows of a two-input truth table."""
    weights = weight_pair(w, "w")
    sums = TABLE @ weights + float(b)
    out = (sums > 0).astype(int)
    y = table_targets(targets) if targets is not None else None
    lines: list[Text] = [both("x₁ x₂   Σ = w·x + b   출력", "x₁ x₂   Σ = w·x + b   output")]
    for row, total, o, i in zip(TABLE, sums, out, range(4), strict=True):
        mark = ""
        if y is not None:
            mark = "  ✓" if o == y[i] else f"  ✗ ({y[i]})"
        text = f"{row[0]:g}  {row[1]:g}    {fmt(total):>8}       {o}{mark}"
        lines.append(both(text, text))
    wrong = [ROW_IDS[i] for i in range(4) if y is not None and out[i] != y[i]]
    gate = GATES.get(tuple(int(v) for v in out), "other")
    values: dict[str, float | str] = {
        "ones": float(out.sum()),
        "gate": gate,
        "wrong": float(len(wrong)),
        "broken": wrong[0] if len(wrong) == 1 else ("none" if not wrong else "several"),
    }
    labels = y if y is not None else out
    caption = both(
        f"w = ({fmt(weights[0])}, {fmt(weights[1])}), b = {fmt(float(b))}",
        f"w = ({fmt(weights[0])}, {fmt(weights[1])}), b = {fmt(float(b))}",
    )
    grid = plane_grid(lambda p: (p @ weights + float(b) > 0).astype(float))
    return Run(values, tuple(lines), (Frame(caption, grid, TABLE, labels, outputs=out),))


# --- the perceptron rule, one wrong row at a time ---------------------------------------------


def perceptron(
    targets: Any = (0, 0, 0, 1),
    w: Any = (0.2, 0.3),
    t: float = 1.0,
    alpha: float = 0.01,
    learn_threshold: bool = True,
    max_epochs: int = 100,
) -> Run:
    """The engine's `Perceptron`, one row at a time, with a frame after every wrong row.

    A pass of `Perceptron.fit` applies the rule to each row in order; fitting one row for one
    epoch is exactly one application, so the rule here is the engine's own."""
    from tutor.engine import Perceptron

    y = table_targets(targets)
    if not 1 <= int(max_epochs) <= 1000:
        raise DemoError("`max_epochs` must be from 1 to 1000", "params")
    p = Perceptron(
        2,
        learning_rate=float(alpha),
        learn_threshold=bool(learn_threshold),
        threshold=float(t),
        seed=0,
    )
    p.weights = weight_pair(w, "w").copy()

    def picture(caption: Text) -> Frame:
        weights, threshold = p.weights.copy(), p.threshold
        grid = plane_grid(lambda q: (q @ weights > threshold).astype(float))
        return Frame(caption, grid, TABLE, y, outputs=p.predict(TABLE))

    def state() -> str:
        return f"w = ({fmt(p.weights[0])}, {fmt(p.weights[1])}), t = {fmt(p.threshold)}"

    frames = [picture(both(f"시작: {state()}", f"start: {state()}"))]
    lines: list[Text] = [both(f"시작   {state()}", f"start   {state()}")]
    first_wrong = "none"
    updates = 0
    passes = 0
    converged = False
    for epoch in range(1, int(max_epochs) + 1):
        for i in range(4):
            before = int(p.predict(TABLE[i : i + 1])[0])
            if before == y[i]:
                continue
            if first_wrong == "none":
                first_wrong = ROW_IDS[i]
            p.fit(TABLE[i : i + 1], y[i : i + 1], max_epochs=1)
            updates += 1
            right = int((p.predict(TABLE) == y).sum())
            if len(frames) < 60:
                frames.append(
                    picture(
                        both(
                            f"{epoch}바퀴, {row_label(TABLE[i])} 틀림 → {state()}: {right}/4 맞음",
                            f"pass {epoch}, {row_label(TABLE[i])} wrong → {state()}: "
                            f"{right}/4 right",
                        )
                    )
                )
            lines.append(
                both(
                    f"{epoch}바퀴  {row_label(TABLE[i])} 예측 {before}, 정답 {y[i]}"
                    f"  → {state()}  ({right}/4 맞음)",
                    f"pass {epoch}  {row_label(TABLE[i])} predicted {before}, target {y[i]}"
                    f"  → {state()}  ({right}/4 right)",
                )
            )
        passes = epoch
        if (p.predict(TABLE) == y).all():
            converged = True
            break
    if converged:
        lines.append(
            both(
                f"{passes}바퀴 만에 네 줄 모두 맞음 (고친 횟수 {updates})",
                f"every row right after {passes} passes ({updates} corrections)",
            )
        )
    else:
        lines.append(
            both(f"{passes}바퀴를 돌아도 끝나지 않음", f"not converged after {passes} passes")
        )
    values: dict[str, float | str] = {
        "passes": float(passes),
        "updates": float(updates),
        "first_wrong": first_wrong,
        "converged": "yes" if converged else "no",
        "t": float(p.threshold),
        "w1": float(p.weights[0]),
        "w2": float(p.weights[1]),
    }
    return Run(values, tuple(lines), tuple(frames), animated=True)
