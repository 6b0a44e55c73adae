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

The reference solution (`solution`) is course code and runs in the parent, once, to produce the
expected values; the learner's code only ever runs in the sandbox and never sees them.
"""

from __future__ import annotations

import copy
import inspect
import types
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

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
from tutor.exercises.compare import (
    LEARNER_ERROR,
    compare,
    first_difference,
    learner_error,
    show,
    summary,
)
from tutor.i18n import LANGS, Text, t, tt
from tutor.sandbox import Call, CaseResult, Limits, run_functions

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


class CodeKind(ExerciseKind):
    name = "code"
    spec_keys = frozenset(
        {"function", "starter", "setup", "cases", "rtol", "atol", "timeout_s", "memory_mb", "wrong"}
        | {"numpy_errors", "probe", "judge"}
    )

    def parse_spec(self, raw: dict[str, Any], lesson_dir: Path) -> CodeSpec:
        function = require(raw, "function", str, "the name of the function to write")
        starter = raw.get("starter", "")
        starter = _source(starter, lesson_dir, "starter")
        cases = require(raw, "cases", list, "a list of argument lists, as Python expressions")
        if not cases or not all(isinstance(c, str) for c in cases):
            raise SpecError("`cases` needs at least one argument list (a string)", "cases")
        setup = raw.get("setup", "import numpy as np")
        probe = _source(raw.get("probe", ""), lesson_dir, "probe")
        if probe:
            try:
                _probe_function(probe)
            except Exception as error:
                raise SpecError(f"`probe` does not work: {error}", "probe") from None
        judge = _source(raw.get("judge", ""), lesson_dir, "judge")
        if judge:
            try:
                _judge_function(judge)
            except Exception as error:
                raise SpecError(f"`judge` does not work: {error}", "judge") from None
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
            probe,
            judge,
        )

    def check(self, exercise: Exercise, answer: str, watch: Sequence[Any] = ()) -> Verdict:
        spec: CodeSpec = exercise.spec
        if not answer.strip():
            return invalid(tt("empty_answer"))
        arguments = _arguments(spec.setup, spec.cases)
        expected = _outcomes(exercise.solution, spec.function, spec.setup, spec.cases, spec.probe)
        calls = [Call(spec.function, args) for args in arguments]
        result = run_functions(
            answer,
            calls,
            limits=spec.limits,
            setup=STRICT_NUMPY if spec.numpy_errors == "raise" else "",
            probe=spec.probe,
        )
        if result.status != "ok":
            return Verdict(result.status, 0.0, result.message, output=result.stdout)
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
            if case.error is not None:
                problem = tt("code_case_raised", error=case.error.traceback or str(case.error))
                problem = _with_inputs(problem, args, names)
                got = str(case.error)
            elif spec.judge and learner_error(case.value) is None:
                problem = _judged(spec.judge, case.value, args)
                got = _show_judged(case.value)
            else:
                problem = compare(want, case.value, spec.rtol, spec.atol, _rows(args))
                if problem is not None and _raised(case.value):
                    problem = _with_inputs(problem, args, names)
                got = show(case.value)
            shown = _judge_function(spec.judge)[1] if spec.judge else show(want)
            if isinstance(want, dict):
                shown, got = _named_columns(want, case.value, problem is None, spec)
            details.append(Detail(f"{number}. {call}", shown, got, problem is None, problem or {}))
            if problem is not None and first_failure is None:
                short = isinstance(want, dict) or bool(spec.judge)
                template = "code_case_failed_named" if short else "code_case_failed"
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
        known = _known_mistake(exercise, result.cases)
        if known is not None:
            first_failure = {lang: f"{known[lang]}\n{first_failure[lang]}" for lang in LANGS}
        return Verdict(FAILED, 0.0, first_failure, tuple(details), result.stdout)

    def same_answer(self, exercise: Exercise, answer: str, other: str) -> bool:
        """Never by text: `check` matches known mistakes by what the program does."""
        return False

    def plainly_wrong(self, exercise: Exercise) -> list[str]:
        spec: CodeSpec = exercise.spec
        return [answer for answer in (spec.starter, *spec.wrong) if answer.strip()]

    def describe(self, exercise: Exercise, lang: str) -> str:
        spec: CodeSpec = exercise.spec
        key = "code_write_class" if spec.function[:1].isupper() else "code_write"
        return t(key, lang, function=spec.function, cases=len(spec.cases))

    def starter(self, exercise: Exercise) -> str:
        return exercise.spec.starter


@cache
def _arguments(setup: str, cases: tuple[str, ...]) -> tuple[tuple[Any, ...], ...]:
    """Each case's arguments, evaluated once in the parent (course code, trusted)."""
    namespace: dict[str, Any] = {}
    exec(setup, namespace)
    return tuple(eval(f"({case},)", namespace) for case in cases)


@cache
def _outcomes(
    program: str, function: str, setup: str, cases: tuple[str, ...], probe: str
) -> tuple[Any, ...]:
    """What a program of the course (the reference solution, a known mistake) gives for every
    case, computed here in the parent once per process. An exception of the program becomes a
    `$learner_error` marker, as a probe reports it in the sandbox."""
    module = types.ModuleType("learner")
    exec(setup, module.__dict__)
    exec(program, module.__dict__)
    run = _probe_function(probe) if probe else None
    results = []
    for args in _arguments(setup, cases):
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
def _judge_function(source: str) -> tuple[Any, str]:
    """The judge's `judge` function and its `GOAL`, loaded here in the parent (course code)."""
    namespace: dict[str, Any] = {"__name__": "_tutor_judge", "learner_error": learner_error}
    exec(compile(source, "<exercise judge>", "exec"), namespace)
    judge, goal = namespace.get("judge"), namespace.get("GOAL")
    if not callable(judge):
        raise SpecError("the judge must define a function `judge(value, *args)`", "judge")
    if not isinstance(goal, str) or not goal:
        raise SpecError("the judge must define GOAL, what a case must reach (a str)", "judge")
    return judge, goal


def _judged(source: str, value: Any, args: tuple[Any, ...]) -> Text | None:
    """The judge's problem with a learner's result (None: the case passes)."""
    judge, _ = _judge_function(source)
    problem = judge(value, *copy.deepcopy(args))
    if problem is None:
        return None
    if not isinstance(problem, dict) or not all(isinstance(problem.get(k), str) for k in LANGS):
        raise TypeError(f"the judge returned {problem!r}, not None or {{'ko': ..., 'en': ...}}")
    return problem


def _parent_error(error: BaseException) -> dict[str, Any]:
    return {LEARNER_ERROR: {"type": type(error).__name__, "message": str(error)}}


def _probe_function(source: str) -> Any:
    """The probe's `probe` function, loaded here in the parent (trusted course code)."""
    namespace: dict[str, Any] = {"__name__": "_tutor_probe", "learner_error": _parent_error}
    exec(compile(source, "<exercise probe>", "exec"), namespace)
    probe = namespace.get("probe")
    if not callable(probe):
        raise SpecError("the probe must define a function `probe(learner, ...)`", "probe")
    return probe


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


def _known_mistake(exercise: Exercise, cases: Sequence[CaseResult]) -> Text | None:
    """The message of the known mistake the learner's program behaves like on every case."""
    spec: CodeSpec = exercise.spec
    for mistake in exercise.mistakes:
        try:
            outcomes = _outcomes(mistake.answer, spec.function, spec.setup, spec.cases, spec.probe)
        except Exception:
            continue  # a mistake program that does not even load matches nothing
        if all(_same(outcome, case) for outcome, case in zip(outcomes, cases, strict=True)):
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
    return compare(outcome, got, 1e-9, 1e-12) is None and not _raised(got)


def _raised(value: Any) -> bool:
    """Whether a probe's result holds a learner's exception anywhere inside."""
    if learner_error(value) is not None:
        return True
    if isinstance(value, dict):
        return any(_raised(item) for item in value.values())
    if isinstance(value, tuple | list):
        return any(_raised(item) for item in value)
    return False


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
        return tuple(inspect.signature(_probe_function(probe)).parameters)[1:]
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
