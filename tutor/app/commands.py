"""The command palette (Ctrl+P): one entry per screen and one per lesson, in the learner's
language ("Jump to lesson 02. …" / "레슨으로 이동: 02. …")."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from textual.command import DiscoveryHit, Hit, Hits, Provider

from tutor.app.text import t
from tutor.i18n import pick

if TYPE_CHECKING:
    from tutor.app.app import TutorApp

Command = tuple[str, str, Callable[[], Any]]  # text shown, help line, what it does


def commands(app: TutorApp) -> list[Command]:
    """Everything the palette offers, in the current language."""
    lang = app.lang
    screens = [
        ("map_title", "action_course_map"),
        ("grades_title", "action_gradebook"),
        ("help_title", "action_help"),
        ("lab", "action_open_lab"),
        ("playground", "action_open_playground"),
    ]
    found: list[Command] = [
        (t("cmd_open", lang, screen=t(key, lang)), "", getattr(app, action))
        for key, action in screens
    ]
    found.append((t("cmd_language", lang), "", app.action_toggle_language))
    course = app.course
    if course is not None:
        for lesson in course.lessons:
            if not lesson.available:
                continue
            found.append(
                (
                    t("cmd_jump", lang, lesson=lesson.display_title(lang)),
                    pick(lesson.summary, lang)[:120],
                    partial(app.open_lesson, lesson.id),
                )
            )
    return found


class TutorCommands(Provider):
    """Screens and lessons for the command palette."""

    @property
    def tutor(self) -> TutorApp:
        return self.app  # type: ignore[return-value]

    async def discover(self) -> Hits:
        for text, help_text, run in commands(self.tutor):
            yield DiscoveryHit(text, run, help=help_text or None)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, help_text, run in commands(self.tutor):
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), run, help=help_text or None)
