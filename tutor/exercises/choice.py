"""`choice`: pick one option, or several when more than one is correct.

    options = [{ id = "a", ko = "...", en = "..." }, ...]
    correct = ["b"]          # one id for a single choice, several for "pick all that apply"

Answers are option ids separated by commas or spaces ("b", "a, c"), in any case.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tutor.exercises.base import (
    ExerciseKind,
    SpecError,
    Verdict,
    bilingual,
    failed,
    invalid,
    passed,
    require,
)
from tutor.i18n import Text, pick, t, tt

if TYPE_CHECKING:
    from tutor.course.model import Exercise


@dataclass(frozen=True)
class Option:
    id: str
    text: Text


@dataclass(frozen=True)
class ChoiceSpec:
    options: tuple[Option, ...]
    correct: frozenset[str]

    @property
    def multiple(self) -> bool:
        return len(self.correct) > 1


def parse_choice(answer: str) -> list[str]:
    """Option ids in an answer: "b", "a, c", "A C" → ["a", "c"]."""
    return [part.casefold() for part in re.split(r"[\s,;]+", answer.strip()) if part]


class ChoiceKind(ExerciseKind):
    name = "choice"
    spec_keys = frozenset({"options", "correct"})

    def parse_spec(self, raw: dict[str, Any], lesson_dir: Path) -> ChoiceSpec:
        entries = require(raw, "options", list, "a list of { id, ko, en } tables")
        options = []
        for entry in entries:
            if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
                raise SpecError("every option needs an `id` string", "options")
            options.append(Option(entry["id"].casefold(), bilingual(entry, "options")))
        ids = [o.id for o in options]
        if len(options) < 2 or len(set(ids)) != len(ids):
            raise SpecError("`options` needs at least two options with distinct ids", "options")
        correct = require(raw, "correct", list, "a list of option ids")
        correct_ids = frozenset(str(c).casefold() for c in correct)
        unknown = sorted(correct_ids - set(ids))
        if not correct_ids or unknown:
            raise SpecError(f"`correct` must name existing options (unknown: {unknown})", "correct")
        return ChoiceSpec(tuple(options), correct_ids)

    def check(self, exercise: Exercise, answer: str, watch: Sequence[Any] = ()) -> Verdict:
        spec: ChoiceSpec = exercise.spec
        picked = parse_choice(answer)
        if not picked:
            return invalid(tt("empty_answer"))
        known = {o.id for o in spec.options}
        for given in picked:
            if given not in known:
                return invalid(tt("choice_unknown", given=given, options=", ".join(sorted(known))))
        chosen = frozenset(picked)
        if not spec.multiple and len(chosen) > 1:
            return invalid(tt("choice_one_only"))
        if chosen == spec.correct:
            return passed()
        if spec.multiple:
            right, wrong = len(chosen & spec.correct), len(chosen - spec.correct)
            return failed(tt("choice_partly", right=right, total=len(spec.correct), wrong=wrong))
        return failed(tt("choice_wrong"))

    def plainly_wrong(self, exercise: Exercise) -> list[str]:
        spec: ChoiceSpec = exercise.spec
        wrong = [o.id for o in spec.options if o.id not in spec.correct]
        if spec.multiple:
            everything = ",".join(o.id for o in spec.options)
            return [everything, sorted(spec.correct)[0], *wrong[:1]]
        return wrong

    def describe(self, exercise: Exercise, lang: str) -> str:
        spec: ChoiceSpec = exercise.spec
        lines = [f"{o.id}) {pick(o.text, lang)}" for o in spec.options]
        return "\n".join(
            [*lines, "", t("choice_how_many" if spec.multiple else "choice_how_one", lang)]
        )

    def same_answer(self, exercise: Exercise, answer: str, other: str) -> bool:
        return set(parse_choice(answer)) == set(parse_choice(other))
