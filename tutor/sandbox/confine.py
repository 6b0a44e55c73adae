"""The kernel's walls around the learner's code (Linux), reached through `ctypes` syscalls.

Each function does one thing and says whether it worked; none raises because a facility is
missing (an old kernel, macOS, a container that forbids it). `runner.py` calls them in the child,
in this order (docs/sandbox.md says why each one is there):

    unshare_namespaces()   new PID, network and IPC namespaces (and a user namespace when not
                           root), so that the whole process tree dies with its init and no socket
                           reaches anything
    parent_death_signal()  SIGKILL when the parent dies
    no_new_privileges()    PR_SET_NO_NEW_PRIVS (required by Landlock and seccomp)
    drop_privileges()      as root: become nobody (65534) or, if nobody cannot reach Python,
                           stay uid 0 with every capability dropped
    landlock()             read-only: the paths the parent listed; read-write: the work folder;
                           no TCP, no abstract UNIX sockets or signals outside the sandbox
    seccomp()              refuse new processes, sockets, ptrace, namespaces, mounts, raising
                           resource limits, io_uring, BPF, keyrings, loading kernel modules

This file is loaded by path inside the child (and imported by the parent for `probe`), so it
imports nothing from `tutor`. Struct layouts and constants come from the kernel's UAPI headers
(linux/landlock.h, linux/seccomp.h, linux/filter.h, linux/capability.h).
"""

from __future__ import annotations

import ctypes
import errno
import functools
import os
import struct
import sys
from collections.abc import Iterable

LINUX = sys.platform.startswith("linux")
NOBODY = 65534

# --------------------------------------------------------------------------- libc and syscalls

_ARCH = os.uname().machine if hasattr(os, "uname") else ""
# Syscall numbers: (x86_64, aarch64). Landlock's and io_uring's are the same everywhere.
_NR = {
    "capset": (126, 91),
    "landlock_create_ruleset": (444, 444),
    "landlock_add_rule": (445, 445),
    "landlock_restrict_self": (446, 446),
}
_ARCH_INDEX = {"x86_64": 0, "amd64": 0, "aarch64": 1, "arm64": 1}.get(_ARCH)


def _libc() -> ctypes.CDLL | None:
    if not LINUX:
        return None
    try:
        return ctypes.CDLL(None, use_errno=True)
    except OSError:
        return None


_LIBC = _libc()


def _syscall(name: str, *args: object) -> int:
    """The raw syscall's result, or -errno (ENOSYS where this machine has no number for it)."""
    if _LIBC is None or _ARCH_INDEX is None:
        return -errno.ENOSYS
    result = _LIBC.syscall(ctypes.c_long(_NR[name][_ARCH_INDEX]), *args)
    return result if result >= 0 else -ctypes.get_errno()


def _prctl(option: int, arg2: int = 0, arg3: int = 0) -> bool:
    if _LIBC is None:
        return False
    args = (ctypes.c_ulong(arg2), ctypes.c_ulong(arg3), ctypes.c_ulong(0), ctypes.c_ulong(0))
    return _LIBC.prctl(ctypes.c_int(option), *args) == 0


_PR_SET_PDEATHSIG = 1
_PR_SET_SECCOMP = 22
_PR_SET_NO_NEW_PRIVS = 38

# --------------------------------------------------------------------------- namespaces


_CLONE_NEWIPC = 0x08000000
_CLONE_NEWUSER = 0x10000000
_CLONE_NEWPID = 0x20000000
_CLONE_NEWNET = 0x40000000


def unshare_namespaces() -> bool:
    """New PID, network and IPC namespaces for this process's children; True if it worked.

    As root this needs nothing else. Otherwise a user namespace comes first, and this process's
    own uid and gid are mapped into it (so files it creates keep their owner). Only the children
    forked afterwards live in the new PID namespace: the first one is its init.
    """
    if _LIBC is None:
        return False
    flags = _CLONE_NEWPID | _CLONE_NEWNET | _CLONE_NEWIPC
    uid, gid = os.geteuid(), os.getegid()
    if uid != 0:
        flags |= _CLONE_NEWUSER
    if _LIBC.unshare(ctypes.c_int(flags)) != 0:
        return False
    if uid != 0:
        try:
            _write("/proc/self/setgroups", "deny")
            _write("/proc/self/uid_map", f"{uid} {uid} 1")
            _write("/proc/self/gid_map", f"{gid} {gid} 1")
        except OSError:
            return False
    return True


def _write(path: str, text: str) -> None:
    with open(path, "w", encoding="ascii") as file:
        file.write(text)


# --------------------------------------------------------------------------- process attributes


def parent_death_signal(expected_parent: int | None = None) -> bool:
    """Have the kernel SIGKILL this process when its parent dies; False if the parent is gone."""
    if not _prctl(_PR_SET_PDEATHSIG, 9):
        return False
    return expected_parent is None or os.getppid() == expected_parent


def no_new_privileges() -> bool:
    return _prctl(_PR_SET_NO_NEW_PRIVS, 1)


def reachable_by_nobody(paths: Iterable[str]) -> bool:
    """True if every folder above each path lets others through (so `nobody` can read them)."""
    for path in paths:
        folder = os.path.dirname(os.path.realpath(path))
        while True:
            try:
                if not os.stat(folder).st_mode & 0o001:
                    return False
            except OSError:
                return False
            parent = os.path.dirname(folder)
            if parent == folder:
                break
            folder = parent
    return True


def drop_privileges(to_nobody: bool) -> str:
    """As root, give up root; returns what was done ("nobody", "no capabilities", "" if not root).

    `to_nobody`: become uid/gid 65534 (the parent made the work folder theirs). Otherwise stay
    uid 0 but with no capabilities at all: root's files are still root's, but Landlock confines
    the file system and nothing can be raised back (no CAP_SYS_RESOURCE, CAP_SYS_ADMIN, ...).
    """
    if not LINUX:
        return ""
    if os.geteuid() != 0:  # in a user namespace we hold every capability there: drop them too
        _drop_capabilities()
        return ""
    if to_nobody:
        os.setgroups([])
        os.setresgid(NOBODY, NOBODY, NOBODY)
        os.setresuid(NOBODY, NOBODY, NOBODY)
        return "nobody"
    if not _drop_capabilities():
        raise OSError("capset failed: the sandbox cannot drop root's capabilities")
    return "no capabilities"


def _drop_capabilities() -> bool:
    for capability in range(64):  # the bounding set: nothing can come back, even through exec
        _prctl(24, capability)  # PR_CAPBSET_DROP; fails harmlessly past the last one
    header = struct.pack("Ii", 0x20080522, 0)  # _LINUX_CAPABILITY_VERSION_3, this thread
    data = ctypes.create_string_buffer(24)  # two zeroed {effective, permitted, inheritable}
    return _syscall("capset", ctypes.c_char_p(header), data) == 0


# --------------------------------------------------------------------------- Landlock

_LANDLOCK_CREATE_RULESET_VERSION = 1
_LANDLOCK_RULE_PATH_BENEATH = 1
_FS_EXECUTE = 1 << 0
_FS_WRITE_FILE = 1 << 1
_FS_READ_FILE = 1 << 2
_FS_READ_DIR = 1 << 3
_FS_TRUNCATE = 1 << 14
_FS_IOCTL_DEV = 1 << 15
_FS_FILE_RIGHTS = _FS_EXECUTE | _FS_WRITE_FILE | _FS_READ_FILE | _FS_TRUNCATE | _FS_IOCTL_DEV
# Rights each ABI knows: ABI 1 has bits 0-12 (reading, writing, making and removing things),
# 2 adds REFER (13: moving files between folders), 3 TRUNCATE (14), 5 IOCTL_DEV (15).
_FS_BY_ABI = {1: (1 << 13) - 1, 2: (1 << 14) - 1, 3: (1 << 15) - 1, 5: (1 << 16) - 1}
_NET_TCP = 0b11  # ABI 4: BIND_TCP, CONNECT_TCP
_SCOPES = 0b11  # ABI 6: abstract UNIX sockets and signals outside the sandbox's domain
# Never made in the work folder: character devices, sockets, FIFOs, block devices, symlinks.
_MAKE_SPECIAL = (1 << 6) | (1 << 9) | (1 << 10) | (1 << 11) | (1 << 12)


def landlock_abi() -> int:
    """The Landlock ABI version the kernel offers, 0 if none."""
    version = _syscall(
        "landlock_create_ruleset",
        None,
        ctypes.c_size_t(0),
        ctypes.c_uint32(_LANDLOCK_CREATE_RULESET_VERSION),
    )
    return max(version, 0)


def landlock(
    read: Iterable[str], list_only: Iterable[str], read_write: Iterable[str], devices: Iterable[str]
) -> int:
    """Restrict this process (and all it starts) to these paths; returns the ABI used (0: none).

    `read`: files and folders it may read (not write, not execute); `list_only`: folders whose
    names it may list but whose files it may not read; `read_write`: folders where it may do
    anything but create devices, FIFOs, sockets and symlinks; `devices`: files it may read and
    write (/dev/null). Paths that do not exist are skipped. Raises OSError if the kernel has
    Landlock but refuses the rules (the caller then stops rather than run unconfined).
    """
    abi = landlock_abi()
    if abi < 1:
        return 0
    fs = _FS_BY_ABI[max(k for k in _FS_BY_ABI if k <= abi)]
    attr = struct.pack("QQQ", fs, _NET_TCP if abi >= 4 else 0, _SCOPES if abi >= 6 else 0)
    size = 8 if abi < 4 else 16 if abi < 6 else 24
    ruleset = _syscall(
        "landlock_create_ruleset",
        ctypes.c_char_p(attr[:size]),
        ctypes.c_size_t(size),
        ctypes.c_uint32(0),
    )
    if ruleset < 0:
        raise OSError(-ruleset, f"landlock_create_ruleset: {os.strerror(-ruleset)}")
    reading = _FS_READ_FILE | _FS_READ_DIR
    writing = fs & ~_FS_EXECUTE & ~_MAKE_SPECIAL
    try:
        for paths, rights in (
            (read, reading),
            (list_only, _FS_READ_DIR),
            (read_write, writing),
            (devices, _FS_READ_FILE | _FS_WRITE_FILE),
        ):
            for path in paths:
                _allow(ruleset, path, rights & fs)
        if _syscall("landlock_restrict_self", ctypes.c_int(ruleset), ctypes.c_uint32(0)) != 0:
            raise OSError(ctypes.get_errno(), "landlock_restrict_self failed")
    finally:
        os.close(ruleset)
    return abi


def _allow(ruleset: int, path: str, rights: int) -> None:
    try:
        fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
    except OSError:
        return  # not there: nothing to allow
    try:
        if not os.path.isdir(path):
            rights &= _FS_FILE_RIGHTS
        if not rights:
            return
        rule = struct.pack("=Qi", rights, fd)  # struct landlock_path_beneath_attr (packed)
        done = _syscall(
            "landlock_add_rule",
            ctypes.c_int(ruleset),
            ctypes.c_int(_LANDLOCK_RULE_PATH_BENEATH),
            ctypes.c_char_p(rule),
            ctypes.c_uint32(0),
        )
        if done != 0:
            raise OSError(-done, f"landlock_add_rule {path}: {os.strerror(-done)}")
    finally:
        os.close(fd)


# --------------------------------------------------------------------------- seccomp

_AUDIT_ARCH = {0: 0xC000003E, 1: 0xC00000B7}  # AUDIT_ARCH_X86_64, AUDIT_ARCH_AARCH64
# Refused with EPERM: (x86_64, aarch64); None where the architecture has no such call.
_REFUSED_SYSCALLS = {
    "fork": (57, None),
    "vfork": (58, None),
    "execve": (59, 221),
    "execveat": (322, 281),
    "socket": (41, 198),
    "socketpair": (53, 199),
    "ptrace": (101, 117),
    "process_vm_readv": (310, 270),
    "process_vm_writev": (311, 271),
    "kcmp": (312, 272),
    "unshare": (272, 97),
    "setns": (308, 268),
    "mount": (165, 40),
    "umount2": (166, 39),
    "pivot_root": (155, 41),
    "chroot": (161, 51),
    "setrlimit": (160, 164),
    "open_by_handle_at": (304, 265),
    "name_to_handle_at": (303, 264),
    "keyctl": (250, 219),
    "add_key": (248, 217),
    "request_key": (249, 218),
    "bpf": (321, 280),
    "perf_event_open": (298, 241),
    "userfaultfd": (323, 282),
    "init_module": (175, 105),
    "finit_module": (313, 273),
    "delete_module": (176, 106),
    "kexec_load": (246, 104),
    "io_uring_setup": (425, 425),
    "io_uring_enter": (426, 426),
    "io_uring_register": (427, 427),
    "fsopen": (430, 430),
    "fsmount": (432, 432),
    "open_tree": (428, 428),
    "move_mount": (429, 429),
    "mount_setattr": (442, 442),
}
_NR_CLONE = (56, 220)
_NR_CLONE3 = (435, 435)
_NR_PRLIMIT64 = (302, 261)
_CLONE_THREAD = 0x00010000
_RET_ALLOW = 0x7FFF0000
_RET_KILL = 0x80000000  # SECCOMP_RET_KILL_PROCESS
_RET_EPERM = 0x00050000 | errno.EPERM
_RET_ENOSYS = 0x00050000 | errno.ENOSYS
_LD_W_ABS, _JEQ, _JSET, _JGE, _RET = 0x20, 0x15, 0x45, 0x35, 0x06
_X32_BIT = 0x40000000


def seccomp_available() -> bool:
    return LINUX and _ARCH_INDEX is not None and _LIBC is not None


def seccomp() -> bool:
    """Install the filter (needs no_new_privileges first); False where it cannot be built.

    New threads (clone with CLONE_THREAD) stay allowed: NumPy's BLAS may start some. clone3
    answers ENOSYS, so the C library falls back to clone, whose flags the filter can read.
    prlimit64 may read limits but not set them.
    """
    if not seccomp_available():
        return False
    arch = _ARCH_INDEX
    refused = sorted({nrs[arch] for nrs in _REFUSED_SYSCALLS.values() if nrs[arch] is not None})
    program: list[tuple[int, int, int, int]] = [
        (_LD_W_ABS, 0, 0, 4),  # seccomp_data.arch
        (_JEQ, 1, 0, _AUDIT_ARCH[arch]),
        (_RET, 0, 0, _RET_KILL),
        (_LD_W_ABS, 0, 0, 0),  # seccomp_data.nr
    ]
    if arch == 0:  # x32 system calls share x86_64's arch value, with bit 30 set in nr
        program += [(_JGE, 0, 1, _X32_BIT), (_RET, 0, 0, _RET_KILL)]
    for number in refused:
        program += [(_JEQ, 0, 1, number), (_RET, 0, 0, _RET_EPERM)]
    program += [
        (_JEQ, 0, 1, _NR_CLONE3[arch]),
        (_RET, 0, 0, _RET_ENOSYS),
        (_JEQ, 0, 4, _NR_CLONE[arch]),  # not clone: on to prlimit64
        (_LD_W_ABS, 0, 0, 16),  # args[0] (low half): clone's flags
        (_JSET, 0, 1, _CLONE_THREAD),
        (_RET, 0, 0, _RET_ALLOW),  # a new thread
        (_RET, 0, 0, _RET_EPERM),  # a new process
        (_JEQ, 0, 5, _NR_PRLIMIT64[arch]),  # not prlimit64: allowed
        (_LD_W_ABS, 0, 0, 32),  # args[2]: the new limits (low half), NULL to only read them
        (_JEQ, 0, 2, 0),
        (_LD_W_ABS, 0, 0, 36),  # (high half)
        (_JEQ, 1, 0, 0),
        (_RET, 0, 0, _RET_EPERM),
        (_RET, 0, 0, _RET_ALLOW),
    ]
    raw = b"".join(struct.pack("HBBI", *instruction) for instruction in program)
    filters = ctypes.create_string_buffer(raw)
    fprog = struct.pack("HxxxxxxP", len(program), ctypes.addressof(filters))
    prog = ctypes.create_string_buffer(fprog)
    return _prctl(_PR_SET_SECCOMP, 2, ctypes.addressof(prog))  # SECCOMP_MODE_FILTER


# --------------------------------------------------------------------------- what is there


@functools.cache
def probe() -> dict[str, str]:
    """Each layer and what this system offers for it ("" where it is missing), for the parent.

    Namespaces and seccomp are tried for real, once, in a short-lived child: a container may
    have them in its kernel and still refuse them.
    """
    abi = landlock_abi()
    found = {"landlock": f"ABI {abi}" if abi else "", "seccomp": "", "namespaces": ""}
    if not LINUX or _LIBC is None:
        return found
    child = os.fork()
    if child == 0:  # only system calls here, then _exit: safe even in a threaded parent
        works = 1 if unshare_namespaces() else 0
        if seccomp_available() and no_new_privileges() and seccomp():
            works |= 2
        os._exit(works)
    _, status = os.waitpid(child, 0)
    works = os.WEXITSTATUS(status) if os.WIFEXITED(status) else 0
    if works & 1:
        found["namespaces"] = "pid, net, ipc" + ("" if os.geteuid() == 0 else ", user")
    if works & 2:
        found["seccomp"] = _ARCH
    return found
