"""The script the sandbox's child process runs: load the learner's module, call its functions.

Usage (the parent does this): `python -I -B runner.py WORKDIR READY_FD RESULT_FD PARENT_PID`.
WORKDIR holds `job.json` (the calls, the exercise's setup code, the limits, the walls) and
`learner.py`. The runner writes one JSON record per line into RESULT_FD, a pipe whose read end
only the parent holds, as it goes, so whatever finished before a timeout or a crash has arrived:

    {"kind": "walls", "applied": [...]}      (which kernel walls went up: for notes only)
    {"kind": "syntax_error" | "setup_error" | "module_error", "error": {...}}
    {"kind": "loaded"}
    {"kind": "case", "index": i, "value": <codec>}  or  {"kind": "case", "index": i, "error": {...}}
    {"kind": "memory"}                       (a MemoryError stopped the run)
    {"kind": "exit", "code": n, "line": n}   (sys.exit() stopped the run)
    {"kind": "done"}
    {"kind": "internal_error", "detail": "..."}

Three processes: this one unshares new PID, network and IPC namespaces and forks their init,
which forks the worker and reaps until the worker ends; when the init exits, the kernel kills
everything left in the namespace, whatever `setsid` or double forks the learner's code tried.
This one then ends the way the worker ended (its exit code, or its signal), for the parent.

The worker's order matters: import NumPy (so OpenBLAS starts before any limit), decode the
inputs, tell the parent we are ready (its timeout starts then), run the exercise's setup, set
the resource limits, raise the kernel's walls (`confine.py`: no new privileges, root's powers
dropped, Landlock, seccomp), install the audit hook (guard.py, a second layer), and only then
compile and run the learner's code. Everything it prints goes to the parent through stdout and
stderr.

This file runs as a script in a fresh interpreter, so it imports nothing from `tutor`: it loads
confine.py, codec.py and guard.py, its neighbours, by path.
"""

from __future__ import annotations

import contextlib
import copy
import importlib.util
import json
import linecache
import math
import os
import signal
import struct
import sys
import traceback
import types
from typing import Any, NoReturn

LEARNER_FILE = "learner.py"
SETUP_FILE = "<exercise setup>"
MESSAGE_CHARS = 2_000
TRACEBACK_CHARS = 8_000
_MIB = 1024 * 1024
_MEMORY = {"kind": "memory"}
_MEMORY_LINE = b'{"kind":"memory"}\n'


def main(argv: list[str]) -> NoReturn:
    """The three processes of a run: this one (relays), the namespace's init, the worker."""
    workdir, ready_fd, result_fd, parent = argv[1], int(argv[2]), int(argv[3]), int(argv[4])
    here = os.path.dirname(os.path.abspath(__file__))
    confine = _load_neighbour("_tutor_sandbox_confine", os.path.join(here, "confine.py"))
    if not confine.parent_death_signal(parent) and confine.LINUX:
        os._exit(70)  # the app is already gone
    with open(os.path.join(workdir, "job.json"), encoding="utf-8") as job_file:
        job = json.load(job_file)
    namespaces = confine.unshare_namespaces()
    status_read, status_write = os.pipe()
    init = os.fork()
    if init:
        for fd in (ready_fd, result_fd, status_write):
            os.close(fd)
        _relay(init, status_read)
    os.close(status_read)
    confine.parent_death_signal()
    worker = os.fork()
    if worker:
        for fd in (ready_fd, result_fd):
            os.close(fd)
        _reap_until(worker, status_write)
    os.close(status_write)
    confine.parent_death_signal()
    results = _Channel(result_fd)
    try:
        _run(job, workdir, ready_fd, results, confine, namespaces)
    except MemoryError:
        _record(results, {"kind": "memory"})
    except BaseException:
        _record(results, {"kind": "internal_error", "detail": traceback.format_exc()[-4000:]})
    _leave(0)


def _relay(init: int, status_read: int) -> NoReturn:
    """Outside the namespace: wait for its init, then end the way the worker ended."""
    _, status = os.waitpid(init, 0)
    data = os.read(status_read, 4)
    if len(data) == 4:
        (status,) = struct.unpack("i", data)
    if os.WIFEXITED(status):
        os._exit(os.WEXITSTATUS(status))
    number = os.WTERMSIG(status) if os.WIFSIGNALED(status) else signal.SIGKILL
    with contextlib.suppress(Exception):
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    signal.signal(number, signal.SIG_DFL)
    os.kill(os.getpid(), number)
    os._exit(128 + number)


def _reap_until(worker: int, status_write: int) -> NoReturn:
    """The namespace's init: reap every orphan until the worker ends, pass its status on, and
    exit, which makes the kernel kill whatever is left in the namespace."""
    while True:
        try:
            pid, status = os.wait()
        except ChildProcessError:
            os._exit(1)
        except InterruptedError:
            continue
        if pid == worker:
            os.write(status_write, struct.pack("i", status))
            os._exit(0)


class _Channel:
    """The result pipe the parent opened: it keeps the read end, so it cannot be swapped."""

    def __init__(self, fd: int) -> None:
        self.fd = fd

    def write(self, data: bytes) -> None:
        view = memoryview(data)
        while view:
            view = view[os.write(self.fd, view) :]


def _run(
    job: dict[str, Any],
    workdir: str,
    ready_fd: int,
    results: _Channel,
    confine: Any,
    namespaces: bool,
) -> None:
    for path in job["paths"]:
        if path not in sys.path:
            sys.path.append(path)
    import numpy  # noqa: F401  (start NumPy and OpenBLAS before any limit is set)

    here = os.path.dirname(os.path.abspath(__file__))
    codec = _load_neighbour("_tutor_sandbox_codec", os.path.join(here, "codec.py"))
    guard = _load_neighbour("_tutor_sandbox_guard", os.path.join(here, "guard.py"))
    calls = [
        (call["function"], codec.decode(call["args"]), codec.decode(call["kwargs"]))
        for call in job["calls"]
    ]
    with open(os.path.join(workdir, LEARNER_FILE), encoding="utf-8") as source_file:
        source = source_file.read()

    for stream in (sys.stdout, sys.stderr):
        stream.reconfigure(encoding="utf-8", errors="backslashreplace", line_buffering=True)
    os.write(ready_fd, b"R")
    os.close(ready_fd)

    module = types.ModuleType("learner")
    module.__file__ = os.path.join(workdir, LEARNER_FILE)
    sys.modules["learner"] = module
    if job["setup"]:
        try:
            exec(compile(job["setup"], SETUP_FILE, "exec", dont_inherit=True), module.__dict__)
        except BaseException as exc:
            _record(results, {"kind": "setup_error", "error": _describe(exc, learner_only=False)})
            _leave(0)

    limits = job["limits"]
    _set_resource_limits(limits)
    walls = job["walls"]
    _forget_outside(walls["read"] + walls["list"])
    linecache.cache[LEARNER_FILE] = (len(source), None, source.splitlines(True), LEARNER_FILE)
    applied = _confine(confine, walls, workdir, namespaces)
    _record(results, {"kind": "walls", "applied": applied})
    hidden = [os.path.join(workdir, "job.json")]
    guard.install(workdir, walls["read"], hidden, walls["list"])

    _run_learner(source, module, calls, codec, limits["value_bytes"], results)


def _confine(confine: Any, walls: dict[str, Any], workdir: str, namespaces: bool) -> list[str]:
    """The kernel's walls, strongest last; a wall the parent counts on must go up, or we stop."""
    applied = ["namespaces"] if namespaces else []
    if not confine.LINUX:
        return applied
    if not confine.no_new_privileges():
        raise OSError("PR_SET_NO_NEW_PRIVS failed")
    dropped = confine.drop_privileges(walls["nobody"])
    if dropped:
        applied.append(dropped)
    confine.parent_death_signal()  # changing the uid cleared it
    abi = confine.landlock(walls["read"], walls["list"], [workdir], walls["devices"])
    if abi:
        applied.append(f"landlock {abi}")
    elif walls["landlock"]:
        raise OSError("Landlock was there for the parent but not for the child")
    if confine.seccomp():
        applied.append("seccomp")
    return applied


def _run_learner(
    source: str, module: types.ModuleType, calls: list[Any], codec: Any, cap: int, results: Any
) -> None:
    try:
        code = compile(source, LEARNER_FILE, "exec", dont_inherit=True)
    except (SyntaxError, ValueError, RecursionError) as exc:
        _record(results, {"kind": "syntax_error", "error": _describe_syntax_error(exc)})
        return
    except MemoryError:
        _record(results, {"kind": "memory"})
        return
    try:
        exec(code, module.__dict__)
    except BaseException as exc:
        _stop_on(exc, results)
        _record(results, {"kind": "module_error", "error": _describe(exc)})
        return
    _record(results, {"kind": "loaded"})

    for index, (name, args, kwargs) in enumerate(calls):
        head = f'{{"kind":"case","index":{index},'
        function = module.__dict__.get(name)
        if function is None or not callable(function):
            body = '"error":' + _json(_missing_function(name, function))
        else:
            try:
                value = function(*copy.deepcopy(args), **copy.deepcopy(kwargs))
            except BaseException as exc:
                _stop_on(exc, results)
                body = '"error":' + _json(_describe(exc))
            else:
                body = '"value":' + _encode_capped(value, codec, cap)
                del value
        results.write((head + body + "}\n").encode("utf-8"))
    _record(results, {"kind": "done"})


def _stop_on(exc: BaseException, results: Any) -> None:
    """End the run for exceptions that mean the program itself is over."""
    if isinstance(exc, MemoryError):
        del exc
        _record(results, {"kind": "memory"})
        _leave(0)
    if isinstance(exc, SystemExit):
        code = exc.code
        line = _learner_line(exc)
        if code is not None and not isinstance(code, int):
            print(code, file=sys.stderr)
            code = 1
        code = 0 if code is None else code
        _record(results, {"kind": "exit", "code": code, "line": line})
        _leave(code if 0 <= code <= 255 else 1)


def _encode_capped(value: Any, codec: Any, cap: int) -> str:
    """The value as one line of JSON, or a marker when it cannot travel or is too large."""
    try:
        text = _json(codec.encode(value))
    except MemoryError:
        raise
    except Exception as exc:
        reason = f"could not be read ({type(exc).__name__})"
        return _json({"$unsupported": {"type": type(value).__name__, "reason": reason}})
    if len(text) > cap:
        reason = f"too large to send back ({len(text) / 1e6:.1f} MB)"
        return _json({"$unsupported": {"type": type(value).__name__, "reason": reason}})
    return text


def _missing_function(name: str, found: Any) -> dict[str, Any]:
    if found is None:
        message = f"{LEARNER_FILE} does not define a function named {name!r}"
        type_name = "NameError"
    else:
        message = f"{name!r} in {LEARNER_FILE} is a {type(found).__name__}, not a function"
        type_name = "TypeError"
    return {"type": type_name, "message": message, "line": None, "traceback": ""}


# ------------------------------------------------------------------------------- errors


def _type_name(exc: BaseException) -> str:
    kind = type(exc)
    module = getattr(kind, "__module__", "builtins")
    if module in ("builtins", "learner", "__main__"):
        return kind.__qualname__
    return f"{module}.{kind.__qualname__}"


def _message(exc: BaseException) -> str:
    try:
        text = str(exc)
    except Exception:
        text = "(the exception's message could not be shown)"
    return text if len(text) <= MESSAGE_CHARS else text[:MESSAGE_CHARS] + " ..."


def _learner_frames(
    exc: BaseException, files: tuple[str, ...] = (LEARNER_FILE,)
) -> traceback.StackSummary:
    """The traceback's frames in `files` only (no other file's lines are even looked up)."""
    walk = traceback.walk_tb(exc.__traceback__)
    return traceback.StackSummary.extract(
        (frame, line) for frame, line in walk if frame.f_code.co_filename in files
    )


def _learner_line(exc: BaseException) -> int | None:
    frames = _learner_frames(exc)
    return frames[-1].lineno if frames else None


def _describe(exc: BaseException, learner_only: bool = True) -> dict[str, Any]:
    """The exception as plain text, showing only the learner's own frames."""
    files = (LEARNER_FILE,) if learner_only else (LEARNER_FILE, SETUP_FILE)
    frames = _learner_frames(exc, files)
    type_name, message = _type_name(exc), _message(exc)
    lines = frames.format() if frames else []
    head = "Traceback (most recent call last):\n" + "".join(lines) if lines else ""
    text = head + (f"{type_name}: {message}" if message else type_name)
    if len(text) > TRACEBACK_CHARS:
        text = "...\n" + text[-TRACEBACK_CHARS:]
    line = frames[-1].lineno if frames else None
    return {"type": type_name, "message": message, "line": line, "traceback": text}


def _describe_syntax_error(exc: BaseException) -> dict[str, Any]:
    if not isinstance(exc, SyntaxError):  # ValueError (null bytes), RecursionError (nesting)
        return {
            "type": _type_name(exc),
            "message": _message(exc),
            "line": None,
            "traceback": f"{_type_name(exc)}: {_message(exc)}",
        }
    text = "".join(traceback.format_exception_only(type(exc), exc)).rstrip("\n")
    message = exc.msg[:MESSAGE_CHARS] if isinstance(exc.msg, str) else _message(exc)
    return {
        "type": _type_name(exc),
        "message": message,
        "line": exc.lineno,
        "traceback": text[-TRACEBACK_CHARS:],
    }


# ------------------------------------------------------------------------------- the fences


def _set_resource_limits(limits: dict[str, Any]) -> None:
    """RLIMIT_* on top of what is in use now, soft = hard so the learner cannot raise them."""
    try:
        import resource
    except ImportError:  # not POSIX: only the parent's wall-clock timeout applies
        return
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a too-big file raises OSError instead

    def cap(kind: int, soft: int, hard: int | None = None) -> None:
        hard = soft if hard is None else hard
        _, current_hard = resource.getrlimit(kind)
        if current_hard != resource.RLIM_INFINITY:
            soft, hard = min(soft, current_hard), min(hard, current_hard)
        with contextlib.suppress(ValueError, OSError):  # keep whatever the system allows
            resource.setrlimit(kind, (soft, hard))

    cap(resource.RLIMIT_CORE, 0)
    cap(resource.RLIMIT_FSIZE, limits["file_bytes"])
    cpu_used = sum(os.times()[:2])
    cpu = math.ceil(cpu_used + limits["timeout_s"]) + 1
    cap(resource.RLIMIT_CPU, cpu, cpu + 1)
    cap(resource.RLIMIT_AS, _address_space_in_use() + limits["memory_mb"] * _MIB)
    if hasattr(resource, "RLIMIT_NPROC"):
        cap(resource.RLIMIT_NPROC, 0)  # no new processes or threads (root is exempt)


def _address_space_in_use() -> int:
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 1024 * _MIB  # no /proc (macOS, where RLIMIT_AS is not enforced anyway)


def _forget_outside(read_roots: list[str]) -> None:
    """Drop the import paths that lead nowhere the learner may read (the audit hook and Landlock
    would refuse them anyway; this keeps imports from stumbling on them)."""
    inside = tuple(root + os.sep for root in read_roots)

    def allowed(path: str) -> bool:
        real = os.path.realpath(path)
        return real in read_roots or real.startswith(inside)

    sys.path[:] = [path for path in sys.path if allowed(path)]
    for path in list(sys.path_importer_cache):
        if not allowed(path):
            del sys.path_importer_cache[path]


# ------------------------------------------------------------------------------- plumbing


def _load_neighbour(name: str, path: str) -> types.ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _json(data: Any) -> str:
    return json.dumps(data, separators=(",", ":"))


def _record(results: Any, record: dict[str, Any]) -> None:
    if record == _MEMORY:  # written without building anything: memory may be short
        results.write(_MEMORY_LINE)
        return
    results.write(_json(record).encode("utf-8") + b"\n")


def _leave(code: int) -> NoReturn:
    """Flush what was printed and exit at once (no atexit handlers, no finalisers)."""
    for stream in (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__):
        try:
            if stream is not None:
                stream.flush()
        except BaseException:
            pass
    os._exit(code)


if __name__ == "__main__":
    main(sys.argv)
