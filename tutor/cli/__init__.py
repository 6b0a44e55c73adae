"""The `tutor` command line: the course, checks, hints and progress, without the app.

Exit codes: 0 success (an answer passed), 1 an answer did not pass, lint found problems or a
course file is broken, 2 bad usage (unknown id, unreadable file), 3 an internal error (logged,
never a traceback), 130 interrupted.

Each command lives in one of `COMMAND_MODULES` and registers itself (`tutor.cli.registry`).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from tutor import __version__
from tutor.cli.common import UsageError, resolve_lang
from tutor.cli.registry import COMMANDS
from tutor.i18n import LANGS, pick, t

COMMAND_MODULES = (
    "tutor.cli.course",
    "tutor.cli.answers",
    "tutor.cli.workspace",
    "tutor.cli.records",
    "tutor.cli.classroom",
    "tutor.cli.authoring",
)


def build_parser() -> argparse.ArgumentParser:
    for module in COMMAND_MODULES:
        importlib.import_module(module)
    parser = argparse.ArgumentParser(
        prog="tutor",
        description="An interactive terminal tutor for neural networks. "
        "Run without a command to open the app.",
    )
    parser.add_argument("--version", action="version", version=f"tutor {__version__}")
    parser.add_argument("--lang", choices=LANGS, help="language: ko (default) or en")
    # `--lang` may come after the command too; there it must not reset the value given before
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--lang", choices=LANGS, default=argparse.SUPPRESS, help="language: ko or en"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, spec in COMMANDS.items():
        command_parser = sub.add_parser(name, help=spec.help, parents=[common])
        if spec.arguments is not None:
            spec.arguments(command_parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    lang = "ko"
    try:
        lang = resolve_lang(args.lang)
        command = COMMANDS.get(args.command or "")
        if command is None:
            return _start_app(args.lang)
        return command.handler(args, lang)
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


__all__ = ["COMMAND_MODULES", "UsageError", "build_parser", "main"]
