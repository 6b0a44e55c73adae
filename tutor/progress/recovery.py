"""Telling a healthy progress file from a damaged or foreign one, and moving the bad ones aside.

The learner's file is never deleted and never written to before it is known to be ours: the check
runs on a read-only connection. A file that is not ours or is damaged is renamed, together with its
`-wal`, `-shm` and `-journal` siblings, to `<name>.broken-YYYYmmdd-HHMMSS`, and the store starts a
fresh database and shows a notice. A file written by a newer tutor is left exactly where it is and
opening it raises `NewerProgressFileError`: moving it aside would make the learner's progress look
lost the next time they run the newer tutor. A file that is only locked or unreadable (permissions)
raises `ProgressError` and is not touched either.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime
from enum import Enum
from pathlib import Path

from tutor.progress.errors import ProgressError, cannot_open, newer_file
from tutor.progress.schema import (
    APPLICATION_ID,
    LATEST_VERSION,
    application_id,
    expected_columns,
    table_columns,
    user_version,
)

SQLITE_HEADER = b"SQLite format 3\x00"
SIBLING_SUFFIXES = ("-wal", "-shm", "-journal")
# Primary result codes that mean "this file is not a (healthy) database", as opposed to BUSY,
# CANTOPEN, PERM, IOERR, ...: a locked or unreadable file must never be moved aside.
_DAMAGE_CODES = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}


class Problem(Enum):
    """Why a progress file cannot be used."""

    NOT_SQLITE = "not_sqlite"
    DAMAGED = "damaged"
    FOREIGN = "foreign"


def diagnose(path: Path, timeout: float = 5.0) -> Problem | None:
    """What is wrong with the file at `path`, or None if it is missing, empty or a healthy file.

    Raises NewerProgressFileError for a file of a newer schema, ProgressError if it cannot be read
    (also if another program holds a lock on it for longer than `timeout` seconds).
    """
    try:
        with path.open("rb") as file:
            header = file.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return None
    except OSError as error:
        raise cannot_open(path, error.strerror or str(error)) from error
    if not header:
        return None  # SQLite treats an empty file as an empty database
    if header != SQLITE_HEADER:
        return Problem.NOT_SQLITE
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=timeout)
    except sqlite3.Error as error:
        raise cannot_open(path, str(error)) from error
    try:
        return _diagnose_database(conn, path)
    except sqlite3.DatabaseError as error:
        if (getattr(error, "sqlite_errorcode", 0) & 0xFF) in _DAMAGE_CODES:
            return Problem.DAMAGED
        raise cannot_open(path, str(error)) from error
    finally:
        conn.close()


def _diagnose_database(conn: sqlite3.Connection, path: Path) -> Problem | None:
    if conn.execute("PRAGMA quick_check").fetchall() != [("ok",)]:
        return Problem.DAMAGED
    app_id, version = application_id(conn), user_version(conn)
    objects = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    if app_id == 0 and version == 0 and objects == 0:
        return None  # an empty database: the migrations will fill it
    if app_id != APPLICATION_ID or version == 0:
        return Problem.FOREIGN
    if version > LATEST_VERSION:
        raise newer_file(path, version, LATEST_VERSION)
    found = table_columns(conn)
    for table, columns in expected_columns(version).items():
        if not columns <= found.get(table, set()):
            return Problem.DAMAGED
    return None


def move_aside(path: Path) -> Path:
    """Rename `path` and its siblings to a free `<name>.broken-<UTC time>[-n]`; return it."""
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    base = f"{path.name}.broken-{stamp}"
    target, n = path.with_name(base), 0
    while any(_sibling(target, s).exists() for s in ("", *SIBLING_SUFFIXES)):
        n += 1
        target = path.with_name(f"{base}-{n}")
    try:
        os.rename(path, target)
        # A stale -wal left next to a fresh database would be replayed into it: move them all.
        for suffix in SIBLING_SUFFIXES:
            if _sibling(path, suffix).exists():
                os.rename(_sibling(path, suffix), _sibling(target, suffix))
    except OSError as error:
        raise ProgressError(
            {
                "ko": f"손상된 진행 기록 파일 {path} 을(를) {target} (으)로 옮기지 못했습니다: "
                f"{error.strerror or error}. 파일을 직접 옮긴 뒤 다시 실행하세요.",
                "en": f"Could not move the damaged progress file {path} aside to {target}: "
                f"{error.strerror or error}. Move it away yourself and start tutor again.",
            },
            path,
        ) from error
    return target


def _sibling(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


_WHAT_WAS_WRONG = {
    Problem.NOT_SQLITE: (
        "진행 기록 파일 {path} 은(는) SQLite 데이터베이스가 아니어서 읽을 수 없었습니다.",
        "The progress file {path} could not be read: it is not an SQLite database.",
    ),
    Problem.DAMAGED: (
        "진행 기록 파일 {path} 이(가) 손상되어 있었습니다 (무결성 검사 실패).",
        "The progress file {path} was damaged (SQLite's integrity check failed).",
    ),
    Problem.FOREIGN: (
        "{path} 은(는) SQLite 파일이지만 tutor의 진행 기록이 아닙니다.",
        "{path} is an SQLite file, but not tutor's progress database.",
    ),
}


def notice(problem: Problem, path: Path, moved_to: Path) -> dict[str, str]:
    """The bilingual message telling the learner what happened and where the old file is."""
    ko, en = _WHAT_WAS_WRONG[problem]
    return {
        "ko": ko.format(path=path)
        + f" 원래 파일은 지우지 않고 {moved_to} (으)로 옮겨 두었고, 새 진행 기록을 시작했습니다.",
        "en": en.format(path=path)
        + f" The original was kept, unchanged, as {moved_to}; a new progress file was started.",
    }
