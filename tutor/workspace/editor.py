"""Opening a file in the learner's own editor: `$VISUAL`, else `$EDITOR` (as git does)."""

from __future__ import annotations

import os
import shlex
import subprocess
from pathlib import Path

from tutor.i18n import tt
from tutor.workspace import WorkspaceError


def editor_command() -> list[str] | None:
    """`$VISUAL` or `$EDITOR` split into a command (`code --wait` works), or None."""
    for variable in ("VISUAL", "EDITOR"):
        value = os.environ.get(variable, "").strip()
        if value:
            try:
                words = shlex.split(value, posix=os.name != "nt")
            except ValueError:
                words = value.split()
            if words:
                return words
    return None


def open_in_editor(path: Path) -> None:
    """Run the editor on `path` and wait for it to exit.

    WorkspaceError (one line, the file untouched) when no editor is set, the editor cannot be
    started, or it exits with a non-zero status."""
    command = editor_command()
    if command is None:
        raise WorkspaceError(tt("ws_no_editor", path=path), path)
    try:
        done = subprocess.run([*command, str(path)], check=False)
    except FileNotFoundError:
        raise WorkspaceError(tt("ws_editor_missing", editor=command[0], path=path), path) from None
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise WorkspaceError(
            tt("ws_editor_failed_start", editor=command[0], reason=reason, path=path), path
        ) from None
    if done.returncode != 0:
        raise WorkspaceError(
            tt("ws_editor_failed", editor=command[0], code=done.returncode, path=path), path
        )
