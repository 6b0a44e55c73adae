"""Grade a class from its bundles: every answer re-checked from scratch, on every core.

Nothing a bundle records is trusted: each distinct (exercise, answer) pair is checked again
with `tutor.grading.check` (learner code only ever runs in the sandbox), once for the whole
class, in a pool of worker processes. A learner's grade is what the regrade says: per exercise
the best attempt's fraction of its points, summed per lesson and for the course, exactly as the
progress store grades one learner (`tutor.progress.grade`). The verdicts the bundle recorded
are only compared with the regrade, to list the bundles that disagree.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from tutor.classroom import bundle as bundles
from tutor.course.model import Course
from tutor.progress import ExerciseProgress, grade

Key = tuple[str, str]  # (exercise id, answer)
Regraded = tuple[str, float, float]  # (verdict, points, max points)


@dataclass(frozen=True)
class Disagreement:
    exercise_id: str
    created_at: str
    recorded: str
    regraded: str


@dataclass
class LearnerGrade:
    learner: str
    bundle: str
    points: float
    max_points: float
    percent: float
    lessons: dict[str, float]  # lesson id -> points
    lesson_max: dict[str, float]
    disagreements: list[Disagreement]
    same_course: bool
    attempts: int
    unknown_exercises: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ExerciseRate:
    exercise_id: str
    lesson_id: str
    attempted: int  # learners who tried it
    passed: int  # learners whose regrade passed it

    @property
    def pass_rate(self) -> float:
        return self.passed / self.attempted if self.attempted else 0.0


@dataclass
class ClassReport:
    course_title: dict[str, str]  # in both languages
    course_checksum: str
    learners: list[LearnerGrade]
    exercises: list[ExerciseRate]
    skipped: list[tuple[str, dict[str, str]]]  # (file name, why in both languages)
    checks: int  # distinct answers checked


def read_bundles(folder: Path) -> tuple[list[bundles.Bundle], list[tuple[str, dict[str, str]]]]:
    """Every bundle in `folder` (sorted by name); the files that are not, with the reason."""
    found, skipped = [], []
    for path in sorted(p for p in folder.iterdir() if not p.name.startswith(".")):
        if not path.is_file():
            continue
        try:
            found.append(bundles.read(path))
        except bundles.BundleError as error:
            skipped.append((path.name, error.text))
    return found, skipped


def regrade_all(
    course: Course,
    keys: list[Key],
    workers: int,
    on_done: Callable[[int, int], None] = lambda done, total: None,
) -> dict[Key, Regraded]:
    """Check every (exercise, answer) pair in a pool of `workers` processes."""
    results: dict[Key, Regraded] = {}
    if not keys:
        return results
    if workers <= 1:
        _start_worker(str(course.root))
        for number, key in enumerate(keys, 1):
            results[key] = _check_one(key)
            on_done(number, len(keys))
        return results
    context = get_context("spawn")  # a clean interpreter: no threads or locks copied by fork
    with ProcessPoolExecutor(
        workers, mp_context=context, initializer=_start_worker, initargs=(str(course.root),)
    ) as pool:
        futures: dict[Future[Regraded], Key] = {pool.submit(_check_one, k): k for k in keys}
        try:
            for number, future in enumerate(as_completed(futures), 1):
                results[futures[future]] = future.result()
                on_done(number, len(keys))
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise
    return results


def grade_class(
    course: Course,
    found: list[bundles.Bundle],
    skipped: list[tuple[str, dict[str, str]]],
    workers: int | None = None,
    on_done: Callable[[int, int], None] = lambda done, total: None,
) -> ClassReport:
    """Regrade every attempt of every bundle and grade each learner."""
    checksum = bundles.course_checksum(course.root)
    kind = {exercise.id: exercise.kind for exercise in course.exercises()}
    pairs = {(a.exercise_id, a.answer) for b in found for a in b.attempts if a.exercise_id in kind}
    # Training runs (experiments) are the slowest checks: start them first, so that the code
    # checks fill the other cores meanwhile instead of one long run ending the class alone.
    keys = sorted(pairs, key=lambda key: (kind[key[0]] != "experiment", key))
    workers = workers or min(os.cpu_count() or 1, max(1, len(keys)))
    results = regrade_all(course, keys, workers, on_done)
    learners = [_learner(course, b, results, checksum) for b in found]
    return ClassReport(
        course_title=dict(course.title),
        course_checksum=checksum,
        learners=learners,
        exercises=_rates(course, found, results),
        skipped=skipped,
        checks=len(keys),
    )


def _learner(
    course: Course, found: bundles.Bundle, results: dict[Key, Regraded], checksum: str
) -> LearnerGrade:
    lesson_of = {exercise.id: exercise.lesson_id for exercise in course.exercises()}
    progress: dict[str, ExerciseProgress] = {}
    disagreements, unknown = [], []
    for attempt in found.attempts:
        result = results.get((attempt.exercise_id, attempt.answer))
        if result is None:
            unknown.append(attempt.exercise_id)
            continue
        verdict, points, max_points = result
        if verdict != attempt.verdict:
            disagreements.append(
                Disagreement(attempt.exercise_id, attempt.created_at, attempt.verdict, verdict)
            )
        fraction = points / max_points if max_points > 0 else float(verdict == "passed")
        old = progress.get(attempt.exercise_id)
        passed = verdict == "passed" or (old is not None and old.passed)
        progress[attempt.exercise_id] = ExerciseProgress(
            exercise_id=attempt.exercise_id,
            lesson_id=lesson_of[attempt.exercise_id],
            status="passed" if passed else "in_progress",
            attempts=(old.attempts if old else 0) + 1,
            best_fraction=max(fraction, old.best_fraction if old else 0.0),
        )
    report = grade(progress, course.grading_items())
    return LearnerGrade(
        learner=found.learner,
        bundle=found.path.name,
        points=report.course.points,
        max_points=report.course.max_points,
        percent=round(report.course.percent, 2),
        lessons={lesson: score.points for lesson, score in report.lessons.items()},
        lesson_max={lesson: score.max_points for lesson, score in report.lessons.items()},
        disagreements=disagreements,
        same_course=found.course_checksum == checksum,
        attempts=len(found.attempts),
        unknown_exercises=sorted(set(unknown)),
    )


def _rates(
    course: Course, found: Iterable[bundles.Bundle], results: dict[Key, Regraded]
) -> list[ExerciseRate]:
    tried: dict[str, int] = {}
    passed: dict[str, int] = {}
    for learner in found:
        mine: dict[str, bool] = {}
        for attempt in learner.attempts:
            result = results.get((attempt.exercise_id, attempt.answer))
            if result is not None:
                mine[attempt.exercise_id] = mine.get(attempt.exercise_id, False) or (
                    result[0] == "passed"
                )
        for exercise_id, ok in mine.items():
            tried[exercise_id] = tried.get(exercise_id, 0) + 1
            passed[exercise_id] = passed.get(exercise_id, 0) + ok
    return [
        ExerciseRate(ex.id, ex.lesson_id, tried.get(ex.id, 0), passed.get(ex.id, 0))
        for ex in course.exercises()
    ]


# ------------------------------------------------------------------------ in each worker

_COURSE: dict[str, Any] = {}


def _start_worker(course_root: str) -> None:
    from tutor.course import load_course

    _COURSE["course"] = load_course(Path(course_root))


def _check_one(key: Key) -> Regraded:
    """One answer, checked from scratch (never raises: `check` turns our bugs into verdicts)."""
    from tutor.grading import check, points_for

    course: Course = _COURSE["course"]
    exercise = course.exercise(key[0])
    assert exercise is not None
    verdict = check(exercise, key[1])
    return verdict.status, points_for(exercise, verdict), float(exercise.points)
