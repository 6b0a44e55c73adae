"""What the child may read, list and write (parent side): the paths `confine.landlock` allows.

Read-only: Python's standard library, every entry of site-packages except the tutor's own
package, NumPy wherever it is, the system's shared libraries (an extension imported late may
load one), and of the tutor only what a learner may import: `tutor/__init__.py`, `tutor/paths.py`,
`tutor/engine/`, `tutor/datasets/` and the data sets. Listed but not read: the folders on the
import path that hold the tutor's package (site-packages in a wheel, the checkout in
development), so that Python can find `tutor` there. Everything else (the lessons and their
solutions, the checkers, the sandbox's own code, the progress database, the home folder, /proc
and /etc) is neither. The work folder is the only place it may write.
"""

from __future__ import annotations

import os
import sys
import sysconfig
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

import numpy

from . import confine

_PACKAGE = Path(__file__).resolve().parents[1]
_TUTOR_PIECES = ("__init__.py", "paths.py", "engine", "datasets")
_SYSTEM_LIBRARIES = ("/lib", "/lib64", "/usr/lib", "/usr/lib64", "/etc/ld.so.cache")
DEVICES = ("/dev/null", "/dev/zero", "/dev/urandom")


@cache
def walls() -> dict[str, Any]:
    """The job's "walls": read and list paths, devices, which layers the parent counts on."""
    read: set[str] = set()
    listing: set[str] = {str(_PACKAGE)}
    prefixes = {os.path.realpath(p) for p in (sys.prefix, sys.base_prefix, sys.exec_prefix)}
    for entry in _import_folders():
        holds_tutor = os.path.lexists(os.path.join(entry, _PACKAGE.name))
        if not holds_tutor:
            read.add(entry)
            continue
        listing.add(entry)
        if any(entry.startswith(prefix + os.sep) for prefix in prefixes):  # site-packages
            read.update(_children_except(entry, _PACKAGE.name))
    read.update(str(_PACKAGE / piece) for piece in _TUTOR_PIECES)
    read.update(_data_folder())
    read.update(path for path in _SYSTEM_LIBRARIES if os.path.exists(path))
    found = confine.probe()
    reachable = confine.reachable_by_nobody([*read, *listing, tempfile.gettempdir() + "/x"])
    return {
        "read": sorted(read),
        "list": sorted(listing - read),
        "devices": list(DEVICES),
        "landlock": bool(found["landlock"]),
        "nobody": confine.LINUX and os.geteuid() == 0 and reachable,
    }


def missing_layers() -> list[str]:
    """One line per wall this system lacks (empty when all are there)."""
    found = confine.probe()
    notes = {
        "landlock": "no Landlock (Linux 5.13+): the audit hook alone keeps files out of reach",
        "seccomp": "no seccomp filter here: processes and sockets are refused only by Python",
        "namespaces": "no PID/network namespaces: leftover processes are killed by group only",
    }
    return [notes[layer] for layer, what in found.items() if not what]


def _import_folders() -> list[str]:
    paths = sysconfig.get_paths()
    entries = [paths[name] for name in ("stdlib", "platstdlib", "purelib", "platlib")]
    prefixes = tuple(os.path.realpath(p) + os.sep for p in (sys.prefix, sys.base_prefix))
    entries += [p for p in sys.path if p and os.path.realpath(p).startswith(prefixes)]
    entries += [str(_PACKAGE.parent), str(Path(numpy.__file__).resolve().parents[1])]
    real = {os.path.realpath(entry) for entry in entries}
    return sorted(entry for entry in real if os.path.isdir(entry))


def _children_except(folder: str, name: str) -> list[str]:
    try:
        return [os.path.join(folder, child) for child in os.listdir(folder) if child != name]
    except OSError:
        return []


def _data_folder() -> list[str]:
    try:
        from tutor.paths import data_dir

        return [str(data_dir().resolve())]
    except (ImportError, FileNotFoundError):
        return []
