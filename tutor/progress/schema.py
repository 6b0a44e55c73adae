"""The progress database's schema, one migration per version.

The file's version is `PRAGMA user_version`; migration N (1-based) takes a version N-1 database to
version N. To change the schema, append one function to `MIGRATIONS` and never edit an old one:
learners' files were built by the old ones. `PRAGMA application_id` marks a file as ours, so that
someone else's SQLite file is never mistaken for an old progress file.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from functools import cache

# "tutr" in ASCII: SQLite stores it at byte 68 of the header (`file(1)` can show it).
APPLICATION_ID = 0x74757472

Migration = Callable[[sqlite3.Connection], None]


def _v1_initial(conn: sqlite3.Connection) -> None:
    """Attempts, non-attempt events, regrade results and UI state. Nothing derived is stored."""
    conn.execute(
        """
        CREATE TABLE attempts (
            id INTEGER PRIMARY KEY,
            exercise_id TEXT NOT NULL,
            lesson_id TEXT NOT NULL,
            answer TEXT NOT NULL,
            verdict TEXT NOT NULL,
            points REAL NOT NULL CHECK (points >= 0),
            max_points REAL NOT NULL CHECK (max_points >= 0),
            feedback TEXT NOT NULL DEFAULT '""',  -- JSON: a string or {"ko": ..., "en": ...}
            created_at TEXT NOT NULL,             -- UTC, ISO 8601
            tutor_version TEXT NOT NULL,
            duration_s REAL NOT NULL DEFAULT 0 CHECK (duration_s >= 0)
        )
        """
    )
    conn.execute("CREATE INDEX attempts_by_exercise ON attempts (exercise_id)")
    conn.execute("CREATE INDEX attempts_by_lesson ON attempts (lesson_id)")
    conn.execute(
        """
        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            exercise_id TEXT NOT NULL,
            lesson_id TEXT NOT NULL,
            kind TEXT NOT NULL,                   -- 'hint' or 'solution'
            detail,                               -- no type: keeps ints as ints (hint number)
            created_at TEXT NOT NULL,
            tutor_version TEXT NOT NULL
        )
        """
    )
    conn.execute("CREATE INDEX events_by_exercise ON events (exercise_id)")
    conn.execute("CREATE INDEX events_by_lesson ON events (lesson_id)")
    conn.execute(
        """
        CREATE TABLE regrades (
            attempt_id INTEGER PRIMARY KEY REFERENCES attempts (id) ON DELETE CASCADE,
            verdict TEXT NOT NULL,
            points REAL NOT NULL CHECK (points >= 0),
            feedback TEXT NOT NULL DEFAULT '""',
            regraded_at TEXT NOT NULL,
            tutor_version TEXT NOT NULL
        )
        """
    )
    conn.execute(
        """
        CREATE TABLE state (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL,                  -- JSON
            updated_at TEXT NOT NULL
        ) WITHOUT ROWID
        """
    )
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")


MIGRATIONS: list[Migration] = [_v1_initial]
LATEST_VERSION = len(MIGRATIONS)


def user_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def application_id(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA application_id").fetchone()[0]


def migrate(conn: sqlite3.Connection, migrations: list[Migration] = MIGRATIONS) -> int:
    """Bring the database up to `len(migrations)`, one transaction per step; return the version.

    `conn` must be in autocommit mode (`isolation_level=None`). Each step re-reads the version
    inside its write transaction, so two processes opening a new file at once migrate it once.
    """
    while True:
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = user_version(conn)
            if version >= len(migrations):
                conn.execute("COMMIT")
                return version
            migrations[version](conn)
            conn.execute(f"PRAGMA user_version = {version + 1}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise


def table_columns(conn: sqlite3.Connection) -> dict[str, set[str]]:
    """Each table of the database (SQLite's own excepted) with its column names."""
    names = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {
        name: {row[1] for row in conn.execute("SELECT * FROM pragma_table_info(?)", (name,))}
        for name in names
    }


@cache
def expected_columns(version: int) -> dict[str, set[str]]:
    """The tables and columns a database of `version` has, found by building one in memory."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        migrate(conn, MIGRATIONS[:version])
        return table_columns(conn)
    finally:
        conn.close()
