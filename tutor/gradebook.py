"""The gradebook: every exercise's status and points, per lesson and for the course, as a table.

Built with pandas so that `tutor progress` and the app export the same CSV and JSON.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tutor.i18n import pick
from tutor.progress import GradeReport, ProgressStore, grade

if TYPE_CHECKING:
    import pandas as pd

    from tutor.course import Course


def grade_course(course: Course, store: ProgressStore) -> GradeReport:
    """The learner's grades for the whole course (derived from attempts, never stored)."""
    return grade(store.all_progress(), course.grading_items())


COLUMNS = (
    "level",
    "lesson",
    "exercise",
    "title",
    "status",
    "points",
    "max_points",
    "percent",
    "attempts",
    "last_attempt",
)


def gradebook_frame(course: Course, store: ProgressStore, lang: str) -> pd.DataFrame:
    """One row per exercise, one per lesson and one for the course."""
    import pandas as pd

    progress = store.all_progress()
    report = grade(progress, course.grading_items())
    rows = []
    for lesson in course.lessons:
        if not lesson.exercises:
            continue
        score = report.lessons[lesson.id]
        rows.append(
            (
                "lesson",
                lesson.id,
                "",
                pick(lesson.title, lang),
                score.status,
                score.points,
                score.max_points,
                round(score.percent, 1),
                None,
                None,
            )
        )
        for exercise in lesson.exercises:
            mark = report.exercises[exercise.id]
            seen = progress.get(exercise.id)
            rows.append(
                (
                    "exercise",
                    lesson.id,
                    exercise.id,
                    pick(exercise.title, lang),
                    mark.status,
                    mark.points,
                    mark.max_points,
                    round(mark.percent, 1),
                    seen.attempts if seen else 0,
                    seen.last_attempt_at if seen else None,
                )
            )
    total = report.course
    rows.append(
        (
            "course",
            "",
            "",
            pick(course.title, lang),
            total.status,
            total.points,
            total.max_points,
            round(total.percent, 1),
            None,
            None,
        )
    )
    return pd.DataFrame(rows, columns=list(COLUMNS))
