"""The progress store: one SQLite file of attempts, events, regrades and UI state.

Durability: WAL journal with `synchronous=FULL`, one transaction per record. With NORMAL, WAL
survives a killed process but may lose the last commits to a power cut or OS crash; FULL syncs
the WAL on every commit, so a record the store has returned is on disk. It costs one fsync per
attempt, which a learner typing answers never notices.

Threads: one connection opened with `check_same_thread=False`, every use of it under one lock, so
worker threads of the app may record at any time. Processes (the app and a CLI at once) share the
file through WAL, and each waits up to `BUSY_TIMEOUT_S` for the other's write to finish.
"""

from __future__ import annotations

import json
import math
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from tutor import __version__
from tutor.paths import tutor_home
from tutor.progress.errors import cannot_open, cannot_write, home_is_a_file
from tutor.progress.models import (
    EVENT_KINDS,
    PASSED,
    Attempt,
    Event,
    ExerciseProgress,
    Feedback,
    Regrade,
)
from tutor.progress.recovery import diagnose, move_aside, notice
from tutor.progress.renames import RenameLike, apply_renames
from tutor.progress.renames import applied as applied_renames
from tutor.progress.schema import migrate
from tutor.progress.state import UiState

FILENAME = "progress.sqlite3"
BUSY_TIMEOUT_S = 5.0

_ATTEMPT = (
    "a.id, a.exercise_id, a.lesson_id, a.answer, a.verdict, a.points, a.max_points, a.feedback, "
    "a.created_at, a.tutor_version, a.duration_s"
)
_EVENT = "id, exercise_id, lesson_id, kind, detail, created_at, tutor_version"

# One row per exercise that has attempts or events; `{where}` filters both tables alike.
_PROGRESS = f"""
WITH a AS (
    SELECT exercise_id,
           count(*) AS n,
           max(points) AS best_points,
           max(CASE WHEN max_points > 0 THEN min(points / max_points, 1.0)
                    WHEN verdict = '{PASSED}' THEN 1.0 ELSE 0.0 END) AS best_fraction,
           max(verdict = '{PASSED}') AS passed,
           max(id) AS last_id
    FROM attempts {{where}} GROUP BY exercise_id
),
e AS (
    SELECT exercise_id,
           max(lesson_id) AS lesson_id,
           count(DISTINCT CASE WHEN kind = 'hint' THEN detail END) AS hints,
           max(kind = 'solution') AS solution
    FROM events {{where}} GROUP BY exercise_id
),
ids AS (SELECT exercise_id FROM a UNION SELECT exercise_id FROM e)
SELECT ids.exercise_id, coalesce(last.lesson_id, e.lesson_id), a.n, a.best_points,
       last.max_points, a.best_fraction, a.passed, last.verdict, last.created_at,
       e.hints, e.solution
FROM ids
LEFT JOIN a ON a.exercise_id = ids.exercise_id
LEFT JOIN attempts AS last ON last.id = a.last_id
LEFT JOIN e ON e.exercise_id = ids.exercise_id
"""


def default_path() -> Path:
    """`tutor_home()/progress.sqlite3`."""
    return tutor_home() / FILENAME


def open_store(path: Path | None = None, renames: Iterable[RenameLike] = ()) -> ProgressStore:
    """Open (creating folders and file if needed) the progress store at `path` or the default.

    `renames` are the course's lesson and exercise renames; those this file has not applied yet
    move its recorded progress to the new ids before anything else reads it.
    """
    store = ProgressStore(default_path() if path is None else path)
    if renames:
        try:
            store.follow_renames(renames)
        except BaseException:
            store.close()
            raise
    return store


def peek_state(key: str, path: Path | None = None) -> Any:
    """A remembered value, read without creating, upgrading or repairing anything; None if the
    file or the value is missing or cannot be read (the caller then uses its default)."""
    path = default_path() if path is None else path
    if not path.is_file():
        return None
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=1.0)
        try:
            row = conn.execute("SELECT value FROM state WHERE key = ?", (key,)).fetchone()
        finally:
            conn.close()
        return json.loads(row[0]) if row else None
    except (sqlite3.Error, ValueError, TypeError, OSError):
        return None


class ProgressStore:
    """The learner's progress. See the package docstring for the whole API.

    After opening, `notice` is a bilingual message if a damaged or foreign file was moved aside
    (to `moved_aside`), else None. `ui` gives typed access to the remembered UI state.
    """

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.notice: dict[str, str] | None = None
        self.moved_aside: Path | None = None
        in_a_file = next((p for p in self.path.parents if p.exists() and not p.is_dir()), None)
        if in_a_file is not None:
            raise home_is_a_file(in_a_file)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise cannot_open(self.path, error.strerror or str(error)) from error
        problem = diagnose(self.path, timeout=BUSY_TIMEOUT_S)
        if problem is not None:
            self.moved_aside = move_aside(self.path)
            self.notice = notice(problem, self.path, self.moved_aside)
        self._lock = threading.RLock()
        self.journal_mode = ""  # "wal" unless the file system cannot share memory
        self._conn = self._connect()
        self.ui = UiState(self)

    def _connect(self) -> sqlite3.Connection:
        try:
            conn = sqlite3.connect(
                self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
            )
        except sqlite3.Error as error:
            raise cannot_open(self.path, str(error)) from error
        try:
            conn.execute("PRAGMA foreign_keys = ON")
            # Not every file system can share memory for WAL; then SQLite keeps a rollback
            # journal, which FULL synchronous makes just as durable.
            self.journal_mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            conn.execute("PRAGMA synchronous = FULL")
            migrate(conn)
        except sqlite3.Error as error:
            conn.close()
            raise cannot_open(self.path, str(error)) from error
        return conn

    # -- lifetime -------------------------------------------------------------------------------

    def close(self) -> None:
        """Close the file. Safe to call twice."""
        with self._lock:
            self._conn.close()

    def __enter__(self) -> ProgressStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, committed (and synced) before the caller gets its result."""
        with self._lock:
            try:
                self._conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as error:
                raise cannot_write(self.path, str(error)) from error
            try:
                yield self._conn
                self._conn.execute("COMMIT")
            except BaseException as error:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                if isinstance(error, sqlite3.OperationalError):
                    raise cannot_write(self.path, str(error)) from error
                raise

    def _read(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            return self._conn.execute(sql, params).fetchall()

    # -- attempts and events --------------------------------------------------------------------

    def record_attempt(
        self,
        exercise_id: str,
        lesson_id: str,
        answer: str,
        verdict: str,
        points: float,
        max_points: float,
        feedback: Feedback = "",
        duration_s: float = 0.0,
    ) -> Attempt:
        """Store one checked answer in its own transaction; return it as stored."""
        _require_name("exercise_id", exercise_id)
        _require_name("lesson_id", lesson_id)
        _require_name("verdict", verdict)
        if not isinstance(answer, str):
            raise ValueError(f"answer must be text (str), got {type(answer).__name__}")
        max_points = _require_number("max_points", max_points)
        points = _require_number("points", points)
        if points > max_points:
            if not math.isclose(points, max_points):
                raise ValueError(f"points ({points}) must not exceed max_points ({max_points})")
            points = max_points
        duration_s = _require_number("duration_s", duration_s)
        feedback_json = _dump_feedback(feedback)
        now = _now()
        with self._transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO attempts (exercise_id, lesson_id, answer, verdict, points, max_points,"
                " feedback, created_at, tutor_version, duration_s)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    exercise_id,
                    lesson_id,
                    answer,
                    verdict,
                    points,
                    max_points,
                    feedback_json,
                    now.isoformat(),
                    __version__,
                    duration_s,
                ),
            )
        return Attempt(
            id=_last_id(cursor),
            exercise_id=exercise_id,
            lesson_id=lesson_id,
            answer=answer,
            verdict=verdict,
            points=points,
            max_points=max_points,
            feedback=_load_feedback(feedback_json),
            created_at=now,
            tutor_version=__version__,
            duration_s=duration_s,
        )

    def record_event(
        self,
        exercise_id: str,
        lesson_id: str,
        kind: str,
        detail: int | str | None = None,
    ) -> Event:
        """Store a revealed hint (`detail`: its number, from 1) or a revealed solution."""
        _require_name("exercise_id", exercise_id)
        _require_name("lesson_id", lesson_id)
        if kind not in EVENT_KINDS:
            raise ValueError(f"event kind must be one of {', '.join(EVENT_KINDS)}; got {kind!r}")
        if kind == "hint" and not (_is_int(detail) and detail >= 1):
            raise ValueError(f"a hint event needs the hint's number (1, 2, ...); got {detail!r}")
        if not (detail is None or isinstance(detail, str) or _is_int(detail)):
            raise ValueError(f"event detail must be an int, a str or None; got {detail!r}")
        now = _now()
        with self._transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO events (exercise_id, lesson_id, kind, detail, created_at,"
                " tutor_version) VALUES (?, ?, ?, ?, ?, ?)",
                (exercise_id, lesson_id, kind, detail, now.isoformat(), __version__),
            )
        return Event(_last_id(cursor), exercise_id, lesson_id, kind, detail, now, __version__)

    def attempts(
        self, exercise_id: str | None = None, lesson_id: str | None = None
    ) -> list[Attempt]:
        """Stored attempts, oldest first; all of them unless filtered by exercise and/or lesson."""
        where, params = _filter(exercise_id, lesson_id, "a.")
        rows = self._read(f"SELECT {_ATTEMPT} FROM attempts AS a{where} ORDER BY a.id", params)
        return [_attempt(row) for row in rows]

    def events(self, exercise_id: str | None = None, lesson_id: str | None = None) -> list[Event]:
        """Stored hint and solution events, oldest first."""
        where, params = _filter(exercise_id, lesson_id)
        rows = self._read(f"SELECT {_EVENT} FROM events{where} ORDER BY id", params)
        return [
            Event(row[0], row[1], row[2], row[3], row[4], _parse_time(row[5]), row[6])
            for row in rows
        ]

    # -- derived progress -----------------------------------------------------------------------

    def exercise_progress(self, exercise_id: str) -> ExerciseProgress:
        """Where the learner stands on one exercise ("not_started" if nothing is stored)."""
        where, params = _filter(exercise_id, None)
        rows = self._read(_PROGRESS.format(where=where), params * 2)
        return _progress(rows[0]) if rows else ExerciseProgress(exercise_id)

    def all_progress(self) -> dict[str, ExerciseProgress]:
        """Progress of every exercise with anything stored, in one query (for the course map).

        Exercises missing from the result are not started.
        """
        rows = self._read(_PROGRESS.format(where=""))
        return {row[0]: _progress(row) for row in rows}

    # -- UI state -------------------------------------------------------------------------------

    def get_state(self, key: str, default: Any = None) -> Any:
        """The JSON value stored under `key`; `default` if there is none or it is unreadable."""
        rows = self._read("SELECT value FROM state WHERE key = ?", (key,))
        if not rows:
            return default
        try:
            return json.loads(rows[0][0])
        except ValueError:
            return default

    def set_state(self, key: str, value: Any) -> None:
        """Store a JSON-serialisable `value` under `key`; None removes the key."""
        _require_name("key", key)
        if value is None:
            with self._transaction() as conn:
                conn.execute("DELETE FROM state WHERE key = ?", (key,))
            return
        try:
            text = json.dumps(value, ensure_ascii=False, allow_nan=False)
        except (TypeError, ValueError) as error:
            raise ValueError(f"state {key!r} must be JSON-serialisable: {error}") from error
        with self._transaction() as conn:
            conn.execute(
                "INSERT INTO state (key, value, updated_at) VALUES (?, ?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value,"
                " updated_at = excluded.updated_at",
                (key, text, _now().isoformat()),
            )

    # -- regrading ------------------------------------------------------------------------------

    def record_regrade(
        self, attempt_id: int, verdict: str, points: float, feedback: Feedback = ""
    ) -> Regrade:
        """Store what today's check says about a stored attempt; the attempt itself is kept.

        A later regrade of the same attempt replaces the earlier one. Returns the regrade with
        its original attempt (`.changed` tells whether the verdict or points differ).
        """
        _require_name("verdict", verdict)
        points = _require_number("points", points)
        feedback_json = _dump_feedback(feedback)
        try:
            with self._transaction() as conn:
                conn.execute(
                    "INSERT INTO regrades (attempt_id, verdict, points, feedback, regraded_at,"
                    " tutor_version) VALUES (?, ?, ?, ?, ?, ?)"
                    " ON CONFLICT (attempt_id) DO UPDATE SET verdict = excluded.verdict,"
                    " points = excluded.points, feedback = excluded.feedback,"
                    " regraded_at = excluded.regraded_at, tutor_version = excluded.tutor_version",
                    (attempt_id, verdict, points, feedback_json, _now().isoformat(), __version__),
                )
                (regrade,) = self._regrades(" WHERE r.attempt_id = ?", (attempt_id,))
        except sqlite3.IntegrityError as error:
            raise ValueError(f"there is no stored attempt with id {attempt_id}") from error
        return regrade

    def regrades(self) -> list[Regrade]:
        """Every regrade with its original attempt, in attempt order."""
        return self._regrades()

    def _regrades(self, where: str = "", params: tuple[Any, ...] = ()) -> list[Regrade]:
        rows = self._read(
            f"SELECT {_ATTEMPT}, r.verdict, r.points, r.feedback, r.regraded_at, r.tutor_version"
            f" FROM regrades AS r JOIN attempts AS a ON a.id = r.attempt_id{where} ORDER BY a.id",
            params,
        )
        n = _ATTEMPT.count(",") + 1
        return [
            Regrade(
                attempt=_attempt(row[:n]),
                verdict=row[n],
                points=row[n + 1],
                feedback=_load_feedback(row[n + 2]),
                regraded_at=datetime.fromisoformat(row[n + 3]),
                tutor_version=row[n + 4],
            )
            for row in rows
        ]

    # -- renames --------------------------------------------------------------------------------

    def follow_renames(self, renames: Iterable[RenameLike]) -> list[str]:
        """Move progress to renamed lessons and exercises, each rename once; return new names.

        Opening the store does this every time, so when every rename is already applied it only
        reads (no write lock that would make the app and a CLI wait for each other)."""
        renames = list(renames)
        with self._lock:
            done = set(applied_renames(self._conn))
        if all(rename.name in done for rename in renames):
            return []
        with self._transaction() as conn:
            return apply_renames(conn, renames)

    # -- reset ----------------------------------------------------------------------------------

    def reset(self, lesson_id: str | None = None, exercise_id: str | None = None) -> int:
        """Delete the attempts and events of one exercise, one lesson, or (no arguments) all.

        Their regrades go with them; UI state stays. Returns how many attempts and events were
        removed. Asking the learner to confirm is the caller's job.
        """
        where, params = _filter(exercise_id, lesson_id)
        with self._transaction() as conn:
            removed = conn.execute(f"DELETE FROM attempts{where}", params).rowcount
            removed += conn.execute(f"DELETE FROM events{where}", params).rowcount
        return removed


# -- helpers --------------------------------------------------------------------------------------


def _now() -> datetime:
    return datetime.now(UTC)


def _parse_time(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


def _last_id(cursor: sqlite3.Cursor) -> int:
    assert cursor.lastrowid is not None  # an INSERT into a rowid table always sets it
    return cursor.lastrowid


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _require_name(what: str, value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{what} must be a non-empty str; got {value!r}")


def _require_number(what: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{what} must be a number; got {value!r}")
    if not math.isfinite(value) or value < 0:
        raise ValueError(f"{what} must be a finite number >= 0; got {value!r}")
    return float(value)


def _dump_feedback(feedback: Feedback) -> str:
    if isinstance(feedback, str):
        return json.dumps(feedback, ensure_ascii=False)
    if isinstance(feedback, Mapping) and all(
        isinstance(k, str) and isinstance(v, str) for k, v in feedback.items()
    ):
        return json.dumps(dict(feedback), ensure_ascii=False)
    raise ValueError(f'feedback must be a str or {{"ko": str, "en": str}}; got {feedback!r}')


def _load_feedback(text: str) -> Feedback:
    try:
        value = json.loads(text)
    except ValueError:
        return text
    return value if isinstance(value, str | dict) else text


def _filter(
    exercise_id: str | None, lesson_id: str | None, prefix: str = ""
) -> tuple[str, tuple[str, ...]]:
    clauses, params = [], []
    if exercise_id is not None:
        clauses.append(f"{prefix}exercise_id = ?")
        params.append(exercise_id)
    if lesson_id is not None:
        clauses.append(f"{prefix}lesson_id = ?")
        params.append(lesson_id)
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), tuple(params)


def _attempt(row: tuple[Any, ...]) -> Attempt:
    return Attempt(
        id=row[0],
        exercise_id=row[1],
        lesson_id=row[2],
        answer=row[3],
        verdict=row[4],
        points=row[5],
        max_points=row[6],
        feedback=_load_feedback(row[7]),
        created_at=datetime.fromisoformat(row[8]),
        tutor_version=row[9],
        duration_s=row[10],
    )


def _progress(row: tuple[Any, ...]) -> ExerciseProgress:
    exercise_id, lesson_id, n, best, max_points, fraction, passed, verdict, at, hints, shown = row
    if passed:
        status = "passed"
    elif n or hints or shown:
        status = "in_progress"
    else:
        status = "not_started"
    return ExerciseProgress(
        exercise_id=exercise_id,
        lesson_id=lesson_id,
        status=status,
        attempts=n or 0,
        best_points=best or 0.0,
        max_points=max_points or 0.0,
        best_fraction=fraction or 0.0,
        last_verdict=verdict,
        last_attempt_at=_parse_time(at),
        hints_shown=hints or 0,
        solution_shown=bool(shown),
    )
