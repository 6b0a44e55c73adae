"""Status marks and theme colours for text drawn by Rich (tables, option labels).

Widgets styled by CSS use `$success`, `$error` and friends directly; Rich `Text` cannot, so it
asks `tone()` for the current theme's colour and is redrawn when the theme changes.
"""

from __future__ import annotations

from typing import Any

from rich.style import Style
from rich.text import Text
from textual.color import Color

from tutor.app.text import t

MARKS = {"passed": "✓", "in_progress": "◐", "not_started": "○", "unavailable": "⚠"}
TONES = {"passed": "success", "in_progress": "warning", "not_started": "", "unavailable": "error"}


def tone(app: Any, name: str, *, bold: bool = False) -> Style:
    """A Rich style in the theme's colour `name` ("success", "error", "accent", ...)."""
    if not name:
        return Style(dim=True, bold=bold)
    value = getattr(app, "theme_variables", {}).get(name)
    try:
        color = Color.parse(value).rich_color if value else None
    except Exception:  # a theme with an unusual value: fall back to the terminal's colour
        color = None
    return Style(color=color, bold=bold)


def status_text(app: Any, status: str, lang: str, *, words: bool = True) -> Text:
    """ "✓ done", "◐ in progress", ... in the theme's colour (or just the mark)."""
    mark = MARKS.get(status, "?")
    label = f"{mark} {t(f'status_{status}', lang)}" if words else mark
    return Text(label, style=tone(app, TONES.get(status, "")))


def points(value: float) -> str:
    """Points without a pointless ".0": 2, 1.5."""
    return f"{value:g}"
