"""Where the course content lives, whether tutor runs from a checkout or from an installed wheel.

A wheel carries `lessons/` and `data/` inside the package as `tutor/_content/`; a source checkout
keeps them at the repository's top level. Everything that reads lessons or data asks this module.
"""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _content_dir(name: str) -> Path:
    packaged = _PACKAGE / "_content" / name
    if packaged.is_dir():
        return packaged
    checkout = _PACKAGE.parent / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(
        f"tutor cannot find its {name!r} folder: looked in {packaged} and {checkout}. "
        "Reinstall tutor (pip install .) from a complete checkout."
    )


def lessons_dir() -> Path:
    """The folder that holds one sub-folder per lesson: `$TUTOR_COURSE` (a teacher's own
    course), else the course shipped with tutor."""
    explicit = os.environ.get("TUTOR_COURSE")
    if explicit:
        return Path(explicit).expanduser()
    return _content_dir("lessons")


def data_dir() -> Path:
    """The folder that holds the data sets the lessons train on."""
    return _content_dir("data")


def tutor_home() -> Path:
    """The learner's own folder for progress and logs: `$TUTOR_HOME`, else the XDG data folder."""
    explicit = os.environ.get("TUTOR_HOME")
    if explicit:
        return Path(explicit).expanduser()
    xdg = os.environ.get("XDG_DATA_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".local" / "share"
    return base / "tutor"
