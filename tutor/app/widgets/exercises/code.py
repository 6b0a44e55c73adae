"""`code`: an editor holding the starter file; Ctrl+R runs the hidden cases in the sandbox (in a
thread) and lists every case, what the code printed, and the sandbox's verdict in plain words.
F4 edits the exercise's workspace file in the learner's own editor, F5 runs the code without
grading (`workspace_keys`).

Highlighting needs `tree-sitter` and `tree-sitter-python`; without them the editor shows plain
text (and says nothing alarming)."""

from __future__ import annotations

from functools import cache
from typing import Any, ClassVar

from rich.syntax import Syntax
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Button, Static, TextArea

from tutor.app.base import Safe, localize_bindings
from tutor.app.text import t
from tutor.app.widgets.exercises.base import ExerciseView
from tutor.app.widgets.exercises.workspace_keys import WorkspaceKeys
from tutor.exercises import get_kind


@cache
def python_language() -> str | None:
    """ "python" when tree-sitter can highlight it here, else None (plain text).

    Loading the grammar takes about half a second the first time; the app does it in a thread
    once the course is loaded (`TutorApp.prewarm_editor`), so the first editor opens at once."""
    try:
        from textual._tree_sitter import get_language

        return "python" if get_language("python") is not None else None
    except Exception:
        return None


class CodeEditor(Safe, TextArea):
    """The learner's file. Tab indents, Enter keeps the indentation (one level more after a
    colon), Esc leaves the editor (so that Tab moves on again)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "leave_editor", "Leave editor"),
    ]

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "escape":  # TextArea would move the focus on by itself, bypassing ours
            event.prevent_default()
            event.stop()
            self.action_leave_editor()
            return
        if event.key != "enter" or self.read_only:
            return
        event.prevent_default()
        event.stop()
        start, end = sorted(self.selection)
        line = self.document.get_line(start[0])[: start[1]]
        indent = line[: len(line) - len(line.lstrip())]
        if line.rstrip().endswith(":"):
            indent += " " * self.indent_width
        self.replace("\n" + indent, start, end)

    def action_leave_editor(self) -> None:
        screen = self.screen
        screen.focus_next()
        restore = getattr(screen, "restore_after_editing", None)
        if restore is not None:  # the lesson gives the text back its room
            restore()


class CodeView(WorkspaceKeys, ExerciseView):
    BINDINGS: ClassVar[list[BindingType]] = [
        # not in the footer (it is full at 100 columns): the line under the editor names them
        Binding("f4", "open_editor", "Editor", show=False),
        Binding("f5", "run_code", "Run", show=False),
    ]
    check_label = "run_checks"
    running_label = "running_code"

    def on_mount(self) -> None:
        # after ExerciseView.on_mount has restored the last attempt: the file, if any, wins
        self.call_later(self.load_workspace_file)

    def action_check(self) -> None:
        self.save_workspace_file()
        self.trial = None  # a trial run of older code would only confuse now
        self.show_trial()
        super().action_check()

    def compose_answer(self) -> ComposeResult:
        yield Static(classes="ex-how", markup=False)
        yield CodeEditor.code_editor(
            get_kind("code").starter(self.exercise),
            language=python_language(),
            classes="ex-code",
            tab_behavior="indent",
            soft_wrap=False,
        )
        yield Static(classes="code-keys", markup=False)
        yield Button("", classes="code-reset", compact=True)
        yield Static(classes="code-trial")

    @property
    def editor(self) -> CodeEditor:
        return self.query_one(CodeEditor)

    def apply_answer_language(self, lang: str) -> None:
        localize_bindings(self.editor, lang)
        self.query_one(".ex-how", Static).update(get_kind("code").describe(self.exercise, lang))
        self.query_one(".code-keys", Static).update(t("code_keys", lang))
        self.query_one(".code-reset", Button).label = t("code_reset", lang)
        self.show_trial()

    def answer(self) -> str | None:
        if not self.editor.text.strip():
            self.say("answer_needs_text")
            return None
        self.say(None)
        return self.editor.text

    def restore(self, answer: str) -> None:
        self.editor.load_text(answer)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.has_class("code-reset"):
            event.stop()
            self.editor.load_text(get_kind("code").starter(self.exercise))
            self.notify(t("code_reset_done", self.lang), markup=False)
            return
        super().on_button_pressed(event)

    def render_solution(self, solution: str) -> Any:
        dark = self.app.current_theme.dark
        return Syntax(
            solution.strip("\n"),
            "python",
            theme="ansi_dark" if dark else "ansi_light",
            background_color="default",
        )
