"""What the child may read, list and write (parent side): the paths `_confine().landlock` allows.

Read-only: Python's standard library, everything in site-packages except any copy of the tutor's
package (an editable install leaves one there that holds the lessons), NumPy wherever it is, the
system's shared libraries (an extension imported late may load one), and of the tutor only what
a learner may import: `tutor/__init__.py`, `tutor/paths.py`, `tutor/engine/`, `tutor/datasets/`
and the data sets. Listed but not read: the folders on the way to the hidden ones (site-packages,
a source checkout), so that Python can find `tutor` there; names in them can be listed.
Everything else (the lessons and their solutions, the checkers, the sandbox's own code, the
progress database, the home folder, /proc and /etc) is neither. The work folder is the only
place it may write.
"""

from __future__ import annotations

import os
import sys
import sysconfig
from functools import cache
from pathlib import Path
from typing import Any

import numpy

_PACKAGE = Path(__file__).resolve().parents[1]
_TUTOR_PIECES = ("__init__.py", "paths.py", "engine", "datasets")
_SYSTEM_LIBRARIES = ("/lib", "/lib64", "/usr/lib", "/usr/lib64", "/etc/ld.so.cache")
DEVICES = ("/dev/null", "/dev/zero", "/dev/urandom")


@cache
def walls() -> dict[str, Any]:
    """The job's "walls": read and list paths, devices, which layers the parent counts on."""
    prefixes = tuple(os.path.realpath(p) + os.sep for p in (sys.prefix, sys.base_prefix))
    read, listing = paths_for(_PACKAGE, _import_folders(), prefixes, _lessons_folder())
    read.update(_data_folder())
    read.update(path for path in _SYSTEM_LIBRARIES if os.path.exists(path))
    return {
        "read": sorted(read),
        "list": sorted(listing - read),
        "devices": list(DEVICES),
        "landlock": _confine().landlock_abi() > 0,
        "nobody": _nobody_can_run(read),
    }


def paths_for(
    package: Path, folders: list[str], prefixes: tuple[str, ...], lessons: list[str]
) -> tuple[set[str], set[str]]:
    """(read, list-only) paths for the tutor `package` and the import path's `folders`.

    Folders under `prefixes` (Python's own: the standard library, site-packages) are read
    whole except any copy of the package and the lessons; other folders that hold the package
    (a source checkout) are only listed; the rest is read whole.
    """
    read: set[str] = set()
    listing: set[str] = {str(package)}
    # Any copy of the tutor's package on the import path (an editable install leaves one in
    # site-packages holding the lessons), and the lessons wherever they are.
    hidden = {str(package), *lessons}
    hidden.update(os.path.join(entry, package.name) for entry in folders)
    hidden = {os.path.realpath(path) for path in hidden if os.path.lexists(path)}
    for entry in folders:
        if entry.startswith(prefixes):
            _allow_around(entry, hidden, read, listing)
        elif any(_within(path, entry) for path in hidden):
            listing.add(entry)  # a checkout: only its names, so that `import tutor` finds it
        else:
            read.add(entry)
    read.update(str(package / piece) for piece in _TUTOR_PIECES)
    return read, listing


def _nobody_can_run(read: set[str]) -> bool:
    """As root, whether uid nobody could still run Python, NumPy and the engine: every folder on
    the way is open to others, and so are a few files that stand for the rest (a umask of 077
    at install time would close them)."""
    confine = _confine()
    if not confine.LINUX or os.geteuid() != 0 or not confine.reachable_by_nobody(read):
        return False
    samples = [os.__file__, numpy.__file__, str(_PACKAGE / "engine" / "__init__.py")]
    try:
        return all(os.stat(path).st_mode & 0o004 for path in samples)
    except OSError:
        return False


def for_workdir(workdir: str) -> dict[str, Any]:
    """The walls for one run: as root, become nobody only if nobody can reach this folder too."""
    rules = walls()
    if rules["nobody"] and not _confine().reachable_by_nobody([workdir]):  # (it becomes theirs)
        return {**rules, "nobody": False}
    return rules


def missing_layers() -> list[dict[str, str]]:
    """One note (Korean and English) per wall this system lacks; empty when all are there."""
    found = _confine().probe()
    notes = {
        "landlock": {
            "ko": "Landlock 없음 (Linux 5.13 이상 필요): 파일은 감사 훅만 막아요",
            "en": "no Landlock (Linux 5.13+): the audit hook alone keeps files out of reach",
        },
        "seccomp": {
            "ko": "seccomp 필터 없음: 프로세스와 소켓은 Python 안에서만 막혀요",
            "en": "no seccomp filter here: processes and sockets are refused only by Python",
        },
        "namespaces": {
            "ko": "PID/네트워크 네임스페이스 없음: 남은 프로세스는 그룹 단위로만 정리돼요",
            "en": "no PID/network namespaces: leftover processes are killed by group only",
        },
    }
    return [notes[layer] for layer, what in found.items() if not what]


def _confine():  # type: ignore[no-untyped-def]
    """confine.py, imported only when a run needs it (ctypes costs start-up time)."""
    from . import confine

    return confine


def _import_folders() -> list[str]:
    paths = sysconfig.get_paths()
    entries = [paths[name] for name in ("stdlib", "platstdlib", "purelib", "platlib")]
    prefixes = tuple(os.path.realpath(p) + os.sep for p in (sys.prefix, sys.base_prefix))
    entries += [p for p in sys.path if p and os.path.realpath(p).startswith(prefixes)]
    entries += [str(_PACKAGE.parent), str(Path(numpy.__file__).resolve().parents[1])]
    real = {os.path.realpath(entry) for entry in entries}
    return sorted(entry for entry in real if os.path.isdir(entry))


def _within(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder + os.sep)


def _allow_around(folder: str, hidden: set[str], read: set[str], listing: set[str]) -> None:
    """Read all of `folder` but the hidden paths in it: list the folders on the way to them."""
    if folder in hidden:
        return
    if not any(_within(path, folder) for path in hidden):
        read.add(folder)
        return
    listing.add(folder)
    try:
        children = os.listdir(folder)
    except OSError:
        return
    for child in children:
        _allow_around(os.path.join(folder, child), hidden, read, listing)


def _lessons_folder() -> list[str]:
    try:
        from tutor.paths import lessons_dir

        return [str(lessons_dir())]
    except (ImportError, FileNotFoundError):
        return []


def _data_folder() -> list[str]:
    try:
        from tutor.paths import data_dir

        return [str(data_dir().resolve())]
    except (ImportError, FileNotFoundError):
        return []
