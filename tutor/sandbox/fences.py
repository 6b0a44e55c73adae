"""The fences the runner puts up around the learner's code, just before running it (child side).

`set_resource_limits` (hard = soft, so they cannot be raised), `forget_outside` (import paths
that lead nowhere readable), `raise_walls` (the kernel's walls from `confine.py`, in order).
This file is loaded by path inside the child, so it imports nothing from `tutor`.
"""

from __future__ import annotations

import contextlib
import math
import os
import signal
import sys
from typing import Any

_MIB = 1024 * 1024


def set_resource_limits(limits: dict[str, Any]) -> None:
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
    cap(resource.RLIMIT_AS, address_space_in_use() + limits["memory_mb"] * _MIB)
    if hasattr(resource, "RLIMIT_NPROC"):
        cap(resource.RLIMIT_NPROC, 0)  # no new processes or threads (root is exempt)


def address_space_in_use() -> int:
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 1024 * _MIB  # no /proc (macOS, where RLIMIT_AS is not enforced anyway)


def forget_outside(read_roots: list[str]) -> None:
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


def raise_walls(confine: Any, walls: dict[str, Any], workdir: str, namespaces: bool) -> list[str]:
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
