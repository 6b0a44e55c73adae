"""Grades per exercise, per lesson and for the course, computed from stored progress.

Pure: the course says which exercises exist and what each is worth, the store says how far the
learner got, and `grade` combines the two. Nothing here is ever stored, so a grade cannot disagree
with the attempts it comes from.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from tutor.progress.models import ExerciseProgress, Status


def _percent(points: float, max_points: float, status: Status) -> float:
    if max_points > 0:
        return 100.0 * points / max_points
    return 100.0 if status == "passed" else 0.0


@dataclass(frozen=True)
class ExerciseGrade:
    exercise_id: str
    lesson_id: str
    points: float
    max_points: float
    status: Status

    @property
    def percent(self) -> float:
        return _percent(self.points, self.max_points, self.status)


@dataclass(frozen=True)
class Score:
    """The sum over some exercises: a lesson's, or the whole course's."""

    points: float
    max_points: float
    exercises: int
    passed: int
    status: Status  # "passed" if every exercise passed, "not_started" if none was touched

    @property
    def percent(self) -> float:
        return _percent(self.points, self.max_points, self.status)


@dataclass(frozen=True)
class GradeReport:
    exercises: dict[str, ExerciseGrade]  # in course order
    lessons: dict[str, Score]  # in course order
    course: Score
    unknown: tuple[str, ...]  # exercises with stored progress that the course no longer has


def grade(
    progress: Mapping[str, ExerciseProgress],
    exercises: Iterable[tuple[str, str, float]],
) -> GradeReport:
    """Grade `progress` (from `store.all_progress()`) against the course's exercises.

    `exercises` lists `(exercise_id, lesson_id, max_points)` in course order. An exercise earns
    its best attempt's fraction of its points, scaled to the course's current `max_points`, so
    changing an exercise's worth does not strand old attempts.
    """
    graded: dict[str, ExerciseGrade] = {}
    by_lesson: dict[str, list[ExerciseGrade]] = {}
    for exercise_id, lesson_id, max_points in exercises:
        if exercise_id in graded:
            raise ValueError(f"exercise {exercise_id!r} is listed twice")
        if max_points < 0:
            raise ValueError(f"exercise {exercise_id!r} has negative max_points ({max_points})")
        max_points = float(max_points)
        mine = progress.get(exercise_id) or ExerciseProgress(exercise_id)
        points = round(min(mine.best_fraction, 1.0) * max_points, 9)
        graded[exercise_id] = ExerciseGrade(exercise_id, lesson_id, points, max_points, mine.status)
        by_lesson.setdefault(lesson_id, []).append(graded[exercise_id])
    return GradeReport(
        exercises=graded,
        lessons={lesson: _total(grades) for lesson, grades in by_lesson.items()},
        course=_total(list(graded.values())),
        unknown=tuple(sorted(set(progress) - set(graded))),
    )


def _total(grades: list[ExerciseGrade]) -> Score:
    passed = sum(g.status == "passed" for g in grades)
    status: Status
    if grades and passed == len(grades):
        status = "passed"
    elif all(g.status == "not_started" for g in grades):
        status = "not_started"
    else:
        status = "in_progress"
    return Score(
        points=round(sum(g.points for g in grades), 9),
        max_points=sum((g.max_points for g in grades), 0.0),
        exercises=len(grades),
        passed=passed,
        status=status,
    )
