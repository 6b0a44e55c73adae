"""The app's own messages: small dataclasses that workers and widgets post instead of touching
other widgets directly (Textual's `Message.__post_init__` sets up a dataclass message)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from textual.message import Message

if TYPE_CHECKING:
    from tutor.course import Course
    from tutor.exercises import Trial, Verdict


@dataclass
class CourseLoaded(Message):
    """The course finished loading in the background."""

    course: Course


@dataclass
class CourseFailed(Message):
    """The course could not be loaded at all; `problem` says why in plain words."""

    problem: str


@dataclass
class OpenLesson(Message):
    """Open a lesson (by id) on the lesson screen."""

    lesson_id: str


@dataclass
class VerdictReady(Message):
    """A check finished (and was recorded)."""

    exercise_id: str
    verdict: Verdict


@dataclass
class CheckFailed(Message):
    """A check could not run at all (e.g. the progress file is locked); bilingual text."""

    exercise_id: str
    message: dict[str, str]


@dataclass
class ProgressChanged(Message):
    """An exercise's progress changed (attempt, hint or solution); screens refresh marks."""

    exercise_id: str


@dataclass
class TrainingProgress(Message):
    """A snapshot of a running experiment. A newer snapshot replaces one still queued."""

    exercise_id: str
    epoch: int  # epochs finished
    epochs: int  # epochs planned
    losses: tuple[float, ...]
    logs: dict[str, Any]

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, TrainingProgress) and message.exercise_id == self.exercise_id


@dataclass
class ExportDone(Message):
    """The gradebook export finished: `error` is None on success, else bilingual text."""

    path: str
    error: dict[str, str] | None


@dataclass
class TrialReady(Message):
    """A run of the learner's code without grading finished (nothing was recorded)."""

    exercise_id: str
    trial: Trial
