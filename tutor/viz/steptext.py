"""One training step (a `tutor.engine.trace_step` result) as text, layer by layer.

Forward (z and a per layer, then the loss), backward (dL/da, dL/dz, dL/dW, dL/db, last layer
first), then the update the optimizer applied, and the largest changes. A small network (every
array at most `WHOLE_LIMIT` numbers, e.g. 2-2-1 or 2-8-1 on XOR) is shown whole; a larger one in
summary: shape, norm, min..max and the first entries. inf and NaN print as such, and a step that
produced them says so at the top, with where they first appeared.
"""

from __future__ import annotations

import numpy as np

from tutor.engine.trace import LayerTrace, StepTrace
from tutor.viz.neurontext import labels_for
from tutor.viz.words import w

WHOLE_LIMIT = 48
"""Arrays up to this many numbers are printed whole (when all of the step's arrays are)."""
FIRST = 4
LARGEST = 5


def fmt(value: float, digits: int = 4) -> str:
    if np.isnan(value):
        return "nan"
    if np.isinf(value):
        return "inf" if value > 0 else "-inf"
    return f"{value:.{digits}g}"


def _array(a: np.ndarray, indent: str, width: int) -> list[str]:
    narrow = width < 70  # 3 significant digits in 7 columns, so a row of 8 still fits in 2 lines
    digits, pad = (3, 7) if narrow else (4, 9)
    text = np.array2string(
        np.asarray(a),
        max_line_width=max(24, width - len(indent)),
        formatter={"float_kind": lambda v: f"{fmt(float(v), digits):>{pad}}"},
        separator=" ",
    )
    return [indent + line for line in text.splitlines()]


def _summary(a: np.ndarray) -> str:
    a = np.asarray(a, dtype=np.float64)
    finite = a[np.isfinite(a)]
    bad = a.size - finite.size
    parts = [f"‖·‖ {fmt(float(np.linalg.norm(finite)))}"]
    if finite.size:
        parts.append(f"{fmt(float(finite.min()))}..{fmt(float(finite.max()))}")
    parts.append(
        "["
        + " ".join(fmt(float(v)) for v in a.ravel()[:FIRST])
        + (" …]" if a.size > FIRST else "]")
    )
    if bad:
        parts.append(f"inf/nan ×{bad}")
    return "  ".join(parts)


def is_small(step: StepTrace) -> bool:
    """True when every array of the step is small enough to print whole."""
    for layer in step.layers:
        for value in layer.arrays().values():
            if value is not None and np.size(value) > WHOLE_LIMIT:
                return False
    return True


def _show(lines: list[str], label: str, a: np.ndarray | None, whole: bool, width: int) -> None:
    if a is None:
        return
    shape = "×".join(map(str, np.shape(a))) or "1"
    if whole:
        lines.append(f"    {label}  ({shape})")
        lines.extend(_array(a, "      ", width))
    else:
        lines.append(f"    {label:<6} ({shape})  {_summary(a)}")


def _layer_header(layer: LayerTrace, lang: str) -> str:
    n = layer.W.shape[0] if layer.W is not None else layer.x.shape[1]
    return "  " + w(
        "layer",
        lang,
        i=layer.index + 1,
        name=layer.name,
        activation=layer.activation,
        n=n,
        k=layer.units,
    )


def largest_changes(step: StepTrace, count: int = LARGEST) -> list[tuple[str, float, float]]:
    """The `count` weights (and biases) that moved most: (where, Δ, dL/dw), largest first.

    `where` reads "dense_1 W[2,0] h3→out" (row 2 of the kernel: from the third input of that
    layer to its first neuron) or "dense b[1] h2".
    """
    units = [layer.units for layer in step.layers]
    labels = labels_for(units)
    inputs = ["x1", "x2"] if step.layers[0].x.shape[1] == 2 else None
    found: list[tuple[float, str, float, float]] = []
    for layer in step.layers:
        if layer.update_W is None:
            continue
        before = labels[layer.index - 1] if layer.index else inputs
        mine = labels[layer.index]
        for (r, j), delta in np.ndenumerate(layer.update_W):
            source = before[r] if before else f"x{r + 1}"
            found.append(
                (
                    abs(delta),
                    f"{layer.name} W[{r},{j}] {source}→{mine[j]}",
                    float(delta),
                    float(layer.dL_dW[r, j]),
                )
            )
        if layer.update_b is not None:
            for j, delta in enumerate(layer.update_b):
                found.append(
                    (
                        abs(delta),
                        f"{layer.name} b[{j}] {mine[j]}",
                        float(delta),
                        float(layer.dL_db[j]),
                    )
                )
    found.sort(key=lambda item: -np.nan_to_num(item[0], nan=np.inf))
    return [(where, delta, grad) for _, where, delta, grad in found[:count]]


def step_lines(
    step: StepTrace, lang: str, width: int = 100, whole: bool | None = None
) -> list[str]:
    """The step as lines of plain text."""
    whole = is_small(step) if whole is None else whole
    m = len(step.y)
    lines = [
        w(
            "step_title",
            lang,
            t=step.iteration,
            optimizer=step.optimizer,
            lr=step.learning_rate,
            m=m,
        )
    ]
    if step.problems:
        lines.append(w("problem", lang, t=step.iteration, where="; ".join(step.problems[:3])))
    if not whole:
        lines.append(w("summary_note", lang))
    lines += ["", w("forward", lang)]
    for layer in step.layers:
        lines.append(_layer_header(layer, lang))
        _show(lines, "z", layer.z, whole, width)
        _show(lines, "a", layer.a, whole, width)
    lines.append("  " + w("loss", lang, name=step.loss_name, value=fmt(step.loss)))
    if step.layers[-1].dL_dW is None:
        lines += ["", w("stopped", lang)]
        return lines
    lines += ["", w("backward", lang)]
    if step.fused:
        lines.append("  " + w("fused", lang))
    for layer in reversed(step.layers):
        lines.append(_layer_header(layer, lang))
        for label, attr in (
            ("dL/da", "dL_da"),
            ("dL/dz", "dL_dz"),
            ("dL/dW", "dL_dW"),
            ("dL/db", "dL_db"),
        ):
            _show(lines, label, getattr(layer, attr), whole, width)
    lines += ["", w("update", lang)]
    for layer in step.layers:
        lines.append(_layer_header(layer, lang))
        _show(lines, "ΔW", layer.update_W, whole, width)
        _show(lines, "Δb", layer.update_b, whole, width)
    lines += ["", w("largest", lang)]
    changes = largest_changes(step)
    if all(delta == 0 for _, delta, _ in changes):
        lines.append(w("no_change", lang))
        changes = []
    for where, delta, grad in changes:
        lines.append(f"  {where:<28} Δ {fmt(delta):>10}   dL/dw {fmt(grad):>10}")
    if not step.applied:
        lines += ["", w("not_applied", lang)]
    return lines


def step_text(step: StepTrace, lang: str, width: int = 100, whole: bool | None = None) -> str:
    return "\n".join(step_lines(step, lang, width, whole))
