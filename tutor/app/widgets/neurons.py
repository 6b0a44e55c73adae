"""`NeuronView`: the network drawn layer by layer, each neuron a heat map over the input plane.

Columns, left to right: the two inputs (x), each hidden layer (h1, h2, ...), the output (out),
named on the top line. Each neuron is one line of connection markers over a small picture of its
output across the plane, in half-block cells ("▀": top pixel as the foreground, bottom pixel as
the background) on the playground's colour scale: blue positive, orange negative, deeper for
larger. One marker per incoming connection: its colour is the weight's sign (blue +, orange −),
its height ▁▂▃▄▅▆▇█ the weight's size relative to the layer's largest. A dead ReLU has a red ✗
after its markers. The cursor (arrow keys, a click or hovering) selects a neuron (its markers
on a grey ground, ◂ after them); `NeuronView.Selected` says which, and `describe` gives its
weights, bias and activation range.

The frames (`tutor.viz.neurons.NeuronFrame`) are computed elsewhere, off the UI thread; this
widget only lays them out and paints them. `side` tells the producer which grid fits now. A
layer too tall for the widget wraps into several sub-columns; when even the smallest pictures
do not fit, or the network has too many neurons, the widget says so (`fits` is False) and the
screen shows the text summary instead.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from rich.color import Color as RichColor
from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.color import Color
from textual.events import Click, MouseMove
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

from tutor.app.text import t
from tutor.viz.colours import DEAD, shade_rgb
from tutor.viz.neurons import NeuronFrame, plane_points, shade_many
from tutor.viz.neurontext import labels_for, number

BARS = "▁▂▃▄▅▆▇█"
MAX_SIDE = 16
MIN_ROWS = 1  # map rows (two pixels each) per neuron at the smallest


@dataclass(frozen=True)
class Block:
    """Where one neuron is drawn: its top-left cell, its column width."""

    layer: int  # 0 is the input column
    unit: int
    x: int
    y: int
    width: int


@dataclass(frozen=True)
class Layout:
    rows: int  # map rows per neuron (side = 2 * rows pixels)
    blocks: tuple[Block, ...]
    width: int
    height: int

    @property
    def side(self) -> int:
        return 2 * self.rows


def column_units(frame: NeuronFrame) -> list[int]:
    """Neurons per drawn column: the inputs, then every layer."""
    return [frame.inputs] + [layer.units for layer in frame.layers]


def plan(units: list[int], fan_in: list[int], width: int, height: int) -> Layout | None:
    """The largest pictures that fit width × height, or None when nothing fits.

    Row 0 holds the column names (x, h1, h2, ..., out); then each neuron is one line of
    weight bars (one per incoming connection, ✗ after them for a dead ReLU) over its picture.
    """
    for rows in range(MAX_SIDE // 2, MIN_ROWS - 1, -1):
        block_h = rows + 1
        per_col = max(1, (height - 1) // block_h)
        blocks: list[Block] = []
        x = 0
        for layer, (count, inputs) in enumerate(zip(units, fan_in, strict=True)):
            col_w = max(2 * rows, inputs + 1, 3)
            for j in range(count):
                sub, pos = divmod(j, per_col)
                blocks.append(Block(layer, j, x + sub * (col_w + 1), 1 + pos * block_h, col_w))
            x += math.ceil(count / per_col) * (col_w + 1) + 1
        used_h = 1 + min(max(units), per_col) * block_h
        if x - 1 <= width and used_h <= height:
            return Layout(rows, tuple(blocks), x - 1, used_h)
    return None


def picture_signature(frame: NeuronFrame) -> bytes:
    """What the view would paint for `frame`, in a few bytes: every picture's shade levels,
    every weight bar's height and sign, the dead marks. Any thread may compute it."""
    parts = []
    for layer in frame.layers:
        if layer.grids is not None:
            parts.append(shade_many(layer.grids).astype(np.int8).tobytes())
        magnitude = np.abs(np.nan_to_num(layer.W.astype(np.float64)))
        top = float(magnitude.max()) or 1.0
        bars = np.rint(magnitude / top * (len(BARS) - 1)) * np.sign(layer.W)
        parts.append(bars.astype(np.int8).tobytes())
        parts.append(layer.dead.tobytes())
    return b"|".join(parts)


class NeuronView(Widget, can_focus=True):
    """Paints a `NeuronFrame`; arrows move the cursor from neuron to neuron."""

    DEFAULT_CSS = """
    NeuronView { width: 1fr; height: 1fr; min-height: 4; }
    NeuronView:focus { background: $boost; }
    """
    BINDINGS = [  # noqa: RUF012 (Textual's own style)
        Binding("left", "move(-1, 0)", show=False),
        Binding("right", "move(1, 0)", show=False),
        Binding("up", "move(0, -1)", show=False),
        Binding("down", "move(0, 1)", show=False),
    ]

    cursor: reactive[tuple[int, int]] = reactive((1, 0), init=False)
    """(column, unit): column 0 is the inputs, 1 the first layer."""

    class Selected(Message):
        """The cursor moved to (column, unit)."""

        def __init__(self, view: NeuronView, column: int, unit: int) -> None:
            super().__init__()
            self.view = view
            self.column = column
            self.unit = unit

    def __init__(self, *, name: str | None = None, id: str | None = None) -> None:
        super().__init__(name=name, id=id)
        self.frame: NeuronFrame | None = None
        self.layout_now: Layout | None = None
        self.side = 8
        """Pixels per side of each picture at the current size; safe to read from any thread."""
        self.frames_painted = 0
        self._strips: list[Strip] | None = None
        self._styles: dict[tuple, Style] = {}
        self._base_rgb: tuple[int, int, int] | None = None
        self._signature: bytes | None = None
        self._inputs_cache: dict[tuple, np.ndarray] = {}

    # ---- data -----------------------------------------------------------------------------

    def set_frame(self, frame: NeuronFrame, signature: bytes | None = None) -> None:
        """Show `frame`. With its `signature` (from `picture_signature`, computed off the UI
        thread), a frame that would paint exactly as the last one is kept without a repaint:
        late in training most frames change no colour at all."""
        same = signature is not None and signature == self._signature
        self.frame = frame
        self._signature = signature
        if same and self.layout_now is not None:
            return
        self._replan()
        self._invalidate()

    @property
    def fits(self) -> bool:
        """False when the network cannot be drawn here (too large, not 2-D, too little room)."""
        return self.frame is None or (self.frame.drawable and self.layout_now is not None)

    def _replan(self) -> None:
        if self.frame is None or not self.frame.drawable:
            self.layout_now = None
            return
        units = column_units(self.frame)
        fan_in = [0] + [layer.W.shape[0] for layer in self.frame.layers]
        width, height = self.content_size
        self.layout_now = plan(units, fan_in, width, height)
        if self.layout_now is not None:
            self.side = self.layout_now.side

    def on_resize(self) -> None:
        self._replan()
        self._invalidate()

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._theme_changed())

    def _theme_changed(self) -> None:
        self._styles.clear()
        self._base_rgb = None
        self._invalidate()

    def _invalidate(self) -> None:
        self._strips = None
        self.refresh()

    # ---- cursor ---------------------------------------------------------------------------

    def action_move(self, dx: int, dy: int) -> None:
        if self.frame is None:
            return
        units = column_units(self.frame)
        column = min(max(self.cursor[0] + dx, 0), len(units) - 1)
        unit = self.cursor[1] + dy if dx == 0 else min(self.cursor[1], units[column] - 1)
        self.cursor = (column, min(max(unit, 0), units[column] - 1))

    def watch_cursor(self) -> None:
        self._invalidate()
        self.post_message(self.Selected(self, *self.cursor))

    def on_mouse_move(self, event: MouseMove) -> None:
        """Hovering over a neuron selects it, as the arrows do."""
        self.on_click(event)

    def on_click(self, event: Click | MouseMove) -> None:
        if self.layout_now is None:
            return
        offset = event.get_content_offset(self)
        if offset is None:
            return
        for block in self.layout_now.blocks:
            inside_x = block.x <= offset.x < block.x + block.width
            if inside_x and block.y <= offset.y <= block.y + self.layout_now.rows:
                if self.cursor != (block.layer, block.unit):
                    self.cursor = (block.layer, block.unit)
                return

    def describe(self, lang: str) -> str:
        """The selected neuron: its incoming weights, bias and output range on the data."""
        frame = self.frame
        if frame is None:
            return ""
        column, unit = self.cursor
        if column == 0:
            return f"x{unit + 1}: {t('inside.input', lang)}"
        layer = frame.layers[column - 1]
        labels = labels_for([lay.units for lay in frame.layers])
        before = ["x1", "x2"] if column == 1 else labels[column - 2]
        weights = "  ".join(
            f"{before[r]} {number(float(layer.W[r, unit]))}" for r in range(layer.W.shape[0])
        )
        words = [t(f"inside.{key}", lang) for key in ("weights", "bias", "range", "dead")]
        text = (
            f"{labels[column - 1][unit]} ({layer.activation})  {words[0]}: {weights}\n"
            f"{words[1]} {number(float(layer.b[unit]))}   {words[2]} "
            f"{number(float(layer.low[unit]))}..{number(float(layer.high[unit]))}"
        )
        if layer.dead[unit]:
            text += f"   ✗ {words[3]}"
        return text

    # ---- painting -------------------------------------------------------------------------

    def _base(self) -> tuple[int, int, int]:
        """The background the colour scale fades into (computed once per theme: parsing a
        colour that fails is slow, it looks for close names)."""
        if self._base_rgb is None:
            theme = self.app.current_theme
            rgb = (18, 18, 18) if theme.dark else (250, 250, 250)
            if theme.background:
                try:
                    colour = Color.parse(theme.background)
                    rgb = (colour.r, colour.g, colour.b)
                except Exception:
                    pass
            self._base_rgb = rgb
        return self._base_rgb

    def _style(self, key: tuple) -> Style:
        style = self._styles.get(key)
        if style is None:
            kind = key[0]
            base = self._base()
            if kind == "px":
                style = Style(
                    color=RichColor.from_rgb(*shade_rgb(key[1], base)),
                    bgcolor=RichColor.from_rgb(*shade_rgb(key[2], base)),
                )
            elif kind == "bar":
                style = Style(
                    color=RichColor.from_rgb(*shade_rgb(key[1], base)),
                    bgcolor=RichColor.from_rgb(70, 70, 70) if key[2] else None,
                )
            elif kind == "label":
                _, dead, selected = key
                style = Style(
                    color=RichColor.from_rgb(220, 60, 60) if dead else None,
                    bold=True,
                    reverse=selected,
                )
            else:  # "name": a neuron's name, quiet
                style = Style(color=RichColor.from_rgb(*DEAD))
            self._styles[key] = style
        return style

    def _input_grid(self, which: int, side: int) -> np.ndarray:
        assert self.frame is not None  # only called while a frame is drawn
        key = (which, side, self.frame.bounds)
        grid = self._inputs_cache.get(key)
        if grid is None:
            points = plane_points(self.frame.bounds, side, side)
            x0, x1, y0, y1 = self.frame.bounds
            centre, half = (
                ((x0 + x1) / 2, (x1 - x0) / 2) if which == 0 else ((y0 + y1) / 2, (y1 - y0) / 2)
            )
            grid = ((points[:, which] - centre) / (half or 1.0)).reshape(side, side)
            self._inputs_cache[key] = grid
        return grid

    def _grid(self, column: int, unit: int, side: int) -> np.ndarray:
        if column == 0:
            return self._input_grid(unit, side)
        assert self.frame is not None  # only called while a frame is drawn
        grids = self.frame.layers[column - 1].grids
        assert grids is not None
        rows = grids.shape[1]
        if rows == side:
            return grids[unit]
        pick = np.minimum((np.arange(side) * rows) // side, rows - 1)
        return grids[unit][np.ix_(pick, pick)]

    def _build_strips(self) -> list[Strip]:
        """Paint the frame: a grid of (character, style) cells, then one Segment per run of
        cells sharing a style (styles are cached, so runs are found by identity)."""
        width, height = self.content_size
        frame, layout = self.frame, self.layout_now
        if frame is None or layout is None:
            return []
        chars = [[" "] * width for _ in range(height)]
        styles: list[list[Style | None]] = [[None] * width for _ in range(height)]
        rows, side = layout.rows, layout.side
        names = ["x", *(f"h{i + 1}" for i in range(len(frame.layers) - 1)), "out"]
        if len(frame.layers) == 2:
            names[1] = "h"
        plain = self._style(("label", False, False))
        labels = [["x1", "x2"], *labels_for([layer.units for layer in frame.layers])]

        def units_of(column: int) -> int:
            return frame.inputs if column == 0 else frame.layers[column - 1].units

        pixels: dict[tuple[int, int], Style] = {}
        half_blocks = ["▀"] * side

        def put(y: int, x: int, text: str, style: Style | None) -> None:
            for i, char in enumerate(text):
                chars[y][x + i] = char
                styles[y][x + i] = style

        shaded = {}  # column -> (units, side, side) levels, one NumPy call per layer
        for column in range(len(frame.layers) + 1):
            shaded[column] = shade_many(
                np.stack([self._grid(column, unit, side) for unit in range(units_of(column))])
            ).tolist()
        bars = {}
        for i, layer in enumerate(frame.layers):
            magnitude = np.abs(np.nan_to_num(layer.W.astype(np.float64)))
            top = float(magnitude.max()) or 1.0
            index = np.minimum(np.rint(magnitude / top * (len(BARS) - 1)), len(BARS) - 1)
            bars[i + 1] = ["".join(BARS[int(v)] for v in col) for col in index.T]
        for block in layout.blocks:
            column, unit = block.layer, block.unit
            if block.y + rows >= height or block.x + block.width > width:
                continue
            if unit == 0:
                put(0, block.x, names[column][: block.width], plain)
            selected = self.cursor == (column, unit)
            y, x = block.y, block.x
            if column == 0:
                put(y, x, ["x1", "x2"][unit], self._style(("label", False, selected)))
            else:
                layer = frame.layers[column - 1]
                fan_in = layer.W.shape[0]
                text = bars[column][unit][: block.width - 1]
                for r, bar in enumerate(text):
                    value = layer.W[r, unit]
                    level = 12 if value > 0 else -12 if value < 0 else 0
                    chars[y][x + r] = bar
                    styles[y][x + r] = self._style(("bar", level, selected))
                if layer.dead[unit]:
                    put(y, x + fan_in, "✗", self._style(("label", True, selected)))
                elif selected:
                    put(y, x + fan_in, "◂", plain)
                name = labels[column][unit]
                if fan_in + 2 + len(name) <= block.width:  # the neuron's name, where it fits
                    put(y, x + block.width - len(name), name, self._style(("name",)))
            levels = shaded[column][unit]
            for r in range(rows):
                top_row, bottom_row = levels[2 * r], levels[2 * r + 1]
                line_styles = styles[y + 1 + r]
                chars[y + 1 + r][x : x + side] = half_blocks
                for c in range(side):
                    pair = (top_row[c], bottom_row[c])
                    style = pixels.get(pair)
                    if style is None:
                        style = pixels[pair] = self._style(("px", *pair))
                    line_styles[x + c] = style
        strips = []
        for line_chars, line_styles in zip(chars, styles, strict=True):
            segments = []
            start = 0
            for i in range(1, width + 1):
                if i == width or line_styles[i] is not line_styles[start]:
                    segments.append(Segment("".join(line_chars[start:i]), line_styles[start]))
                    start = i
            strips.append(Strip(segments, width))
        self.frames_painted += 1
        return strips

    def render_line(self, y: int) -> Strip:
        if self._strips is None:
            self._strips = self._build_strips()
        width = self.content_size.width
        if y < len(self._strips):
            return self._strips[y]
        return Strip.blank(width)
