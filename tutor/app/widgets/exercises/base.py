"""What every exercise view shares: the prompt, the check/hint/solution keys, the verdict, the
attempts and points. A kind's view adds only its answer widgets (`compose_answer`), reads the
answer back (`answer`) and refills it from the last attempt (`restore`).

Checks run in a thread worker (`run_check`) through `tutor.grading.submit`, which records the
attempt at once; the verdict comes back as a `VerdictReady` message. Nothing here grades.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from rich.console import Group, RenderableType
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.reactive import reactive
from textual.widgets import Button, Markdown, Static
from textual.worker import get_current_worker

from tutor.app.base import Safe, follow_language
from tutor.app.marks import points, status_text, tone
from tutor.app.messages import CheckFailed, ProgressChanged, VerdictReady
from tutor.app.text import t
from tutor.app.widgets.exercises.verdict import VerdictView
from tutor.i18n import pick

if TYPE_CHECKING:
    from tutor.app.app import TutorApp
    from tutor.course import Exercise
    from tutor.exercises import Verdict
    from tutor.progress import ProgressStore


class ExerciseView(Safe, VerticalScroll):
    """One exercise of any kind. Subclasses: `compose_answer`, `answer`, `restore`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+r", "check", "Check"),
        Binding("ctrl+t", "hint", "Hint"),
        Binding("ctrl+o", "solution", "Solution"),
    ]
    check_label = "check"
    running_label = "checking"

    running: reactive[bool] = reactive(False)

    def __init__(self, exercise: Exercise, number: int, total: int, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.exercise = exercise
        self.number = number
        self.total = total
        self.verdict: Verdict | None = None
        self.focus_when_mounted = False
        """Set by the panel when the view was asked for the focus before it was mounted."""
        self.hints_shown = 0
        self.solution: str | None = None
        self.status_key: tuple[str, dict[str, Any]] | None = None
        self.status_line: dict[str, str] | None = None

    # --- handy ---------------------------------------------------------------------------------

    @property
    def tutor(self) -> TutorApp:
        return self.app  # type: ignore[return-value]

    @property
    def store(self) -> ProgressStore:
        return self.tutor.store

    @property
    def lang(self) -> str:
        return self.tutor.lang

    # --- building ------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(classes="ex-title", markup=False)
        yield Static(classes="ex-meta", markup=False)
        yield Markdown(classes="ex-prompt")
        yield from self.compose_answer()
        yield Static(classes="ex-status", markup=False)
        with Horizontal(classes="ex-actions"):
            yield Button("", variant="primary", classes="ex-check", compact=True)
            yield Button("", classes="ex-hint", compact=True)
            yield Button("", classes="ex-solution", compact=True)
        yield Static(classes="ex-hints")
        yield VerdictView(classes="ex-verdict")
        yield Static(classes="ex-solution-text")

    def compose_answer(self) -> ComposeResult:
        """The kind's answer widgets."""
        yield from ()

    def answer(self) -> str | None:
        """The answer as the kind's check reads it, or None (after saying what is missing)."""
        raise NotImplementedError

    def restore(self, answer: str) -> None:
        """Refill the answer widgets from a previous attempt's answer."""

    def apply_answer_language(self, lang: str) -> None:
        """Relabel the kind's own widgets."""

    def focus_answer(self) -> None:
        """Put the cursor where the answer goes."""
        for widget in self.query("Input, TextArea, OptionList, Select"):
            if widget.focusable:
                widget.focus()
                return
        self.focus()

    def watchers(self, worker: Any) -> list[Any]:
        """Engine callbacks to pass to the check (experiments draw their loss with them)."""
        return []

    def on_mount(self) -> None:
        progress = self.store.exercise_progress(self.exercise.id)
        self.hints_shown = min(progress.hints_shown, len(self.exercise.hints))
        if progress.solution_shown:
            self.solution = self.exercise.solution
        attempts = self.store.attempts(exercise_id=self.exercise.id)
        if attempts:
            self.restore(attempts[-1].answer)
        self.query_one(VerdictView).display = False
        follow_language(self, self.apply_language)
        if self.focus_when_mounted:
            self.call_after_refresh(self.focus_answer)

    def apply_language(self, lang: str) -> None:
        title = pick(self.exercise.title, lang) or self.exercise.local_id
        self.query_one(".ex-title", Static).update(
            f"{t('exercise_of', lang, n=self.number, total=self.total)} · {title}"
        )
        self.query_one(".ex-prompt", Markdown).update(pick(self.exercise.prompt, lang))
        self.query_one(".ex-check", Button).label = Text(
            t(self.running_label if self.running else self.check_label, lang) + "  ^R"
        )
        self.query_one(".ex-hint", Button).label = Text(t("hint", lang) + "  ^T")
        self.query_one(".ex-solution", Button).label = Text(t("solution", lang) + "  ^O")
        self.refresh_meta()
        self.show_hints()
        self.show_verdict()
        self.show_solution()
        self.show_status()
        self.apply_answer_language(lang)

    # --- status lines ---------------------------------------------------------------------------

    def refresh_meta(self) -> None:
        from tutor.grading import solution_unlocked

        progress = self.store.exercise_progress(self.exercise.id)
        earned = self.exercise.points * min(progress.best_fraction, 1.0)
        meta = status_text(self.app, progress.status, self.lang)
        meta.append(
            " "
            + t(
                "exercise_meta",
                self.lang,
                points=self.exercise.points,
                attempts=progress.attempts,
                earned=points(round(earned, 2)),
            )
        )
        self.query_one(".ex-meta", Static).update(meta)
        self.query_one(".ex-solution", Button).set_class(
            not solution_unlocked(self.store, self.exercise), "-locked"
        )
        self.query_one(".ex-hint", Button).disabled = not self.exercise.hints

    def say(self, key: str | None, **values: Any) -> None:
        """Show one status line (a validation problem, "checking…"), in the current language."""
        self.status_key = (key, values) if key else None
        self.status_line = None
        self.show_status()

    def say_text(self, text: dict[str, str]) -> None:
        """Show a bilingual status line that comes ready-made (e.g. from a kind)."""
        self.status_key = None
        self.status_line = dict(text)
        self.show_status()

    def show_status(self) -> None:
        line = self.query_one(".ex-status", Static)
        if self.status_line is not None:
            line.display = True
            line.update(pick(self.status_line, self.lang))
        elif self.status_key is not None:
            key, values = self.status_key
            line.display = True
            line.update(t(key, self.lang, **values))
        else:
            line.update("")
            line.display = False

    def show_hints(self) -> None:
        box = self.query_one(".ex-hints", Static)
        total = len(self.exercise.hints)
        if not self.hints_shown:
            box.display = False
            return
        box.display = True
        lines = [
            Text(
                t(
                    "hint_line",
                    self.lang,
                    n=n,
                    total=total,
                    text=pick(self.exercise.hints[n - 1], self.lang),
                )
            )
            for n in range(1, self.hints_shown + 1)
        ]
        box.update(Group(*lines))

    def show_verdict(self) -> None:
        extra = None
        if self.verdict is not None and self.verdict.passed and self.exercise.explanation:
            extra = Text(
                f"{t('explanation', self.lang)}: {pick(self.exercise.explanation, self.lang)}",
                style="italic",
            )
        self.query_one(VerdictView).show(self.verdict, self.lang, extra)

    def show_solution(self) -> None:
        box = self.query_one(".ex-solution-text", Static)
        if self.solution is None:
            box.display = False
            return
        box.display = True
        parts: list[RenderableType] = [
            Text(t("solution_header", self.lang), style=tone(self.app, "accent", bold=True)),
            self.render_solution(self.solution),
        ]
        if self.exercise.explanation:
            parts.append(Text(""))
            parts.append(Text(pick(self.exercise.explanation, self.lang)))
        box.update(Group(*parts))

    def render_solution(self, solution: str) -> RenderableType:
        return Text(solution)

    # --- actions --------------------------------------------------------------------------------

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.has_class("ex-check"):
            self.action_check()
        elif event.button.has_class("ex-hint"):
            self.action_hint()
        elif event.button.has_class("ex-solution"):
            self.action_solution()

    def action_check(self) -> None:
        if self.running:
            self.notify(t("already_checking", self.lang), markup=False)
            return
        answer = self.answer()
        if answer is None:
            return
        self.running = True
        self.say(self.running_label)
        self.call_after_refresh(self._reveal, ".ex-status")
        self.run_check(answer)

    def _reveal(self, selector: Any) -> None:
        """Scroll so that the line (status, verdict) the learner waits for is in view."""
        self.scroll_to_widget(self.query_one(selector), animate=False)

    @work(thread=True, exclusive=True, group="check")
    def run_check(self, answer: str) -> None:
        """Grade and record in a thread; the result comes back as a message."""
        from tutor.app.workers import CancellableStore, RunCancelled
        from tutor.grading import submit
        from tutor.progress import ProgressError

        worker = get_current_worker()
        store = CancellableStore(self.store, worker)
        try:
            verdict = submit(store, self.exercise, answer, watch=self.watchers(worker))  # type: ignore[arg-type]
        except RunCancelled:
            return
        except ProgressError as error:
            self.post_message(CheckFailed(self.exercise.id, error.message))
            return
        except Exception as error:  # submit never raises for a learner's answer; a bug of ours
            from tutor.app.text import tt
            from tutor.logbook import log_exception

            path = log_exception(f"checking {self.exercise.id} in the app", error)
            self.post_message(
                CheckFailed(self.exercise.id, tt("app_error", error=type(error).__name__, log=path))
            )
            return
        if not worker.is_cancelled:
            self.post_message(VerdictReady(self.exercise.id, verdict))

    def watch_running(self, running: bool) -> None:
        if not self.is_mounted:
            return
        button = self.query_one(".ex-check", Button)
        button.disabled = running
        button.label = Text(
            t(self.running_label if running else self.check_label, self.lang) + "  ^R"
        )

    def on_verdict_ready(self, message: VerdictReady) -> None:
        message.stop()
        self.running = False
        self.say(None)
        self.verdict = message.verdict
        self.show_verdict()
        self.refresh_meta()
        self.after_verdict(message.verdict)
        self.call_after_refresh(self._reveal, VerdictView)
        self.post_message(ProgressChanged(self.exercise.id))

    def after_verdict(self, verdict: Verdict) -> None:
        """Kind-specific follow-up (e.g. mark truth-table rows)."""

    def on_check_failed(self, message: CheckFailed) -> None:
        message.stop()
        self.running = False
        self.say(None)
        self.notify(pick(message.message, self.lang), severity="error", timeout=15, markup=False)

    def action_hint(self) -> None:
        from tutor.grading import next_hint

        if not self.exercise.hints:
            self.notify(t("no_hints", self.lang), markup=False)
            return
        before = self.hints_shown
        got: list[Any] = [None]

        def reveal() -> None:
            got[0] = next_hint(self.store, self.exercise)

        self.tutor.remember(reveal)
        hint = got[0]
        if hint is None:
            return
        if hint.number <= before:
            self.notify(t("no_more_hints", self.lang, total=hint.total), markup=False)
        self.hints_shown = max(before, hint.number)
        self.show_hints()
        self.refresh_meta()
        self.call_after_refresh(self._reveal, ".ex-hints")
        self.post_message(ProgressChanged(self.exercise.id))

    def action_solution(self) -> None:
        from tutor.grading import locked_message, reveal_solution

        solution: list[str | None] = [None]

        def reveal() -> None:
            solution[0] = reveal_solution(self.store, self.exercise)

        self.tutor.remember(reveal)
        if solution[0] is None:
            self.notify(pick(locked_message(self.store, self.exercise), self.lang), markup=False)
            return
        self.solution = solution[0]
        self.show_solution()
        self.refresh_meta()
        self.call_after_refresh(self._reveal, ".ex-solution-text")
        self.post_message(ProgressChanged(self.exercise.id))
