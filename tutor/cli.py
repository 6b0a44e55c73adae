"""The `tutor` command line: the course, checks, hints and progress, without the app.

Exit codes: 0 success (an answer passed), 1 an answer did not pass or lint found problems,
2 bad usage (unknown id, unreadable file), 3 an internal error (logged, never a traceback).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from tutor import __version__
from tutor.i18n import LANGS, Text, default_lang, pick, t, tt

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

    from tutor.course import Course, Exercise
    from tutor.exercises import Verdict
    from tutor.progress import GradeReport, ProgressStore


class UsageError(Exception):
    """Bad usage: one bilingual line on stderr, exit 2."""

    def __init__(self, message: Text) -> None:
        super().__init__(message.get("en", ""))
        self.text = message


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tutor",
        description="An interactive terminal tutor for neural networks. "
        "Run without a command to open the app.",
    )
    parser.add_argument("--version", action="version", version=f"tutor {__version__}")
    parser.add_argument("--lang", choices=LANGS, help="language: ko (default) or en")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.add_parser("lessons", help="the course map: every lesson with its status and grade")
    show = sub.add_parser("show", help="show a lesson (number or name) or an exercise (02.storm)")
    show.add_argument("id")
    check = sub.add_parser("check", help="check an answer and record it")
    check.add_argument("id", help="exercise id, e.g. 02.storm-weights")
    given = check.add_mutually_exclusive_group(required=True)
    given.add_argument("--answer", help="the answer as text")
    given.add_argument("--file", type=Path, help="a file holding the answer (code exercises)")
    hint = sub.add_parser("hint", help="the next hint for an exercise")
    hint.add_argument("id")
    solution = sub.add_parser("solution", help="the reference solution, once unlocked")
    solution.add_argument("id")
    progress = sub.add_parser("progress", help="grades per lesson and exercise")
    progress.add_argument("--format", choices=("table", "csv", "json"), default="table")
    progress.add_argument("--output", type=Path, help="write to this file instead of the screen")
    sub.add_parser("regrade", help="re-check every stored answer and compare the verdicts")
    reset = sub.add_parser("reset", help="forget attempts: of one exercise, one lesson, or all")
    reset.add_argument("target", nargs="?", help="a lesson or exercise id; none means everything")
    reset.add_argument("--yes", action="store_true", help="really delete")
    lint = sub.add_parser("lint", help="prove the course is sound (authors)")
    lint.add_argument(
        "path", nargs="?", type=Path, help="a course folder (default: the shipped one)"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    lang = args.lang or default_lang()
    handler = COMMANDS.get(args.command or "")
    try:
        if handler is None:
            return _start_app(args.lang)
        return handler(args, lang)
    except UsageError as error:
        print(f"tutor: {pick(error.text, lang)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # never a traceback: log it, say where the log is
        from tutor.logbook import log_exception

        log = log_exception(f"tutor {' '.join(argv or sys.argv[1:])}", error)
        print(
            f"tutor: {t('cli_internal_error', lang, error=type(error).__name__, log=log)}",
            file=sys.stderr,
        )
        return 3


def _start_app(lang: str | None) -> int:
    """The Textual app; `lang` None means the learner's remembered choice, then the locale."""
    from tutor.app import run_app

    return run_app(lang)


# --- helpers ---------------------------------------------------------------------------------


def _console() -> Console:
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


def _course() -> Course:
    from tutor.course import load_course

    return load_course()


def _store() -> ProgressStore:
    from tutor.progress import ProgressError, open_store

    try:
        store = open_store()
    except ProgressError as error:
        raise UsageError(error.message) from None
    if store.notice:
        print(f"tutor: {pick(store.notice, default_lang())}", file=sys.stderr)
    return store


def _exercise(course: Course, key: str) -> Exercise:
    exercise = course.exercise(key)
    if exercise is not None:
        return exercise
    ids = [ex.id for ex in course.exercises()]
    near = [i for i in ids if key.split(".")[-1] in i] or ids[:8]
    raise UsageError(tt("cli_unknown_exercise", key=key, near=", ".join(near)))


def _status_label(status: str, lang: str) -> str:
    return t(f"status_{status}", lang)


# --- commands --------------------------------------------------------------------------------


def cmd_lessons(args: argparse.Namespace, lang: str) -> int:
    from rich.table import Table

    from tutor.gradebook import grade_course

    course = _course()
    with _store() as store:
        report = grade_course(course, store)
    table = Table(title=pick(course.title, lang), title_justify="left", expand=False)
    table.add_column("#", justify="right")
    table.add_column(t("cli_lesson", lang))
    table.add_column(t("cli_status", lang))
    table.add_column(t("cli_grade", lang), justify="right")
    for part in course.parts or ():
        table.add_row("", f"[b]{_escape(pick(part.title, lang))}[/b]", "", "")
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
        _status_label(total.status, lang),
        f"{total.points:g}/{total.max_points:g} ({total.percent:.0f}%)",
    )
    console = _console()
    console.print(table)
    for problem in course.problems:
        console.print(f"[red]![/red] {_escape(str(problem))}")
    return 0


def _lesson_row(
    table: Table, course: Course, lesson_id: str, report: GradeReport, lang: str
) -> None:
    lesson = course.lesson(lesson_id)
    assert lesson is not None
    if not lesson.available:
        first = lesson.problems[0]
        table.add_row(
            f"{lesson.number:02d}",
            _escape(pick(lesson.title, lang)),
            f"[red]{t('status_unavailable', lang)}[/red]",
            _escape(f"{first.path.name}:{first.line or ''} {first.message}"[:60]),
        )
        return
    score = report.lessons.get(lesson.id)
    status = score.status if score else "not_started"
    grade_text = f"{score.points:g}/{score.max_points:g}" if score else "-"
    table.add_row(
        f"{lesson.number:02d}",
        _escape(pick(lesson.title, lang)),
        _status_label(status, lang),
        grade_text,
    )


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)


def cmd_show(args: argparse.Namespace, lang: str) -> int:
    from rich.markdown import Markdown
    from rich.text import Text as RichText

    from tutor.exercises import get_kind

    course = _course()
    console = _console()
    lesson = course.lesson(args.id)
    if lesson is not None:
        if not lesson.available:
            for problem in lesson.problems:
                print(f"tutor: {problem}", file=sys.stderr)
            raise UsageError(tt("cli_lesson_unavailable", lesson=lesson.id))
        console.print(Markdown(lesson.markdown(lang)))
        console.print()
        from tutor.viz.show import print_inside  # the lesson's network, inside (issue 12)

        print_inside(console, lesson.path, lang)
        console.print(RichText(t("cli_exercises", lang), style="bold"))
        for exercise in lesson.exercises:
            console.print(
                RichText(
                    f"  {exercise.id}  [{exercise.kind}, {exercise.points}] "
                    f"{pick(exercise.title, lang)}"
                )
            )
        return 0
    exercise = _exercise(course, args.id)
    kind = get_kind(exercise.kind)
    with _store() as store:
        progress = store.exercise_progress(exercise.id)
    console.print(RichText(f"{exercise.id} · {pick(exercise.title, lang)}", style="bold"))
    console.print(Markdown(pick(exercise.prompt, lang)))
    extra = kind.describe(exercise, lang)
    if extra:
        console.print(RichText(extra))
    starter = kind.starter(exercise)
    if starter and exercise.kind == "code":
        from rich.syntax import Syntax

        console.print(Syntax(starter, "python", line_numbers=True))
    console.print(
        RichText(
            t(
                "cli_exercise_footer",
                lang,
                points=exercise.points,
                attempts=progress.attempts,
                status=_status_label(progress.status, lang),
                id=exercise.id,
            ),
            style="dim",
        )
    )
    return 0


def cmd_check(args: argparse.Namespace, lang: str) -> int:
    from tutor.grading import submit

    course = _course()
    exercise = _exercise(course, args.id)
    if args.file is not None:
        try:
            answer = args.file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise UsageError(
                tt(
                    "cli_unreadable_file",
                    path=args.file,
                    reason=getattr(error, "strerror", None) or str(error),
                )
            ) from None
    else:
        answer = args.answer
    with _store() as store:
        verdict = submit(store, exercise, answer)
    _print_verdict(verdict, lang)
    return 0 if verdict.passed else 1


def _print_verdict(verdict: Verdict, lang: str) -> None:
    from rich.table import Table
    from rich.text import Text as RichText

    console = _console()
    style = "bold green" if verdict.passed else "bold red"
    console.print(RichText(pick(verdict.message, lang), style=style))
    details = verdict.details
    if details:
        table = Table(show_header=True, box=None, padding=(0, 1))
        for column in ("", t("cli_case", lang), t("cli_expected", lang), t("cli_got", lang)):
            table.add_column(column)
        for row in details:
            table.add_row(
                RichText("✓" if row.ok else "✗", style="green" if row.ok else "red"),
                RichText(row.label),
                RichText(row.expected),
                RichText(row.got),
            )
        console.print(table)
    if verdict.output:
        console.print(RichText(t("cli_output", lang), style="dim"))
        console.print(RichText(verdict.output))


def cmd_hint(args: argparse.Namespace, lang: str) -> int:
    from tutor.grading import next_hint

    exercise = _exercise(_course(), args.id)
    with _store() as store:
        hint = next_hint(store, exercise)
    if hint is None:
        print(t("no_hints", lang))
        return 0
    print(f"{t('hint_header', lang, n=hint.number, total=hint.total)}: {pick(hint.text, lang)}")
    return 0


def cmd_solution(args: argparse.Namespace, lang: str) -> int:
    from tutor.grading import locked_message, reveal_solution

    exercise = _exercise(_course(), args.id)
    with _store() as store:
        solution = reveal_solution(store, exercise)
        if solution is None:
            print(pick(locked_message(store, exercise), lang))
            return 1
    print(t("solution_header", lang) + ":")
    print(solution)
    if exercise.explanation:
        print()
        print(pick(exercise.explanation, lang))
    return 0


def cmd_progress(args: argparse.Namespace, lang: str) -> int:
    from tutor.gradebook import gradebook_frame

    course = _course()
    with _store() as store:
        frame = gradebook_frame(course, store, lang)
    if args.format == "csv":
        text = frame.to_csv(index=False)
    elif args.format == "json":
        text = (
            frame.to_json(orient="records", force_ascii=False, indent=2, date_format="iso") + "\n"
        )
    else:
        text = frame.to_string(index=False) + "\n"
    if args.output is None:
        sys.stdout.write(text)
        return 0
    try:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(text, encoding="utf-8")
    except OSError as error:
        raise UsageError(
            tt("cli_cannot_write", path=args.output, reason=error.strerror or str(error))
        ) from None
    print(t("cli_written", lang, path=args.output))
    return 0


def cmd_regrade(args: argparse.Namespace, lang: str) -> int:
    from tutor.grading import check, points_for

    course = _course()
    changed = unknown = 0
    with _store() as store:
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


def cmd_reset(args: argparse.Namespace, lang: str) -> int:
    course = _course()
    lesson_id = exercise_id = None
    if args.target:
        lesson = course.lesson(args.target)
        if lesson is not None:
            lesson_id = lesson.id
        else:
            exercise_id = _exercise(course, args.target).id
    what = args.target or t("cli_everything", lang)
    if not args.yes:
        raise UsageError(tt("cli_reset_needs_yes", what=what))
    with _store() as store:
        removed = store.reset(lesson_id=lesson_id, exercise_id=exercise_id)
    print(t("cli_reset_done", lang, what=what, rows=removed))
    return 0


def cmd_lint(args: argparse.Namespace, lang: str) -> int:
    from tutor.course.lint import lint

    if args.path is not None and not args.path.is_dir():
        raise UsageError(tt("cli_not_a_folder", path=args.path))
    problems = lint(args.path)
    for problem in problems:
        print(problem)
    print(t("cli_lint_summary", lang, count=len(problems)), file=sys.stderr)
    return 1 if problems else 0


COMMANDS: dict[str, Callable[[argparse.Namespace, str], int]] = {
    "lessons": cmd_lessons,
    "show": cmd_show,
    "check": cmd_check,
    "hint": cmd_hint,
    "solution": cmd_solution,
    "progress": cmd_progress,
    "regrade": cmd_regrade,
    "reset": cmd_reset,
    "lint": cmd_lint,
}
