"""Answers written as `name=value` pairs: "w1=0.6, w2=0.8" or "optimizer=adam epochs=500"."""

from __future__ import annotations

import re

_PAIR = re.compile(r"\s*([A-Za-z_][\w.]*)\s*[=:]\s*([^\s,;=]+)\s*[,;]?")


class AssignmentError(ValueError):
    """The answer is not a list of name=value pairs; the message names the part that is not."""


def parse_assignments(text: str) -> dict[str, str]:
    """`"w1 = 0.6, w2=0.8"` → `{"w1": "0.6", "w2": "0.8"}`; later pairs override earlier ones."""
    values: dict[str, str] = {}
    position = 0
    text = text.strip()
    while position < len(text):
        match = _PAIR.match(text, position)
        if not match:
            raise AssignmentError(text[position:].strip())
        values[match.group(1)] = match.group(2)
        position = match.end()
    return values


def format_assignments(values: dict[str, object]) -> str:
    return ", ".join(f"{name}={value}" for name, value in values.items())
