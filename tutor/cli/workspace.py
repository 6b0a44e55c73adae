"""`tutor next` and `tutor watch`: working through the course in the learner's own editor."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from tutor.cli.common import UsageError, load_course, open_store
from tutor.cli.course import show_exercise
from tutor.cli.output import console, print_verdict
from tutor.cli.registry import command
from tutor.i18n import pick, t

if TYPE_CHECKING:
    from tutor.workspace.watch import Event


def _next_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--open",
        action="store_true",
        help="open a code exercise's file in $VISUAL/$EDITOR, and check it when you close it",
    )


@command("next", "the first exercise you have not solved yet", arguments=_next_arguments)
def cmd_next(args: argparse.Namespace, lang: str) -> int:
    from tutor.grading import counts_as_attempt, submit
    from tutor.workspace import WorkspaceError, prepare, read_answer
    from tutor.workspace.editor import open_in_editor

    course = load_course()
    with open_store(lang) as store:
        progress = store.all_progress()
        exercise = next(
            (ex for ex in course.exercises() if not (ex.id in progress and progress[ex.id].passed)),
            None,
        )
    if exercise is None:
        print(t("cli_all_done", lang))
        return 0
    show_exercise(exercise, lang)
    if exercise.kind != "code":
        if args.open:
            print(t("cli_open_code_only", lang, id=exercise.id))
        return 0
    try:
        path = prepare(exercise)
        if not args.open:
            return 0
        before = read_answer(path)
        open_in_editor(path)
        answer = read_answer(path)
    except WorkspaceError as error:
        raise UsageError(error.text) from None
    if answer == before:
        print(t("cli_file_unchanged", lang, file=path))
        return 0
    with open_store(lang) as store:
        verdict = submit(store, exercise, answer)
    print_verdict(verdict, exercise, lang)
    if not counts_as_attempt(verdict):
        console().print(t("cli_not_counted", lang), style="dim")
    return 0 if verdict.passed else 1


@command("watch", "check your code exercise every time you save its file (Ctrl+C stops)")
def cmd_watch(args: argparse.Namespace, lang: str) -> int:
    from tutor.workspace import WorkspaceError, workspace_dir
    from tutor.workspace.watch import watch_course

    course = load_course()
    with open_store(lang) as store:
        print(t("cli_watch_start", lang, folder=workspace_dir()))
        try:
            for event in watch_course(course, store):
                show_event(event, lang)
        except WorkspaceError as error:
            raise UsageError(error.text) from None
        except KeyboardInterrupt:
            print(t("cli_watch_stopped", lang))
            return 0
    return 0


def show_event(event: Event, lang: str) -> None:
    """One line (or a verdict) per event of `tutor watch`."""
    from rich.rule import Rule
    from rich.text import Text

    from tutor.workspace.watch import Checked, Current, Finished, Skipped

    out = console()
    if isinstance(event, Current):
        from rich.markdown import Markdown

        title = pick(event.exercise.title, lang) or event.exercise.local_id
        out.print(Rule(f"{event.number}/{event.total} · {event.exercise.id} · {title}"))
        out.print(Markdown(pick(event.exercise.prompt, lang)))
        out.print(Text(t("cli_watch_edit", lang, file=event.path), style="bold"), soft_wrap=True)
    elif isinstance(event, Checked):
        print_verdict(event.verdict, event.exercise, lang)
        if not event.recorded:
            out.print(t("cli_not_counted", lang), style="dim")
        elif not event.verdict.passed:
            out.print(Text(t("cli_watch_again", lang, id=event.exercise.id), style="dim"))
    elif isinstance(event, Skipped):
        out.print(Text(pick(event.reason, lang), style="yellow"))
    elif isinstance(event, Finished):
        out.print(Text(t("cli_watch_finished", lang), style="bold green"))
