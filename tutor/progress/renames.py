"""Moving recorded progress when the course renames lessons or exercises.

The course lists each rename once (see `tutor.course.renames`); a rename is anything with a
`name`, `new_exercise_id(old)` and `new_lesson_id(old_lesson, new_exercise)`. Each database
applies each rename exactly once, inside one transaction, and remembers its name in the state
table, so running it twice never moves progress twice.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Protocol

APPLIED_KEY = "progress.renames_applied"
READING_POSITION = "ui.reading_position."
MARK = "~moved~"  # never part of an id: ids are lowercase letters, digits, "." and "-"


class RenameLike(Protocol):
    name: str
    lessons: dict[str, str]

    def new_exercise_id(self, old: str) -> str: ...

    def new_lesson_id(self, old_lesson: str, new_exercise: str) -> str: ...


def applied(conn: sqlite3.Connection) -> list[str]:
    row = conn.execute("SELECT value FROM state WHERE key = ?", (APPLIED_KEY,)).fetchone()
    try:
        names = json.loads(row[0]) if row else []
    except (TypeError, ValueError):
        return []
    return [n for n in names if isinstance(n, str)] if isinstance(names, list) else []


def apply_renames(conn: sqlite3.Connection, renames: Iterable[RenameLike]) -> list[str]:
    """Apply, in order, every rename this database has not seen; return their names.

    Must run inside the caller's write transaction.
    """
    done = applied(conn)
    newly: list[str] = []
    for rename in renames:
        if rename.name in done:
            continue
        for table in ("attempts", "events"):
            rows = conn.execute(f"SELECT DISTINCT exercise_id, lesson_id FROM {table}").fetchall()
            moves = []
            for exercise_id, lesson_id in rows:
                new_exercise = rename.new_exercise_id(exercise_id)
                new_lesson = rename.new_lesson_id(lesson_id, new_exercise)
                if (new_exercise, new_lesson) != (exercise_id, lesson_id):
                    moves.append((exercise_id, lesson_id, new_exercise, new_lesson))
            # Every (old -> new) pair is computed from the old rows first and written under a
            # temporary marker, so that 10 -> 11 and 11 -> 12 do not chain into 10 -> 12.
            for old_ex, old_lesson, new_ex, new_lesson in moves:
                conn.execute(
                    f"UPDATE {table} SET exercise_id = ?, lesson_id = ?"
                    " WHERE exercise_id = ? AND lesson_id = ?",
                    (MARK + new_ex, new_lesson, old_ex, old_lesson),
                )
            conn.execute(
                f"UPDATE {table} SET exercise_id = substr(exercise_id, ?)"
                " WHERE substr(exercise_id, 1, ?) = ?",
                (len(MARK) + 1, len(MARK), MARK),
            )
        _move_reading_positions(conn, rename.lessons)
        done.append(rename.name)
        newly.append(rename.name)
    if newly:
        now = datetime.now(UTC).isoformat()
        conn.execute(
            "INSERT INTO state (key, value, updated_at) VALUES (?, ?, ?)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value,"
            " updated_at = excluded.updated_at",
            (APPLIED_KEY, json.dumps(done), now),
        )
    return newly


def _move_reading_positions(conn: sqlite3.Connection, lessons: dict[str, str]) -> None:
    prefix = READING_POSITION
    rows = [
        row
        for row in conn.execute("SELECT key, value, updated_at FROM state").fetchall()
        if row[0].startswith(prefix) and row[0][len(prefix) :] in lessons
    ]
    for key, _value, _at in rows:
        conn.execute("DELETE FROM state WHERE key = ?", (key,))
    for key, value, at in rows:
        conn.execute(
            "INSERT INTO state (key, value, updated_at) VALUES (?, ?, ?)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (prefix + lessons[key[len(prefix) :]], value, at),
        )
