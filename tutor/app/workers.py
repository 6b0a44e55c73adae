"""Helpers for the thread workers that check answers: cancelling them without leaving a bogus
attempt behind, and stopping a sandbox child at once when the learner quits."""

from __future__ import annotations

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
    """Kill every sandbox child this process started and is still waiting for.

    The sandbox keeps the registry of its own children (`tutor.sandbox.stop_all`), so quitting
    during an endless loop does not wait for the sandbox's time limit. Returns how many.
    """
    from tutor.sandbox import stop_all

    return stop_all()
