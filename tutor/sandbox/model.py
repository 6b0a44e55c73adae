"""The plain data that goes into a sandbox run and comes out of it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tutor.verdicts import SandboxStatus as Status


@dataclass(frozen=True)
class Call:
    """One call the tutor wants made: `function(*args, **kwargs)` in the learner's module.

    Arguments travel through the sandbox's codec, so they may be anything it carries (numbers,
    strings, lists, tuples, dicts, NumPy arrays, ...); each call gets its own fresh copy.
    """

    function: str
    args: tuple[Any, ...] = ()
    kwargs: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class LearnerError:
    """An exception raised by the learner's code, as plain text.

    `traceback` shows only the learner's own frames (`File "learner.py", line N, in f`) and ends
    with `type_name: message`; `line` is the learner's line where it happened, when known.
    """

    type_name: str
    message: str
    traceback: str
    line: int | None = None

    def __str__(self) -> str:
        return f"{self.type_name}: {self.message}" if self.message else self.type_name


@dataclass(frozen=True)
class CaseResult:
    """What one `Call` gave back: a decoded `value`, or the `error` it raised.

    `ran` is False when the run stopped (timeout, crash, an error while loading the module ...)
    before this call finished; then `value` and `error` are both None.
    """

    call: Call
    value: Any = None
    error: LearnerError | None = None
    ran: bool = True

    @property
    def ok(self) -> bool:
        """True when the call ran and returned without raising."""
        return self.ran and self.error is None


@dataclass(frozen=True)
class SandboxResult:
    """The parent's verdict on one run of the learner's code.

    `status` is "ok" when the module loaded and every call ran (a call may still have raised: see
    each case). Otherwise it says why the run stopped: "syntax_error" or "error" (an exception
    while loading the module; both fill `error`), "timeout", "memory", "crashed" (an exit or a
    signal: see `exit_code` and `signal_name`) or "output_limit". `message` explains the status in
    plain words, in Korean and English (`{"ko": ..., "en": ...}`).
    """

    status: Status
    cases: list[CaseResult]
    stdout: str
    message: dict[str, str]
    duration_s: float
    error: LearnerError | None = None
    stdout_truncated: bool = False
    exit_code: int | None = None
    signal_name: str | None = None

    @property
    def ok(self) -> bool:
        """True when the learner's module loaded and every call ran."""
        return self.status == "ok"
