"""Exercise kinds: one module each, one registry.

Adding a kind means adding one module with an `ExerciseKind` subclass and one line below.
"""

from __future__ import annotations

from tutor.exercises.base import Detail, ExerciseKind, SpecError, Trial, TrialCall, Verdict
from tutor.exercises.choice import ChoiceKind
from tutor.exercises.code import CodeKind
from tutor.exercises.experiment import ExperimentKind
from tutor.exercises.numeric import NumericKind
from tutor.exercises.predict import PredictKind
from tutor.exercises.text import TextKind
from tutor.exercises.weights import WeightsKind

KINDS: dict[str, ExerciseKind] = {
    kind.name: kind
    for kind in (
        ChoiceKind(),
        NumericKind(),
        TextKind(),
        WeightsKind(),
        CodeKind(),
        ExperimentKind(),
        PredictKind(),
    )
}


def get_kind(name: str) -> ExerciseKind:
    try:
        return KINDS[name]
    except KeyError:
        raise SpecError(
            f"unknown exercise kind {name!r}; the kinds are: {', '.join(sorted(KINDS))}", "kind"
        ) from None


__all__ = [
    "KINDS",
    "Detail",
    "ExerciseKind",
    "SpecError",
    "Trial",
    "TrialCall",
    "Verdict",
    "get_kind",
]
