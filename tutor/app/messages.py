"""The app's own messages, all of them: small dataclasses that workers and widgets post instead of
touching other widgets directly (Textual's `Message.__post_init__` sets up a dataclass message).

A progress message that a newer one makes useless says so in `can_replace`, so a busy screen
never falls behind a training thread and the thread never waits for the screen."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from textual.message import Message

if TYPE_CHECKING:
    from tutor.course import Course
    from tutor.exercises import Verdict
    from tutor.lab import LabData, LabProgress, LabResult, PlaygroundProgress


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
class ExperimentProgress(Message):
    """A snapshot of an experiment exercise's run. A newer snapshot replaces one still queued."""

    exercise_id: str
    epoch: int  # epochs finished
    epochs: int  # epochs planned
    losses: tuple[float, ...]
    logs: dict[str, Any]

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, ExperimentProgress) and message.exercise_id == self.exercise_id


@dataclass
class ExportDone(Message):
    """The gradebook export finished: `error` is None on success, else bilingual text."""

    path: str
    error: dict[str, str] | None


# --- the training lab and the playground ---------------------------------------------------------


@dataclass
class LabTrainingProgress(Message):
    """A snapshot of the lab's run `run_id`; a newer one replaces one still in the queue."""

    progress: LabProgress
    run_id: int

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, LabTrainingProgress)


@dataclass
class LabTrainingStage(Message):
    """The lab's run moved on to another stage ("evaluating")."""

    stage: str
    run_id: int


@dataclass
class LabTrainingFinished(Message):
    """The lab's run is over: its result and data, or the error that ended it (one line)."""

    run_id: int
    result: LabResult | None = None
    data: LabData | None = None
    error: str | None = None


@dataclass
class PlaygroundFrame(Message):
    """One frame from the playground's thread; a newer one replaces one still in the queue."""

    frame: PlaygroundProgress

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, PlaygroundFrame)


@dataclass
class PlaygroundFailed(Message):
    """The playground's training of network `generation` ended with an error (one line)."""

    generation: int
    error: str
