"""Shared pieces of the hostile-submission tests: the one-line guard bypass, the layer checks,
and a fixture that proves nothing was left behind."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

import pytest

from tutor.sandbox import Call, Limits, SandboxResult, confine, run_functions

LIMITS = Limits(timeout_s=2.0)
MARGIN_S = 3.0  # Python's and NumPy's start, the verdict, deleting the folder, a busy machine

# What a learner who read guard.py writes first: every later audit event is let through.
BYPASS = "import sys\nsys.modules['_tutor_sandbox_guard'].Guard.__call__ = lambda *a: None\n"

LAYERS = confine.probe()


def need(layer: str) -> None:
    """Skip only the test of this layer when the kernel lacks it, saying which."""
    if not LAYERS[layer]:
        pytest.skip(f"{layer} is not available on this system: that layer is not tested here")


def attack(
    source: str, *names: str, bypass: bool = True, limits: Limits = LIMITS, setup: str = ""
) -> SandboxResult:
    """Run `source` (after the guard bypass) calling each named function; check the clock."""
    started = time.monotonic()
    result = run_functions(
        (BYPASS if bypass else "") + source,
        [Call(n) for n in names or ["f"]],
        limits=limits,
        setup=setup,
    )
    assert time.monotonic() - started < limits.timeout_s + MARGIN_S, "the verdict came late"
    return result


def processes_mentioning(text: str) -> list[str]:
    """Process ids whose command line contains `text` (Linux only; elsewhere, none)."""
    found = []
    proc = Path("/proc")
    for entry in proc.iterdir() if proc.is_dir() else []:
        try:
            if entry.name.isdigit() and text.encode() in (entry / "cmdline").read_bytes():
                found.append(entry.name)
        except OSError:
            continue
    return found


@pytest.fixture
def contained(tmp_path, monkeypatch):
    """Sandbox folders under tmp_path/sandboxes; afterwards none is left, nor any process."""
    sandboxes = tmp_path / "sandboxes"
    sandboxes.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(sandboxes))
    yield tmp_path
    assert list(sandboxes.iterdir()) == [], "the sandbox's work folder was not deleted"
    assert processes_mentioning(str(sandboxes)) == [], "a sandbox process is still running"


def value_or_error(result: SandboxResult, index: int = 0) -> object:
    case = result.cases[index]
    return case.value if case.error is None else case.error


def refused(result: SandboxResult, index: int = 0) -> bool:
    """The call raised (PermissionError, OSError ...) instead of returning what it tried to get."""
    return result.cases[index].error is not None


__all__ = ["BYPASS", "LIMITS", "attack", "contained", "need", "os", "refused"]
