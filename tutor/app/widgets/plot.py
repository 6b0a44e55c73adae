"""`PlotextPlot`: line plots drawn by plotext 6, sized to the widget and coloured by the theme.

plotext builds the whole figure as one ANSI string; `render` asks for one exactly the size of
the widget and hands it to Rich (`Text.from_ansi`), so the plot follows every resize. plotext keeps
global figure state, so it is only ever called here, on the UI thread, and imported on the first
render to keep the app's start-up fast.

    plot = PlotextPlot(title="손실 (loss)", xlabel="에포크")
    plot.plot([Series("훈련", xs, ys), Series("검증", xs, val)], xlim=(0, 20))
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from rich.console import RenderableType
from rich.text import Text
from textual.color import Color
from textual.widget import Widget

MAX_POINTS_PER_CELL = 2
"""plotext draws two points per column at most; more only cost time (3000 points: 60 ms)."""

# Series colours by position: blue for training, orange for validation (TensorFlow Playground's).
DARK_COLOURS = ((86, 156, 255), (255, 159, 64), (120, 220, 120), (240, 100, 100))
LIGHT_COLOURS = ((0, 92, 197), (214, 96, 0), (20, 140, 40), (200, 30, 30))


@dataclass(frozen=True)
class Series:
    """One line: its legend label and its points (non-finite values are left out)."""

    label: str
    x: Sequence[float]
    y: Sequence[float]


def finite_points(x: Sequence[float], y: Sequence[float]) -> tuple[list[float], list[float]]:
    """The (x, y) pairs where both are finite numbers: plotext 6 crashes on NaN."""
    pairs = [(a, b) for a, b in zip(x, y, strict=False) if math.isfinite(a) and math.isfinite(b)]
    return [a for a, _ in pairs], [b for _, b in pairs]


def thin(x: list[float], y: list[float], limit: int) -> tuple[list[float], list[float]]:
    """At most `limit` evenly spaced points, always keeping the last one."""
    if len(x) <= limit or limit < 2:
        return x, y
    step = (len(x) - 1) / (limit - 1)
    keep = sorted({round(i * step) for i in range(limit)})
    return [x[i] for i in keep], [y[i] for i in keep]


def integer_ticks(low: float, high: float, count: int) -> list[int]:
    """Up to `count` whole numbers from low to high at a round spacing (1, 2, 5, 10, 20, ...)."""
    span = max(high - low, 1.0)
    raw = span / max(count - 1, 1)
    magnitude = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    step = max(1, int(step))
    start = math.ceil(low / step) * step
    return list(range(int(start), int(high) + 1, step))


def _rgb(colour: str | None, fallback: tuple[int, int, int]) -> tuple[int, int, int]:
    if not colour:
        return fallback
    try:
        parsed = Color.parse(colour)
    except Exception:
        return fallback
    return parsed.r, parsed.g, parsed.b


class PlotextPlot(Widget):
    """A plotext line plot of a few series, redrawn at the widget's size on every refresh."""

    DEFAULT_CSS = """
    PlotextPlot {
        width: 1fr;
        height: 1fr;
        min-height: 6;
    }
    """

    def __init__(
        self,
        title: str = "",
        xlabel: str = "",
        empty_text: str = "",
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ):
        super().__init__(name=name, id=id, classes=classes)
        self.title = title
        self.xlabel = xlabel
        self.empty_text = empty_text
        self.series: tuple[Series, ...] = ()
        self.xlim: tuple[float, float] | None = None
        self.ylim: tuple[float, float] | None = None
        self.integer_x = True
        self.last_frame = ""
        """The plot as plain text at its last render (for tests and screen readers)."""

    def plot(
        self,
        series: Sequence[Series],
        *,
        title: str | None = None,
        xlabel: str | None = None,
        xlim: tuple[float, float] | None = None,
        ylim: tuple[float, float] | None = None,
    ) -> None:
        """Show these series (replacing the last ones) and redraw."""
        self.series = tuple(series)
        if title is not None:
            self.title = title
        if xlabel is not None:
            self.xlabel = xlabel
        self.xlim = xlim
        self.ylim = ylim
        self.refresh()

    def set_labels(self, title: str, xlabel: str, empty_text: str | None = None) -> None:
        self.title, self.xlabel = title, xlabel
        if empty_text is not None:
            self.empty_text = empty_text
        self.refresh()

    def clear(self) -> None:
        self.series = ()
        self.refresh()

    # ---- drawing --------------------------------------------------------------------------

    def _dark(self) -> bool:
        try:
            return bool(self.app.current_theme.dark)
        except Exception:
            return True

    def _colours(self) -> tuple[tuple[int, int, int], tuple[tuple[int, int, int], ...]]:
        dark = self._dark()
        try:
            foreground = self.app.current_theme.foreground
        except Exception:
            foreground = None
        text = _rgb(foreground, (220, 220, 220) if dark else (40, 40, 40))
        return text, DARK_COLOURS if dark else LIGHT_COLOURS

    def _legend(self, colours: Sequence[tuple[int, int, int]]) -> Text:
        legend = Text(no_wrap=True, overflow="ellipsis", justify="center")
        for index, series in enumerate(self.series):
            if index:
                legend.append("   ")
            r, g, b = colours[index % len(colours)]
            legend.append("━━ ", style=f"rgb({r},{g},{b})")
            legend.append(series.label)
        return legend

    def render(self) -> RenderableType:
        width, height = self.content_size
        drawn = [(s, *finite_points(s.x, s.y)) for s in self.series]
        if not any(xs for _, xs, _ in drawn) or width < 16 or height < 6:
            self.last_frame = self.empty_text
            return Text(self.empty_text, justify="center", style="dim")
        text_rgb, colours = self._colours()
        figure = build_figure(
            drawn,
            width,
            height - 1,
            self.title,
            self.xlabel,
            self.xlim,
            self.ylim,
            text_rgb,
            colours,
            self.integer_x,
        )
        plot = Text.from_ansi(figure.rstrip("\n"), no_wrap=True)
        plot.append("\n")
        plot.append_text(self._legend(colours))
        self.last_frame = plot.plain
        return plot


_plt: Any = None


def _plotext() -> Any:
    """plotext, imported on first use, with the clamp to the real terminal size lifted."""
    global _plt
    if _plt is None:
        import plotext

        plotext.terminal.limit(False, False)
        _plt = plotext
    return _plt


def build_figure(
    drawn: Sequence[tuple[Series, list[float], list[float]]],
    width: int,
    height: int,
    title: str,
    xlabel: str,
    xlim: tuple[float, float] | None,
    ylim: tuple[float, float] | None,
    text_rgb: tuple[int, int, int],
    colours: Sequence[tuple[int, int, int]],
    integer_x: bool = True,
) -> str:
    """The figure as plotext's ANSI string, exactly `width` x `height` cells."""
    plt = _plotext()
    # Each series keeps the colour of its position even when an earlier one has no points yet.
    sequence = [colours[i % len(colours)] for i, (_, xs, _) in enumerate(drawn) if xs]
    plt.add_theme("tutor", text=text_rgb, sequence=sequence)
    figure = plt.figure
    figure.clear()
    figure.plot_size(width, height)
    figure.theme("tutor")
    figure.legend(active=False)
    if title:
        figure.title(title)
    if xlabel:
        figure.label(xlabel, "x")
    limit = max(2, width * MAX_POINTS_PER_CELL)
    low_x, high_x = math.inf, -math.inf
    for _series, xs, ys in drawn:
        if not xs:
            continue
        xs, ys = thin(xs, ys, limit)
        low_x, high_x = min(low_x, xs[0]), max(high_x, xs[-1])
        figure.draw(figure.signal(xs, ys).lines())
    if xlim is not None:
        low_x, high_x = xlim
        figure.ruler("x").lim(*xlim)
    if ylim is not None:
        figure.ruler("y").lim(*ylim)
    if integer_x and math.isfinite(low_x):
        figure.ruler("x").ticks(integer_ticks(low_x, high_x, max(2, min(7, width // 10))))
    return figure.build().string()
