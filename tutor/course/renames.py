"""Renames: when lessons are renumbered or exercises renamed, recorded progress follows them.

`course.toml` lists each change once, as a `[[rename]]` table that is never edited afterwards:

    [[rename]]
    name = "2026-12: autograd inserted after lesson 09"      # unique; each learner applies it once
    lessons = { "10-optimizers" = "11-optimizers" }          # old folder = new folder
    exercises = { "01.years-to-backprop" = "01.timeline" }   # old id = new id (optional)

A renamed lesson takes its exercises with it ("10.momentum-step" becomes "11.momentum-step").
The progress store applies the renames it has not applied yet (`ProgressStore.follow_renames`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

LESSON_ID = re.compile(r"^(\d{2})-[a-z0-9][a-z0-9-]*$")
EXERCISE_ID = re.compile(r"^(\d{2})\.[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True)
class Rename:
    """One recorded change of lesson folders and exercise ids (old -> new)."""

    name: str
    lessons: dict[str, str] = field(default_factory=dict)
    exercises: dict[str, str] = field(default_factory=dict)

    def new_exercise_id(self, old: str) -> str:
        """Where the progress of exercise `old` belongs after this rename."""
        if old in self.exercises:
            return self.exercises[old]
        number, dot, local = old.partition(".")
        for old_lesson, new_lesson in self.lessons.items():
            if dot and old_lesson[:2] == number:
                return f"{new_lesson[:2]}.{local}"
        return old

    def new_lesson_id(self, old_lesson: str, new_exercise: str) -> str:
        """The lesson a row belongs to after this rename (an exercise may move lesson)."""
        lesson = self.lessons.get(old_lesson, old_lesson)
        number = new_exercise.partition(".")[0]
        if lesson[:2] != number:
            targets = [new for new in self.lessons.values() if new[:2] == number]
            if targets:
                return targets[0]
        return lesson


def parse_renames(raw: Any) -> tuple[tuple[Rename, ...], list[tuple[int | None, str]]]:
    """The `[[rename]]` tables of course.toml, and problems as (entry number, message)."""
    renames: list[Rename] = []
    problems: list[tuple[int | None, str]] = []
    if raw is None:
        return (), problems
    if not isinstance(raw, list):
        return (), [(None, "`rename` must be a list of [[rename]] tables")]
    names: set[str] = set()
    for number, entry in enumerate(raw, start=1):
        if not isinstance(entry, dict):
            problems.append((number, "[[rename]] must be a table"))
            continue
        name = entry.get("name")
        if not isinstance(name, str) or not name.strip():
            problems.append((number, "[[rename]] needs a `name` (unique, never changed)"))
            continue
        if name in names:
            problems.append((number, f"rename {name!r} is listed twice"))
            continue
        names.add(name)
        lessons = _pairs(entry.get("lessons", {}), LESSON_ID, "lessons", name, problems, number)
        exercises = _pairs(
            entry.get("exercises", {}), EXERCISE_ID, "exercises", name, problems, number
        )
        unknown = sorted(set(entry) - {"name", "lessons", "exercises"})
        if unknown:
            problems.append((number, f"rename {name!r}: unknown keys {unknown}"))
        renames.append(Rename(name, lessons, exercises))
    return tuple(renames), problems


def _pairs(
    raw: Any,
    pattern: re.Pattern[str],
    key: str,
    name: str,
    problems: list[tuple[int | None, str]],
    number: int,
) -> dict[str, str]:
    if not isinstance(raw, dict):
        problems.append((number, f"rename {name!r}: `{key}` must be a table of old = new"))
        return {}
    pairs: dict[str, str] = {}
    for old, new in raw.items():
        if not (isinstance(new, str) and pattern.match(old) and pattern.match(new)):
            example = '"10-optimizers" = "11-optimizers"' if key == "lessons" else '"01.a" = "01.b"'
            problems.append(
                (number, f"rename {name!r}: {key} entry {old!r} must look like {example}")
            )
            continue
        pairs[old] = new
    return pairs


def check_against(
    renames: tuple[Rename, ...], lesson_ids: set[str], exercise_ids: set[str]
) -> list[str]:
    """Problems of the renames in this course: targets must exist, the newest sources not."""
    problems = []
    for rename in renames:
        for new in rename.lessons.values():
            if new not in lesson_ids:
                problems.append(f"rename {rename.name!r}: lesson {new!r} has no folder")
        for new in rename.exercises.values():
            if new not in exercise_ids:
                problems.append(f"rename {rename.name!r}: exercise {new!r} does not exist")
    if renames:
        newest = renames[-1]
        moved_away = set(newest.lessons) - set(newest.lessons.values())
        for old in sorted(moved_away & lesson_ids):
            problems.append(
                f"rename {newest.name!r}: lesson {old!r} still exists, so its progress is ambiguous"
            )
    return problems


def course_renames(root: Path | None = None) -> tuple[Rename, ...]:
    """The renames of the course under `root` (default: the shipped lessons), read cheaply."""
    from tutor.paths import lessons_dir

    return read_renames((Path(root) if root is not None else lessons_dir()) / "course.toml")


def read_renames(course_file: Path) -> tuple[Rename, ...]:
    """Just the renames of `course_file` (cheap: for opening the progress store at start-up)."""
    import tomllib

    try:
        data = tomllib.loads(course_file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return ()  # the loader reports a broken course.toml with its line
    return parse_renames(data.get("rename"))[0]
