"""`code`: the learner writes Python functions; hidden cases run in the sandbox and the parent
compares the returned values with the reference solution's, with tolerances.

    function = "sigmoid"
    starter = "starter_sigmoid.py"     # a file in the lesson folder, shown in the editor
    setup = "import numpy as np"       # run in the parent: names the cases may use
    cases = ["0.0", "np.array([-1000.0, 0.0, 1000.0])", "x, W"]   # each is an argument list
    rtol = 1e-5                        # defaults: rtol 1e-5, atol 1e-8
    timeout_s = 5                      # sandbox limits (defaults 5 s, 512 MB)
    numpy_errors = "raise"             # NumPy overflow/invalid/divide raise instead of warning
    wrong = ['''def sigmoid(z): ...''']   # known-wrong programs that must fail (lint)
    keras = true                       # the code may import tutor.engine, and only names Keras has
    [exercise.train]                   # instead of `cases`: the learner writes build_model(), the
    ...                                # checker trains it (see tutor/exercises/training.py)

The reference solution (`solution`) is course code and runs in the parent, once, to produce the
expected values; the learner's code only ever runs in the sandbox and never sees them.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from tutor.exercises import training
from tutor.exercises.base import (
    FAILED,
    PASSED,
    Detail,
    ExerciseKind,
    SpecError,
    Verdict,
    invalid,
    require,
)
from tutor.exercises.keras_names import foreign_names
from tutor.i18n import LANGS, Text, t, tt
from tutor.sandbox import Call, Limits, run_functions

if TYPE_CHECKING:
    from tutor.course.model import Exercise

MAX_SHOWN = 300  # characters of an argument or value shown in feedback
# Run before the learner's code (trusted): NumPy overflow, invalid and divide-by-zero raise
# FloatingPointError instead of printing a warning and returning inf or nan.
STRICT_NUMPY = "import numpy\nnumpy.seterr(over='raise', invalid='raise', divide='raise')\n"


@dataclass(frozen=True)
class CodeSpec:
    function: str
    starter: str
    setup: str
    cases: tuple[str, ...]
    rtol: float
    atol: float
    limits: Limits
    wrong: tuple[str, ...]
    numpy_errors: str = "warn"
    keras: bool = False
    train: training.TrainSpec | None = None


class CodeKind(ExerciseKind):
    name = "code"
    spec_keys = frozenset(
        {"function", "starter", "setup", "cases", "rtol", "atol", "timeout_s", "memory_mb", "wrong"}
        | {"numpy_errors", "keras", "train"}
    )

    def parse_spec(self, raw: dict[str, Any], lesson_dir: Path) -> CodeSpec:
        function = require(raw, "function", str, "the name of the function to write")
        starter = raw.get("starter", "")
        if starter and "\n" not in starter:
            path = lesson_dir / starter
            if not path.is_file():
                raise SpecError(
                    f"`starter` names {starter}, which is not in {lesson_dir}", "starter"
                )
            starter = path.read_text(encoding="utf-8")
        train = training.parse(raw["train"]) if "train" in raw else None
        if train is not None:
            if "cases" in raw:
                raise SpecError("an exercise with `train` has no `cases`", "cases")
            cases: list[str] = []
        else:
            cases = require(raw, "cases", list, "a list of argument lists, as Python expressions")
        if train is None and (not cases or not all(isinstance(c, str) for c in cases)):
            raise SpecError("`cases` needs at least one argument list (a string)", "cases")
        setup = raw.get("setup", "import numpy as np")
        try:
            _arguments(setup, tuple(cases))
        except Exception as error:
            raise SpecError(f"`cases` could not be evaluated: {error}", "cases") from None
        wrong = raw.get("wrong", [])
        numpy_errors = raw.get("numpy_errors", "warn")
        if numpy_errors not in ("warn", "raise"):
            raise SpecError("`numpy_errors` is warn (the default) or raise", "numpy_errors")
        limits = Limits(
            timeout_s=float(raw.get("timeout_s", 5.0)), memory_mb=int(raw.get("memory_mb", 512))
        )
        return CodeSpec(
            function,
            starter,
            setup,
            tuple(cases),
            float(raw.get("rtol", 1e-5)),
            float(raw.get("atol", 1e-8)),
            limits,
            tuple(wrong),
            numpy_errors,
            bool(raw.get("keras", False)) or train is not None,
            train,
        )

    def check(self, exercise: Exercise, answer: str, watch: Sequence[Any] = ()) -> Verdict:
        spec: CodeSpec = exercise.spec
        if not answer.strip():
            return invalid(tt("empty_answer"))
        if spec.keras:
            foreign = foreign_names(answer)
            if foreign:
                rows = tuple(Detail(f"line {f.line}", "Keras", f.name, False) for f in foreign)
                return Verdict(FAILED, 0.0, foreign[0].message, rows)
        if spec.train is not None:
            return self._check_training(spec, answer)
        arguments = _arguments(spec.setup, spec.cases)
        expected = _expected(exercise.solution, spec.function, spec.setup, spec.cases)
        calls = [Call(spec.function, args) for args in arguments]
        setup = STRICT_NUMPY if spec.numpy_errors == "raise" else ""
        result = run_functions(
            answer,
            calls,
            limits=spec.limits,
            setup=training.SETUP + setup if spec.keras else setup,
        )
        if result.status != "ok":
            return Verdict(result.status, 0.0, result.message, output=result.stdout)
        details = []
        first_failure: Text | None = None
        for number, (args, want, case) in enumerate(
            zip(arguments, expected, result.cases, strict=True), start=1
        ):
            call = f"{spec.function}({_show_args(args)})"
            problem: Text | None
            if case.error is not None:
                problem = tt("code_case_raised", error=case.error.traceback or str(case.error))
                got = str(case.error)
            else:
                problem = compare(want, case.value, spec.rtol, spec.atol)
                got = _show(case.value)
            details.append(
                Detail(f"{number}. {call}", _show(want), got, problem is None, problem or {})
            )
            if problem is not None and first_failure is None:
                first_failure = {
                    lang: t(
                        "code_case_failed",
                        lang,
                        number=number,
                        total=len(calls),
                        call=call,
                        expected=_show(want),
                        got=got,
                        problem=problem[lang],
                    )
                    for lang in LANGS
                }
        if first_failure is None:
            return Verdict(
                PASSED,
                1.0,
                tt("code_all_passed", total=len(calls)),
                tuple(details),
                result.stdout,
            )
        return Verdict(FAILED, 0.0, first_failure, tuple(details), result.stdout)

    def _check_training(self, spec: CodeSpec, answer: str) -> Verdict:
        """Train the learner's `build_model()` in the sandbox; judge it here on held-out rows."""
        train = spec.train
        assert train is not None
        call = Call(training.HARNESS, training.job_arguments(train, spec.function))
        result = run_functions(answer, [call], limits=spec.limits, setup=training.SETUP)
        if result.status != "ok":
            return Verdict(result.status, 0.0, result.message, output=result.stdout)
        case = result.cases[0]
        if case.error is not None:
            message = tt("code_case_raised", error=case.error.traceback or str(case.error))
            return Verdict(FAILED, 0.0, message, output=result.stdout)
        judgement = training.judge(train, spec.function, case.value)
        status = PASSED if judgement.ok else FAILED
        return Verdict(
            status, 1.0 if judgement.ok else 0.0, judgement.message, judgement.details,
            result.stdout,
        )  # fmt: skip

    def plainly_wrong(self, exercise: Exercise) -> list[str]:
        spec: CodeSpec = exercise.spec
        return [answer for answer in (spec.starter, *spec.wrong) if answer.strip()]

    def describe(self, exercise: Exercise, lang: str) -> str:
        if exercise.spec.train is not None:
            return training.describe(exercise.spec.train, exercise.spec.function, lang)
        return t(
            "code_write", lang, function=exercise.spec.function, cases=len(exercise.spec.cases)
        )

    def starter(self, exercise: Exercise) -> str:
        return exercise.spec.starter


@cache
def _arguments(setup: str, cases: tuple[str, ...]) -> tuple[tuple[Any, ...], ...]:
    """Each case's arguments, evaluated once in the parent (course code, trusted)."""
    namespace: dict[str, Any] = {}
    exec(setup, namespace)
    return tuple(eval(f"({case},)", namespace) for case in cases)


@cache
def _expected(solution: str, function: str, setup: str, cases: tuple[str, ...]) -> tuple[Any, ...]:
    """The reference solution's result for every case (computed once per process)."""
    namespace: dict[str, Any] = {}
    exec(setup, namespace)
    exec(solution, namespace)
    reference = namespace[function]
    return tuple(reference(*copy.deepcopy(args)) for args in _arguments(setup, cases))


def compare(expected: Any, got: Any, rtol: float, atol: float) -> Text | None:
    """None if `got` matches `expected`; otherwise what is different, in plain words."""
    if got is None and expected is not None:
        return tt("code_returned_none")
    if isinstance(expected, tuple | list):
        if not isinstance(got, tuple | list):
            return tt("code_expected_sequence", count=len(expected), got=type(got).__name__)
        if len(got) != len(expected):
            return tt("code_wrong_count", count=len(expected), got=len(got))
        for index, (want, value) in enumerate(zip(expected, got, strict=True)):
            problem = compare(want, value, rtol, atol)
            if problem is not None:
                return {
                    k: tt("code_item", index=index + 1)[k] + " " + v for k, v in problem.items()
                }
        return None
    if isinstance(expected, np.ndarray | int | float | np.number) and not isinstance(
        expected, bool
    ):
        try:
            got_array = np.asarray(got, dtype=np.float64)
        except (TypeError, ValueError):
            return tt("code_expected_number", got=type(got).__name__)
        want_array = np.asarray(expected, dtype=np.float64)
        if got_array.shape != want_array.shape:
            return tt("code_wrong_shape", expected=_shape(want_array), got=_shape(got_array))
        close = np.isclose(got_array, want_array, rtol=rtol, atol=atol, equal_nan=True)
        if not close.all():
            where = tuple(int(i) for i in np.argwhere(~close)[0])
            if not where:
                return tt("code_wrong_value", expected=_num(want_array), got=_num(got_array))
            return tt(
                "code_wrong_element",
                index=list(where),
                expected=_num(want_array[where]),
                got=_num(got_array[where]),
            )
        return None
    if expected != got:
        return tt("code_wrong_value", expected=_show(expected), got=_show(got))
    return None


def _shape(array: np.ndarray) -> str:
    return "a single number" if array.shape == () else f"shape {array.shape}"


def _num(value: Any) -> str:
    number = float(value)
    return repr(number) if math.isnan(number) or math.isinf(number) else f"{number:.6g}"


def _show(value: Any) -> str:
    if isinstance(value, np.ndarray) and value.size > 100:
        text = f"<array, shape {value.shape}, {value.dtype}>"
    elif isinstance(value, np.ndarray):
        text = np.array2string(value, precision=4, threshold=12, separator=", ")
        text = f"{text}  (shape {value.shape})" if value.ndim else text
    elif isinstance(value, float):
        text = f"{value:.6g}"
    else:
        text = repr(value)
    return text if len(text) <= MAX_SHOWN else text[: MAX_SHOWN - 3] + "..."


def _show_args(args: tuple[Any, ...]) -> str:
    return ", ".join(_show(arg).split("  (shape")[0] for arg in args)
