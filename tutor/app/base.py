"""What every screen and widget of the app shares: handlers that cannot take the app down, and
text (the footer's key descriptions included) in the learner's language.

Textual stops a node's message loop and exits the app when one of its handlers raises. `Safe`
catches the exception first, writes it to the log (`tutor.logbook`) and shows a short apology
with the log's path; the learner carries on, and progress is safe because every record is
committed when it is made.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from textual.dom import DOMNode
from textual.message import Message

from tutor.app.text import MESSAGES, t

if TYPE_CHECKING:
    from textual.app import App


def report_error(app: App[Any], context: str, error: BaseException) -> None:
    """Log `error` and tell the learner, briefly, where the log is. Never raises."""
    from tutor.logbook import log_exception

    path = log_exception(context, error)
    errors = getattr(app, "errors_reported", None)
    if isinstance(errors, list):
        errors.append((context, error))
    try:
        lang = getattr(app, "lang", "ko")
        app.notify(
            t("app_error", lang, error=type(error).__name__, log=path),
            severity="error",
            timeout=12,
            markup=False,
        )
    except Exception:  # the app may be shutting down: the log has it anyway
        pass


class Safe:
    """Mixin for the app's screens and widgets (put it first among the bases)."""

    async def _dispatch_message(self, message: Message) -> None:
        try:
            await super()._dispatch_message(message)  # type: ignore[misc]
        except asyncio.CancelledError:
            raise
        except Exception as error:
            node: Any = self
            report_error(node.app, f"{type(self).__name__} on {type(message).__name__}", error)


def key_text(action: str, lang: str) -> str | None:
    """The description of a key's action (`key.<action>` in the app's messages), if any."""
    name = action.split(".")[-1].split("(")[0]
    key = f"key.{name}"
    return t(key, lang) if key in MESSAGES else None


def localize_bindings(node: DOMNode, lang: str, refresh: bool = True) -> None:
    """Rewrite the descriptions of `node`'s key bindings in `lang` (the footer reads them).

    The footer is rebuilt only if a description actually changed: rebuilding it is costly. Call
    it with `refresh=False` before the node is mounted (in `__init__` or `compose`), so that the
    footer is built once, in the right language, at start-up."""
    bindings = node._bindings.key_to_bindings
    changed = False
    for key, listed in bindings.items():
        updated = []
        for binding in listed:
            text = key_text(binding.action, lang)
            if text is not None and text != binding.description:
                binding = replace(binding, description=text)
                changed = True
            updated.append(binding)
        bindings[key] = updated
    if changed and refresh:
        node.refresh_bindings()


def follow_language(node: DOMNode, callback: Callable[[str], None] | None = None) -> None:
    """Call `callback(lang)` now and whenever the app's language changes, after translating
    `node`'s key descriptions. Call it from `on_mount`."""

    def changed(lang: str) -> None:
        try:
            localize_bindings(node, lang)
            if callback is not None:
                callback(lang)
        except Exception as error:
            report_error(node.app, f"{type(node).__name__} switching language", error)

    node.watch(node.app, "lang", changed, init=True)
