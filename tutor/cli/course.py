"""`tutor lessons` and `tutor show`: the course as the learner sees it."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from tutor.cli.common import (
    UsageError,
    find_exercise,
    find_lesson,
    load_course,
    open_store,
    status_label,
)
from tutor.cli.output import console, escape, number, points_text
from tutor.cli.registry import command
from tutor.i18n import pick, t, tt

if TYPE_CHECKING:
    from rich.table import Table

    from tutor.course import Course, Exercise, Problem
    from tutor.progress import GradeReport


@command("lessons", "the course map: every lesson with its status and grade")
def cmd_lessons(args: argparse.Namespace, lang: str) -> int:
    """Exit 1 when a file of the course is broken (each problem is named below the table)."""
    from rich.table import Table

    from tutor.gradebook import grade_course

    course = load_course()
    with open_store(lang) as store:
        report = grade_course(course, store)
    table = Table(title=pick(course.title, lang), title_justify="left", expand=False)
    table.add_column("#", justify="right")
    table.add_column(t("cli_lesson", lang))
    table.add_column(t("cli_status", lang))
    table.add_column(t("cli_grade", lang), justify="right")
    for part in course.parts or ():
        table.add_row("", f"[b]{escape(pick(part.title, lang))}[/b]", "", "")
        for lesson_id in part.lesson_ids:
            _lesson_row(table, course, lesson_id, report, lang)
    listed = {i for part in course.parts for i in part.lesson_ids}
    for lesson in course.lessons:
        if lesson.id not in listed:
            _lesson_row(table, course, lesson.id, report, lang)
    total = report.course
    table.add_section()
    table.add_row(
        "",
        t("cli_course_total", lang),
        status_label(total.status, lang),
        f"{number(total.points)}/{number(total.max_points)} ({total.percent:.0f}%)",
    )
    console().print(table)
    return report_problems(course.all_problems(), lang)


def report_problems(problems: list[Problem], lang: str) -> int:
    """Name every broken file and line on stderr; 1 if there were any, else 0."""
    if not problems:
        return 0
    print(t("cli_content_broken", lang, count=len(problems)), file=sys.stderr)
    for problem in problems:
        print(f"  {problem}", file=sys.stderr)
    return 1


def _lesson_row(
    table: Table, course: Course, lesson_id: str, report: GradeReport, lang: str
) -> None:
    lesson = course.lesson(lesson_id)
    assert lesson is not None
    if not lesson.available:
        first = lesson.problems[0]
        table.add_row(
            f"{lesson.number:02d}",
            escape(pick(lesson.title, lang)),
            f"[red]{t('status_unavailable', lang)}[/red]",
            escape(f"{first.path.name}:{first.line or ''}"),
        )
        return
    score = report.lessons.get(lesson.id)
    status = score.status if score else "not_started"
    grade_text = f"{number(score.points)}/{number(score.max_points)}" if score else "-"
    table.add_row(
        f"{lesson.number:02d}",
        escape(pick(lesson.title, lang)),
        status_label(status, lang),
        grade_text,
    )


def _show_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", help="a lesson (5, 05, 05-activation-functions) or an exercise")


@command(
    "show",
    "show a lesson (number or name) or an exercise (02.storm-weights)",
    arguments=_show_arguments,
)
def cmd_show(args: argparse.Namespace, lang: str) -> int:
    from rich.markdown import Markdown
    from rich.text import Text

    course = load_course()
    key = args.id.strip()
    if "." not in key and (key.isdigit() or course.lesson(key) is not None):
        lesson = find_lesson(course, key)
        if not lesson.available:
            for problem in lesson.problems:
                print(f"tutor: {problem}", file=sys.stderr)
            raise UsageError(tt("cli_lesson_unavailable", lesson=lesson.id))
        out = console()
        out.print(Markdown(lesson.markdown(lang)))
        out.print()
        from tutor.viz.show import print_inside  # the lesson's network, inside (08, 09)

        print_inside(out, lesson.path, lang)
        out.print(Text(t("cli_exercises", lang), style="bold"))
        for exercise in lesson.exercises:
            out.print(
                Text(
                    f"  {exercise.id}  [{exercise.kind}, {points_text(exercise.points, lang)}] "
                    f"{pick(exercise.title, lang)}"
                )
            )
        return 0
    show_exercise(find_exercise(course, key), lang)
    return 0


def show_exercise(exercise: Exercise, lang: str) -> None:
    """The exercise's title, prompt, what else it needs, the starter, and how to answer."""
    from rich.markdown import Markdown
    from rich.text import Text

    from tutor.exercises import get_kind

    kind = get_kind(exercise.kind)
    with open_store(lang) as store:
        progress = store.exercise_progress(exercise.id)
    out = console()
    out.print(Text(f"{exercise.id} · {pick(exercise.title, lang)}", style="bold"))
    out.print(Markdown(pick(exercise.prompt, lang)))
    extra = kind.describe(exercise, lang)
    if extra:
        out.print(Text(extra))
    revealed = kind.revealed(exercise, lang) if progress.attempts else ""
    if revealed:  # answered before: the run that settles it
        out.print(Text(revealed))
    starter = kind.starter(exercise)
    if starter and exercise.kind == "code":
        from rich.syntax import Syntax

        out.print(Syntax(starter, "python", line_numbers=True))
    footer = t(
        "cli_exercise_footer",
        lang,
        points=points_text(exercise.points, lang),
        attempts=progress.attempts,
        status=status_label(progress.status, lang),
    )
    out.print(Text(footer, style="dim"))
    out.print(Text(how_to_answer(exercise, lang), style="dim"), soft_wrap=True)  # whole paths


def how_to_answer(exercise: Exercise, lang: str) -> str:
    if exercise.kind != "code":
        return t("cli_answer_with", lang, id=exercise.id)
    from tutor.workspace import exercise_file

    return t("cli_answer_code_with", lang, id=exercise.id, file=exercise_file(exercise))
