"""Reads the course from disk: `course.toml` and one folder per lesson, into `tutor.course.model`.

    lessons/
      course.toml               the course title and its parts
      02-artificial-neuron/
        ko.md, en.md            the lesson text
        exercises.toml          [lesson] and every [[exercise]]
        starter_*.py, *.csv     assets an exercise may use

A broken file never takes the course down: its problems are collected with file and line, the
lesson is marked unavailable, and every other lesson loads as usual.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import replace
from pathlib import Path
from typing import Any

from tutor.course.model import Course, Exercise, Lesson, Mistake, Part, Problem
from tutor.course.renames import Rename, check_against, parse_renames
from tutor.exercises import get_kind
from tutor.exercises.base import SpecError, bilingual
from tutor.paths import lessons_dir

LESSON_DIR = re.compile(r"^(\d{2})-[a-z0-9][a-z0-9-]*$")
COMMON_KEYS = frozenset(
    {"id", "kind", "points", "title", "prompt", "hints", "solution", "explanation"}
    | {"solution_after", "mistake"}
)
EXERCISE_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class _TomlFile:
    """A TOML file's data plus enough of its text to say on which line a key sits."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.lines = path.read_text(encoding="utf-8").splitlines()
        self.data = tomllib.loads("\n".join(self.lines))

    def table_lines(self, header: str) -> list[int]:
        """1-based lines of every `[[header]]` (or `[header]`)."""
        pattern = re.compile(rf"^\s*\[\[?\s*{re.escape(header)}\s*\]\]?\s*(#.*)?$")
        return [i + 1 for i, line in enumerate(self.lines) if pattern.match(line)]

    def key_line(self, start: int | None, key: str | None) -> int | None:
        """The line of `key = ...` at or after `start`, before the next table header."""
        if start is None or key is None:
            return start
        pattern = re.compile(rf"^\s*{re.escape(key)}\s*[=.]")
        for number in range(start, len(self.lines) + 1):
            line = self.lines[number - 1]
            if number > start and line.lstrip().startswith("[") and "=" not in line:
                break
            if pattern.match(line):
                return number
        return start


def _decode_error(path: Path, error: Exception) -> Problem:
    match = re.search(r"at line (\d+)", str(error))
    line = int(match.group(1)) if match else None
    if line is None and "end of document" in str(error):
        line = max(1, len(path.read_text(encoding="utf-8", errors="replace").splitlines()))
    return Problem(path, line, f"not valid TOML: {error}")


def load_course(root: Path | None = None) -> Course:
    """The course under `root` (default: the shipped `lessons/`)."""
    root = Path(root) if root is not None else lessons_dir()
    problems: list[Problem] = []
    title: dict[str, str] = {"ko": "신경망 튜터", "en": "Neural network tutor"}
    raw_parts: list[Any] = []
    renames: tuple[Rename, ...] = ()
    course_file = root / "course.toml"
    if not course_file.is_file():
        problems.append(Problem(course_file, None, "missing: the course needs course.toml"))
    else:
        try:
            toml = _TomlFile(course_file)
            title = bilingual(toml.data.get("title"), "title")
            raw_parts = toml.data.get("part", [])
            renames, rename_problems = parse_renames(toml.data.get("rename"))
            rename_lines = toml.table_lines("rename")
            for number, message in rename_problems:
                line = rename_lines[number - 1] if number and number <= len(rename_lines) else None
                problems.append(Problem(course_file, line, message))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
            problems.append(_decode_error(course_file, error))
        except SpecError as error:
            problems.append(Problem(course_file, toml.key_line(1, error.key), str(error)))

    lessons = [
        _load_lesson(path, match)
        for path in sorted(root.iterdir() if root.is_dir() else [])
        if path.is_dir() and (match := LESSON_DIR.match(path.name))
    ]
    parts = _parts(raw_parts, lessons, course_file, problems)
    lessons = [
        _with_part(lesson, part.number)
        for part in parts
        for lesson in lessons
        if lesson.id in part.lesson_ids
    ] + [lesson for lesson in lessons if not any(lesson.id in p.lesson_ids for p in parts)]
    lessons.sort(key=lambda lesson: lesson.number)
    exercise_ids = {ex.id for lesson in lessons for ex in lesson.exercises}
    problems += [
        Problem(course_file, None, message)
        for message in check_against(renames, {lesson.id for lesson in lessons}, exercise_ids)
    ]
    return Course(title, root, tuple(parts), tuple(lessons), tuple(problems), renames)


def _with_part(lesson: Lesson, part: int) -> Lesson:
    return replace(lesson, part=part)


def _parts(raw: Any, lessons: list[Lesson], path: Path, problems: list[Problem]) -> list[Part]:
    by_number = {lesson.number: lesson.id for lesson in lessons}
    parts: list[Part] = []
    if not isinstance(raw, list):
        problems.append(Problem(path, None, "`part` must be a list of [[part]] tables"))
        return parts
    for number, entry in enumerate(raw, start=1):
        try:
            title = bilingual(entry.get("title") if isinstance(entry, dict) else None, "title")
        except SpecError as error:
            problems.append(Problem(path, None, f"part {number}: {error}"))
            continue
        numbers = entry.get("lessons", [])
        missing = [n for n in numbers if n not in by_number]
        if missing:
            problems.append(
                Problem(
                    path,
                    None,
                    f"part {number} lists lessons {missing}, which have no folder in {path.parent}",
                )
            )
        parts.append(Part(number, title, tuple(by_number[n] for n in numbers if n in by_number)))
    return parts


def _load_lesson(path: Path, match: re.Match[str]) -> Lesson:
    number = int(match.group(1))
    problems: list[Problem] = []
    for lang in ("ko", "en"):
        if not (path / f"{lang}.md").is_file():
            problems.append(
                Problem(path / f"{lang}.md", None, "missing: every lesson needs ko.md and en.md")
            )
    exercises: list[Exercise] = []
    title: dict[str, str] = {"ko": path.name, "en": path.name}
    summary: dict[str, str] = {"ko": "", "en": ""}
    toml_path = path / "exercises.toml"
    try:
        toml = _TomlFile(toml_path)
    except FileNotFoundError:
        problems.append(Problem(toml_path, None, "missing: every lesson needs exercises.toml"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        problems.append(_decode_error(toml_path, error))
    else:
        lesson_line = next(iter(toml.table_lines("lesson")), None)
        meta = toml.data.get("lesson")
        try:
            if not isinstance(meta, dict):
                raise SpecError("missing [lesson] table with `title` and `summary`", None)
            title = bilingual(meta.get("title"), "title")
            summary = bilingual(meta.get("summary"), "summary")
        except SpecError as error:
            problems.append(Problem(toml_path, toml.key_line(lesson_line, error.key), str(error)))
        exercises = _load_exercises(toml, path.name, number, problems)
    return Lesson(path.name, number, 0, title, summary, path, tuple(exercises), tuple(problems))


def _load_exercises(
    toml: _TomlFile, lesson_id: str, number: int, problems: list[Problem]
) -> list[Exercise]:
    raw_list = toml.data.get("exercise", [])
    lines = toml.table_lines("exercise")
    exercises: list[Exercise] = []
    seen: set[str] = set()
    for index, raw in enumerate(raw_list):
        line = lines[index] if index < len(lines) else None
        try:
            exercise = _exercise(raw, toml.path, line, lesson_id, number)
        except SpecError as error:
            label = raw.get("id", f"#{index + 1}") if isinstance(raw, dict) else f"#{index + 1}"
            problems.append(
                Problem(toml.path, toml.key_line(line, error.key), f"exercise {label}: {error}")
            )
            continue
        if exercise.local_id in seen:
            problems.append(
                Problem(
                    toml.path,
                    line,
                    f"exercise id {exercise.local_id!r} is used twice in this lesson",
                )
            )
            continue
        seen.add(exercise.local_id)
        exercises.append(exercise)
    return exercises


def _exercise(raw: Any, path: Path, line: int | None, lesson_id: str, number: int) -> Exercise:
    if not isinstance(raw, dict):
        raise SpecError("[[exercise]] must be a table")
    local_id = raw.get("id")
    if not isinstance(local_id, str) or not EXERCISE_ID.match(local_id):
        raise SpecError(
            '`id` must be lowercase letters, digits and hyphens, e.g. "storm-table"', "id"
        )
    kind = get_kind(str(raw.get("kind", "")))
    unknown = sorted(set(raw) - COMMON_KEYS - kind.spec_keys)
    if unknown:
        raise SpecError(
            f"unknown keys {unknown} for kind {kind.name!r} (it reads: "
            f"{', '.join(sorted(COMMON_KEYS | kind.spec_keys))})",
            unknown[0],
        )
    points = raw.get("points", 1)
    if not isinstance(points, int) or isinstance(points, bool) or points < 1:
        raise SpecError("`points` must be a whole number ≥ 1", "points")
    hints = raw.get("hints", [])
    if not isinstance(hints, list):
        raise SpecError("`hints` must be a list of { ko, en } tables", "hints")
    solution = raw.get("solution")
    if not isinstance(solution, str) or not solution.strip():
        raise SpecError(
            "`solution` (the reference answer, in the kind's answer format) is required", "solution"
        )
    mistakes = []
    for entry in raw.get("mistake", []):
        if not isinstance(entry, dict) or not isinstance(entry.get("answer"), str):
            raise SpecError("every [[exercise.mistake]] needs `answer` and `message`", "mistake")
        mistakes.append(Mistake(entry["answer"], bilingual(entry.get("message"), "message")))
    solution_after = raw.get("solution_after", 3)
    if not isinstance(solution_after, int) or solution_after < 0:
        raise SpecError("`solution_after` must be a whole number of attempts", "solution_after")
    spec = kind.parse_spec(raw, path.parent)
    return Exercise(
        id=f"{number:02d}.{local_id}",
        local_id=local_id,
        lesson_id=lesson_id,
        kind=kind.name,
        points=points,
        prompt=bilingual(raw.get("prompt"), "prompt"),
        hints=tuple(bilingual(h, "hints") for h in hints),
        solution=solution,
        explanation=bilingual(raw["explanation"], "explanation") if "explanation" in raw else {},
        mistakes=tuple(mistakes),
        solution_after=solution_after,
        spec=spec,
        path=path,
        line=line,
        title=bilingual(raw["title"], "title") if "title" in raw else {},
    )
