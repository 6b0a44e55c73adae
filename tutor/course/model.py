"""The course as plain data: Course → Part → Lesson → Exercise, as read by `tutor.course.loader`."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tutor.course.renames import Rename
from tutor.i18n import Text, pick


@dataclass(frozen=True)
class Problem:
    """Something wrong with a course file, pinned to the file and, where known, the line."""

    path: Path
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else f"{self.path}"
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class Mistake:
    """A known wrong answer and the targeted message it earns (e.g. "you forgot the bias")."""

    answer: str
    message: Text


@dataclass(frozen=True)
class Exercise:
    """One exercise. `spec` is the kind's own parsed specification (see `tutor.exercises`)."""

    id: str  # course-wide id: "<lesson number>.<local id>", e.g. "02.storm"
    local_id: str
    lesson_id: str
    kind: str
    points: int
    prompt: Text
    hints: tuple[Text, ...]
    solution: str  # the reference answer, in the kind's answer format
    explanation: Text
    mistakes: tuple[Mistake, ...]
    solution_after: int  # attempts needed before the reference solution may be shown
    spec: Any
    path: Path
    line: int | None
    title: Text = field(default_factory=dict)

    def where(self) -> str:
        return f"{self.path}:{self.line}" if self.line else str(self.path)


@dataclass(frozen=True)
class Lesson:
    """One lesson folder: its text in both languages and its exercises."""

    id: str  # the folder name, e.g. "02-artificial-neuron"
    number: int
    part: int
    title: Text
    summary: Text
    path: Path
    exercises: tuple[Exercise, ...]
    problems: tuple[Problem, ...]

    @property
    def available(self) -> bool:
        """A lesson with problems is shown as unavailable; the rest of the course still works."""
        return not self.problems

    def markdown(self, lang: str) -> str:
        """The lesson text in `lang` (falls back to the other language if a file is missing)."""
        for candidate in (lang, "ko", "en"):
            path = self.path / f"{candidate}.md"
            if path.is_file():
                return path.read_text(encoding="utf-8")
        return ""

    def display_title(self, lang: str) -> str:
        return f"{self.number:02d}. {pick(self.title, lang)}"


@dataclass(frozen=True)
class Part:
    number: int
    title: Text
    lesson_ids: tuple[str, ...]


@dataclass(frozen=True)
class Course:
    """The whole course. Lookups accept a lesson's folder name or number, and exercise ids."""

    title: Text
    root: Path
    parts: tuple[Part, ...]
    lessons: tuple[Lesson, ...]
    problems: tuple[Problem, ...]  # problems of course.toml itself
    renames: tuple[Rename, ...] = ()  # old lesson and exercise ids -> new (progress follows)

    def all_problems(self) -> list[Problem]:
        return [*self.problems, *(p for lesson in self.lessons for p in lesson.problems)]

    def exercises(self) -> list[Exercise]:
        return [ex for lesson in self.lessons for ex in lesson.exercises]

    def grading_items(self) -> list[tuple[str, str, float]]:
        """(exercise id, lesson id, points) for every exercise, as `tutor.progress.grade` wants."""
        return [(ex.id, ex.lesson_id, float(ex.points)) for ex in self.exercises()]

    def lesson(self, key: str) -> Lesson | None:
        """A lesson by folder name ("02-artificial-neuron") or number ("2", "02")."""
        key = key.strip()
        for lesson in self.lessons:
            if key == lesson.id or (key.isdigit() and int(key) == lesson.number):
                return lesson
        return None

    def exercise(self, key: str) -> Exercise | None:
        key = key.strip()
        for ex in self.exercises():
            if ex.id == key:
                return ex
        return None

    def lesson_of(self, exercise: Exercise) -> Lesson:
        lesson = self.lesson(exercise.lesson_id)
        assert lesson is not None, exercise.lesson_id
        return lesson
