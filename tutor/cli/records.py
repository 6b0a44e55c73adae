"""`tutor progress`, `tutor regrade` and `tutor reset`: the learner's record."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from tutor.cli.common import UsageError, find_exercise, load_course, open_store, status_label
from tutor.cli.output import console, number
from tutor.cli.registry import command
from tutor.i18n import pick, t, tt

if TYPE_CHECKING:
    from rich.table import Table

    from tutor.course import Course
    from tutor.progress import ProgressStore


def _progress_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("table", "csv", "json"), default="table")
    parser.add_argument(
        "--output", type=Path, help="write to this file (its folder must exist) instead"
    )


@command("progress", "grades per lesson and exercise", arguments=_progress_arguments)
def cmd_progress(args: argparse.Namespace, lang: str) -> int:
    course = load_course()
    output: Path | None = args.output
    if output is not None:
        if output.is_dir():
            raise UsageError(tt("cli_output_is_folder", path=output))
        if not output.parent.is_dir():
            raise UsageError(tt("cli_no_such_folder", path=output.parent, file=output.name))
    with open_store(lang) as store:
        if args.format == "table":
            table = progress_table(course, store, lang)
            text = None
        else:
            from tutor.gradebook import export_text, gradebook_frame

            text = export_text(gradebook_frame(course, store, lang), args.format)
    if output is None:
        if text is None:
            console().print(table)
        else:
            sys.stdout.write(text)
        return 0
    try:
        if text is None:
            from rich.console import Console

            with output.open("w", encoding="utf-8") as file:
                Console(file=file, width=120, color_system=None).print(table)
        else:
            from tutor.gradebook import write_export

            write_export(text, output, args.format)
    except OSError as error:
        raise UsageError(
            tt("cli_cannot_write", path=output, reason=error.strerror or str(error))
        ) from None
    print(t("cli_written", lang, path=output))
    return 0


def progress_table(course: Course, store: ProgressStore, lang: str) -> Table:
    """Every lesson (bold) and its exercises, with status, points, attempts and the last try."""
    from rich.table import Table
    from rich.text import Text

    from tutor.progress import grade

    progress = store.all_progress()
    report = grade(progress, course.grading_items())
    table = Table(title=pick(course.title, lang), title_justify="left", show_edge=False)
    table.add_column("", overflow="fold", max_width=20)  # ids, copied into other commands
    table.add_column(t("cli_title", lang), min_width=10)
    table.add_column(t("cli_status", lang), no_wrap=True)
    table.add_column(t("cli_points_column", lang), justify="right", no_wrap=True)
    table.add_column(t("cli_attempts", lang), justify="right", no_wrap=True)
    table.add_column(t("cli_last_attempt", lang), no_wrap=True)
    for lesson in course.lessons:
        if not lesson.exercises:
            continue
        score = report.lessons[lesson.id]
        table.add_row(
            Text(f"{lesson.number:02d}", style="bold"),
            Text(pick(lesson.title, lang), style="bold"),
            Text(status_label(score.status, lang), style="bold"),
            Text(f"{number(score.points)}/{number(score.max_points)}", style="bold"),
            "",
            "",
        )
        for exercise in lesson.exercises:
            mark = report.exercises[exercise.id]
            seen = progress.get(exercise.id)
            table.add_row(
                Text(exercise.id, style="dim"),
                Text("  " + (pick(exercise.title, lang) or exercise.local_id)),
                status_label(mark.status, lang),
                f"{number(mark.points)}/{number(mark.max_points)}",
                str(seen.attempts if seen else 0),
                _when(seen.last_attempt_at if seen else None),
            )
    total = report.course
    table.add_section()
    table.add_row(
        "",
        Text(f"{t('cli_course_total', lang)} ({total.percent:.0f}%)", style="bold"),
        status_label(total.status, lang),
        f"{number(total.points)}/{number(total.max_points)}",
        "",
        "",
    )
    return table


def _when(moment: datetime | None) -> str:
    """A time in the learner's own time zone, month to minute; "-" for never."""
    return moment.astimezone().strftime("%m-%d %H:%M") if moment is not None else "-"


@command("regrade", "re-check every stored answer and compare the verdicts")
def cmd_regrade(args: argparse.Namespace, lang: str) -> int:
    from tutor.grading import check, points_for

    course = load_course()
    changed = unknown = 0
    with open_store(lang) as store:
        attempts = store.attempts()
        for attempt in attempts:
            exercise = course.exercise(attempt.exercise_id)
            if exercise is None:
                unknown += 1
                continue
            verdict = check(exercise, attempt.answer)
            points = points_for(exercise, verdict)
            regrade = store.record_regrade(attempt.id, verdict.status, points)
            if regrade.changed:
                changed += 1
                print(
                    t(
                        "cli_regrade_changed",
                        lang,
                        id=attempt.exercise_id,
                        at=attempt.created_at,
                        old=attempt.verdict,
                        new=verdict.status,
                    )
                )
    print(t("cli_regrade_summary", lang, total=len(attempts), changed=changed, unknown=unknown))
    return 0 if changed == 0 else 1


def _reset_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("target", nargs="?", help="a lesson or exercise id; none means everything")
    parser.add_argument("--yes", action="store_true", help="really delete")


@command(
    "reset",
    "forget attempts: of one exercise, one lesson, or all",
    arguments=_reset_arguments,
)
def cmd_reset(args: argparse.Namespace, lang: str) -> int:
    course = load_course()
    lesson_id = exercise_id = None
    if args.target:
        lesson = course.lesson(args.target)
        if lesson is not None:
            lesson_id = lesson.id
        else:
            exercise_id = find_exercise(course, args.target).id
    what = args.target or t("cli_everything", lang)
    if not args.yes:
        raise UsageError(tt("cli_reset_needs_yes", what=what))
    with open_store(lang) as store:
        removed = store.reset(lesson_id=lesson_id, exercise_id=exercise_id)
    print(t("cli_reset_done", lang, what=what, rows=removed))
    return 0
