"""Help: every key of every screen, read from the bindings themselves (so it cannot go stale),
in the learner's language, plus the few keys that are not bindings (Enter, Tab, Space)."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, ClassVar

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from tutor.app.base import Safe, follow_language, key_text
from tutor.app.marks import tone
from tutor.app.text import has, t

if TYPE_CHECKING:
    from tutor.app.app import TutorApp

KEY_NAMES = {
    "escape": "Esc",
    "enter": "Enter",
    "space": "Space",
    "tab": "Tab",
    "question_mark": "?",
    "up": "↑",
    "down": "↓",
    "left": "←",
    "right": "→",
    "plus": "+",
    "minus": "-",
}

# Keys that are not bindings of ours but that a learner needs to know (texts in tutor.app.text).
EXTRA: dict[str, list[tuple[str, str]]] = {
    "help_everywhere": [("ctrl+p", "help.palette"), ("tab", "help.tab")],
    "help_course_map": [("enter", "help.open_lesson")],
    "help_exercise": [("enter", "help.enter_checks"), ("space", "help.pick")],
    "help_weights": [("up", "help.nudge_up"), ("down", "help.nudge_down")],
    "help_code": [("tab", "help.indent"), ("enter", "help.enter_indents")],
}


def help_text(action: str, lang: str) -> str | None:
    """What a key does, in a few words: `help.<action>`, else the footer's `key.<action>`."""
    name = action.split(".")[-1].split("(")[0]
    return t(f"help.{name}", lang) if has(f"help.{name}") else key_text(action, lang)


def key_name(key: str) -> str:
    """ "ctrl+r" → "Ctrl+R", "f1" → "F1", "escape" → "Esc"."""
    parts = []
    for part in key.split(",")[0].split("+"):
        if part in KEY_NAMES:
            parts.append(KEY_NAMES[part])
        elif len(part) == 1:
            parts.append(part.upper() if len(key) > 1 else part)
        else:
            parts.append(part.capitalize() if part in ("ctrl", "shift", "alt") else part.upper())
    return "+".join(parts)


def sections() -> list[tuple[str, list[BindingType]]]:
    """(section title key, bindings) for every part of the app, lab and playground included."""
    from tutor.app.app import TutorApp
    from tutor.app.screens.course_map import CourseMapScreen
    from tutor.app.screens.gradebook import GradebookScreen
    from tutor.app.screens.lesson import LessonScreen
    from tutor.app.widgets.exercises.base import ExerciseView
    from tutor.app.widgets.exercises.code import CodeEditor

    found: list[tuple[str, list[BindingType]]] = [
        ("help_everywhere", list(TutorApp.BINDINGS)),
        ("help_course_map", list(CourseMapScreen.BINDINGS)),
        ("help_lesson", list(LessonScreen.BINDINGS)),
        ("help_exercise", list(ExerciseView.BINDINGS)),
        ("help_weights", []),
        ("help_code", list(CodeEditor.BINDINGS)),
        ("help_gradebook", list(GradebookScreen.BINDINGS)),
    ]
    for module, name, title in (
        ("tutor.app.screens.lab", "LabScreen", "lab"),
        ("tutor.app.screens.playground", "PlaygroundScreen", "playground"),
    ):
        try:
            screen = getattr(importlib.import_module(module), name)
        except (ImportError, AttributeError):
            continue
        found.append((title, list(getattr(screen, "BINDINGS", []))))
    return found


class HelpScreen(Safe, Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close"),
        Binding("f1", "close", "Close", show=False),
    ]

    @property
    def tutor(self) -> TutorApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Header(icon="◆")
        with VerticalScroll(id="help-body"):
            yield Static(id="help-text")
        yield Footer()

    def on_mount(self) -> None:
        follow_language(self, self.apply_language)
        self.query_one("#help-body").focus()

    def apply_language(self, lang: str) -> None:
        self.sub_title = t("help_title", lang)
        parts: list[RenderableType] = [Text(t("help_intro", lang)), Text("")]
        for title, bindings in sections():
            parts.append(Text(t(title, lang), style=tone(self.app, "accent", bold=True)))
            table = Table(box=None, padding=(0, 2), show_header=False, show_edge=False)
            table.add_column(no_wrap=True, min_width=12)
            table.add_column()
            seen: set[str] = set()
            rows = [Binding.make_bindings([b]) for b in bindings]
            for made in rows:
                for binding in made:
                    if binding.key in seen or binding.system:
                        continue
                    seen.add(binding.key)
                    words = help_text(binding.action, lang) or binding.description or binding.action
                    table.add_row(Text(key_name(binding.key), style="bold"), Text(words))
            for key, message in EXTRA.get(title, []):
                table.add_row(Text(key_name(key), style="bold"), Text(t(message, lang)))
            parts += [table, Text("")]
        self.query_one("#help-text", Static).update(Group(*parts))

    def action_close(self) -> None:
        self.app.pop_screen()
