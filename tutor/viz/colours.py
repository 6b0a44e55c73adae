"""The playground's colour scale (TensorFlow Playground's): blue positive, orange negative.

The same values as `tutor.app.widgets.boundary` (which paints the decision boundary), kept here
so that the text views and the neuron widget share them without importing Textual.
"""

from __future__ import annotations

from tutor.viz.neurons import LEVELS

BLUE = (8, 119, 189)
ORANGE = (245, 147, 34)
DEAD = (150, 150, 150)


def blend(base: tuple[int, int, int], colour: tuple[int, int, int], t: float) -> tuple[int, ...]:
    return tuple(round(b + (c - b) * t) for b, c in zip(base, colour, strict=True))


def shade_rgb(level: int, base: tuple[int, int, int] = (18, 18, 18)) -> tuple[int, ...]:
    """The colour of a signed shade level on a background `base` (level 0 is the background)."""
    if level == 0:
        return tuple(base)
    colour = BLUE if level > 0 else ORANGE
    return blend(base, colour, 0.12 + 0.78 * (abs(level) - 1) / (LEVELS - 1))


def hex_of(rgb: tuple[int, ...]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*rgb)
