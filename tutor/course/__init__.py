"""The course: lessons and exercises as data, read through one loader.

Its names load on first use, so that `tutor.course.renames` (read when the progress store opens,
before the app's first paint) does not pull in the loader, the exercise kinds and NumPy.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tutor.course.loader import load_course
    from tutor.course.model import Course, Exercise, Lesson, Part, Problem

__all__ = ["Course", "Exercise", "Lesson", "Part", "Problem", "load_course"]

_HOMES = {"load_course": "tutor.course.loader"} | {
    name: "tutor.course.model" for name in ("Course", "Exercise", "Lesson", "Part", "Problem")
}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(import_module(_HOMES[name]), name)
    raise AttributeError(f"module 'tutor.course' has no attribute {name!r}")
