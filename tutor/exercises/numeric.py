"""`numeric`: a number, compared with a tolerance, never as text.

    answer = 0.7311
    rel_tol = 1e-3      # default 1e-3: a learner who rounds to four digits is right
    abs_tol = 1e-9      # default 1e-9

Accepted spellings: `0.5`, `.5`, `1/2`, `5e-1`, `-0.5`, `−0.5` (a typographic minus), `1,000`
(a thousands comma), with spaces around.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tutor.exercises.base import ExerciseKind, SpecError, Verdict, failed, invalid, passed, require
from tutor.i18n import tt

if TYPE_CHECKING:
    from tutor.course.model import Exercise

_NUMBER = r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?"
_FRACTION = re.compile(rf"^({_NUMBER})\s*/\s*({_NUMBER})$")
_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$")


@dataclass(frozen=True)
class NumericSpec:
    answer: float
    rel_tol: float
    abs_tol: float

    def tolerance(self) -> float:
        return max(self.rel_tol * abs(self.answer), self.abs_tol)

    def accepts(self, value: float) -> bool:
        return math.isclose(value, self.answer, rel_tol=self.rel_tol, abs_tol=self.abs_tol)


def parse_number(text: str) -> float | None:
    """The number a learner typed, or None if it is not one we can read."""
    cleaned = text.strip().lower().replace("−", "-").replace("×10^", "e").replace(" ", "")
    if _THOUSANDS.match(cleaned):
        cleaned = cleaned.replace(",", "")
    if re.fullmatch(_NUMBER, cleaned):
        return float(cleaned)
    match = _FRACTION.match(cleaned)
    if match:
        numerator, denominator = (Fraction(part) for part in match.groups())
        if denominator == 0:
            return None
        return float(numerator / denominator)
    return None


class NumericKind(ExerciseKind):
    name = "numeric"
    spec_keys = frozenset({"answer", "rel_tol", "abs_tol"})

    def parse_spec(self, raw: dict[str, Any], lesson_dir: Path) -> NumericSpec:
        answer = float(require(raw, "answer", (int, float), "a number"))
        rel_tol = float(raw.get("rel_tol", 1e-3))
        abs_tol = float(raw.get("abs_tol", 1e-9))
        if not math.isfinite(answer):
            raise SpecError("`answer` must be a finite number", "answer")
        if rel_tol < 0 or abs_tol < 0:
            raise SpecError("tolerances must not be negative", "rel_tol")
        return NumericSpec(answer, rel_tol, abs_tol)

    def check(self, exercise: Exercise, answer: str, watch: Sequence[Any] = ()) -> Verdict:
        spec: NumericSpec = exercise.spec
        if not answer.strip():
            return invalid(tt("empty_answer"))
        value = parse_number(answer)
        if value is None or not math.isfinite(value):
            return invalid(tt("numeric_unreadable", given=answer.strip()))
        if spec.accepts(value):
            return passed()
        counting = spec.answer.is_integer() and value.is_integer()  # a count: never "close"
        if not counting and abs(value - spec.answer) <= 10 * spec.tolerance():
            return failed(
                tt("numeric_close", given=answer.strip(), tolerance=f"{spec.tolerance():g}")
            )
        return failed(tt("numeric_wrong", given=answer.strip()))

    def plainly_wrong(self, exercise: Exercise) -> list[str]:
        spec: NumericSpec = exercise.spec
        off = max(10 * spec.tolerance(), 1.0)
        return [repr(spec.answer + off), repr(spec.answer - off), repr(-spec.answer - off)]

    def same_answer(self, exercise: Exercise, answer: str, other: str) -> bool:
        a, b = parse_number(answer), parse_number(other)
        spec: NumericSpec = exercise.spec
        return a is not None and b is not None and math.isclose(a, b, rel_tol=spec.rel_tol)
