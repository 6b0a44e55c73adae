"""The Textual app: screens, widgets and the training runs behind them.

    from tutor.app import run_app
    run_app("ko")        # or None: the language the learner chose last, else the locale's

Importing this package is cheap; Textual loads only when the app starts.
"""

from __future__ import annotations

import sys


def run_app(lang: str | None = None) -> int:
    """Open the progress store and run the app; the exit code for the shell.

    `lang` is an explicit choice (`tutor --lang en`); None means the language the learner picked
    last in the app, else the locale's. A progress file that cannot be opened ends with one
    clear line on stderr (exit 2), never a traceback.
    """
    from tutor.i18n import default_lang, pick
    from tutor.progress import ProgressError, open_store

    try:
        store = open_store()
    except ProgressError as error:
        print(f"tutor: {pick(error.message, lang or default_lang())}", file=sys.stderr)
        return 2
    with store:
        from tutor.app.app import TutorApp

        app = TutorApp(store, lang=chosen_language(lang, store.ui.language))
        code = app.run()
    return code if isinstance(code, int) else (app.return_code or 0)


def chosen_language(explicit: str | None, remembered: str | None) -> str:
    """`tutor --lang` wins; then the language picked last in the app; then the locale's."""
    from tutor.i18n import LANGS, default_lang

    for lang in (explicit, remembered):
        if lang in LANGS:
            return lang
    return default_lang()


__all__ = ["chosen_language", "run_app"]
