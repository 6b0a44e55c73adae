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

import inspect
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from tutor.exercises import training
from tutor.exercises.base import (
    FAILED,
    INVALID,
    PASSED,
    Detail,
    ExerciseKind,
    SpecError,
    Trial,
    TrialCall,
    Verdict,
    invalid,
    require,
)
from tutor.exercises.code_output import array_diff, trim_output
from tutor.exercises.compare import (
    compare,
    diagnosis,
    first_difference,
    learner_error,
    show,
    summary,
)
from tutor.exercises.course_programs import (
    case_arguments,
    judge_function,
    judged,
    known_mistake,
    outcomes,
    probe_function,
    raised,
)
from tutor.exercises.keras_names import foreign_names
from tutor.i18n import LANGS, Text, t, tt
from tutor.sandbox import Call, Limits, run_functions
from tutor.verdicts import VerdictStatus

if TYPE_CHECKING:
    from tutor.course.model import Exercise

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
    probe: str = ""
    judge: str = ""
    keras: bool = False
    train: training.TrainSpec | None = None


class CodeKind(ExerciseKind):
    name = "code"
    spec_keys = frozenset(
        {"function", "starter", "setup", "cases", "rtol", "atol", "timeout_s", "memory_mb", "wrong"}
        | {"numpy_errors", "probe", "judge", "keras", "train"}
    )

    def parse_spec(self, raw: dict[str, Any], lesson_dir: Path) -> CodeSpec:
        function = require(raw, "function", str, "the name of the function to write")
        starter = raw.get("starter", "")
        starter = _source(starter, lesson_dir, "starter")
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
        probe = _source(raw.get("probe", ""), lesson_dir, "probe")
        if probe:
            try:
                probe_function(probe)
            except Exception as error:
                raise SpecError(f"`probe` does not work: {error}", "probe") from None
        judge = _source(raw.get("judge", ""), lesson_dir, "judge")
        if judge:
            try:
                judge_function(judge)
            except Exception as error:
                raise SpecError(f"`judge` does not work: {error}", "judge") from None
        try:
            case_arguments(setup, tuple(cases))
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
            probe,
            judge,
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
                lines = tuple(Detail(f"line {f.line}", "Keras", f.name, False) for f in foreign)
                return Verdict(FAILED, 0.0, foreign[0].message, lines)
        if spec.train is not None:
            return self._check_training(spec, answer)
        arguments = case_arguments(spec.setup, spec.cases)
        expected = outcomes(exercise.solution, spec.function, spec.setup, spec.cases, spec.probe)
        calls = [Call(spec.function, args) for args in arguments]
        setup = STRICT_NUMPY if spec.numpy_errors == "raise" else ""
        result = run_functions(
            answer,
            calls,
            limits=spec.limits,
            setup=training.SETUP + setup if spec.keras else setup,
            probe=spec.probe,
        )
        output = trim_output(result.stdout)
        if result.status != "ok":
            return Verdict(result.status, 0.0, result.message, output=output)
        names = _probe_parameters(spec.probe) if spec.probe else None
        names = names or _parameters(exercise.solution, spec.function)
        details = []
        first_failure: Text | None = None
        for number, (args, want, case) in enumerate(
            zip(arguments, expected, result.cases, strict=True), start=1
        ):
            if spec.probe:  # the probe's inputs, not the learner function's arguments
                call = _show_args(args, names)
            else:
                call = f"{spec.function}({_show_args(args, names if spec.judge else ())})"
            problem: Text | None
            if case.error is not None:
                problem = tt("code_case_raised", error=case.error.traceback or str(case.error))
                problem = _with_inputs(problem, args, names)
                got = str(case.error)
            elif spec.judge and learner_error(case.value) is None:
                problem = judged(spec.judge, case.value, args)
                got = _show_judged(case.value)
            else:
                problem = compare(want, case.value, spec.rtol, spec.atol, _rows(args))
                if problem is not None and raised(case.value):
                    problem = _with_inputs(problem, args, names)
                got = show(case.value)
            shown = judge_function(spec.judge)[1] if spec.judge else show(want)
            if isinstance(want, dict):
                shown, got = _named_columns(want, case.value, problem is None, spec)
            details.append(Detail(f"{number}. {call}", shown, got, problem is None, problem or {}))
            if problem is not None and first_failure is None:
                short = isinstance(want, dict) or bool(spec.judge)
                template = "code_case_failed_named" if short else "code_case_failed"
                diff = None
                if case.error is None and not short:
                    diff = array_diff(want, case.value, spec.rtol, spec.atol)
                    reason = diagnosis(want, case.value, spec.rtol, spec.atol, _rows(args))
                    if diff is not None and reason is not None:
                        diff = {lang: f"{diff[lang]}\n{reason[lang]}" for lang in LANGS}
                first_failure = {
                    lang: t(
                        template,
                        lang,
                        number=number,
                        total=len(calls),
                        call=call,
                        expected=shown,
                        got=got,
                        problem=problem[lang],
                    )
                    if diff is None
                    else t("code_case_diff", lang, number=number, total=len(calls), call=call)
                    + "\n"
                    + diff[lang]
                    for lang in LANGS
                }
        if first_failure is None:
            return Verdict(
                PASSED,
                1.0,
                tt("code_all_passed", total=len(calls)),
                tuple(details),
                output,
            )
        known = known_mistake(
            exercise.mistakes, spec.function, spec.setup, spec.cases, spec.probe, result.cases
        )
        if known is not None:
            first_failure = {lang: f"{known[lang]}\n{first_failure[lang]}" for lang in LANGS}
        return Verdict(FAILED, 0.0, first_failure, tuple(details), output)

    def try_out(self, exercise: Exercise, answer: str) -> Trial:
        """Call the learner's function on every case, in the sandbox, and show what came back
        (no expected values: the reference solution is not run)."""
        spec: CodeSpec = exercise.spec
        if not answer.strip():
            return Trial(INVALID, tt("empty_answer"))
        if spec.train is not None:
            return self._try_training(spec, answer)
        arguments = case_arguments(spec.setup, spec.cases)
        setup = STRICT_NUMPY if spec.numpy_errors == "raise" else ""
        result = run_functions(
            answer,
            [Call(spec.function, args) for args in arguments],
            limits=spec.limits,
            setup=training.SETUP + setup if spec.keras else setup,
            probe=spec.probe,  # a class or a function checked through our probe: run it so
        )
        names = _probe_parameters(spec.probe) if spec.probe else ()
        calls = []
        for args, case in zip(arguments, result.cases, strict=True):
            if spec.probe:
                call = _show_args(args, names)
            else:
                call = f"{spec.function}({_show_args(args, ())})"
            if not case.ran:
                break
            if case.error is not None:
                line = f" (line {case.error.line})" if case.error.line else ""
                calls.append(TrialCall(call, f"{case.error}{line}", False))
            else:
                calls.append(TrialCall(call, show(case.value), True))
        return Trial(result.status, result.message, tuple(calls), trim_output(result.stdout))

    def _try_training(self, spec: CodeSpec, answer: str) -> Trial:
        """Build and train the learner's model as the check does, and show how it went (the
        held-out rows are scored only by a check)."""
        assert spec.train is not None
        call = Call(training.HARNESS, training.job_arguments(spec.train, spec.function))
        result = run_functions(answer, [call], limits=spec.limits, setup=training.SETUP)
        calls = []
        if result.cases and result.cases[0].ran:
            case = result.cases[0]
            label = f"{spec.function}() + fit"
            if case.error is not None:
                line = f" (line {case.error.line})" if case.error.line else ""
                calls.append(TrialCall(label, f"{case.error}{line}", False))
            else:
                calls.append(TrialCall(label, training.summary(case.value), True))
        return Trial(result.status, result.message, tuple(calls), trim_output(result.stdout))

    def same_answer(self, exercise: Exercise, answer: str, other: str) -> bool:
        """Never by text: `check` matches known mistakes by what the program does."""
        return False

    def _check_training(self, spec: CodeSpec, answer: str) -> Verdict:
        """Train the learner's `build_model()` in the sandbox; judge it here on held-out rows."""
        train = spec.train
        assert train is not None
        call = Call(training.HARNESS, training.job_arguments(train, spec.function))
        result = run_functions(answer, [call], limits=spec.limits, setup=training.SETUP)
        output = trim_output(result.stdout)
        if result.status != "ok":
            return Verdict(result.status, 0.0, result.message, output=output)
        case = result.cases[0]
        if case.error is not None:
            message = tt("code_case_raised", error=case.error.traceback or str(case.error))
            return Verdict(FAILED, 0.0, message, output=output)
        judgement = training.judge(train, spec.function, case.value)
        status: VerdictStatus = PASSED if judgement.ok else FAILED
        score = 1.0 if judgement.ok else 0.0
        return Verdict(status, score, judgement.message, judgement.details, output)

    def plainly_wrong(self, exercise: Exercise) -> list[str]:
        spec: CodeSpec = exercise.spec
        return [answer for answer in (spec.starter, *spec.wrong) if answer.strip()]

    def describe(self, exercise: Exercise, lang: str) -> str:
        spec: CodeSpec = exercise.spec
        if spec.train is not None:
            return training.describe(spec.train, spec.function, lang)
        key = "code_write_class" if spec.function[:1].isupper() else "code_write"
        return t(key, lang, function=spec.function, cases=len(spec.cases))

    def starter(self, exercise: Exercise) -> str:
        return exercise.spec.starter


def _source(value: Any, lesson_dir: Path, key: str) -> str:
    """Inline source, or the text of the file it names in the lesson folder."""
    if not isinstance(value, str):
        raise SpecError(f"`{key}` must be a file name or Python source", key)
    if value and "\n" not in value:
        path = lesson_dir / value
        if not path.is_file():
            raise SpecError(f"`{key}` names {value}, which is not in {lesson_dir}", key)
        return path.read_text(encoding="utf-8")
    return value


@cache
def _parameters(solution: str, function: str) -> tuple[str, ...]:
    """The reference function's parameter names, to label a case's inputs."""
    namespace: dict[str, Any] = {}
    try:
        exec(solution, namespace)
        return tuple(inspect.signature(namespace[function]).parameters)
    except Exception:
        return ()


@cache
def _probe_parameters(probe: str) -> tuple[str, ...]:
    """The probe's parameter names after `learner`: what a probe's case arguments are."""
    try:
        return tuple(inspect.signature(probe_function(probe)).parameters)[1:]
    except Exception:
        return ()


def _rows(args: tuple[Any, ...]) -> int | None:
    """m, the number of rows of the case's first table of data, if it has one."""
    for arg in args:
        if isinstance(arg, np.ndarray) and arg.ndim == 2:
            return int(arg.shape[0])
    return None


def _with_inputs(problem: Text, args: tuple[Any, ...], names: tuple[str, ...]) -> Text:
    """A crash's message with the shapes of the case's inputs, which usually explain it."""
    shown = []
    for index, arg in enumerate(args):
        name = names[index] if index < len(names) else f"#{index + 1}"
        if isinstance(arg, np.ndarray):
            shown.append(f"{name} {arg.shape}")
    if not shown:
        return problem
    inputs = tt("code_case_inputs", inputs=", ".join(shown))
    return {lang: f"{problem[lang]}\n{inputs[lang]}" for lang in problem}


def _show_judged(value: Any) -> str:
    """What a judged function returned, arrays by shape: `((2, 8), (8,), (8, 1), (1,))`."""
    if isinstance(value, tuple | list):
        shown = (f"{v.shape}" if isinstance(v, np.ndarray) else show(v) for v in value)
        return "(" + ", ".join(shown) + ")"
    return show(value)


def _named_columns(want: Any, got: Any, ok: bool, spec: CodeSpec) -> tuple[str, str]:
    """A case row for named results: their shapes when right, else the first entry that is not."""
    if ok:
        return summary(want), summary(got)
    path, want_leaf, got_leaf = first_difference(want, got, spec.rtol, spec.atol)
    prefix = f"{path}: " if path else ""
    return prefix + show(want_leaf), prefix + show(got_leaf)


def _show_args(args: tuple[Any, ...], names: tuple[str, ...] = ()) -> str:
    """A case's arguments; with names (probes), arrays by name and shape: `X (4, 3)`."""
    if names and len(names) == len(args):
        return ", ".join(
            f"{name} {arg.shape}" if isinstance(arg, np.ndarray) else f"{name}={show(arg)}"
            for name, arg in zip(names, args, strict=True)
        )
    return ", ".join(_show_arg(arg) for arg in args)


def _show_arg(arg: Any) -> str:
    """An argument in a call's label: small arrays in full, larger ones by their shape."""
    if isinstance(arg, np.ndarray) and arg.size > 8:
        return f"<array {arg.shape}>"
    return show(arg).split("  (shape")[0]
