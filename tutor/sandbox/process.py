"""Start the child process, watch it, and collect what it said (parent side).

The child is `python -I -B runner.py WORKDIR READY_FD RESULT_FD PARENT_PID` in a fresh temporary
folder, with a minimal environment and its own session. Before it starts, the parent opens two
pipes whose read ends only it holds: one for the "ready" byte, one for the result records. It
reads them and the child's output itself, each with a size cap, under a wall-clock deadline, so
nothing the child does (swapping files, writing floods, never closing) can make it wait longer.
Every child started here is in a registry until it is reaped; `stop_all` kills them all.
Work folders left behind by a parent that was killed are deleted by the next run.
"""

from __future__ import annotations

import contextlib
import json
import os
import selectors
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import walls
from .limits import DECODE_TIMEOUT_S, RECORD_ITEMS, RESULT_BYTES, STARTUP_TIMEOUT_S, Limits

RUNNER = Path(__file__).with_name("runner.py")
_CHUNK = 65_536
_NOBODY = 65534  # the uid and gid the child takes as root, when it can (confine.NOBODY)
_DRAIN_S = 2.0  # how long the processes of a killed run may take to die
_PREFIX = "tutor-sandbox-"
_LIVE: dict[int, subprocess.Popen[bytes]] = {}  # pid -> child, until it is reaped
_LIVE_LOCK = threading.Lock()
_SWEPT: set[str] = set()  # temporary folders already cleaned of a killed parent's leftovers


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
    decode_deadline: float = 0.0  # time.monotonic() by which decoding the values must end


def child_environment(workdir: str) -> dict[str, str]:
    """PATH, LANG, one BLAS thread, HOME and TMPDIR in the work folder: nothing else."""
    return {
        "PATH": os.environ.get("PATH", os.defpath),
        "LANG": os.environ.get("LANG", "C.UTF-8"),
        "HOME": workdir,
        "TMPDIR": workdir,  # the only place it may write
        "OPENBLAS_NUM_THREADS": "1",
        "OMP_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
    }


def run_child(job: dict[str, Any], source: str, limits: Limits) -> ChildRun:
    """Run the runner on `job` in a fresh temporary folder that is deleted afterwards."""
    _sweep_leftovers()
    try:
        prefix = f"{_PREFIX}{os.getpid()}-"
        workdir = os.path.realpath(tempfile.mkdtemp(prefix=prefix))
    except OSError as exc:
        return ChildRun(start_error=f"no temporary folder: {exc}")
    try:
        rules = walls.for_workdir(workdir)
        job = {**job, "walls": rules}
        Path(workdir, "job.json").write_text(json.dumps(job), encoding="utf-8")
        Path(workdir, "learner.py").write_text(source, encoding="utf-8")
        if rules["nobody"]:  # the child becomes nobody: the folder is theirs
            for path in (workdir, *(os.path.join(workdir, n) for n in ("job.json", "learner.py"))):
                os.chown(path, _NOBODY, _NOBODY)
        return _supervise(workdir, limits)
    except OSError as exc:  # a full disk, no Python to start, too many open files ...
        return ChildRun(start_error=f"{type(exc).__name__}: {exc}")
    finally:
        _remove(workdir)


def stop_all() -> int:
    """Kill every child this process started and has not reaped yet; returns how many."""
    with _LIVE_LOCK:
        children = list(_LIVE.values())
    for proc in children:
        _kill_group(proc)
    return len(children)


def _supervise(workdir: str, limits: Limits) -> ChildRun:
    ready_read, ready_write = os.pipe()
    result_read, result_write = os.pipe()
    try:
        argv = [sys.executable, "-I", "-B", str(RUNNER), workdir]
        argv += [str(ready_write), str(result_write), str(os.getpid())]
        proc = subprocess.Popen(
            argv,
            cwd=workdir,
            env=child_environment(workdir),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            pass_fds=(ready_write, result_write),
            start_new_session=True,
            close_fds=True,
        )
    except BaseException:
        os.close(ready_read)
        os.close(result_read)
        raise
    finally:
        os.close(ready_write)
        os.close(result_write)
    with _LIVE_LOCK:
        _LIVE[proc.pid] = proc
    run = ChildRun()
    try:
        assert proc.stdout is not None
        results = bytearray()
        deadline = _watch(proc, proc.stdout.fileno(), ready_read, result_read, limits, run, results)
        exited = _wait_unreaped(proc, deadline)
        run.timed_out = run.timed_out or (
            not exited and not run.output_overflow and not run.results_truncated
        )
    finally:
        _kill_group(proc)  # the child is still unreaped, so its group id cannot be reused
        try:
            run.returncode = proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            run.returncode = None
        pipes = [ready_read, result_read] + ([proc.stdout.fileno()] if proc.stdout else [])
        _drain(pipes, time.monotonic() + _DRAIN_S)
        with _LIVE_LOCK:
            _LIVE.pop(proc.pid, None)
        os.close(ready_read)
        os.close(result_read)
        if proc.stdout is not None:
            proc.stdout.close()
    run.decode_deadline = time.monotonic() + DECODE_TIMEOUT_S
    run.records = _parse_records(bytes(results), run.results_truncated, run.decode_deadline)
    return run


def _watch(
    proc: subprocess.Popen[bytes],
    out_fd: int,
    ready_fd: int,
    result_fd: int,
    limits: Limits,
    run: ChildRun,
    results: bytearray,
) -> float:
    """Read output, the ready byte and results until the pipes close, a cap or the deadline."""
    output = bytearray()
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    with selectors.DefaultSelector() as selector:
        selector.register(out_fd, selectors.EVENT_READ, "out")
        selector.register(ready_fd, selectors.EVENT_READ, "ready")
        selector.register(result_fd, selectors.EVENT_READ, "results")
        while selector.get_map() and not (run.output_overflow or run.results_truncated):
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
                elif key.data == "out":
                    output += data
                    run.output_overflow = len(output) > limits.output_bytes
                else:
                    results += data
                    run.results_truncated = len(results) > RESULT_BYTES
    if run.output_overflow or run.results_truncated:
        _kill_group(proc)
    run.output = bytes(output[: limits.output_bytes])
    del results[RESULT_BYTES:]
    return deadline


def _drain(fds: list[int], deadline: float) -> None:
    """Read and drop what is left until every writer has closed its end: the init and the
    worker hold them until their exit, so after this no process of the run is still running."""
    with selectors.DefaultSelector() as selector:
        for fd in fds:
            selector.register(fd, selectors.EVENT_READ)
        while selector.get_map():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return
            for key, _ in selector.select(remaining):
                if not os.read(key.fd, _CHUNK):
                    selector.unregister(key.fd)


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


def _parse_records(raw: bytes, truncated: bool, deadline: float) -> list[dict[str, Any]]:
    """The runner's JSON lines; malformed, oversized or too-many-item lines are skipped.

    A line is refused before parsing when it holds more than RECORD_ITEMS separators (commas
    and colons), so parsing costs at most time proportional to RESULT_BYTES.
    """
    lines = raw.split(b"\n")
    if truncated or not raw.endswith(b"\n"):
        lines = lines[:-1]  # the last line was cut short
    records = []
    for line in lines:
        if time.monotonic() > deadline:
            break
        if line.count(b",") + line.count(b":") > RECORD_ITEMS:
            continue
        try:
            record = json.loads(line)
        except (ValueError, RecursionError):
            continue
        if isinstance(record, dict) and isinstance(record.get("kind"), str):
            records.append(record)
    return records


def _sweep_leftovers() -> None:
    """Delete work folders whose parent process is gone (it was killed before cleaning up)."""
    folder = tempfile.gettempdir()
    if folder in _SWEPT:
        return
    _SWEPT.add(folder)
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    owners = {os.geteuid(), _NOBODY} if os.geteuid() == 0 else {os.geteuid()}  # (chowned)
    for entry in entries:
        if not entry.name.startswith(_PREFIX):
            continue
        owner = entry.name[len(_PREFIX) :].split("-", 1)[0]
        with contextlib.suppress(OSError):
            if entry.stat(follow_symlinks=False).st_uid not in owners or not entry.is_dir():
                continue
            if owner.isdigit() and _alive(int(owner)):
                continue
            if not owner.isdigit() and time.time() - entry.stat().st_mtime < 3600:
                continue  # an older tutor's folder, maybe still in use: only when stale
            _remove(entry.path)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _remove(workdir: str) -> None:
    def unlock_and_retry(function: Any, path: str, _info: Any) -> None:
        try:
            os.chmod(os.path.dirname(path), 0o700)
            os.chmod(path, 0o700)
            function(path)
        except OSError:
            pass

    shutil.rmtree(workdir, onerror=unlock_and_retry)
