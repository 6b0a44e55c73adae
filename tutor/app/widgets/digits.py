"""Grey images in the terminal with half blocks, and `DigitGallery`: test digits with the model's
answer under each.

A cell shows two pixels: the top one as the colour of "▀", the bottom one as its background.
An 8x8 digit is drawn 16 columns wide (each pixel twice), a 28x28 MNIST digit 14 columns wide
(2x2 pixels averaged), so both come out about the same size.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from rich.color import Color
from rich.console import RenderableType
from rich.style import Style
from rich.text import Text
from textual.widget import Widget

IMAGE_WIDTH = 16
GAP = 2


def resample(image: np.ndarray, width: int) -> np.ndarray:
    """The image `width` pixels wide (height in proportion, made even): blocks averaged when
    shrinking by a whole factor, pixels repeated when growing."""
    image = np.asarray(image, dtype=np.float32)
    height, source_width = image.shape
    if source_width % width == 0 and height % (source_width // width) == 0:
        factor = source_width // width
        image = image.reshape(height // factor, factor, width, factor).mean(axis=(1, 3))
    else:
        rows = max(2, round(height * width / source_width))
        pick_rows = np.minimum((np.arange(rows) * height) // rows, height - 1)
        pick_cols = np.minimum((np.arange(width) * source_width) // width, source_width - 1)
        image = image[np.ix_(pick_rows, pick_cols)]
    if len(image) % 2:
        image = np.vstack([image, np.zeros((1, image.shape[1]), image.dtype)])
    return image


def image_width(image: np.ndarray) -> int:
    """Columns to draw an image with: 16 for small images, about half the pixels for large."""
    columns = image.shape[1]
    return columns * 2 if columns <= 8 else max(columns // 2, 1)


def grey_image(image: np.ndarray, width: int | None = None, dark: bool = True) -> list[Text]:
    """Lines of half blocks for a grey image with values from 0 (paper) to 1 (ink).

    On a dark theme the ink is white on black, on a light one black on white.
    """
    image = np.clip(np.nan_to_num(np.asarray(image, dtype=np.float32)), 0.0, 1.0)
    pixels = resample(image, width or image_width(image))
    levels = np.round((pixels if dark else 1.0 - pixels) * 255).astype(int)
    styles: dict[tuple[int, int], Style] = {}
    lines = []
    for top, bottom in zip(levels[0::2], levels[1::2], strict=True):
        line = Text(no_wrap=True)
        for a, b in zip(top.tolist(), bottom.tolist(), strict=True):
            style = styles.get((a, b))
            if style is None:
                style = Style(color=Color.from_rgb(a, a, a), bgcolor=Color.from_rgb(b, b, b))
                styles[(a, b)] = style
            line.append("▀", style)
        lines.append(line)
    return lines


@dataclass(frozen=True)
class LabelledImage:
    """An image with two caption lines (e.g. "예측 7" and "정답 7") and whether it was right."""

    image: np.ndarray
    prediction: str
    truth: str
    correct: bool


class DigitGallery(Widget):
    """A row (wrapping to the widget's width) of images with their captions."""

    DEFAULT_CSS = """
    DigitGallery {
        width: 1fr;
        height: auto;
    }
    """

    def __init__(self, *, name: str | None = None, id: str | None = None):
        super().__init__(name=name, id=id)
        self.items: tuple[LabelledImage, ...] = ()

    def show(self, items: Sequence[LabelledImage]) -> None:
        self.items = tuple(items)
        self.refresh(layout=True)

    def _per_row(self, width: int) -> int:
        return max(1, (width + GAP) // (IMAGE_WIDTH + GAP))

    def get_content_height(self, container, viewport, width: int) -> int:
        if not self.items:
            return 0
        rows = -(-len(self.items) // self._per_row(width))
        image_rows = len(resample(self.items[0].image, image_width(self.items[0].image))) // 2
        return rows * (image_rows + 3)

    def render(self) -> RenderableType:
        try:
            dark = bool(self.app.current_theme.dark)
        except Exception:
            dark = True
        per_row = self._per_row(self.content_size.width)
        out = Text(no_wrap=True)
        for start in range(0, len(self.items), per_row):
            chunk = self.items[start : start + per_row]
            pictures = [grey_image(item.image, None, dark) for item in chunk]
            height = max(len(p) for p in pictures)
            for row in range(height):
                for index, picture in enumerate(pictures):
                    if index:
                        out.append(" " * GAP)
                    line = picture[row].copy() if row < len(picture) else Text()
                    line.align("center", IMAGE_WIDTH)
                    out.append_text(line)
                out.append("\n")
            for caption in ("prediction", "truth"):
                for index, item in enumerate(chunk):
                    if index:
                        out.append(" " * GAP)
                    style = "" if caption == "truth" else ("green" if item.correct else "red")
                    words = Text(getattr(item, caption), style=style)
                    words.truncate(IMAGE_WIDTH)
                    words.align("center", IMAGE_WIDTH)
                    out.append_text(words)
                out.append("\n")
            out.append("\n")
        out.rstrip()
        return out
