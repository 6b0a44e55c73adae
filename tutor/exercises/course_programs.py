"""The course's own programs of a `code` exercise, run here in the parent (trusted course code):
the reference solution and the known mistakes, each called directly or through the exercise's
probe, and the judge that decides results no single right value describes. Also: whether a
learner's results behave like a known mistake's.
"""

from __future__ import annotations

import copy
import types
import warnings
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

import numpy as np

from tutor.exercises.base import SpecError
from tutor.exercises.compare import LEARNER_ERROR, compare, learner_error
from tutor.i18n import LANGS, Text

if TYPE_CHECKING:
    from tutor.course.model import Mistake
    from tutor.sandbox import CaseResult


@cache
def case_arguments(setup: str, cases: tuple[str, ...]) -> tuple[tuple[Any, ...], ...]:
    """Each case's arguments, evaluated once in the parent (course code, trusted)."""
    namespace: dict[str, Any] = {}
    exec(setup, namespace)
    return tuple(eval(f"({case},)", namespace) for case in cases)


@cache
def outcomes(
    program: str, function: str, setup: str, cases: tuple[str, ...], probe: str
) -> tuple[Any, ...]:
    """What a program of the course (the reference solution, a known mistake) gives for every
    case, computed here in the parent once per process. An exception of the program becomes a
    `$learner_error` marker, as a probe reports it in the sandbox."""
    module = types.ModuleType("learner")
    exec(setup, module.__dict__)
    exec(program, module.__dict__)
    run = probe_function(probe) if probe else None
    results = []
    for args in case_arguments(setup, cases):
        try:
            with warnings.catch_warnings(), np.errstate(all="ignore"):
                warnings.simplefilter("ignore")  # a known mistake may overflow on purpose
                if run is not None:
                    results.append(run(module, *copy.deepcopy(args)))
                else:
                    results.append(module.__dict__[function](*copy.deepcopy(args)))
        except Exception as error:
            results.append(_parent_error(error))
    return tuple(results)


@cache
def judge_function(source: str) -> tuple[Any, str]:
    """The judge's `judge` function and its `GOAL`, loaded here in the parent (course code)."""
    namespace: dict[str, Any] = {"__name__": "_tutor_judge", "learner_error": learner_error}
    exec(compile(source, "<exercise judge>", "exec"), namespace)
    judge, goal = namespace.get("judge"), namespace.get("GOAL")
    if not callable(judge):
        raise SpecError("the judge must define a function `judge(value, *args)`", "judge")
    if not isinstance(goal, str) or not goal:
        raise SpecError("the judge must define GOAL, what a case must reach (a str)", "judge")
    return judge, goal


def judged(source: str, value: Any, args: tuple[Any, ...]) -> Text | None:
    """The judge's problem with a learner's result (None: the case passes)."""
    judge, _ = judge_function(source)
    problem = judge(value, *copy.deepcopy(args))
    if problem is None:
        return None
    if not isinstance(problem, dict) or not all(isinstance(problem.get(k), str) for k in LANGS):
        raise TypeError(f"the judge returned {problem!r}, not None or {{'ko': ..., 'en': ...}}")
    return problem


def _parent_error(error: BaseException) -> dict[str, Any]:
    return {LEARNER_ERROR: {"type": type(error).__name__, "message": str(error)}}


def probe_function(source: str) -> Any:
    """The probe's `probe` function, loaded here in the parent (trusted course code)."""
    namespace: dict[str, Any] = {"__name__": "_tutor_probe", "learner_error": _parent_error}
    exec(compile(source, "<exercise probe>", "exec"), namespace)
    probe = namespace.get("probe")
    if not callable(probe):
        raise SpecError("the probe must define a function `probe(learner, ...)`", "probe")
    return probe


def known_mistake(
    mistakes: Sequence[Mistake],
    function: str,
    setup: str,
    cases: tuple[str, ...],
    probe: str,
    results: Sequence[CaseResult],
) -> Text | None:
    """The message of the known mistake the learner's program behaves like on every case."""
    for mistake in mistakes:
        try:
            expected = outcomes(mistake.answer, function, setup, cases, probe)
        except Exception:
            continue  # a mistake program that does not even load matches nothing
        if all(_same(outcome, case) for outcome, case in zip(expected, results, strict=True)):
            return mistake.message
    return None


def _same(outcome: Any, case: CaseResult) -> bool:
    """Whether the learner's case behaved like a known mistake's outcome."""
    if case.error is not None:
        return _same_error(learner_error(outcome), case.error.type_name, case.error.message)
    return _same_value(outcome, case.value)


def _same_error(mistake: dict[str, Any] | None, type_name: Any, message: Any) -> bool:
    """The same exception: its type and its message (numpy's names the shapes that clash)."""
    return mistake is not None and (mistake.get("type"), mistake.get("message")) == (
        type_name,
        message,
    )


def _same_value(outcome: Any, got: Any) -> bool:
    """Equal values, or exceptions of the same type, at every place of (named) results."""
    mistake_error, got_error = learner_error(outcome), learner_error(got)
    if mistake_error is not None or got_error is not None:
        return got_error is not None and _same_error(
            mistake_error, got_error.get("type"), got_error.get("message")
        )
    if isinstance(outcome, dict):
        return (
            isinstance(got, dict)
            and set(got) == set(outcome)
            and all(_same_value(outcome[key], got[key]) for key in outcome)
        )
    return compare(outcome, got, 1e-9, 1e-12) is None and not raised(got)


def raised(value: Any) -> bool:
    """Whether a probe's result holds a learner's exception anywhere inside."""
    if learner_error(value) is not None:
        return True
    if isinstance(value, dict):
        return any(raised(item) for item in value.values())
    if isinstance(value, tuple | list):
        return any(raised(item) for item in value)
    return False
