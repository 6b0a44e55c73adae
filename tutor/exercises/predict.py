"""`predict`: predict a number or an outcome, then see the run that settles it.

    run = "perceptron"                         # a scenario of `tutor.course.demos`
    params = { targets = [0, 1, 1, 1], alpha = 0.1 }
    measure = "passes"                         # the run's value that settles the prediction
    answer = 3                                 # a number (tolerances as for `numeric`) ...
    abs_tol = 0
    # ... or an outcome, the options' ids being the run's outcomes:
    # options = [{ id = "01", ko = "...", en = "..." }, ...]
    # correct = ["01"]
    shows = { updates = 6 }                    # optional: other values the text quotes

The check compares the answer with the recorded one (instantly); the run is shown only after
the learner commits (`revealed`), and `tutor lint` runs it to prove that it still produces the
recorded answer and every value in `shows` (numbers the prompt or explanation quote), so no
number in a prediction can drift from what the engine does.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tutor.exercises.base import ExerciseKind, SpecError, Verdict
from tutor.exercises.choice import ChoiceKind, ChoiceSpec, parse_choice
from tutor.exercises.numeric import NumericKind, NumericSpec
from tutor.i18n import t

if TYPE_CHECKING:
    from tutor.course.demos import Run, RunSpec
    from tutor.course.model import Exercise

_NUMERIC = NumericKind()
_CHOICE = ChoiceKind()
_NUMBER_KEYS = frozenset({"answer", "rel_tol", "abs_tol"})
_OUTCOME_KEYS = frozenset({"options", "correct"})


@dataclass(frozen=True)
class PredictSpec:
    run: RunSpec
    number: NumericSpec | None = None
    choice: ChoiceSpec | None = None
    shows: tuple[tuple[str, float | str], ...] = ()

    @property
    def inner(self) -> NumericSpec | ChoiceSpec:
        return self.number if self.number is not None else self.choice  # type: ignore[return-value]


class PredictKind(ExerciseKind):
    name = "predict"
    spec_keys = frozenset({"run", "params", "measure", "shows"}) | _NUMBER_KEYS | _OUTCOME_KEYS

    def parse_spec(self, raw: dict[str, Any], lesson_dir: Path) -> PredictSpec:
        from tutor.course.demos import SCENARIOS, DemoError, parse_run

        try:
            run = parse_run(raw.get("run"), raw.get("params"), raw.get("measure"))
        except DemoError as error:
            raise SpecError(str(error), error.key) from None
        wants = SCENARIOS[run.scenario].measures[run.measure]
        has_number = bool(_NUMBER_KEYS & raw.keys())
        has_outcome = bool(_OUTCOME_KEYS & raw.keys())
        if has_number == has_outcome:
            raise SpecError("give either `answer` (a number) or `options` and `correct`", "answer")
        if wants == "number" and not has_number:
            raise SpecError(f"{run.measure!r} is a number: give `answer`, not options", "options")
        if wants == "outcome" and not has_outcome:
            raise SpecError(
                f"{run.measure!r} is an outcome: give `options` and `correct`", "answer"
            )
        shows = raw.get("shows", {})
        measures = SCENARIOS[run.scenario].measures
        if not isinstance(shows, dict) or any(name not in measures for name in shows):
            raise SpecError(
                f"`shows` must be a table of values that run {run.scenario!r} measures", "shows"
            )
        quoted = tuple((str(k), v if isinstance(v, str) else float(v)) for k, v in shows.items())
        if has_number:
            return PredictSpec(run, number=_NUMERIC.parse_spec(raw, lesson_dir), shows=quoted)
        return PredictSpec(run, choice=_CHOICE.parse_spec(raw, lesson_dir), shows=quoted)

    def _as_inner(self, exercise: Exercise) -> tuple[ExerciseKind, Exercise]:
        spec: PredictSpec = exercise.spec
        kind = _NUMERIC if spec.number is not None else _CHOICE
        return kind, replace(exercise, spec=spec.inner)

    def check(self, exercise: Exercise, answer: str, watch: Sequence[Any] = ()) -> Verdict:
        kind, inner = self._as_inner(exercise)
        return kind.check(inner, answer)

    def plainly_wrong(self, exercise: Exercise) -> list[str]:
        kind, inner = self._as_inner(exercise)
        return kind.plainly_wrong(inner)

    def same_answer(self, exercise: Exercise, answer: str, other: str) -> bool:
        kind, inner = self._as_inner(exercise)
        return kind.same_answer(inner, answer, other)

    def describe(self, exercise: Exercise, lang: str) -> str:
        spec: PredictSpec = exercise.spec
        if spec.number is not None:
            if spec.number.answer.is_integer() and spec.number.tolerance() < 0.5:
                return t("predict_how_count", lang)  # a count: "±0.003" would only confuse
            return t("predict_how_number", lang, tolerance=f"{spec.number.tolerance():g}")
        kind, inner = self._as_inner(exercise)
        return kind.describe(inner, lang) + "\n" + t("predict_how_outcome", lang)

    def run(self, exercise: Exercise) -> Run:
        """The run that settles the prediction (trusted course code; a few milliseconds)."""
        spec: PredictSpec = exercise.spec
        return spec.run.run()

    def revealed(self, exercise: Exercise, lang: str) -> str:
        from tutor.course.demos import run_text

        return t("predict_run_header", lang) + "\n" + run_text(self.run(exercise), lang)

    def verify(self, exercise: Exercise) -> list[str]:
        """The run still produces the recorded answer (`tutor lint` calls this)."""
        spec: PredictSpec = exercise.spec
        values = self.run(exercise).values
        value = values.get(spec.run.measure)
        problems = []
        if spec.number is not None:
            if not isinstance(value, float) or not math.isfinite(value):
                problems.append(f"the run measured {spec.run.measure} = {value!r}, not a number")
            elif not spec.number.accepts(value):
                problems.append(
                    f"the run gives {spec.run.measure} = {value:.6g}, but the recorded answer "
                    f"is {spec.number.answer:g} (±{spec.number.tolerance():g})"
                )
        else:
            assert spec.choice is not None
            if frozenset(parse_choice(str(value))) != spec.choice.correct:
                problems.append(
                    f"the run gives {spec.run.measure} = {value!r}, but `correct` is "
                    f"{sorted(spec.choice.correct)}"
                )
        for name, quoted in spec.shows:
            got = values.get(name)
            same = (
                got == quoted
                if isinstance(quoted, str)
                else isinstance(got, float) and math.isclose(got, quoted, abs_tol=5e-5)
            )
            if not same:
                problems.append(f"`shows` says {name} = {quoted!r}, but the run gives {got!r}")
        return problems
