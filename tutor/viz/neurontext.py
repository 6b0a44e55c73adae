"""The neuron view as text: each neuron a small map of its output over the input plane.

In colour (a terminal), every character is two pixels stacked: "▀" with the top pixel as its
colour and the bottom one as its background, on the playground's scale. In plain text each
character is one cell: `+ * #` positive (weak to strong), `- = %` negative, `.` near 0 and a
blank where the output is exactly 0 (a ReLU switched off). Under the maps, each neuron's
incoming weights with their sign and size marked, its bias and its output range on the data;
dead ReLUs are marked. A network too large to draw is summarised per layer, with a note.
"""

from __future__ import annotations

import numpy as np
from rich.style import Style
from rich.text import Text

from tutor.viz.colours import hex_of, shade_rgb
from tutor.viz.neurons import LEVELS, MAX_DRAWN_NEURONS, LayerPicture, NeuronFrame, shade
from tutor.viz.words import w

GAP = "  "


def labels_for(units: list[int]) -> list[list[str]]:
    """h1, h2, ... for one hidden layer; h1.1, h2.3, ... for several; out for the output."""
    hidden = len(units) - 1
    labels = []
    for i, k in enumerate(units):
        if i == hidden:
            labels.append(["out"] if k == 1 else [f"out{j + 1}" for j in range(k)])
        elif hidden == 1:
            labels.append([f"h{j + 1}" for j in range(k)])
        else:
            labels.append([f"h{i + 1}.{j + 1}" for j in range(k)])
    return labels


def neuron_labels(frame: NeuronFrame) -> list[list[str]]:
    return labels_for([layer.units for layer in frame.layers])


def weight_mark(value: float, largest: float) -> str:
    """+, ++, +++ (or −) by the weight's size relative to the layer's largest |weight|."""
    if not np.isfinite(value):
        return "nan" if np.isnan(value) else "inf"
    if largest <= 0 or value == 0:
        return "0"
    count = 1 + int(min(abs(value) / largest, 1.0) * 2.999)
    return ("+" if value > 0 else "−") * count


def number(value: float) -> str:
    if np.isnan(value):
        return "nan"
    if np.isinf(value):
        return "inf" if value > 0 else "−inf"
    return f"{value:+.2f}".replace("-", "−")


def plain_char(level: int, value: float) -> str:
    if value == 0:
        return " "
    size = abs(level)
    if size <= 2:
        return "."
    if size <= 6:
        return "+" if level > 0 else "-"
    if size <= 10:
        return "*" if level > 0 else "="
    return "#" if level > 0 else "%"


def map_lines(grid: np.ndarray, colour: bool) -> list[Text]:
    """One neuron's picture: rows/2 lines of `cols` cells."""
    levels = shade(grid)
    rows, cols = grid.shape
    lines = []
    for r in range(0, rows - 1, 2):
        line = Text()
        for c in range(cols):
            top, bottom = int(levels[r, c]), int(levels[r + 1, c])
            if colour:
                style = Style(color=hex_of(shade_rgb(top)), bgcolor=hex_of(shade_rgb(bottom)))
                line.append("▀", style)
            else:
                mean = (grid[r, c] + grid[r + 1, c]) / 2
                level = (top + bottom) // 2 if top * bottom >= 0 else 0
                line.append(plain_char(level, 0.0 if top == bottom == 0 else mean))
        lines.append(line)
    return lines


def _maps_row(layer: LayerPicture, labels: list[str], colour: bool, width: int) -> list[Text]:
    """The layer's neuron maps side by side, wrapped to `width` columns."""
    side = layer.grids.shape[2]
    cell = max(side, 7)
    per_row = max(1, (width + len(GAP)) // (cell + len(GAP)))
    out: list[Text] = []
    for start in range(0, layer.units, per_row):
        chunk = range(start, min(start + per_row, layer.units))
        head = Text()
        for j in chunk:
            name = labels[j] + (" ✗" if layer.dead[j] else "")
            head.append(name.ljust(cell)[:cell] + GAP, "bold red" if layer.dead[j] else "bold")
        out.append(head)
        maps = [map_lines(layer.grids[j], colour) for j in chunk]
        for r in range(len(maps[0])):
            line = Text()
            for m in maps:
                line.append_text(m[r])
                line.append(" " * (cell - side) + GAP)
            out.append(line)
    return out


def neuron_lines(
    frame: NeuronFrame, lang: str, colour: bool = False, width: int = 100
) -> list[Text]:
    """The whole neuron view as lines of text (rich `Text`; `str(line)` is plain)."""
    x0, x1, y0, y1 = frame.bounds
    lines = [Text(w("neurons_title", lang, x0=x0, x1=x1, y0=y0, y1=y1), "bold")]
    labels = neuron_labels(frame)
    if frame.inputs != 2:
        lines.append(Text(w("not_2d", lang, n=frame.inputs)))
    elif not frame.drawable:
        lines.append(Text(w("too_large", lang, count=frame.neurons, limit=MAX_DRAWN_NEURONS)))
    else:
        lines.append(Text(w("neurons_legend_colour" if colour else "neurons_legend", lang), "dim"))
    previous = ["x1", "x2"] if frame.inputs == 2 else [f"x{i + 1}" for i in range(frame.inputs)]
    any_dead = False
    for i, layer in enumerate(frame.layers):
        lines.append(Text())
        header = w(
            "layer",
            lang,
            i=i + 1,
            name=layer.name,
            activation=layer.activation,
            n=layer.W.shape[0],
            k=layer.units,
        )
        if not frame.drawable:
            norm = float(np.linalg.norm(layer.W))
            lines.append(
                Text(
                    w(
                        "layer_summary",
                        lang,
                        i=i + 1,
                        name=layer.name,
                        activation=layer.activation,
                        k=layer.units,
                        norm=f"{norm:.3g}",
                        dead=int(layer.dead.sum()),
                    )
                )
            )
            any_dead |= bool(layer.dead.any())
            previous = labels[i]
            continue
        lines.append(Text(header, "bold underline"))
        lines.extend(_maps_row(layer, labels[i], colour, width))
        largest = float(np.nanmax(np.abs(layer.W))) if layer.W.size else 0.0
        for j in range(layer.units):
            weights = ", ".join(
                f"{previous[r] if r < len(previous) else r + 1} {number(layer.W[r, j])}"
                f"({weight_mark(float(layer.W[r, j]), largest)})"
                for r in range(layer.W.shape[0])
            )
            text = w(
                "neuron_line",
                lang,
                label=labels[i][j].ljust(5),
                weights=weights,
                bias=number(float(layer.b[j])),
                low=number(float(layer.low[j])),
                high=number(float(layer.high[j])),
            )
            line = Text(text)
            if layer.dead[j]:
                any_dead = True
                line.append(f"  ✗ {w('dead', lang)}", "bold red")
            lines.append(line)
        previous = labels[i]
    if any_dead:
        lines.append(Text())
        lines.append(Text(w("dead_note", lang)))
    return lines


def neuron_text(frame: NeuronFrame, lang: str, width: int = 100) -> str:
    """The neuron view as plain text."""
    return "\n".join(str(line).rstrip() for line in neuron_lines(frame, lang, False, width))


__all__ = [
    "LEVELS",
    "labels_for",
    "map_lines",
    "neuron_labels",
    "neuron_lines",
    "neuron_text",
    "weight_mark",
]
