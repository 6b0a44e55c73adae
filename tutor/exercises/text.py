"""`text`: a short answer, a term in Korean or English, compared after normalising.

    accept = ["퍼셉트론", "perceptron"]

Normalising ignores case, full-width versus half-width forms, spaces, hyphens and a final full
stop, so "Back-propagation", "backpropagation" and "역 전파" match "역전파" if it is accepted.
It also drops a leading English article ("the threshold" is "threshold") and the names of the
variables passed to a call (`model.fit(x, y)` is `model.fit(x_train, y_train)`); keyword names
and literal values are kept, so `fit(epochs=5)` is still not `fit(epochs=50)`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tutor.exercises.base import ExerciseKind, SpecError, Verdict, failed, invalid, passed, require
from tutor.i18n import tt

if TYPE_CHECKING:
    from tutor.course.model import Exercise

_IGNORED = re.compile(r"[\s\-_·・'\"`.。]+")
_ARTICLE = re.compile(r"^(?:the|an|a)\s+")
_VARIABLE_ARGUMENT = re.compile(r"(?<=[(,])\s*[a-z_]\w*\s*(?=[,)])")
"""A bare name passed positionally: `x` and `y` in `fit(x, y)`, not `epochs` in `epochs=5`."""


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold().strip()
    text = _ARTICLE.sub("", text)
    text = _VARIABLE_ARGUMENT.sub("*", text)
    return _IGNORED.sub("", text)


@dataclass(frozen=True)
class TextSpec:
    accept: tuple[str, ...]

    def accepts(self, answer: str) -> bool:
        return normalise(answer) in {normalise(a) for a in self.accept}


class TextKind(ExerciseKind):
    name = "text"
    spec_keys = frozenset({"accept"})

    def parse_spec(self, raw: dict[str, Any], lesson_dir: Path) -> TextSpec:
        accept = require(raw, "accept", list, "a list of accepted answers")
        if not accept or not all(isinstance(a, str) and normalise(a) for a in accept):
            raise SpecError("`accept` needs at least one non-empty answer", "accept")
        return TextSpec(tuple(accept))

    def check(self, exercise: Exercise, answer: str, watch: Sequence[Any] = ()) -> Verdict:
        if not normalise(answer):
            return invalid(tt("empty_answer"))
        if exercise.spec.accepts(answer):
            return passed()
        return failed(tt("text_wrong", given=answer.strip()))

    def plainly_wrong(self, exercise: Exercise) -> list[str]:
        return ["xyzzy", exercise.spec.accept[0] + " no"]

    def same_answer(self, exercise: Exercise, answer: str, other: str) -> bool:
        return normalise(answer) == normalise(other)
