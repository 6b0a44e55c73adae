"""Checking answers, recording them, and handing out hints and solutions.

The one place where an answer meets its exercise: the CLI and the app call `submit`, `next_hint`
and `reveal_solution`, never a kind's `check` directly, so that every verdict is recorded and every
unexpected error becomes a kind message instead of a traceback.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, Final

from tutor.course.model import Exercise
from tutor.exercises import get_kind
from tutor.exercises.base import Verdict
from tutor.i18n import Text, tt
from tutor.logbook import log_exception
from tutor.progress import ProgressStore

INTERNAL_ERROR: Final = "internal_error"


def check(exercise: Exercise, answer: str, watch: Sequence[Any] = ()) -> Verdict:
    """Grade `answer` without recording it. Never raises. `watch`: engine callbacks that see
    training (experiments), e.g. the app's live loss curve."""
    kind = get_kind(exercise.kind)
    try:
        verdict = kind.check(exercise, answer, watch)
    except Exception as error:  # a bug of ours must not reach the learner as a traceback
        log = log_exception(f"checking {exercise.id}", error)
        return Verdict(
            INTERNAL_ERROR, 0.0, tt("internal_error", error=type(error).__name__, log=log)
        )
    if not verdict.passed:
        for mistake in exercise.mistakes:
            if kind.same_answer(exercise, answer, mistake.answer):
                merged = {
                    lang: f"{mistake.message[lang]}\n{verdict.message.get(lang, '')}".strip()
                    for lang in mistake.message
                }
                return replace(verdict, message=merged)
    return verdict


def points_for(exercise: Exercise, verdict: Verdict) -> float:
    return round(exercise.points * verdict.score, 3)


def submit(
    store: ProgressStore, exercise: Exercise, answer: str, watch: Sequence[Any] = ()
) -> Verdict:
    """Grade `answer` and record the attempt at once (one transaction)."""
    started = time.perf_counter()
    verdict = check(exercise, answer, watch)
    store.record_attempt(
        exercise.id,
        exercise.lesson_id,
        answer,
        verdict.status,
        points_for(exercise, verdict),
        float(exercise.points),
        feedback=dict(verdict.message),
        duration_s=time.perf_counter() - started,
    )
    return verdict


@dataclass(frozen=True)
class Hint:
    number: int  # 1-based
    total: int
    text: Text


def next_hint(store: ProgressStore, exercise: Exercise) -> Hint | None:
    """The next hint not yet shown (recorded as shown), or the last one again; None if none."""
    total = len(exercise.hints)
    if total == 0:
        return None
    shown = store.exercise_progress(exercise.id).hints_shown
    number = min(shown + 1, total)
    if number > shown:
        store.record_event(exercise.id, exercise.lesson_id, "hint", number)
    return Hint(number, total, exercise.hints[number - 1])


def solution_unlocked(store: ProgressStore, exercise: Exercise) -> bool:
    """The reference solution opens after `solution_after` attempts, or once the exercise passed."""
    progress = store.exercise_progress(exercise.id)
    return progress.status == "passed" or progress.attempts >= exercise.solution_after


def reveal_solution(store: ProgressStore, exercise: Exercise) -> str | None:
    """The reference solution if unlocked (and record that it was seen), else None."""
    if not solution_unlocked(store, exercise):
        return None
    store.record_event(exercise.id, exercise.lesson_id, "solution", None)
    return exercise.solution


def locked_message(store: ProgressStore, exercise: Exercise) -> Text:
    made = store.exercise_progress(exercise.id).attempts
    return tt("solution_locked", needed=exercise.solution_after, made=made)
