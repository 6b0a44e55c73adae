"""The learner's workspace: one Python file per code exercise, to edit in their own editor.

    ~/tutor-workspace/            ($TUTOR_WORKSPACE moves it)
      02_weighted_sum.py          <lesson number>_<function>.py, the exercise's starter at first
      05_sigmoid.py

`tutor watch` checks the current exercise's file on every save, `tutor next --open` and the app
open it in `$VISUAL`/`$EDITOR`. A learner's file is never overwritten without asking: starters are
written only where no file exists (`prepare`), and `save_over` refuses to replace a file whose
text is not the one the caller last saw. Every problem with a file (missing, unreadable, not
UTF-8, a read-only disk) is a `WorkspaceError` with one bilingual line.

Headless: nothing here imports Textual.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from tutor.i18n import Text, tt

if TYPE_CHECKING:
    from tutor.course import Course, Exercise

ENV = "TUTOR_WORKSPACE"


class WorkspaceError(Exception):
    """A workspace file cannot be read or written; `text` says which and why, in one line."""

    def __init__(self, text: Text, path: Path) -> None:
        super().__init__(text.get("en", ""))
        self.text = text
        self.path = path


def workspace_dir() -> Path:
    """`$TUTOR_WORKSPACE`, else `tutor-workspace` in the learner's home folder."""
    explicit = os.environ.get(ENV, "").strip()
    return Path(explicit).expanduser() if explicit else Path.home() / "tutor-workspace"


def exercise_file(exercise: Exercise, root: Path | None = None) -> Path:
    """The exercise's file: `05_sigmoid.py` (lesson number, then the function to write)."""
    lesson_number = exercise.id.partition(".")[0]
    function = getattr(exercise.spec, "function", exercise.local_id.replace("-", "_"))
    return (root or workspace_dir()) / f"{lesson_number}_{function}.py"


def starter_text(exercise: Exercise) -> str:
    """What a new file holds: the exercise's starter."""
    from tutor.exercises import get_kind

    starter = get_kind(exercise.kind).starter(exercise)
    if starter.strip():
        return starter if starter.endswith("\n") else starter + "\n"
    function = getattr(exercise.spec, "function", "solution")
    return f"def {function}():\n    ...\n"


def code_exercises(course: Course) -> list[Exercise]:
    return [exercise for exercise in course.exercises() if exercise.kind == "code"]


def prepare(exercise: Exercise, root: Path | None = None) -> Path:
    """The exercise's file, with the starter written into it if there was no file yet.

    An existing file is left exactly as it is (whatever it holds)."""
    path = exercise_file(exercise, root)
    if path.exists() or path.is_symlink():
        return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8", newline="") as file:  # "x": never replace a file
            try:
                file.write(starter_text(exercise))
            except OSError:
                file.close()
                path.unlink(missing_ok=True)  # our own half-written starter, nothing of theirs
                raise
    except FileExistsError:
        return path  # written meanwhile (another tutor window): theirs now
    except OSError as error:
        raise WorkspaceError(
            tt("ws_cannot_write", path=path, reason=_reason(error), env=ENV), path
        ) from None
    return path


def prepare_all(course: Course, root: Path | None = None) -> list[Path]:
    """Every code exercise's file (missing starters written); stops at the first that fails."""
    return [prepare(exercise, root) for exercise in code_exercises(course)]


def read_answer(path: Path) -> str:
    """The file's text (UTF-8, a byte order mark allowed), or a WorkspaceError saying why not."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise WorkspaceError(tt("ws_missing", path=path), path) from None
    except IsADirectoryError:
        raise WorkspaceError(tt("ws_is_folder", path=path), path) from None
    except OSError as error:
        raise WorkspaceError(tt("ws_unreadable", path=path, reason=_reason(error)), path) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise WorkspaceError(tt("ws_not_utf8", path=path, line=line), path) from None


def save_over(path: Path, text: str, last_seen: str | None) -> None:
    """Write `text` to `path` in one step (a reader never sees half of it), but only if the
    file still holds `last_seen` (None: only if there is no file). Otherwise WorkspaceError
    `ws_changed`: the learner's own version is never overwritten without asking."""
    try:
        current: str | None = read_answer(path)
    except WorkspaceError:
        if path.exists():
            raise
        current = None
    if current != last_seen and current != text:
        raise WorkspaceError(tt("ws_changed", path=path), path)
    if current == text:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as file:
                file.write(text)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as error:
        raise WorkspaceError(
            tt("ws_cannot_write", path=path, reason=_reason(error), env=ENV), path
        ) from None


def _reason(error: OSError) -> str:
    return error.strerror or type(error).__name__


__all__ = [
    "ENV",
    "WorkspaceError",
    "code_exercises",
    "exercise_file",
    "prepare",
    "prepare_all",
    "read_answer",
    "save_over",
    "starter_text",
    "workspace_dir",
]
