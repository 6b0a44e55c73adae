"""Commands register themselves here, each from its own module:

    @command("hint", "the next hint for an exercise", arguments=_hint_arguments)
    def cmd_hint(args: argparse.Namespace, lang: str) -> int: ...

`tutor.cli.COMMAND_MODULES` lists the modules to import; a new command is a new module plus one
name in that list. A handler gets the parsed arguments and the language to speak, and returns
the exit code (or raises `UsageError`).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass

Handler = Callable[[argparse.Namespace, str], int]
Arguments = Callable[[argparse.ArgumentParser], None]


@dataclass(frozen=True)
class Command:
    name: str
    help: str
    handler: Handler
    arguments: Arguments | None = None


COMMANDS: dict[str, Command] = {}


def command(
    name: str, help: str, arguments: Arguments | None = None
) -> Callable[[Handler], Handler]:
    """Register the decorated function as `tutor NAME`."""

    def register(handler: Handler) -> Handler:
        if name in COMMANDS:
            raise ValueError(f"two commands are named {name!r}")
        COMMANDS[name] = Command(name, help, handler, arguments)
        return handler

    return register
