"""A code exercise's two extra keys, and its file in the learner's workspace.

F4 opens the exercise's file (`tutor.workspace`) in `$VISUAL`/`$EDITOR`: the app suspends, the
editor has the terminal, and on return the file's text comes into the editor here and is checked.
F5 runs the code on the exercise's cases without grading (`tutor.grading.try_out`) and shows what
it returned and printed. The editor here and the file keep the same text: the file, when there is
one, is read when the exercise opens and written when the learner checks; a file changed on both
sides is never overwritten without asking (`FileConflict`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from tutor.app.base import Safe
from tutor.app.marks import tone
from tutor.app.messages import TrialReady
from tutor.app.text import t
from tutor.i18n import Text as Bilingual
from tutor.i18n import pick

if TYPE_CHECKING:
    from pathlib import Path

    from textual.widgets import TextArea

    from tutor.course import Exercise
    from tutor.exercises import Trial


class FileConflict(Safe, ModalScreen[str]):
    """The file and the editor here both changed: which one to keep? Dismisses with "file",
    "here" or "cancel"."""

    DEFAULT_CSS = """
    FileConflict { align: center middle; }
    FileConflict > Vertical {
        width: 72; max-width: 95%; height: auto; padding: 1 2;
        border: thick $warning; background: $surface;
    }
    FileConflict Horizontal { height: auto; margin-top: 1; }
    FileConflict Button { margin-right: 1; }
    """
    BINDINGS: ClassVar[list[Any]] = [("escape", "dismiss('cancel')", "Cancel")]

    def __init__(self, path: Path, lang: str) -> None:
        super().__init__()
        self.path = path
        self.lang = lang

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(t("file_conflict", self.lang, path=self.path), markup=False)
            with Horizontal():
                yield Button(t("file_conflict_file", self.lang), id="file", variant="primary")
                yield Button(t("file_conflict_here", self.lang), id="here")
                yield Button(t("file_conflict_cancel", self.lang), id="cancel")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id or "cancel")


class WorkspaceKeys:
    """Mixin for the code exercise's view: `action_open_editor` (F4) and `action_run_code` (F5).

    The view provides `exercise`, `editor` (a TextArea), `lang`, `say`, `say_text`, `notify`
    and `action_check`, and composes a `Static(classes="code-trial")`."""

    exercise: Exercise
    lang: str
    file_seen: str | None = None  # the file's text as the app last read or wrote it
    trial: Trial | None = None

    @property
    def editor(self) -> TextArea:
        raise NotImplementedError  # the view's own editor

    # --- the file --------------------------------------------------------------------------------

    @property
    def workspace_file(self) -> Path:
        from tutor.workspace import exercise_file

        return exercise_file(self.exercise)

    def load_workspace_file(self) -> None:
        """If the exercise has a file already (from `tutor watch`, say), the editor shows it."""
        from tutor.workspace import WorkspaceError, read_answer

        path = self.workspace_file
        if not path.exists():
            return
        try:
            text = read_answer(path)
        except WorkspaceError as error:
            self.say_text(error.text)  # type: ignore[attr-defined]
            return
        self.file_seen = text
        if text != self.editor.text:
            self.editor.load_text(text)

    def save_workspace_file(self) -> None:
        """Write the editor's text into the exercise's file, if it has one (and only if the
        file still holds what the app last saw: otherwise say so and leave it)."""
        from tutor.workspace import WorkspaceError, save_over

        path = self.workspace_file
        text = self.editor.text
        if not path.exists() or text == self.file_seen:
            return
        try:
            save_over(path, text, self.file_seen)
        except WorkspaceError as error:
            self.notify(pick(error.text, self.lang), severity="warning", markup=False)  # type: ignore[attr-defined]
            return
        self.file_seen = text

    # --- F4: the learner's own editor ------------------------------------------------------------

    def action_open_editor(self) -> None:
        from tutor.workspace import WorkspaceError, read_answer, save_over

        path = self.workspace_file
        text = self.editor.text
        try:
            if not path.exists():
                save_over(path, text, None)
                self.file_seen = text
            else:
                current = read_answer(path)
                if current != text:
                    if current == self.file_seen:  # only the editor here changed
                        save_over(path, text, current)
                        self.file_seen = text
                    else:
                        self.app.push_screen(  # type: ignore[attr-defined]
                            FileConflict(path, self.lang),
                            lambda choice: self._resolve(choice, path, current),
                        )
                        return
                self.file_seen = read_answer(path)
        except WorkspaceError as error:
            self._tell(error.text)
            return
        self._edit(path)

    def _resolve(self, choice: str | None, path: Path, current: str) -> None:
        from tutor.workspace import WorkspaceError, save_over

        if choice == "file":
            self.editor.load_text(current)
            self.file_seen = current
        elif choice == "here":
            try:
                save_over(path, self.editor.text, current)
            except WorkspaceError as error:
                self._tell(error.text)
                return
            self.file_seen = self.editor.text
        else:
            return
        self._edit(path)

    def _edit(self, path: Path) -> None:
        """Run the editor (the app suspended), then take the file's text and check it."""
        from textual.app import SuspendNotSupported

        from tutor.workspace import WorkspaceError, read_answer
        from tutor.workspace.editor import open_in_editor

        def edit() -> WorkspaceError | None:
            try:
                open_in_editor(path)
            except WorkspaceError as error:  # caught here: App.suspend would not resume
                return error
            return None

        before = self.file_seen
        try:
            with self.app.suspend():  # type: ignore[attr-defined]
                failed = edit()
        except SuspendNotSupported:  # no terminal to lend (headless, the web)
            failed = edit()
        try:
            if failed is not None:
                raise failed
            text = read_answer(path)
        except WorkspaceError as error:
            self._tell(error.text)
            return
        self.file_seen = text
        if text == before:
            self.notify(t("editor_unchanged", self.lang), markup=False)  # type: ignore[attr-defined]
            return
        self.editor.load_text(text)
        self.action_check()  # type: ignore[attr-defined]

    def _tell(self, text: Bilingual) -> None:
        self.notify(pick(text, self.lang), severity="error", timeout=15, markup=False)  # type: ignore[attr-defined]

    # --- F5: run without grading ---------------------------------------------------------------

    def action_run_code(self) -> None:
        answer = self.editor.text
        if not answer.strip():
            self.say("answer_needs_text")  # type: ignore[attr-defined]
            return
        self.say("running_trial")  # type: ignore[attr-defined]
        self.run_trial(answer)

    @work(thread=True, exclusive=True, group="trial")
    def run_trial(self, answer: str) -> None:
        from tutor.grading import try_out

        trial = try_out(self.exercise, answer)
        if trial is not None:
            self.post_message(TrialReady(self.exercise.id, trial))  # type: ignore[attr-defined]

    def on_trial_ready(self, message: TrialReady) -> None:
        message.stop()
        self.say(None)  # type: ignore[attr-defined]
        self.trial = message.trial
        self.show_trial()
        self.call_after_refresh(self._reveal, ".code-trial")  # type: ignore[attr-defined]

    def show_trial(self) -> None:
        box = self.query_one(".code-trial", Static)  # type: ignore[attr-defined]
        if self.trial is None:
            box.display = False
            return
        box.display = True
        box.update(trial_view(self, self.trial, self.lang))


def trial_view(node: Any, trial: Trial, lang: str) -> RenderableType:
    """What a trial run returned, call by call, and what the code printed."""
    ok = trial.status == "ok" and all(call.ok for call in trial.calls)
    parts: list[RenderableType] = [
        Text(t("trial_title", lang), style=tone(node.app, "accent", bold=True)),
        Text(pick(trial.message, lang), style="" if ok else tone(node.app, "error")),
    ]
    if trial.calls:
        table = Table(box=None, padding=(0, 1), show_edge=False, expand=True)
        table.add_column(t("trial_call", lang), no_wrap=True, overflow="ellipsis", ratio=2)
        table.add_column(t("trial_returned", lang), overflow="fold", ratio=3)
        for call in trial.calls:
            style = "" if call.ok else tone(node.app, "error")
            table.add_row(Text(" ".join(call.call.split())), Text(call.result, style=style))
        parts.append(table)
    if trial.output.strip():
        parts.append(
            Panel(
                Text(trial.output.rstrip("\n")),
                title=t("output_title", lang),
                title_align="left",
                border_style=tone(node.app, "accent"),
            )
        )
    parts.append(Text(t("trial_not_graded", lang), style="dim"))
    return Group(*parts)
