"""The records the progress store hands out. All are frozen: they are snapshots, not live rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from tutor.verdicts import VerdictStatus

PASSED = "passed"  # the one verdict that counts as solving an exercise

EventKind = Literal["hint", "solution"]
EVENT_KINDS: tuple[str, ...] = ("hint", "solution")
Status = Literal["not_started", "in_progress", "passed"]
Feedback = str | dict[str, str]  # plain text, or {"ko": ..., "en": ...} as checks produce it


@dataclass(frozen=True)
class Attempt:
    """One answer the learner submitted and what the check said about it."""

    id: int
    exercise_id: str
    lesson_id: str
    answer: str
    verdict: VerdictStatus
    points: float
    max_points: float
    feedback: Feedback
    created_at: datetime  # UTC
    tutor_version: str
    duration_s: float

    @property
    def passed(self) -> bool:
        return self.verdict == PASSED


@dataclass(frozen=True)
class Event:
    """Something the learner did that is not an attempt: revealing a hint or the solution."""

    id: int
    exercise_id: str
    lesson_id: str
    kind: str  # "hint" (detail: the hint's number, from 1) or "solution"
    detail: int | str | None
    created_at: datetime
    tutor_version: str


@dataclass(frozen=True)
class ExerciseProgress:
    """Where the learner stands on one exercise, derived from its attempts and events.

    `status` is "passed" once any attempt passed, "in_progress" after any attempt or revealed
    hint or solution, else "not_started". `max_points` is the one recorded with the latest
    attempt; `best_fraction` is the best `points / max_points` of any attempt (what `grade`
    scales to the course's points).
    """

    exercise_id: str
    lesson_id: str | None = None
    status: Status = "not_started"
    attempts: int = 0
    best_points: float = 0.0
    max_points: float = 0.0
    best_fraction: float = 0.0
    last_verdict: VerdictStatus | None = None
    last_attempt_at: datetime | None = None
    hints_shown: int = 0  # distinct hint numbers revealed
    solution_shown: bool = False

    @property
    def passed(self) -> bool:
        return self.status == "passed"


@dataclass(frozen=True)
class Regrade:
    """A stored attempt next to what today's check says about the same answer."""

    attempt: Attempt
    verdict: VerdictStatus
    points: float
    feedback: Feedback
    regraded_at: datetime
    tutor_version: str

    @property
    def changed(self) -> bool:
        """True if the new check disagrees with the original verdict or points."""
        return self.verdict != self.attempt.verdict or self.points != self.attempt.points
