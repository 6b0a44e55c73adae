"""`tutor export --bundle FILE` and `tutor grade-class DIR --output class.csv [--format json]`.

With CSV, the per-exercise pass rates go to `class-exercises.csv` beside the learners' file;
JSON holds everything in one file.

Each command is a function of the parsed arguments and the language that returns the exit
code: 0 done, 2 bad usage (a folder that is not one, a file that cannot be written), 130 when
interrupted. `tutor.cli.classroom` registers both.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from tutor import __version__
from tutor.classroom import bundle, messages
from tutor.i18n import Text, pick


def export(args: argparse.Namespace, lang: str) -> int:
    from tutor.course import load_course
    from tutor.progress import ProgressError, open_store

    course = load_course()
    try:
        with open_store(renames=course.renames) as store:
            attempts = store.attempts()
            learner = args.learner or store.get_state("learner_name") or _user()
    except ProgressError as error:
        return _fail(error.message, lang)
    data = bundle.build(
        str(learner),
        course.title.get("en", ""),
        bundle.course_checksum(course.root),
        attempts,
        __version__,
    )
    try:
        if args.bundle.parent != Path():
            args.bundle.parent.mkdir(parents=True, exist_ok=True)
        bundle.write(args.bundle, data)
    except OSError as error:
        reason = error.strerror or str(error)
        return _fail(_fill(messages.CANNOT_WRITE, path=args.bundle, reason=reason), lang)
    done = messages.EXPORTED if attempts else messages.NOTHING_TO_EXPORT
    print(pick(_fill(done, count=len(attempts), path=args.bundle), lang))
    return 0


def grade_class(args: argparse.Namespace, lang: str) -> int:
    from tutor.classroom import grade_class as grading
    from tutor.classroom import report
    from tutor.course import load_course
    from tutor.sandbox import missing_layers

    if not args.folder.is_dir():
        return _fail(_fill(messages.NOT_A_FOLDER, path=args.folder), lang)
    course = load_course()
    found, skipped = grading.read_bundles(args.folder)
    for name, reason in skipped:
        line = _fill(messages.SKIPPED, name=name, reason=pick(reason, lang))
        print(pick(line, lang), file=sys.stderr)
    if not found:
        return _fail(_fill(messages.NO_BUNDLES, path=args.folder), lang)
    if missing_layers():
        layers = "; ".join(pick(note, lang) for note in missing_layers())
        print(pick(_fill(messages.LAYERS_MISSING, layers=layers), lang), file=sys.stderr)
    try:
        result = _regrade_with_progress(grading, course, found, skipped, args.workers, lang)
    except KeyboardInterrupt:
        return 130
    report.show(result, lang)
    if report.disagreeing(result):
        names = ", ".join(report.disagreeing(result))
        print(pick(_fill(messages.DISAGREE, names=names), lang))
    if args.output is None:
        return 0
    files = {args.output: report.as_json(result)}
    if args.format == "csv":  # the pass rates do not fit the learners' rows: a file of their own
        rates = args.output.with_name(f"{args.output.stem}-exercises{args.output.suffix or '.csv'}")
        files = {args.output: report.as_csv(result), rates: report.exercises_csv(result)}
    for path, text in files.items():
        try:
            path.write_text(text, encoding="utf-8")
        except OSError as error:
            reason = error.strerror or str(error)
            return _fail(_fill(messages.CANNOT_WRITE, path=path, reason=reason), lang)
        print(pick(_fill(messages.WRITTEN, path=path), lang))
    return 0


def _regrade_with_progress(grading, course, found, skipped, workers, lang):  # type: ignore[no-untyped-def]
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    workers = workers or os.cpu_count() or 1
    keys = {(a.exercise_id, a.answer) for b in found for a in b.attempts}
    title = pick(_fill(messages.CHECKING, count=len(keys), workers=workers), lang)
    columns = (BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress("[progress.description]{task.description}", *columns, transient=True) as bar:
        task = bar.add_task(title, total=len(keys))

        def done(number: int, total: int) -> None:
            bar.update(task, completed=number, total=total)

        return grading.grade_class(course, found, skipped, workers, done)


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "learner"


def _fill(text: Text, **values: object) -> dict[str, str]:
    return {lang: words.format(**values) for lang, words in text.items()}


def _fail(text: Text, lang: str) -> int:
    print(f"tutor: {pick(text, lang)}", file=sys.stderr)
    return 2
