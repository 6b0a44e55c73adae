"""Every status a check can end with, typed once for the exercises, the sandbox and progress.

    "passed"          the answer is right (the one status that solves an exercise)
    "failed"          the answer is wrong (a kind may still give part of the points)
    "invalid"         the answer could not be read (not a number, an unknown option, ...)
    "internal_error"  a bug of ours while checking (logged; the learner is told where)
    SandboxStop       the learner's code did not run to the end: the sandbox says why

Imports nothing, so every layer can use it.
"""

from __future__ import annotations

from typing import Literal

SandboxStop = Literal["syntax_error", "error", "timeout", "memory", "crashed", "output_limit"]
"""Why a sandbox run stopped before every call ran."""

SandboxStatus = Literal["ok", SandboxStop]
"""A sandbox run's status: "ok" when the module loaded and every call ran."""

VerdictStatus = Literal["passed", "failed", "invalid", "internal_error", SandboxStop]
"""The status of a check's verdict, as exercises return it and progress records it."""
