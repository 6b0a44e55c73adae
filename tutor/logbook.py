"""The tutor's own log file, where unexpected internal errors go instead of onto the screen."""

from __future__ import annotations

import datetime as _dt
import traceback
from pathlib import Path

from tutor.paths import tutor_home


def log_path() -> Path:
    return tutor_home() / "tutor.log"


def log_exception(context: str, error: BaseException) -> Path:
    """Append `error` and its traceback to the log; return the log's path (to tell the learner)."""
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        stamp = _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")
        with path.open("a", encoding="utf-8") as log:
            log.write(f"--- {stamp} {context}\n")
            log.write("".join(traceback.format_exception(error)))
    except OSError:
        pass  # a log we cannot write must not turn one error into two
    return path
