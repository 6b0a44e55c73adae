"""Start the child process, watch it, and collect what it left behind (parent side).

The child is `python -I -B runner.py WORKDIR READY_FD` in a fresh temporary folder, with a
minimal environment and its own session, so the whole process group can be killed. The parent
reads the child's output itself (never more than the output limit), enforces the wall-clock
timeout, and reads the results file with a size cap. Nothing here can hang or raise because of
what the child does.
"""

from __future__ import annotations

import json
import os
import selectors
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .limits import RESULT_BYTES, STARTUP_TIMEOUT_S, Limits

RUNNER = Path(__file__).with_name("runner.py")
_CHUNK = 65_536


@dataclass
class ChildRun:
    """The facts the parent observed about one child process."""

    records: list[dict[str, Any]] = field(default_factory=list)
    output: bytes = b""
    output_overflow: bool = False
    timed_out: bool = False
    started: bool = False  # the runner said it was ready (Python and NumPy had started)
    returncode: int | None = None
    results_truncated: bool = False
    start_error: str | None = None  # why the child could not even be started


def child_environment(workdir: str) -> dict[str, str]:
    """PATH, LANG, one BLAS thread and HOME in the work folder: nothing else of the parent's."""
    return {
        "PATH": os.environ.get("PATH", os.defpath),
        "LANG": os.environ.get("LANG", "C.UTF-8"),
        "HOME": workdir,
        "OPENBLAS_NUM_THREADS": "1",
        "OMP_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
    }


def run_child(job: dict[str, Any], source: str, limits: Limits) -> ChildRun:
    """Run the runner on `job` in a fresh temporary folder that is deleted afterwards."""
    try:
        workdir = os.path.realpath(tempfile.mkdtemp(prefix="tutor-sandbox-"))
    except OSError as exc:
        return ChildRun(start_error=f"no temporary folder: {exc}")
    try:
        Path(workdir, "job.json").write_text(json.dumps(job), encoding="utf-8")
        Path(workdir, "learner.py").write_text(source, encoding="utf-8")
        run = _supervise(workdir, limits)
        run.records, run.results_truncated = _read_records(Path(workdir, "results.jsonl"))
        return run
    except OSError as exc:  # a full disk, no Python to start, too many open files ...
        return ChildRun(start_error=f"{type(exc).__name__}: {exc}")
    finally:
        _remove(workdir)


def _supervise(workdir: str, limits: Limits) -> ChildRun:
    ready_read, ready_write = os.pipe()
    try:
        proc = subprocess.Popen(
            [sys.executable, "-I", "-B", str(RUNNER), workdir, str(ready_write)],
            cwd=workdir,
            env=child_environment(workdir),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            pass_fds=(ready_write,),
            start_new_session=True,
            close_fds=True,
        )
    except BaseException:
        os.close(ready_read)
        raise
    finally:
        os.close(ready_write)
    run = ChildRun()
    try:
        assert proc.stdout is not None
        deadline = _watch(proc, proc.stdout.fileno(), ready_read, limits, run)
        exited = _wait_unreaped(proc, deadline)
        run.timed_out = run.timed_out or (not exited and not run.output_overflow)
    finally:
        _kill_group(proc)  # the child is still unreaped, so its group id cannot be reused
        try:
            run.returncode = proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            run.returncode = None
        os.close(ready_read)
        if proc.stdout is not None:
            proc.stdout.close()
    return run


def _watch(proc: subprocess.Popen[bytes], out_fd: int, ready_fd: int, limits: Limits,
           run: ChildRun) -> float:  # fmt: skip
    """Read output and the ready signal until both pipes close, the limit or the deadline."""
    output = bytearray()
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    with selectors.DefaultSelector() as selector:
        selector.register(out_fd, selectors.EVENT_READ, "out")
        selector.register(ready_fd, selectors.EVENT_READ, "ready")
        while selector.get_map():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                run.timed_out = True
                break
            for key, _ in selector.select(remaining):
                data = os.read(key.fd, _CHUNK)
                if key.data == "ready":
                    selector.unregister(key.fd)  # one byte at most: the child cannot move it
                    if data and not run.started:
                        run.started = True
                        deadline = time.monotonic() + limits.timeout_s
                elif not data:
                    selector.unregister(key.fd)
                else:
                    output += data
                    if len(output) > limits.output_bytes:
                        run.output_overflow = True
                        break
            if run.output_overflow:
                break
    if run.output_overflow:
        _kill_group(proc)
    run.output = bytes(output[: limits.output_bytes])
    return deadline


def _wait_unreaped(proc: subprocess.Popen[bytes], deadline: float) -> bool:
    """Wait until the child has exited (without reaping it), or the deadline; True if it did."""
    if not hasattr(os, "waitid"):
        try:
            proc.wait(timeout=max(0.0, deadline - time.monotonic()))
            return True
        except subprocess.TimeoutExpired:
            return False
    pause = 0.0005
    while True:
        try:
            if os.waitid(os.P_PID, proc.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is not None:
                return True
        except ChildProcessError:
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(pause)
        pause = min(pause * 2, 0.02)


def _kill_group(proc: subprocess.Popen[bytes]) -> None:
    if proc.returncode is not None:
        return  # already reaped: its group id may belong to someone else now
    try:
        if hasattr(os, "killpg"):
            os.killpg(proc.pid, signal.SIGKILL)
        else:
            proc.kill()
    except (ProcessLookupError, PermissionError):
        pass


def _read_records(path: Path) -> tuple[list[dict[str, Any]], bool]:
    """The runner's JSON lines, at most RESULT_BYTES of them; malformed lines are skipped."""
    try:
        with open(path, "rb") as results:
            raw = results.read(RESULT_BYTES + 1)
    except OSError:
        return [], False
    truncated = len(raw) > RESULT_BYTES
    lines = raw[:RESULT_BYTES].split(b"\n")
    if truncated or not raw.endswith(b"\n"):
        lines = lines[:-1]  # the last line was cut short
    records = []
    for line in lines:
        try:
            record = json.loads(line)
        except (ValueError, RecursionError):
            continue
        if isinstance(record, dict) and isinstance(record.get("kind"), str):
            records.append(record)
    return records, truncated


def _remove(workdir: str) -> None:
    def unlock_and_retry(function: Any, path: str, _info: Any) -> None:
        try:
            os.chmod(os.path.dirname(path), 0o700)
            os.chmod(path, 0o700)
            function(path)
        except OSError:
            pass

    shutil.rmtree(workdir, onerror=unlock_and_retry)
