"""`tutor check`, `tutor run`, `tutor hint` and `tutor solution`: answering one exercise."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from tutor.cli.common import UsageError, find_exercise, load_course, open_store
from tutor.cli.output import console, one_line, print_verdict
from tutor.cli.registry import command
from tutor.i18n import pick, t, tt

if TYPE_CHECKING:
    from tutor.course import Exercise


def _answer_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", help="exercise id, e.g. 02.storm-weights")
    given = parser.add_mutually_exclusive_group()
    given.add_argument("--answer", help="the answer as text")
    given.add_argument(
        "--file",
        type=Path,
        help="a file holding the answer (code exercises; default: its file in the workspace)",
    )


def answer_text(exercise: Exercise, answer: str | None, file: Path | None) -> str:
    """The answer given on the command line, read from `file`, or (code exercises) read from
    the exercise's file in the workspace."""
    from tutor.workspace import WorkspaceError, exercise_file, read_answer

    if answer is not None:
        return answer
    if file is None:
        if exercise.kind != "code":
            raise UsageError(tt("cli_needs_answer", id=exercise.id))
        file = exercise_file(exercise)
        if not file.exists():
            raise UsageError(tt("cli_no_workspace_file", path=file, id=exercise.id))
    try:
        return read_answer(file)
    except WorkspaceError as error:
        raise UsageError(error.text) from None


def print_missing_walls(lang: str) -> None:
    """One dim line when this system lacks one of the sandbox's kernel walls (docs/sandbox.md)."""
    from tutor.sandbox import missing_layers

    notes = missing_layers()
    if notes:
        walls = "; ".join(pick(note, lang) for note in notes)
        note = t("cli_sandbox_walls_missing", lang, walls=walls)
        console().print(note, style="dim", soft_wrap=True, markup=False)


@command("check", "check an answer and record it", arguments=_answer_arguments)
def cmd_check(args: argparse.Namespace, lang: str) -> int:
    from tutor.grading import counts_as_attempt, submit

    exercise = find_exercise(load_course(), args.id)
    answer = answer_text(exercise, args.answer, args.file)
    with open_store(lang) as store:
        verdict = submit(store, exercise, answer)
    print_verdict(verdict, exercise, lang)
    if exercise.kind == "code":
        print_missing_walls(lang)
    if not counts_as_attempt(verdict):
        console().print(t("cli_not_counted", lang), style="dim")
    else:  # a committed answer: show what settles it (a prediction's run)
        from tutor.exercises import get_kind

        revealed = get_kind(exercise.kind).revealed(exercise, lang)
        if revealed:
            print("\n" + revealed)
    return 0 if verdict.passed else 1


@command(
    "run",
    "run your code on the exercise's cases and show what it returns (not graded, not recorded)",
    arguments=_answer_arguments,
)
def cmd_run(args: argparse.Namespace, lang: str) -> int:
    """Exit 0 when the code loaded and every call returned, else 1."""
    from rich.table import Table
    from rich.text import Text

    from tutor.grading import try_out

    exercise = find_exercise(load_course(), args.id)
    if exercise.kind != "code":
        raise UsageError(tt("cli_run_code_only", id=exercise.id))
    trial = try_out(exercise, answer_text(exercise, args.answer, args.file))
    assert trial is not None
    out = console()
    ok = trial.status == "ok" and all(call.ok for call in trial.calls)
    out.print(Text(pick(trial.message, lang), style="bold" if ok else "bold red"))
    if trial.calls:
        table = Table(box=None, show_header=True, padding=(0, 1))
        table.add_column(t("cli_call", lang), overflow="fold")
        table.add_column(t("cli_returned", lang), overflow="fold")
        for call in trial.calls:
            table.add_row(
                Text(one_line(call.call)), Text(call.result, style="" if call.ok else "red")
            )
        out.print(table)
    if trial.output.strip():
        out.print(Text(t("cli_output", lang), style="dim"))
        out.print(Text(trial.output.rstrip("\n")))
    out.print(Text(t("cli_run_not_graded", lang, id=exercise.id), style="dim"))
    return 0 if ok else 1


def _id_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", help="exercise id, e.g. 02.storm-weights")


@command("hint", "the next hint for an exercise", arguments=_id_argument)
def cmd_hint(args: argparse.Namespace, lang: str) -> int:
    from tutor.grading import next_hint

    exercise = find_exercise(load_course(), args.id)
    with open_store(lang) as store:
        hint = next_hint(store, exercise)
    if hint is None:
        print(t("no_hints", lang))
        return 0
    print(f"{t('hint_header', lang, n=hint.number, total=hint.total)}: {pick(hint.text, lang)}")
    if hint.number == hint.total:
        print(t("no_more_hints", lang, total=hint.total))
    return 0


@command("solution", "the reference solution, once unlocked", arguments=_id_argument)
def cmd_solution(args: argparse.Namespace, lang: str) -> int:
    from tutor.grading import locked_message, reveal_solution

    exercise = find_exercise(load_course(), args.id)
    with open_store(lang) as store:
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
