"""The audit hook that keeps the learner's code inside its own working folder (child side).

`install()` adds a `sys.addaudithook` hook, after the runner has finished its own setup, that
turns these actions into a `PermissionError` saying what was refused ("the tutor's sandbox does
not allow reading /etc/passwd"):

- writing, creating, renaming, deleting or changing the permissions of anything outside the
  working folder (and touching the runner's own job and results files inside it);
- reading files or listing folders outside the working folder and Python's own library and
  site-packages folders (the tutor's package, which holds the lessons, is hidden even there);
- starting programs or processes (subprocess, os.system, os.exec*, os.spawn*, os.posix_spawn,
  os.fork), signalling other processes, changing resource limits;
- opening an SQLite database outside the working folder (SQLite opens its files in C);
- the network (socket and the modules built on it), ctypes, creating links, changing owners.

Audit hooks are a tripwire, not a wall: code that wants to get out can switch this one off in a
line of Python, or go around it in C. The walls are the kernel's (`confine.py`: Landlock,
seccomp, namespaces); this hook stays as a second layer that turns the most common accidents into
a clear message instead of a bare "Permission denied". This file is loaded by path inside the
child, so it imports nothing from `tutor`.
"""

from __future__ import annotations

import os
import sys
from _thread import get_ident
from collections.abc import Callable, Iterable
from typing import Any, NoReturn
from urllib.parse import unquote

_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_APPEND | os.O_CREAT | os.O_TRUNC
_DEVICES_READABLE = frozenset({"/dev/null", "/dev/urandom", "/dev/random", "/dev/zero"})

# Events refused outright, with the words that finish "the tutor's sandbox does not allow ...".
_REFUSED = {
    "subprocess.Popen": "starting other programs (subprocess)",
    "os.system": "running shell commands (os.system)",
    "os.exec": "starting other programs (os.exec)",
    "os.spawn": "starting other programs (os.spawn)",
    "os.posix_spawn": "starting other programs (os.posix_spawn)",
    "os.startfile": "starting other programs (os.startfile)",
    "os.fork": "starting new processes (os.fork)",
    "os.forkpty": "starting new processes (os.forkpty)",
    "os.link": "creating links between files",
    "os.symlink": "creating links between files",
    "os.chown": "changing file owners",
    "os.chflags": "changing file flags",
    "os.lchflags": "changing file flags",
    "os.setxattr": "changing file attributes",
    "os.removexattr": "changing file attributes",
    "os.add_dll_directory": "loading native libraries",
    "resource.setrlimit": "changing its resource limits",
    "resource.prlimit": "changing its resource limits",
    "webbrowser.open": "opening a web browser",
    "sqlite3.enable_load_extension": "loading native libraries",
    "sqlite3.load_extension": "loading native libraries",
}
_REFUSED_PREFIXES = (
    ("socket.", "using the network"),
    ("urllib.", "using the network"),
    ("http.client.", "using the network"),
    ("ftplib.", "using the network"),
    ("smtplib.", "using the network"),
    ("poplib.", "using the network"),
    ("imaplib.", "using the network"),
    ("nntplib.", "using the network"),
    ("telnetlib.", "using the network"),
    ("ctypes.", "ctypes (direct access to memory and C functions)"),
    ("winreg.", "using the Windows registry"),
    ("_winapi.", "starting other programs"),
)


class Guard:
    """Decides, for each audit event, whether the learner's code may go on."""

    def __init__(
        self,
        workdir: str,
        read_roots: Iterable[str],
        hidden: Iterable[str],
        list_only: Iterable[str] = (),
    ) -> None:
        self.workdir = os.path.realpath(workdir)
        self.read_roots = tuple(os.path.realpath(root) for root in read_roots)
        self.list_only = frozenset(os.path.realpath(folder) for folder in list_only)
        self.hidden = tuple(os.path.realpath(path) for path in hidden)
        self._busy: set[int] = set()  # threads in the middle of a check
        self._checks: dict[str, Callable[[tuple[Any, ...]], None]] = {
            "open": self._open,
            "os.listdir": self._listing,
            "os.scandir": self._listing,
            "os.mkdir": lambda args: self._write(args[0], args[2], "creating"),
            "os.rmdir": lambda args: self._write(args[0], args[1], "deleting"),
            "os.remove": lambda args: self._write(args[0], args[1], "deleting"),
            "os.rename": self._rename,
            "os.truncate": lambda args: self._write(args[0], None, "writing to"),
            "os.utime": lambda args: self._write(args[0], args[3], "changing"),
            "os.chmod": lambda args: self._write(args[0], args[2], "changing the permissions of"),
            "os.kill": self._kill,
            "os.killpg": self._killpg,
            "sqlite3.connect": self._sqlite,
        }

    def __call__(self, event: str, args: tuple[Any, ...]) -> None:
        check = self._checks.get(event)
        if check is None:
            words = _REFUSED.get(event)
            if words is None and event.startswith(_PREFIX_TUPLE):
                words = next(w for prefix, w in _REFUSED_PREFIXES if event.startswith(prefix))
            if words is not None:
                raise PermissionError(f"the tutor's sandbox does not allow {words}")
            return
        thread = get_ident()
        if thread in self._busy:  # an audited call made by the check itself
            return
        self._busy.add(thread)
        try:
            check(args)
        finally:
            self._busy.discard(thread)

    # ----------------------------------------------------------------------- the checks

    def _open(self, args: tuple[Any, ...]) -> None:
        path, mode, flags = (*args, None, None, None)[:3]
        if path is None or isinstance(path, int):
            return  # an already open file descriptor
        writing = (isinstance(mode, str) and any(c in mode for c in "wax+")) or (
            isinstance(flags, int) and flags & _WRITE_FLAGS
        )
        if writing:
            self._write(path, None, "writing to")
            return
        real = os.path.realpath(os.fsdecode(path))
        if not self._readable(real):
            raise _refusal("reading", path)
        if not self._inside_workdir(real) and os.path.isdir(real):
            raise _refusal("opening the folder", path)

    def _listing(self, args: tuple[Any, ...]) -> None:
        path = args[0] if args else None
        if isinstance(path, int):
            return
        real = os.path.realpath(os.fsdecode(path) if path is not None else os.curdir)
        if not self._readable(real) and real not in self.list_only:
            raise _refusal("listing the folder", path if path is not None else real)

    def _write(self, path: Any, dir_fd: Any, action: str) -> None:
        if isinstance(path, int):
            return  # an already open file descriptor
        real = _resolve(path, dir_fd)
        if real == os.devnull:
            return
        if real is None or not self._inside_workdir(real) or self._is_hidden(real):
            raise _refusal(action, path)

    def _rename(self, args: tuple[Any, ...]) -> None:
        source, target, source_fd, target_fd = (*args, None, None, None, None)[:4]
        self._write(source, source_fd, "moving")
        self._write(target, target_fd, "moving a file to")

    def _sqlite(self, args: tuple[Any, ...]) -> None:
        """SQLite opens its files in C, out of the "open" event's sight: check the name here."""
        database = args[0] if args else ":memory:"
        if isinstance(database, int):
            raise _refusal("opening the database", database)
        text = os.fsdecode(database)
        if text.startswith("file:"):  # a URI: file:/path?mode=ro or file://host/path
            path = text[len("file:") :].split("?", 1)[0].split("#", 1)[0]
            if path.startswith("//"):
                path = "/" + path[2:].partition("/")[2]
            text = unquote(path)
        if text not in (":memory:", ""):
            self._write(text, None, "opening the database")

    def _kill(self, args: tuple[Any, ...]) -> None:
        pid = args[0]
        if pid not in (0, os.getpid(), -os.getpgrp()):
            raise PermissionError("the tutor's sandbox does not allow signalling other processes")

    def _killpg(self, args: tuple[Any, ...]) -> None:
        if args[0] not in (0, os.getpgrp()):
            raise PermissionError("the tutor's sandbox does not allow signalling other processes")

    # ----------------------------------------------------------------------- where is a path

    def _inside_workdir(self, real: str) -> bool:
        return real.startswith(self.workdir + os.sep)

    def _is_hidden(self, real: str) -> bool:
        return any(real == hidden or real.startswith(hidden + os.sep) for hidden in self.hidden)

    def _readable(self, real: str) -> bool:
        if self._is_hidden(real):
            return False
        if real == self.workdir or self._inside_workdir(real) or real in _DEVICES_READABLE:
            return True
        return any(real == root or real.startswith(root + os.sep) for root in self.read_roots)


_PREFIX_TUPLE = tuple(prefix for prefix, _ in _REFUSED_PREFIXES)


def _refusal(action: str, path: Any) -> PermissionError:
    shown = os.fsdecode(path) if isinstance(path, str | bytes | os.PathLike) else str(path)
    return PermissionError(f"the tutor's sandbox does not allow {action} {shown}")


def _resolve(path: Any, dir_fd: Any) -> str | None:
    """The real absolute path `path` names, relative to `dir_fd` when one is given."""
    text = os.fsdecode(path)
    if isinstance(dir_fd, int) and dir_fd >= 0 and not os.path.isabs(text):
        try:
            base = os.readlink(f"/proc/self/fd/{dir_fd}")
        except OSError:
            return None  # cannot tell where it points: refuse
        text = os.path.join(base, text)
    return os.path.realpath(text)


def _refuse_fork_exec(*args: Any, **kwargs: Any) -> NoReturn:
    raise PermissionError("the tutor's sandbox does not allow starting other programs")


def install(
    workdir: str, read_roots: Iterable[str], hidden: Iterable[str], list_only: Iterable[str] = ()
) -> Guard:
    """Add the hook for the rest of this process's life (audit hooks cannot be removed).

    `subprocess` is imported first, so that modules which merely import it (pandas,
    numpy.testing, asyncio) still import; starting a program raises "subprocess.Popen", which
    the hook refuses, and the C function underneath it, which raises no event, is replaced.
    """
    import _posixsubprocess
    import subprocess  # noqa: F401

    _posixsubprocess.fork_exec = _refuse_fork_exec
    guard = Guard(workdir, read_roots, hidden, list_only)
    sys.addaudithook(guard)
    return guard
