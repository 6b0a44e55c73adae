"""Typed access to what the app remembers between sessions, kept in the store's `state` table.

Every value is JSON under a `ui.` key. A value of the wrong type (say, a hand-edited file) reads
as the default rather than crashing the app.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from pathlib import Path

    from tutor.progress.store import ProgressStore

T = TypeVar("T")

LAST_LESSON = "ui.last_lesson"
OPEN_EXERCISE = "ui.open_exercise"
LANGUAGE = "ui.language"
WELCOME_SHOWN = "ui.welcome_shown"
READING_POSITION = "ui.reading_position."  # + lesson id


def saved_language(path: Path | None = None) -> str | None:
    """The language the learner chose in the app, read without opening the store for writing
    (for the CLI, which must not create or upgrade anything just to pick a language)."""
    from tutor.progress.store import peek_state

    value = peek_state(LANGUAGE, path)
    return value if isinstance(value, str) else None


class UiState:
    """`store.ui`: the last lesson, reading positions, the open exercise, language, welcome."""

    def __init__(self, store: ProgressStore) -> None:
        self._store = store

    def _get(self, key: str, kind: type[T], default: T) -> T:
        value: Any = self._store.get_state(key)
        if isinstance(value, kind) and not (kind is int and isinstance(value, bool)):
            return value
        return default

    def _set_text(self, key: str, value: str | None) -> None:
        if value is not None and not isinstance(value, str):
            raise ValueError(f"{key} must be a str or None; got {value!r}")
        self._store.set_state(key, value)

    @property
    def last_lesson(self) -> str | None:
        """The lesson the learner had open last (its id)."""
        return self._get(LAST_LESSON, str, None)

    @last_lesson.setter
    def last_lesson(self, lesson_id: str | None) -> None:
        self._set_text(LAST_LESSON, lesson_id)

    @property
    def open_exercise(self) -> str | None:
        """The exercise that was open when the app closed (its id), if any."""
        return self._get(OPEN_EXERCISE, str, None)

    @open_exercise.setter
    def open_exercise(self, exercise_id: str | None) -> None:
        self._set_text(OPEN_EXERCISE, exercise_id)

    @property
    def language(self) -> str | None:
        """The language the learner chose ("ko" or "en"); None if never chosen."""
        return self._get(LANGUAGE, str, None)

    @language.setter
    def language(self, lang: str | None) -> None:
        self._set_text(LANGUAGE, lang)

    @property
    def welcome_shown(self) -> bool:
        return self._get(WELCOME_SHOWN, bool, False)

    @welcome_shown.setter
    def welcome_shown(self, shown: bool) -> None:
        if not isinstance(shown, bool):
            raise ValueError(f"welcome_shown must be True or False; got {shown!r}")
        self._store.set_state(WELCOME_SHOWN, shown)

    def reading_position(self, lesson_id: str) -> int:
        """Where the learner stopped reading `lesson_id` (a step or line index); 0 if unknown."""
        return self._get(READING_POSITION + lesson_id, int, 0)

    def set_reading_position(self, lesson_id: str, position: int) -> None:
        if isinstance(position, bool) or not isinstance(position, int) or position < 0:
            raise ValueError(f"a reading position must be an int >= 0; got {position!r}")
        self._store.set_state(READING_POSITION + lesson_id, position)
