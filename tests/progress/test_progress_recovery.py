"""Damaged, foreign and newer progress files: kept on disk, never overwritten, clearly reported."""

from __future__ import annotations

import os
import random
import sqlite3

import pytest

from tutor.progress import NewerProgressFileError, ProgressError, ProgressStore
from tutor.progress.recovery import Problem, diagnose, move_aside
from tutor.progress.schema import LATEST_VERSION


def _real_store_file(path, attempts=200):
    """A progress file of many pages (the rows go in as one transaction, to keep tests quick)."""
    with ProgressStore(path) as store:
        store.record_attempt("e0", "l1", "x", "failed", 0, 1)
    conn = sqlite3.connect(path)
    with conn:
        conn.executemany(
            "INSERT INTO attempts (exercise_id, lesson_id, answer, verdict, points, max_points,"
            " created_at, tutor_version) SELECT exercise_id, lesson_id, ?, verdict, points,"
            " max_points, created_at, tutor_version FROM attempts WHERE id = 1",
            [("x" * 300,)] * (attempts - 1),
        )
    conn.close()
    return path


def _broken_files(path):
    return sorted(path.parent.glob(path.name + ".broken-*"))


def _assert_moved_aside_with_notice(store, original_bytes):
    moved = store.moved_aside
    assert moved is not None and moved.name.startswith("progress.sqlite3.broken-")
    assert moved.read_bytes() == original_bytes
    for lang in ("ko", "en"):
        assert str(moved) in store.notice[lang]
        assert str(store.path) in store.notice[lang]
    assert store.attempts() == []
    store.record_attempt("e1", "l1", "1", "passed", 1, 1)  # the fresh file works
    assert store.exercise_progress("e1").status == "passed"


def test_random_bytes_are_moved_aside_and_a_fresh_file_is_started(tmp_path):
    path = tmp_path / "progress.sqlite3"
    original = random.Random(1).randbytes(10_000)
    path.write_bytes(original)
    with ProgressStore(path) as store:
        _assert_moved_aside_with_notice(store, original)
        assert "not an SQLite database" in store.notice["en"]


def test_someone_elses_sqlite_file_is_moved_aside(tmp_path):
    path = tmp_path / "progress.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (name TEXT, minutes INTEGER)")
    conn.execute("INSERT INTO recipes VALUES ('김치찌개', 30)")
    conn.commit()
    conn.close()
    original = path.read_bytes()
    with ProgressStore(path) as store:
        _assert_moved_aside_with_notice(store, original)
        assert "not tutor's progress database" in store.notice["en"]


def test_a_foreign_file_with_a_high_user_version_is_foreign_not_newer(tmp_path):
    path = tmp_path / "progress.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    assert diagnose(path) is Problem.FOREIGN


@pytest.mark.parametrize("keep", [100, 0.5, 0.9])
def test_a_truncated_database_is_moved_aside(tmp_path, keep):
    path = _real_store_file(tmp_path / "progress.sqlite3")
    size = path.stat().st_size
    os.truncate(path, keep if isinstance(keep, int) else int(size * keep) // 4096 * 4096)
    original = path.read_bytes()
    with ProgressStore(path) as store:
        _assert_moved_aside_with_notice(store, original)
        assert "damaged" in store.notice["en"]


def test_a_page_overwritten_with_garbage_is_moved_aside(tmp_path):
    path = _real_store_file(tmp_path / "progress.sqlite3")
    with path.open("r+b") as file:
        file.seek(4096 * 3)
        file.write(random.Random(2).randbytes(4096))
    original = path.read_bytes()
    with ProgressStore(path) as store:
        _assert_moved_aside_with_notice(store, original)


def test_our_file_missing_a_table_is_moved_aside(tmp_path):
    path = _real_store_file(tmp_path / "progress.sqlite3", attempts=1)
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE events")
    conn.close()
    assert diagnose(path) is Problem.DAMAGED


def test_wal_and_shm_siblings_move_with_the_broken_file(tmp_path):
    path = tmp_path / "progress.sqlite3"
    path.write_bytes(b"definitely not sqlite")
    (tmp_path / "progress.sqlite3-wal").write_bytes(b"wal bytes")
    (tmp_path / "progress.sqlite3-shm").write_bytes(b"shm bytes")
    with ProgressStore(path) as store:
        moved = store.moved_aside
        assert moved.with_name(moved.name + "-wal").read_bytes() == b"wal bytes"
        assert moved.with_name(moved.name + "-shm").read_bytes() == b"shm bytes"


def test_two_broken_files_in_the_same_second_get_different_names(tmp_path):
    path = tmp_path / "progress.sqlite3"
    path.write_bytes(b"first")
    first = move_aside(path)
    path.write_bytes(b"second")
    second = move_aside(path)
    assert first != second
    assert (first.read_bytes(), second.read_bytes()) == (b"first", b"second")


def _make_newer(path):
    _real_store_file(path, attempts=3)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.close()
    return path.read_bytes()


def test_a_file_from_a_newer_tutor_is_refused_with_a_clear_message(tmp_path):
    path = tmp_path / "progress.sqlite3"
    _make_newer(path)
    with pytest.raises(NewerProgressFileError) as raised:
        ProgressStore(path)
    message = raised.value.message
    assert f"schema version {LATEST_VERSION + 1}" in message["en"]
    assert "pip install -U tutor" in message["en"]
    assert str(path) in message["ko"]


def test_a_file_from_a_newer_tutor_is_left_untouched(tmp_path):
    path = tmp_path / "progress.sqlite3"
    original = _make_newer(path)
    with pytest.raises(NewerProgressFileError):
        ProgressStore(path)
    assert path.read_bytes() == original
    assert _broken_files(path) == []


def test_a_path_that_cannot_be_read_raises_and_moves_nothing(tmp_path):
    path = tmp_path / "progress.sqlite3"
    path.mkdir()
    with pytest.raises(ProgressError, match="Cannot open the progress file"):
        ProgressStore(path)
    assert path.is_dir()
    assert _broken_files(path) == []


def test_a_locked_file_is_reported_not_moved_aside(tmp_path):
    path = tmp_path / "other.sqlite3"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("INSERT INTO t VALUES (1)")
    try:
        with pytest.raises(ProgressError, match="locked"):
            diagnose(path, timeout=0.05)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert _broken_files(path) == []
