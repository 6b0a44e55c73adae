"""`tutor watch`, the rustlings way: the current code exercise is checked each time its file is
saved, and the next unsolved one follows when it passes.

`watch_course` is a generator of events; the command line prints them and the tests read them
(no sleeping: a test writes a file after `Ready` and waits for `Checked`, with `Heartbeat`s in
between to enforce its own deadline). The folder is watched by watchfiles (the OS's own change
notification, debounced), not by polling code of ours.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from tutor.i18n import Text, tt
from tutor.workspace import WorkspaceError, code_exercises, prepare_all, read_answer, starter_text

if TYPE_CHECKING:
    from tutor.course import Course, Exercise
    from tutor.exercises import Verdict
    from tutor.progress import ProgressStore

HEARTBEAT_MS = 1000  # how often the watcher reports that it is alive when nothing changes
QUIET_MS = 50  # a save is checked after this long without further changes (editors write twice)


@dataclass(frozen=True)
class Current:
    """The exercise now watched, and its file."""

    exercise: Exercise
    path: Path
    number: int  # its place among the code exercises (1-based) ...
    total: int  # ... and how many there are


@dataclass(frozen=True)
class Ready:
    """The folder is being watched: saves from now on are seen."""


@dataclass(frozen=True)
class Heartbeat:
    """Nothing changed for a while."""


@dataclass(frozen=True)
class Checked:
    exercise: Exercise
    answer: str
    verdict: Verdict
    recorded: bool  # False when the verdict says it is not an answer yet (empty, not Python)


@dataclass(frozen=True)
class Skipped:
    """A save that was not checked, and why (one line)."""

    exercise: Exercise
    reason: Text


@dataclass(frozen=True)
class Finished:
    """Every code exercise has passed."""


Event = Current | Ready | Heartbeat | Checked | Skipped | Finished


def first_unsolved(course: Course, store: ProgressStore) -> Exercise | None:
    """The first code exercise, in course order, that has not passed."""
    progress = store.all_progress()
    for exercise in code_exercises(course):
        seen = progress.get(exercise.id)
        if seen is None or not seen.passed:
            return exercise
    return None


def watch_course(
    course: Course,
    store: ProgressStore,
    root: Path | None = None,
    heartbeat_ms: int = HEARTBEAT_MS,
) -> Iterator[Event]:
    """Watch the workspace and check the current exercise on every save, until all pass.

    Raises WorkspaceError (before watching) when the starters cannot be written."""
    from watchfiles import watch

    paths = prepare_all(course, root)
    exercises = code_exercises(course)
    path_of = dict(zip((ex.id for ex in exercises), paths, strict=True))
    if not paths:
        yield Finished()
        return
    changes_seen = watch(
        paths[0].parent,
        watch_filter=None,
        step=QUIET_MS,
        rust_timeout=heartbeat_ms,
        yield_on_timeout=True,
        recursive=False,
    )
    ready = False
    try:
        while (current := first_unsolved(course, store)) is not None:
            path = path_of[current.id]
            yield Current(current, path, exercises.index(current) + 1, len(exercises))
            last_checked = _last_answer(store, current)
            event = _check_if_new(store, current, path, last_checked, on_start=True)
            while not (isinstance(event, Checked) and event.verdict.passed):
                if event is not None:
                    yield event
                    last_checked = event.answer if isinstance(event, Checked) else last_checked
                event = None
                changes = next(changes_seen)
                if not ready:
                    ready = True
                    yield Ready()
                if not changes:
                    yield Heartbeat()
                elif path.name in {Path(changed).name for _, changed in changes}:
                    event = _check_if_new(store, current, path, last_checked)
            yield event
    finally:
        changes_seen.close()
    yield Finished()


def _last_answer(store: ProgressStore, exercise: Exercise) -> str | None:
    attempts = store.attempts(exercise_id=exercise.id)
    return attempts[-1].answer if attempts else None


def _check_if_new(
    store: ProgressStore,
    exercise: Exercise,
    path: Path,
    last_checked: str | None,
    on_start: bool = False,
) -> Checked | Skipped | None:
    """Check the file if it holds something new; None when there is nothing to say."""
    from tutor.grading import counts_as_attempt, submit

    try:
        answer = read_answer(path)
    except WorkspaceError as error:
        return Skipped(exercise, error.text)
    if answer == last_checked:
        return None if on_start else Skipped(exercise, tt("ws_unchanged", file=path.name))
    if answer == starter_text(exercise):
        return None if on_start else Skipped(exercise, tt("ws_still_starter", file=path.name))
    verdict = submit(store, exercise, answer)
    return Checked(exercise, answer, verdict, counts_as_attempt(verdict))
