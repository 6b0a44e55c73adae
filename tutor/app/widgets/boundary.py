"""`DecisionBoundary`: what a two-input network answers at every point of the plane.

Each terminal cell shows two pixels stacked (the top one as the foreground of "▀", the bottom
one as its background), so a square of the plane [-6, 6]² becomes `side` columns by `side / 2`
rows with square pixels. A pixel is blue where the network says class 1 and orange where it says
class 0 (TensorFlow Playground's colours), deeper the surer it is. Data points are drawn on top:
● for training points, ○ for test points, in the colour of their true class.

The grid of probabilities is computed elsewhere (in the training thread); this widget only paints
it. `grid_size` tells that thread which grid to compute for the widget's current size.
"""

from __future__ import annotations

import numpy as np
from rich.color import Color as RichColor
from rich.segment import Segment
from rich.style import Style
from textual.color import Color
from textual.strip import Strip
from textual.widget import Widget

BLUE = (8, 119, 189)
ORANGE = (245, 147, 34)
BLUE_POINT = {True: (110, 190, 255), False: (0, 80, 160)}
ORANGE_POINT = {True: (255, 185, 90), False: (190, 95, 0)}
LEVELS = 12
"""Shades of confidence per class (a small number keeps the style cache small)."""
TRAIN_MARK = "●"
TEST_MARK = "○"


def shade_levels(p: np.ndarray) -> np.ndarray:
    """Signed shade per pixel: +1..+LEVELS towards blue (p > 0.5), -1..-LEVELS towards orange.

    Confidence is |p - 0.5| * 2; even an unsure pixel gets the faintest shade of its side.
    """
    p = np.nan_to_num(np.asarray(p, dtype=np.float64), nan=0.5)
    level = 1 + np.floor(np.abs(p - 0.5) * 2 * (LEVELS - 1) + 1e-9).astype(np.int64)
    level = np.minimum(level, LEVELS)
    return np.where(p >= 0.5, level, -level)


def blend(base: tuple[int, int, int], colour: tuple[int, int, int], t: float) -> tuple[int, ...]:
    return tuple(round(b + (c - b) * t) for b, c in zip(base, colour, strict=True))


def point_cells(
    x: np.ndarray, side: int, extent: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(column, pixel row, inside) of each 2-D point on a side x side pixel grid."""
    col = np.floor((x[:, 0] + extent) / (2 * extent) * side).astype(np.int64)
    row = np.floor((extent - x[:, 1]) / (2 * extent) * side).astype(np.int64)
    inside = (col >= 0) & (col < side) & (row >= 0) & (row < side)
    return col, row, inside


class DecisionBoundary(Widget):
    """Paints P(blue) over [-extent, extent]² with the data points on top."""

    DEFAULT_CSS = """
    DecisionBoundary {
        width: 1fr;
        height: 1fr;
        min-height: 6;
    }
    """

    def __init__(
        self,
        extent: float = 6.0,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ):
        super().__init__(name=name, id=id, classes=classes)
        self.extent = extent
        self.grid: np.ndarray | None = None
        self.points: list[tuple[np.ndarray, np.ndarray, str]] = []
        self.grid_size: tuple[int, int] = (40, 40)
        """(columns, pixel rows) of the grid that fits the widget now; safe to read anywhere."""
        self._strips: list[Strip] | None = None
        self._styles: dict[tuple, Style] = {}

    # ---- data -----------------------------------------------------------------------------

    def set_points(
        self, x_train: np.ndarray, y_train: np.ndarray, x_test: np.ndarray, y_test: np.ndarray
    ) -> None:
        """The data to draw on top: labels 1 (blue) and 0 (orange)."""
        self.points = [(x_train, y_train, TRAIN_MARK), (x_test, y_test, TEST_MARK)]
        self._invalidate()

    def set_grid(self, grid: np.ndarray) -> None:
        """P(blue) on a (rows, cols) grid, row 0 at the top; any size (it is resampled)."""
        self.grid = grid
        self._invalidate()

    def _invalidate(self) -> None:
        self._strips = None
        self.refresh()

    @property
    def side(self) -> int:
        """Pixels per side of the square that fits the widget (two pixels per cell height)."""
        width, height = self.content_size
        return max(2, min(width, height * 2) // 2 * 2)

    def on_resize(self) -> None:
        self.grid_size = (self.side, self.side)
        self._invalidate()

    def on_mount(self) -> None:
        self.grid_size = (self.side, self.side)
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._theme_changed())

    def _theme_changed(self) -> None:
        self._styles.clear()
        self._invalidate()

    # ---- painting -------------------------------------------------------------------------

    def _dark(self) -> bool:
        try:
            return bool(self.app.current_theme.dark)
        except Exception:
            return True

    def _base(self) -> tuple[int, int, int]:
        dark = self._dark()
        try:
            colour = Color.parse(self.app.current_theme.background or "")
            return colour.r, colour.g, colour.b
        except Exception:
            return (18, 18, 18) if dark else (250, 250, 250)

    def _shade_rgb(self, level: int) -> tuple[int, ...]:
        if level == 0:
            return self._base()
        colour = BLUE if level > 0 else ORANGE
        t = 0.08 + 0.42 * (abs(level) - 1) / (LEVELS - 1)
        return blend(self._base(), colour, t)

    def _style(self, key: tuple) -> Style:
        style = self._styles.get(key)
        if style is None:
            kind = key[0]
            if kind == "pixels":
                _, top, bottom = key
                style = Style(
                    color=RichColor.from_rgb(*self._shade_rgb(top)),
                    bgcolor=RichColor.from_rgb(*self._shade_rgb(bottom)),
                )
            else:
                _, label, top, bottom = key
                back = tuple(
                    (a + b) // 2
                    for a, b in zip(self._shade_rgb(top), self._shade_rgb(bottom), strict=True)
                )
                points = BLUE_POINT if label == 1 else ORANGE_POINT
                style = Style(
                    color=RichColor.from_rgb(*points[self._dark()]),
                    bgcolor=RichColor.from_rgb(*back),
                    bold=True,
                )
            self._styles[key] = style
        return style

    def _levels(self, side: int) -> np.ndarray:
        """Shade levels on a side x side grid (0 where there is no grid yet)."""
        if self.grid is None or self.grid.size == 0:
            return np.zeros((side, side), dtype=np.int64)
        rows, cols = self.grid.shape
        pick_rows = np.minimum((np.arange(side) * rows) // side, rows - 1)
        pick_cols = np.minimum((np.arange(side) * cols) // side, cols - 1)
        return shade_levels(self.grid[np.ix_(pick_rows, pick_cols)])

    def _build_strips(self) -> list[Strip]:
        side = self.side
        levels = self._levels(side)
        marks: dict[tuple[int, int], tuple[str, int]] = {}
        for x, y, mark in self.points:
            if len(x) == 0:
                continue
            col, row, inside = point_cells(np.asarray(x), side, self.extent)
            for c, r, label in zip(col[inside], row[inside], np.asarray(y)[inside], strict=True):
                marks[(int(r) // 2, int(c))] = (mark, int(label))
        strips = []
        for cell_row in range(side // 2):
            top, bottom = levels[2 * cell_row], levels[2 * cell_row + 1]
            segments = []
            for column in range(side):
                cell = marks.get((cell_row, column))
                if cell is None:
                    key: tuple[object, ...] = ("pixels", int(top[column]), int(bottom[column]))
                    segments.append(Segment("▀", self._style(key)))
                else:
                    key = ("point", cell[1], int(top[column]), int(bottom[column]))
                    segments.append(Segment(cell[0], self._style(key)))
            strips.append(Strip(Segment.simplify(segments), side))
        return strips

    def render_line(self, y: int) -> Strip:
        if self._strips is None:
            self._strips = self._build_strips()
        width = self.content_size.width
        if y < len(self._strips):
            return self._strips[y].extend_cell_length(width)
        return Strip.blank(width)
