"""The schema version, the migration runner and the connection settings of the progress file."""

from __future__ import annotations

import sqlite3

import pytest

from tutor.progress import ProgressStore
from tutor.progress.schema import (
    APPLICATION_ID,
    LATEST_VERSION,
    MIGRATIONS,
    application_id,
    expected_columns,
    migrate,
    table_columns,
    user_version,
)


def _connect(path) -> sqlite3.Connection:
    return sqlite3.connect(path, isolation_level=None)


def test_a_new_file_gets_the_latest_schema_version_and_our_application_id(tmp_path):
    path = tmp_path / "progress.sqlite3"
    ProgressStore(path).close()
    conn = _connect(path)
    assert user_version(conn) == LATEST_VERSION == len(MIGRATIONS)
    assert application_id(conn) == APPLICATION_ID
    assert set(table_columns(conn)) == {"attempts", "events", "regrades", "state"}
    conn.close()


def test_an_empty_file_is_migrated_without_a_notice(tmp_path):
    path = tmp_path / "progress.sqlite3"
    path.touch()
    with ProgressStore(path) as store:
        assert store.notice is None
        store.record_attempt("e1", "l1", "1", "passed", 1, 1)
    conn = _connect(path)
    assert user_version(conn) == LATEST_VERSION
    conn.close()


def test_reopening_an_up_to_date_file_keeps_its_records(tmp_path):
    path = tmp_path / "progress.sqlite3"
    with ProgressStore(path) as store:
        store.record_attempt("e1", "l1", "1", "passed", 1, 1)
    with ProgressStore(path) as store:
        assert store.notice is None
        assert [a.answer for a in store.attempts()] == ["1"]


def _v2_add_note(conn: sqlite3.Connection) -> None:
    conn.execute("ALTER TABLE attempts ADD COLUMN note TEXT NOT NULL DEFAULT ''")


def test_a_second_migration_is_one_more_function(tmp_path):
    path = tmp_path / "progress.sqlite3"
    with ProgressStore(path) as store:
        store.record_attempt("e1", "l1", "1", "passed", 1, 1)
    conn = _connect(path)
    assert migrate(conn, [*MIGRATIONS, _v2_add_note]) == 2
    assert user_version(conn) == 2
    assert conn.execute("SELECT answer, note FROM attempts").fetchall() == [("1", "")]
    conn.close()


def test_a_failing_migration_leaves_the_file_at_its_old_version(tmp_path):
    def broken_v2(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("migration bug")

    path = tmp_path / "progress.sqlite3"
    ProgressStore(path).close()
    conn = _connect(path)
    with pytest.raises(RuntimeError, match="migration bug"):
        migrate(conn, [*MIGRATIONS, broken_v2])
    assert user_version(conn) == 1
    assert "half_done" not in table_columns(conn)
    conn.close()


def test_migrating_twice_changes_nothing(tmp_path):
    conn = _connect(tmp_path / "p.sqlite3")
    assert migrate(conn) == LATEST_VERSION
    assert migrate(conn) == LATEST_VERSION
    assert table_columns(conn) == expected_columns(LATEST_VERSION)
    conn.close()


def test_the_store_uses_wal_full_sync_foreign_keys_and_a_busy_timeout(tmp_path):
    with ProgressStore(tmp_path / "p.sqlite3") as store:
        conn = store._conn
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
