"""The lesson's Markdown as the reader shows it: exercise references named, and cut in two so
that the first screenful paints at once."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from tutor.i18n import pick

if TYPE_CHECKING:
    from tutor.course import Exercise

REFERENCE = re.compile(r"^(→[^`\n]*)((?:`[\w.-]+`(?:,\s*)?)+)\s*$", re.MULTILINE)
"""A line such as "→ 연습 `one-step`" or "→ Exercise `xor-limit`, `why-2010s`"."""

FIRST_PAINT_LINES = 40
"""About a screenful of Markdown source: the part of a lesson shown before the first paint."""


def split_for_first_paint(markdown: str, lines: int = FIRST_PAINT_LINES) -> tuple[str, str]:
    """(first part, rest) of a Markdown text, cut before the first heading after `lines` lines
    (outside a code fence), so that both parts parse as they would together."""
    source = markdown.splitlines(keepends=True)
    fence: str | None = None
    for number, line in enumerate(source):
        stripped = line.strip()
        if stripped.startswith(("```", "~~~")):
            marker = stripped[:3]
            fence = None if fence == marker else (fence or marker)
        elif number >= lines and fence is None and line.startswith("#"):
            return "".join(source[:number]), "".join(source[number:])
    return markdown, ""


def name_exercises(markdown: str, exercises: Sequence[Exercise], lang: str) -> str:
    """Write each exercise reference with the exercise's number and title, as the exercise
    strip shows them ("→ 연습 `one-step`" becomes "→ 연습 **1. 한 걸음**"); an id that is
    not one of the lesson's exercises stays as it is."""
    numbers = {exercise.local_id: n for n, exercise in enumerate(exercises, start=1)}
    titles = {exercise.local_id: pick(exercise.title, lang) for exercise in exercises}

    def name(match: re.Match[str]) -> str:
        ids = re.findall(r"`([\w.-]+)`", match.group(2))
        named = [f"**{numbers[i]}. {titles[i] or i}**" if i in numbers else f"`{i}`" for i in ids]
        return match.group(1) + ", ".join(named)

    return REFERENCE.sub(name, markdown)
