"""`tutor lint`: proving a course folder sound, for its authors."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tutor.cli.common import UsageError
from tutor.cli.registry import command
from tutor.i18n import t, tt


def _lint_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "path", nargs="?", type=Path, help="a course folder (default: the shipped one)"
    )


@command("lint", "prove the course is sound (authors)", arguments=_lint_arguments)
def cmd_lint(args: argparse.Namespace, lang: str) -> int:
    from tutor.course.lint import lint

    if args.path is not None and not args.path.is_dir():
        raise UsageError(tt("cli_not_a_folder", path=args.path))
    problems = lint(args.path)
    for problem in problems:
        print(problem)
    print(t("cli_lint_summary", lang, count=len(problems)), file=sys.stderr)
    return 1 if problems else 0
