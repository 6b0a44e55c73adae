"""What every exercise kind provides, and the verdict every check returns.

A kind is one module in this package with one class deriving from `ExerciseKind`; the registry in
`tutor.exercises` maps kind names to instances. A kind parses its part of `exercises.toml`
(`parse_spec`), checks an answer given as text (`check`), and names answers that must be rejected
(`plainly_wrong`), which `tutor lint` uses to prove that no check accepts everything.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Final

from tutor.i18n import Text, tt
from tutor.verdicts import VerdictStatus

if TYPE_CHECKING:
    from tutor.course.model import Exercise

PASSED: Final = "passed"
FAILED: Final = "failed"
INVALID: Final = "invalid"  # the answer could not be read (not a number, unknown option, ...)


class SpecError(ValueError):
    """A problem in an exercise's specification; `key` helps the loader find the line."""

    def __init__(self, message: str, key: str | None = None) -> None:
        super().__init__(message)
        self.key = key


@dataclass(frozen=True)
class Detail:
    """One row of feedback: a truth-table row, a test case of a function, a training goal."""

    label: str
    expected: str
    got: str
    ok: bool
    note: Text = field(default_factory=dict)


@dataclass(frozen=True)
class Verdict:
    """The outcome of one check. `score` is the fraction of the exercise's points earned."""

    status: VerdictStatus
    score: float
    message: Text
    details: tuple[Detail, ...] = ()
    output: str = ""  # what the learner's code printed, if any

    @property
    def passed(self) -> bool:
        return self.status == PASSED


def passed(message: Text | None = None, details: tuple[Detail, ...] = ()) -> Verdict:
    return Verdict(PASSED, 1.0, message or tt("correct"), details)


def failed(message: Text, details: tuple[Detail, ...] = (), score: float = 0.0) -> Verdict:
    return Verdict(FAILED, score, message, details)


def invalid(message: Text) -> Verdict:
    return Verdict(INVALID, 0.0, message)


class ExerciseKind(ABC):
    """One kind of exercise. Instances are stateless; the registry holds one of each."""

    name: ClassVar[str]
    spec_keys: ClassVar[frozenset[str]]  # the keys of `[[exercise]]` this kind reads

    @abstractmethod
    def parse_spec(self, raw: dict[str, Any], lesson_dir: Path) -> Any:
        """Read the kind's own keys of one `[[exercise]]` table; raise SpecError if wrong."""

    @abstractmethod
    def check(self, exercise: Exercise, answer: str, watch: Sequence[Any] = ()) -> Verdict:
        """Grade `answer` (text as the learner typed it or the file they wrote). `watch` holds
        engine callbacks for kinds that train (the app's live curve); others ignore it."""

    @abstractmethod
    def plainly_wrong(self, exercise: Exercise) -> list[str]:
        """Answers that the check must reject: a wrong option, a far-off value, the starter."""

    def same_answer(self, exercise: Exercise, answer: str, other: str) -> bool:
        """Whether two answers mean the same (used to match known mistakes)."""
        return " ".join(answer.split()).casefold() == " ".join(other.split()).casefold()

    def describe(self, exercise: Exercise, lang: str) -> str:
        """What the learner needs besides the prompt (options, a table, a form), as plain text."""
        return ""

    def starter(self, exercise: Exercise) -> str:
        """What the answer box holds before the learner types (a code file's starter)."""
        return ""

    def revealed(self, exercise: Exercise, lang: str) -> str:
        """What to show once the learner has committed an answer (a prediction's run)."""
        return ""

    def verify(self, exercise: Exercise) -> list[str]:
        """Problems `tutor lint` finds beyond the answers (e.g. a run that disagrees)."""
        return []


def require(raw: dict[str, Any], key: str, kind: type | tuple[type, ...], what: str) -> Any:
    """`raw[key]`, checked to be of `kind`, or a SpecError that says what was expected."""
    if key not in raw:
        raise SpecError(f"missing `{key}` ({what})", key)
    value = raw[key]
    if not isinstance(value, kind) or (isinstance(value, bool) and bool not in _as_tuple(kind)):
        raise SpecError(f"`{key}` must be {what}, got {value!r}", key)
    return value


def _as_tuple(kind: type | tuple[type, ...]) -> tuple[type, ...]:
    return kind if isinstance(kind, tuple) else (kind,)


def bilingual(raw: Any, key: str) -> dict[str, str]:
    """A `{ko = "...", en = "..."}` table, required to have both languages."""
    if not isinstance(raw, dict) or not all(
        isinstance(raw.get(lang), str) for lang in ("ko", "en")
    ):
        raise SpecError(f"`{key}` must be a table with both `ko` and `en` text", key)
    return {"ko": raw["ko"], "en": raw["en"]}
