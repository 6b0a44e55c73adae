"""The error every data set function raises when a learner asks for something that is not there."""

from __future__ import annotations

from collections.abc import Iterable


class DatasetError(ValueError):
    """A bad data set name or option; a `ValueError`, so `except ValueError` catches it too."""


def choices(options: Iterable[str]) -> str:
    """`a, b or c`, for messages that list what exists."""
    items = [repr(option) for option in options]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " or " + items[-1]
