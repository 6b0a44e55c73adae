"""What the training lab and the playground share: following the app's language, the Stop and
Stop/back keys, and thread workers whose failures end in one line for the learner and a full
traceback in the log (`tutor.logbook`), never on screen.

A screen built on `TrainingScreen` writes its words in `apply_language` (called on mount and at
every language switch), stops its run in `action_stop`, and runs its thread through `guarded`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import ClassVar

from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static
from textual.worker import get_current_worker

from tutor.app.base import Safe, follow_language


def format_seconds(seconds: float | None) -> str:
    """0:07, 2:05, 1:02:03; "–" when unknown."""
    if seconds is None or seconds != seconds or seconds < 0:
        return "–"
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02}:{secs:02}" if hours else f"{minutes}:{secs:02}"


class TrainingScreen(Safe, Screen[None]):
    """Base of the lab and the playground. Reads the language from `app.lang`."""

    STATUS: ClassVar[str] = "#status"
    """The Static that shows the run's state (and errors, in the error colour)."""

    def __init__(self, *, name: str | None = None, id: str | None = None) -> None:
        super().__init__(name=name, id=id)
        self.lang = "ko"
        self.running = False
        self.stop_event = threading.Event()

    @property
    def app_lang(self) -> str:
        lang = getattr(self.app, "lang", "ko")
        return lang if lang in ("ko", "en") else "ko"

    def on_mount(self) -> None:
        self.lang = self.app_lang
        follow_language(self, self.set_language)  # calls set_language now, and at every switch
        self.after_mount()

    def after_mount(self) -> None:
        """What the screen does once its widgets are there and in the right language."""

    def set_language(self, lang: str) -> None:
        self.lang = lang if lang in ("ko", "en") else "ko"
        self.apply_language()

    def apply_language(self) -> None:
        """Write every label, title and message in `self.lang`."""
        raise NotImplementedError

    # ---- keys -------------------------------------------------------------------------------

    def action_stop(self) -> None:
        raise NotImplementedError

    def action_stop_or_back(self) -> None:
        """Escape: stop the run if one is going, else go back to the screen below."""
        if self.running:
            self.action_stop()
        elif len(self.app.screen_stack) > 1:
            self.app.pop_screen()

    # ---- thread workers ---------------------------------------------------------------------

    @staticmethod
    def stopper(stop: threading.Event) -> Callable[[], bool]:
        """`should_stop` for the current thread worker: its run's Stop, or a cancelled worker."""
        worker = get_current_worker()
        return lambda: stop.is_set() or worker.is_cancelled

    def guarded(
        self, what: str, body: Callable[[], None], failed: Callable[[str], Message]
    ) -> None:
        """Run a worker's `body`; if it raises, log the traceback and post `failed(one line)`."""
        try:
            body()
        except Exception as error:
            from tutor.logbook import log_exception

            log_exception(f"{type(self).__name__}: {what}", error)
            self.post_message(failed(str(error) or type(error).__name__))

    # ---- drawing ----------------------------------------------------------------------------

    def set_status(self, text: str, error: bool = False) -> None:
        status = self.query_one(self.STATUS, Static)
        status.update(text)
        status.set_class(error, "-error")
