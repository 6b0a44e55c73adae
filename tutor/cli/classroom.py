"""`tutor export --bundle FILE` and `tutor grade-class DIR`: a class graded offline.

The commands themselves live in `tutor.classroom.commands`; this module only registers them.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from tutor.cli.registry import command


def _export_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--bundle", type=Path, required=True, help="the file to write")
    parser.add_argument("--learner", help="your name as the teacher knows it")


def _grade_class_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", type=Path, help="a folder of bundles")
    parser.add_argument("--output", type=Path, help="write the class report here")
    parser.add_argument("--format", choices=("csv", "json"), default="csv")
    parser.add_argument("--workers", type=int, help="processes to use (default: every core)")


@command("export", "bundle every answer into one file for a teacher", _export_arguments)
def cmd_export(args: argparse.Namespace, lang: str) -> int:
    from tutor.classroom import commands

    return commands.export(args, lang)


@command("grade-class", "regrade a folder of bundles (teachers)", _grade_class_arguments)
def cmd_grade_class(args: argparse.Namespace, lang: str) -> int:
    from tutor.classroom import commands

    return commands.grade_class(args, lang)
