"""`tutor watch`: real file changes in the workspace, seen through watchfiles. No sleeping: each
test writes after `Ready` and reads events until the one it expects, with a deadline."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TypeVar

import pytest

from tests.cli.conftest import DOUBLE
from tutor.cli import main
from tutor.course import load_course
from tutor.progress import ProgressStore, open_store
from tutor.workspace.watch import (
    Checked,
    Current,
    Event,
    Finished,
    Ready,
    Skipped,
    watch_course,
)

E = TypeVar("E")
DEADLINE_S = 30.0  # generous for a loaded machine; a passing run takes a fraction of a second


@pytest.fixture
def store(learner: Path) -> Iterator[ProgressStore]:
    with open_store(learner / "progress.sqlite3") as opened:
        yield opened


@pytest.fixture
def events(store: ProgressStore) -> Iterator[Iterator[Event]]:
    watching = watch_course(load_course(), store, heartbeat_ms=50)
    yield watching
    watching.close()  # type: ignore[attr-defined]


def wait_for(events: Iterator[Event], kind: type[E]) -> E:
    """The next event of `kind` (heartbeats and others in between are skipped)."""
    deadline = time.monotonic() + DEADLINE_S
    for event in events:
        if isinstance(event, kind):
            return event
        assert time.monotonic() < deadline, f"no {kind.__name__} within {DEADLINE_S} s"
    raise AssertionError(f"the watch ended before a {kind.__name__}")


def save(path: Path, text: str) -> None:
    """Save as most editors do: write a temporary file, then rename it over the old one."""
    temporary = path.with_name(f".{path.name}.swp-tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def test_each_save_is_checked_and_the_next_exercise_follows_a_pass(
    events: Iterator[Event], store: ProgressStore, workspace: Path
) -> None:
    first = wait_for(events, Current)
    assert first.exercise.id == "02.double" and first.path == workspace / "02_double.py"
    assert (workspace / "02_square.py").is_file()  # every starter is written at the start
    wait_for(events, Ready)
    save(first.path, "def double(x):\n    return x\n")
    wrong = wait_for(events, Checked)
    assert not wrong.verdict.passed and wrong.recorded
    save(first.path, DOUBLE)
    right = wait_for(events, Checked)
    assert right.verdict.passed
    following = wait_for(events, Current)
    assert following.exercise.id == "02.square" and (following.number, following.total) == (2, 2)
    assert [a.verdict for a in store.attempts(exercise_id="02.double")] == ["failed", "passed"]


def test_a_half_written_file_is_told_in_one_line_and_not_counted(
    events: Iterator[Event], store: ProgressStore
) -> None:
    current = wait_for(events, Current)
    wait_for(events, Ready)
    current.path.write_text("def double(x):\n    return 2 *", encoding="utf-8")
    half = wait_for(events, Checked)
    assert half.verdict.status == "syntax_error" and not half.recorded
    current.path.write_text(DOUBLE, encoding="utf-8")
    assert wait_for(events, Checked).verdict.passed
    assert [a.verdict for a in store.attempts()] == ["passed"]


def test_a_deleted_file_is_said_and_watching_goes_on(events: Iterator[Event]) -> None:
    current = wait_for(events, Current)
    wait_for(events, Ready)
    current.path.unlink()
    skipped = wait_for(events, Skipped)
    assert "does not exist" in skipped.reason["en"]
    save(current.path, DOUBLE)
    assert wait_for(events, Checked).verdict.passed


def test_the_starter_saved_unchanged_is_not_an_attempt(
    events: Iterator[Event], store: ProgressStore
) -> None:
    current = wait_for(events, Current)
    wait_for(events, Ready)
    save(current.path, current.path.read_text(encoding="utf-8"))
    skipped = wait_for(events, Skipped)
    assert "still holds the starter" in skipped.reason["en"]
    assert store.attempts() == []


def test_an_answer_saved_before_watching_is_checked_at_the_start(
    store: ProgressStore, workspace: Path
) -> None:
    workspace.mkdir()
    (workspace / "02_double.py").write_text(DOUBLE, encoding="utf-8")
    watching = watch_course(load_course(), store, heartbeat_ms=50)
    try:
        assert wait_for(watching, Current).exercise.id == "02.double"
        assert wait_for(watching, Checked).verdict.passed
        assert wait_for(watching, Current).exercise.id == "02.square"
    finally:
        watching.close()  # type: ignore[attr-defined]


def test_watch_ends_when_every_code_exercise_passes(store: ProgressStore, workspace: Path) -> None:
    for exercise_id in ("02.double", "02.square"):
        store.record_attempt(exercise_id, "02-code", "...", "passed", 1.0, 1.0)
    assert isinstance(next(iter(watch_course(load_course(), store))), Finished)


def test_a_workspace_that_cannot_be_written_stops_the_command_with_one_line(
    capsys, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("TUTOR_WORKSPACE", str(blocker / "workspace"))
    assert main(["watch"]) == 2
    err = capsys.readouterr().err
    assert f"Cannot write {blocker / 'workspace' / '02_double.py'}" in err
    assert err.count("\n") == 1


def test_the_command_shows_the_exercise_its_file_and_each_verdict(capsys, workspace: Path) -> None:
    from tutor.cli.workspace import show_event

    exercise = load_course().exercise("02.double")
    path = workspace / "02_double.py"
    show_event(Current(exercise, path, 1, 2), "en")
    out = capsys.readouterr().out
    assert "1/2 · 02.double · Double it" in out and "Complete double(x)." in out
    assert f"Open {path} in your editor" in out
    show_event(Skipped(exercise, {"ko": "건너뜀", "en": "02_double.py: unchanged"}), "ko")
    assert "건너뜀" in capsys.readouterr().out
