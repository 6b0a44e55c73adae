"""How fast `tutor grade-class` regrades a class: N bundles of the whole course.

    python bench/grade_class.py [--learners 30] [--workers N]

Each learner's bundle holds, for every exercise of the shipped course, one plainly wrong answer
(where the kind knows one) and then the reference solution: two attempts per exercise. Code
answers get a comment naming the learner, so every learner's code runs in the sandbox (a class
writes code differently); other answers are the same for everyone and are checked once, as the
command does. Prints the time, the distinct checks and the rates. Target on the 2-core
reference machine: 30 bundles in a few minutes.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path


class _Attempt:
    """What `tutor.classroom.bundle.build` reads from a stored attempt."""

    def __init__(self, exercise, answer: str, verdict: str) -> None:  # type: ignore[no-untyped-def]
        self.exercise_id, self.lesson_id, self.answer = exercise.id, exercise.lesson_id, answer
        self.verdict, self.points, self.max_points = verdict, 0.0, float(exercise.points)
        self.created_at, self.tutor_version, self.duration_s = datetime.now(UTC), "bench", 0.0


def write_class(folder: Path, learners: int) -> tuple[int, int]:
    """Write the bundles; return (bundles, attempts)."""
    from tutor import __version__
    from tutor.classroom import bundle
    from tutor.course import load_course
    from tutor.exercises import get_kind

    course = load_course()
    checksum = bundle.course_checksum(course.root)
    attempts = 0
    for number in range(learners):
        mine = []
        for exercise in course.exercises():
            wrong = get_kind(exercise.kind).plainly_wrong(exercise)[:1]
            for answer, verdict in [*((w, "failed") for w in wrong), (exercise.solution, "passed")]:
                if exercise.kind == "code":
                    answer = f"{answer.rstrip()}\n# learner {number}\n"
                mine.append(_Attempt(exercise, answer, verdict))
        attempts += len(mine)
        data = bundle.build(f"learner-{number:02d}", "bench", checksum, mine, __version__)
        bundle.write(folder / f"learner-{number:02d}.json", data)
    return learners, attempts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=30)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    from tutor.classroom import grade_class
    from tutor.course import load_course

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        bundles, attempts = write_class(folder, args.learners)
        course = load_course()
        started = time.perf_counter()
        found, skipped = grade_class.read_bundles(folder)
        report = grade_class.grade_class(course, found, skipped, workers=args.workers)
        seconds = time.perf_counter() - started
    full = sum(learner.percent == 100.0 for learner in report.learners)
    print(f"bundles            {bundles} ({attempts} attempts, {report.checks} distinct checks)")
    print(f"workers            {args.workers} (cores: {os.cpu_count()})")
    print(f"time               {seconds:.1f} s")
    print(
        f"rate               {report.checks / seconds:.1f} checks/s, "
        f"{60 * bundles / seconds:.1f} bundles/min"
    )
    print(f"learners at 100%   {full} of {bundles} (every reference solution must pass)")
    return 0 if full == bundles else 1


if __name__ == "__main__":
    sys.exit(main())
