"""The gradebook: every exercise's status and points, per lesson and for the course, as a table.

Built with pandas so that `tutor progress` and the app export the same CSV and JSON. Cells hold
whole numbers as integers (2, not 2.0), an empty cell where nothing applies (never NaN or NaT),
and times as ISO 8601 text; a CSV file starts with a UTF-8 byte order mark, so that Excel on a
Korean Windows reads its Hangul as Hangul.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
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


def number(value: float) -> int | float:
    """2.0 -> 2; 1.25 stays 1.25 (to two decimals)."""
    rounded = round(float(value), 2)
    return int(rounded) if rounded.is_integer() else rounded


def _time(moment: datetime | None) -> str | None:
    return moment.isoformat(timespec="seconds") if moment is not None else None


def gradebook_frame(course: Course, store: ProgressStore, lang: str) -> pd.DataFrame:
    """One row per exercise, one per lesson and one for the course."""
    import pandas as pd

    progress = store.all_progress()
    report = grade(progress, course.grading_items())
    rows: list[tuple[object, ...]] = []
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
                number(score.points),
                number(score.max_points),
                number(round(score.percent, 1)),
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
                    number(mark.points),
                    number(mark.max_points),
                    number(round(mark.percent, 1)),
                    seen.attempts if seen else 0,
                    _time(seen.last_attempt_at if seen else None),
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
            number(total.points),
            number(total.max_points),
            number(round(total.percent, 1)),
            None,
            None,
        )
    )
    # object columns keep 2 as 2 and None as None (a float column would make them 2.0 and NaN)
    return pd.DataFrame(rows, columns=list(COLUMNS), dtype=object)


FORMATS = ("table", "csv", "json")


def export_text(frame: pd.DataFrame, fmt: str) -> str:
    """The gradebook as CSV or JSON text."""
    if fmt == "json":
        return frame.to_json(orient="records", force_ascii=False, indent=2) + "\n"
    return frame.to_csv(index=False)


def write_export(text: str, path: Path, fmt: str) -> None:
    """Write an export to `path`, whose folder must exist (a typo must not create folders).

    CSV gets a UTF-8 byte order mark: Excel on Korean Windows reads a file without one as CP949
    and shows its Hangul as mojibake. Raises OSError (FileNotFoundError for a missing folder)."""
    if not path.parent.is_dir():
        raise FileNotFoundError(2, "no such folder", str(path.parent))
    path.write_text(text, encoding="utf-8-sig" if fmt == "csv" else "utf-8")
