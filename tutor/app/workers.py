"""Helpers for the thread workers that check answers: cancelling them without leaving a bogus
attempt behind, and stopping a sandbox child at once when the learner quits."""

from __future__ import annotations

import os
import signal
from pathlib import Path
from typing import Any, Protocol


class RunCancelled(BaseException):
    """Raised inside a worker whose run was cancelled (the learner quit or started another run).

    A BaseException on purpose: `tutor.grading.check` turns an `Exception` into an internal-error
    verdict, and a cancelled run must not become a verdict or a recorded attempt at all.
    """


class _Cancellable(Protocol):
    @property
    def is_cancelled(self) -> bool: ...


class CancellableStore:
    """A progress store that refuses to record once `worker` is cancelled.

    `grading.submit` records the attempt after the check; if the learner quit in between, the
    record is skipped (RunCancelled) instead of counting an attempt they never saw.
    """

    def __init__(self, store: Any, worker: _Cancellable) -> None:
        self._store = store
        self._worker = worker

    def record_attempt(self, *args: Any, **kwargs: Any) -> Any:
        if self._worker.is_cancelled:
            raise RunCancelled
        return self._store.record_attempt(*args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)


def stop_sandbox_children() -> int:
    """Kill the process group of every sandbox child this process started (Linux: via /proc).

    The sandbox starts each child in its own session, so its process group is its pid. Without
    this, quitting during an endless loop would wait for the sandbox's time limit. Elsewhere
    this does nothing and quitting waits at most that limit. Returns how many were stopped.
    """
    proc = Path("/proc")
    if not proc.is_dir():
        return 0
    me = os.getpid()
    stopped = 0
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            if ppid != me:
                continue
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ")
        except (OSError, ValueError, IndexError):
            continue
        if b"sandbox" in command and b"runner" in command:
            try:
                os.killpg(int(entry.name), signal.SIGKILL)
                stopped += 1
            except (ProcessLookupError, PermissionError):
                pass
    return stopped
