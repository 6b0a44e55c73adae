"""The class report as JSON, CSV and a terminal table.

JSON: {"course": {...}, "learners": [{learner, bundle, points, max_points, percent, lessons,
disagreements, same_course, attempts, disagreement_details}], "exercises": [{exercise_id,
lesson_id, attempted, passed, pass_rate}], "disagreeing_bundles": [...], "skipped": [...]}.
CSV: one row per learner with the same columns (`lessons` as "lesson=points/max; ...",
`disagreements` as a count), then one column per lesson's points; the pass rates go to a second
CSV beside it (`exercises_csv`).
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict
from typing import Any

from tutor.classroom import messages
from tutor.classroom.grade_class import ClassReport, LearnerGrade
from tutor.i18n import pick

COLUMNS = (
    "learner",
    "bundle",
    "points",
    "max_points",
    "percent",
    "lessons",
    "disagreements",
    "same_course",
    "attempts",
)


def as_json(report: ClassReport) -> str:
    data: dict[str, Any] = {
        "course": {"title": report.course_title, "checksum": report.course_checksum},
        "learners": [_learner_json(learner) for learner in report.learners],
        "exercises": [
            {**asdict(rate), "pass_rate": round(rate.pass_rate, 4)} for rate in report.exercises
        ],
        "disagreeing_bundles": disagreeing(report),
        "skipped": [{"file": name, "reason": why["en"]} for name, why in report.skipped],
        "checks": report.checks,
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def as_csv(report: ClassReport) -> str:
    lesson_ids = list(report.learners[0].lessons) if report.learners else []
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([*COLUMNS, *lesson_ids])
    for learner in report.learners:
        lessons = "; ".join(
            f"{lesson}={_num(points)}/{_num(learner.lesson_max[lesson])}"
            for lesson, points in learner.lessons.items()
        )
        row = [
            learner.learner,
            learner.bundle,
            _num(learner.points),
            _num(learner.max_points),
            learner.percent,
            lessons,
            len(learner.disagreements),
            learner.same_course,
            learner.attempts,
        ]
        writer.writerow(row + [_num(learner.lessons[lesson]) for lesson in lesson_ids])
    return out.getvalue()


def exercises_csv(report: ClassReport) -> str:
    """One row per exercise: how many learners tried it and how many of them passed it."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["exercise_id", "lesson_id", "attempted", "passed", "pass_rate"])
    for rate in report.exercises:
        writer.writerow(
            [
                rate.exercise_id,
                rate.lesson_id,
                rate.attempted,
                rate.passed,
                round(rate.pass_rate, 4),
            ]
        )
    return out.getvalue()


def disagreeing(report: ClassReport) -> list[str]:
    return [learner.bundle for learner in report.learners if learner.disagreements]


def show(report: ClassReport, lang: str) -> None:
    """Two tables on the terminal: the learners, then each exercise's pass rate."""
    from rich.console import Console
    from rich.table import Table

    console = Console(highlight=False)
    head = {key: pick(text, lang) for key, text in messages.HEADERS.items()}
    learners = Table(title=pick(report.course_title, lang))
    for key in ("learner", "bundle", "points", "percent", "disagreements", "note"):
        learners.add_column(head[key], justify="right" if key in ("points", "percent") else "left")
    for learner in report.learners:
        note = "" if learner.same_course else pick(messages.OTHER_COURSE, lang)
        learners.add_row(
            learner.learner,
            learner.bundle,
            f"{_num(learner.points)}/{_num(learner.max_points)}",
            f"{learner.percent:.1f}",
            str(len(learner.disagreements)),
            note,
        )
    console.print(learners)
    rates = Table()
    for key in ("exercise", "attempted", "pass_rate"):
        rates.add_column(head[key], justify="left" if key == "exercise" else "right")
    for rate in report.exercises:
        if rate.attempted:
            rates.add_row(rate.exercise_id, str(rate.attempted), f"{100 * rate.pass_rate:.0f}%")
    console.print(rates)


def _learner_json(learner: LearnerGrade) -> dict[str, Any]:
    return {
        "learner": learner.learner,
        "bundle": learner.bundle,
        "points": learner.points,
        "max_points": learner.max_points,
        "percent": learner.percent,
        "lessons": {
            lesson: {"points": points, "max_points": learner.lesson_max[lesson]}
            for lesson, points in learner.lessons.items()
        },
        "disagreements": len(learner.disagreements),
        "disagreement_details": [asdict(d) for d in learner.disagreements],
        "same_course": learner.same_course,
        "attempts": learner.attempts,
        "unknown_exercises": learner.unknown_exercises,
    }


def _num(value: float) -> str:
    return f"{value:g}"
