"""`model.summary()`: the layer table Keras prints, drawn with box characters."""

from __future__ import annotations

from typing import Any

COLUMNS = (("Layer (type)", 33, "<"), ("Output Shape", 24, "<"), ("Param #", 15, ">"))


def readable_size(n_bytes: float) -> str:
    """884.00 B, 1.55 MB, ... (powers of 1024, as Keras shows them)."""
    for unit in ("B", "KB", "MB", "GB"):
        if n_bytes < 1024 or unit == "GB":
            return f"{n_bytes:.2f} {unit}"
        n_bytes /= 1024
    raise AssertionError("unreachable")


def _row(cells: tuple[str, ...], edge: str, middle: str) -> str:
    parts = [
        f" {cell:{align}{width - 2}} "
        for cell, (_, width, align) in zip(cells, COLUMNS, strict=True)
    ]
    return edge + middle.join(parts) + edge


def _rule(left: str, fill: str, middle: str, right: str) -> str:
    return left + middle.join(fill * width for _, width, _ in COLUMNS) + right


def summary_lines(model: Any) -> list[str]:
    lines = [f'Model: "{model.name}"']
    lines.append(_rule("┏", "━", "┳", "┓"))
    lines.append(_row(tuple(title for title, _, _ in COLUMNS), "┃", "┃"))
    lines.append(_rule("┡", "━", "╇", "┩"))
    for i, layer in enumerate(model.layers):
        if i:
            lines.append(_rule("├", "─", "┼", "┤"))
        if layer.built or getattr(layer, "input_dim", None) is not None:
            shape = "(" + ", ".join(map(str, layer.output_shape)) + ")"
            params = f"{layer.count_params():,}"
        else:
            shape, params = "?", "0 (unbuilt)"
        lines.append(_row((f"{layer.name} ({type(layer).__name__})", shape, params), "│", "│"))
    lines.append(_rule("└", "─", "┴", "┘"))
    total = model.count_params()
    size = readable_size(total * model.dtype.itemsize)
    lines.append(f" Total params: {total:,} ({size})")
    lines.append(f" Trainable params: {total:,} ({size})")
    lines.append(f" Non-trainable params: 0 ({readable_size(0)})")
    return lines
