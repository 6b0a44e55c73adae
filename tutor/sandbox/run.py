"""`run_functions`: run the learner's functions in a child process and judge what happened."""

from __future__ import annotations

import codecs
import signal
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy

from . import codec, messages
from .limits import FILE_BYTES, STARTUP_TIMEOUT_S, VALUE_BYTES, Limits
from .model import Call, CaseResult, LearnerError, SandboxResult, Status
from .process import ChildRun, run_child

_TEXT_CAP = 10_000  # the longest error text the parent accepts from the child


def run_functions(
    source: str, calls: Sequence[Call], limits: Limits | None = None, setup: str = ""
) -> SandboxResult:
    """Run `source` as the module `learner` in a child process and make each call in `calls`.

    `setup` is the exercise's own code (trusted), run in the learner's module namespace before
    the learner's code and before any limit or guard is in place. Raises `ValueError` only for
    the caller's mistakes (a function name that is not an identifier, an argument the codec
    cannot carry); whatever the learner's code does comes back as the result's `status`.
    """
    if not isinstance(source, str):
        raise ValueError(f"source must be the learner's code as a str, got {type(source).__name__}")
    limits = limits or Limits()
    started = time.monotonic()
    job = _job(calls, limits, setup)
    run = run_child(job, source, limits)
    return _verdict(run, list(calls), limits, time.monotonic() - started)


def _job(calls: Sequence[Call], limits: Limits, setup: str) -> dict[str, Any]:
    encoded = []
    for number, call in enumerate(calls, start=1):
        if not isinstance(call, Call) or not call.function.isidentifier():
            raise ValueError(f"call {number} must be a Call naming a function, got {call!r}")
        try:
            args = codec.encode(tuple(call.args), strict=True)
            kwargs = codec.encode(dict(call.kwargs), strict=True)
        except codec.CodecError as exc:
            raise ValueError(f"call {number} ({call.function}): {exc}") from exc
        encoded.append({"function": call.function, "args": args, "kwargs": kwargs})
    return {
        "calls": encoded,
        "setup": setup,
        "limits": {
            "timeout_s": limits.timeout_s,
            "memory_mb": limits.memory_mb,
            "value_bytes": VALUE_BYTES,
            "file_bytes": FILE_BYTES,
        },
        # NumPy's own folder, in case it lives where `python -I` does not look (a user site).
        "paths": [str(Path(numpy.__file__).resolve().parents[1])],
    }


# ------------------------------------------------------------------------------- the verdict


def _verdict(run: ChildRun, calls: list[Call], limits: Limits, duration: float) -> SandboxResult:
    first = _first_records(run.records)
    cases = _cases(run.records, calls, run.decode_deadline)
    stdout = run.output.decode("utf-8", errors="replace")
    if run.output_overflow:
        stdout = _without_cut_character(run.output) + (
            f"\n[... output cut off after {limits.output_bytes:,} characters"
            f" / 출력이 {limits.output_bytes:,}자에서 잘렸어요]"
        )
    exit_code, signal_name = _exit(run.returncode)
    status, message, error = _status(run, first, cases, limits, exit_code, signal_name, stdout)
    return SandboxResult(
        status=status,
        cases=cases,
        stdout=stdout,
        message=message,
        duration_s=duration,
        error=error,
        stdout_truncated=run.output_overflow,
        exit_code=exit_code,
        signal_name=signal_name,
    )


def _status(
    run: ChildRun,
    first: dict[str, dict[str, Any]],
    cases: list[CaseResult],
    limits: Limits,
    exit_code: int | None,
    signal_name: str | None,
    stdout: str,
) -> tuple[Status, dict[str, str], LearnerError | None]:
    if run.start_error is not None:
        return "crashed", messages.sandbox_failed(run.start_error), None
    if run.timed_out and not run.started:
        detail = f"Python did not start within {STARTUP_TIMEOUT_S:g} s"
        return "crashed", messages.sandbox_failed(detail), None
    if run.timed_out or signal_name == "SIGXCPU":
        return "timeout", messages.timeout(limits.timeout_s), None
    if run.output_overflow:
        return "output_limit", messages.output_limit(limits.output_bytes), None
    for kind in ("syntax_error", "setup_error", "module_error"):
        if kind in first:
            error = _error(first[kind].get("error"))
            if kind == "syntax_error":
                return "syntax_error", messages.syntax_error(error), error
            if kind == "setup_error":
                return "error", messages.setup_error(error), error
            return "error", messages.module_error(error), error
    if "memory" in first:
        return "memory", messages.memory(limits.memory_mb), None
    if "exit" in first:
        code, line = first["exit"].get("code"), first["exit"].get("line")
        code = code if type(code) is int else 1
        line = line if type(line) is int and line > 0 else None
        return "crashed", messages.sys_exit(code, line), None
    if signal_name is not None:
        return "crashed", messages.killed(signal_name), None
    if "internal_error" in first:
        detail = _text(first["internal_error"].get("detail")).strip().splitlines()
        return "crashed", messages.sandbox_failed(detail[-1] if detail else "no detail"), None
    if not run.started:
        last = stdout.strip().splitlines()
        return "crashed", messages.sandbox_failed(last[-1] if last else "it did not start"), None
    if exit_code not in (0, None):
        return "crashed", messages.exited(exit_code), None
    if "done" not in first:
        return "crashed", messages.exited(exit_code or 0), None
    failed = sum(1 for case in cases if case.error is not None)
    return "ok", messages.ran(len(cases), failed), None


def _first_records(records: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    first: dict[str, dict[str, Any]] = {}
    for record in records:
        first.setdefault(record["kind"], record)
    return first


def _cases(records: list[dict[str, Any]], calls: list[Call], deadline: float) -> list[CaseResult]:
    done: dict[int, CaseResult] = {}
    for record in records:
        index = record.get("index")
        if record["kind"] != "case" or type(index) is not int or not 0 <= index < len(calls):
            continue
        if index in done:
            continue
        call = calls[index]
        if "error" in record:
            done[index] = CaseResult(call=call, error=_error(record["error"]))
        else:
            done[index] = CaseResult(call=call, value=_value(record.get("value"), deadline))
    return [done.get(i, CaseResult(call=call, ran=False)) for i, call in enumerate(calls)]


def _value(data: Any, deadline: float) -> Any:
    try:
        return codec.decode(data, deadline)
    except Exception:  # CodecError, or anything else odd data might provoke: never crash here
        return codec.UnsupportedValue("unknown", "could not be read back")


def _error(data: Any) -> LearnerError:
    """A learner error from the child's record, trusting nothing about its shape."""
    if not isinstance(data, dict):
        data = {}
    line = data.get("line")
    return LearnerError(
        type_name=_text(data.get("type"))[:200] or "Exception",
        message=_text(data.get("message")),
        traceback=_text(data.get("traceback")),
        line=line if type(line) is int and line > 0 else None,
    )


def _text(value: Any) -> str:
    return value[:_TEXT_CAP] if isinstance(value, str) else ""


def _exit(returncode: int | None) -> tuple[int | None, str | None]:
    if returncode is None or returncode >= 0:
        return returncode, None
    try:
        return None, signal.Signals(-returncode).name
    except ValueError:
        return None, f"signal {-returncode}"


def _without_cut_character(output: bytes) -> str:
    """Decode output that was cut at a byte limit, dropping a half character at the end."""
    return codecs.getincrementaldecoder("utf-8")("replace").decode(output, final=False)
