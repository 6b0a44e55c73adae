"""The tutor app: one `TutorApp` shared by `tutor` (through `run_app`) and the tests.

The app holds the learner's progress store, the language, and the course (loaded in a thread
after the first paint, so that start-up stays quick). Screens and widgets read `app.store`,
`app.lang` and `app.course`; nothing here grades anything: answers go through `tutor.grading`.

Screens sit on one stack: the course map at the bottom, a lesson above it, and help, the
gradebook, the lab or the playground on top when opened.
"""

from __future__ import annotations

import gc
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.reactive import reactive
from textual.screen import Screen

from tutor.app.base import Safe, follow_language, localize_bindings
from tutor.app.messages import CourseFailed, CourseLoaded
from tutor.app.text import t
from tutor.i18n import pick

if TYPE_CHECKING:
    from tutor.course import Course, Lesson
    from tutor.progress import ProgressStore

THEME_KEY = "app.theme"
"""Where the learner's chosen Textual theme is kept in the store's state table."""

BENCH_ENV = "TUTOR_BENCH_PAINTED"
"""If set to a file path, the app writes `time.monotonic()` there after its first paint (and
once the course is on screen) and exits: `bench/startup.py` uses it."""


def _command_provider() -> type:
    from tutor.app.commands import TutorCommands

    return TutorCommands


class TutorApp(Safe, App[int]):
    """The whole app. `course` may be passed in (tests); otherwise it loads in the background."""

    CSS_PATH = "styles.tcss"
    TITLE = "tutor"
    COMMANDS: ClassVar[set[Any]] = {*App.COMMANDS, _command_provider}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", "Help"),
        Binding("ctrl+l", "toggle_language", "Language"),
        Binding("ctrl+g", "gradebook", "Grades"),
        Binding("ctrl+q", "quit", "Quit", priority=True),
    ]

    lang: reactive[str] = reactive("ko")
    course: reactive[Course | None] = reactive(None, always_update=True, init=False)

    def __init__(
        self,
        store: ProgressStore,
        lang: str = "ko",
        course: Course | None = None,
    ) -> None:
        super().__init__()
        self.store = store
        self.errors_reported: list[tuple[str, BaseException]] = []
        self.course_problem: str | None = None
        self.set_reactive(TutorApp.lang, lang)
        self.set_reactive(TutorApp.course, course)
        localize_bindings(self, lang, refresh=False)  # the footer is built once, in `lang`
        self._bench_path = os.environ.get(BENCH_ENV)

    # --- start-up ------------------------------------------------------------------------------

    def get_default_screen(self) -> Screen[Any]:
        from tutor.app.screens.course_map import CourseMapScreen

        return CourseMapScreen()

    def on_mount(self) -> None:
        theme = self.store.get_state(THEME_KEY)
        if isinstance(theme, str) and theme in self.available_themes:
            self.theme = theme
        self.watch(self, "theme", self._remember_theme, init=False)
        follow_language(self, self._retitle)
        notice = self.store.notice
        if notice:
            self.notify(pick(notice, self.lang), severity="warning", timeout=30, markup=False)
        if self.course is None:
            self.call_after_refresh(self._start_loading)
        else:
            self.call_after_refresh(self.prewarm_editor)
            self.call_after_refresh(self._prewarm_lesson_styles)
        if self._bench_path:
            self.call_after_refresh(self._bench_mark, "painted")

    def _start_loading(self) -> None:
        self.load_course()

    @work(thread=True, exclusive=True, group="course")
    def load_course(self) -> None:
        """Read the course in a thread (it imports NumPy through the exercise kinds)."""
        try:
            from tutor.course import load_course

            course = load_course()
        except Exception as error:  # a missing folder, an unreadable file system
            from tutor.logbook import log_exception

            log_exception("loading the course", error)
            self.post_message(CourseFailed(str(error)))
            return
        self.post_message(CourseLoaded(course))

    def on_course_loaded(self, message: CourseLoaded) -> None:
        self.course = message.course
        self._retitle(self.lang)
        self.prewarm_editor()
        self.call_after_refresh(self._prewarm_lesson_styles)
        if self._bench_path:
            self.call_after_refresh(self._bench_mark, "course")

    def on_course_failed(self, message: CourseFailed) -> None:
        self.course_problem = message.problem
        self.notify(
            t("course_failed", self.lang, problem=message.problem),
            severity="error",
            timeout=30,
            markup=False,
        )
        self.course = None

    @work(thread=True, exclusive=True, group="prewarm", exit_on_error=False)
    def prewarm_editor(self) -> None:
        """Load the Python grammar for the code editor now, off the UI thread: the first
        editor otherwise waits half a second (seconds on a busy machine) for it, blank."""
        from tutor.app.widgets.exercises.code import python_language

        python_language()

    def _prewarm_lesson_styles(self) -> None:
        """Parse the lesson widgets' CSS now, on the map, not at the first lesson's open; then
        set what start-up built (Textual, the course) aside from the garbage collector."""
        from tutor.app.prewarm import add_lesson_styles

        add_lesson_styles(self)
        # A full collection walks every object alive: with the course and Textual loaded that
        # took up to 0.25 s, at random, often in the middle of opening a lesson. Frozen objects
        # are skipped by it (they are still freed by reference counting); start-up leaves little
        # cyclic garbage, and `on_unmount` gives them back to the collector.
        gc.freeze()

    def on_unmount(self) -> None:
        gc.unfreeze()

    def _bench_mark(self, moment: str) -> None:
        assert self._bench_path is not None
        with Path(self._bench_path).open("a", encoding="utf-8") as out:
            out.write(f"{moment} {time.monotonic()}\n")
        if moment == "course" or os.environ.get("TUTOR_BENCH_WAIT") != "course":
            self.exit(0)

    def _remember_theme(self, theme: str) -> None:
        self.remember(lambda: self.store.set_state(THEME_KEY, theme))

    def _retitle(self, lang: str) -> None:
        self.title = pick(self.course.title, lang) if self.course else t("app_title", lang)

    # --- actions everywhere --------------------------------------------------------------------

    def action_toggle_language(self) -> None:
        self.lang = "en" if self.lang == "ko" else "ko"
        self.remember(lambda: setattr(self.store.ui, "language", self.lang))
        self.notify(t("language_now", self.lang), timeout=2, markup=False)

    def remember(self, write: Any) -> None:
        """Run a small store write; a locked or unwritable file becomes a notice, not a crash."""
        from tutor.progress import ProgressError

        try:
            write()
        except ProgressError as error:
            self.notify(
                t("store_error", self.lang, message=pick(error.message, self.lang)),
                severity="error",
                timeout=15,
                markup=False,
            )

    def action_help(self) -> None:
        from tutor.app.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_gradebook(self) -> None:
        from tutor.app.screens.gradebook import GradebookScreen

        if self.course is None:
            self.notify(t("course_not_ready", self.lang), markup=False)
        elif not isinstance(self.screen, GradebookScreen):
            self.push_screen(GradebookScreen())

    async def action_course_map(self) -> None:
        while len(self.screen_stack) > 1:
            await self.pop_screen()

    def action_open_lab(self) -> None:
        self._open_optional("tutor.app.screens.lab", "LabScreen", "lab")

    def action_open_playground(self) -> None:
        self._open_optional("tutor.app.screens.playground", "PlaygroundScreen", "playground")

    def _open_optional(self, module: str, name: str, what: str) -> None:
        """Open a screen another part of the app provides, if it is there yet."""
        import importlib

        try:
            screen_class = getattr(importlib.import_module(module), name)
        except (ImportError, AttributeError):
            self.notify(
                t("not_available_yet", self.lang, what=t(what, self.lang)),
                severity="warning",
                markup=False,
            )
            return
        if not isinstance(self.screen, screen_class):
            self.push_screen(screen_class())

    async def open_lesson(self, lesson_id: str) -> None:
        """Show a lesson above the course map (replacing any lesson or screen shown).

        A lesson shown replaces the one open (switch_screen), so the course map underneath is
        not resumed and redrawn on the way: that halved the time Ctrl+N took."""
        from tutor.app.screens.lesson import LessonScreen

        lesson = self.lesson(lesson_id)
        if lesson is None:
            return
        while len(self.screen_stack) > 2:
            await self.pop_screen()
        if len(self.screen_stack) == 2:
            await self.switch_screen(LessonScreen(lesson))
        else:
            await self.push_screen(LessonScreen(lesson))

    def lesson(self, lesson_id: str) -> Lesson | None:
        """The lesson, or None after telling the learner why it cannot be opened."""
        if self.course is None:
            self.notify(t("course_not_ready", self.lang), markup=False)
            return None
        lesson = self.course.lesson(lesson_id)
        if lesson is None:
            return None
        if not lesson.available:
            self.notify(
                t("lesson_unavailable", self.lang, lesson=lesson.id, problem=lesson.problems[0]),
                severity="error",
                timeout=15,
                markup=False,
            )
            return None
        return lesson

    async def action_quit(self) -> None:
        """Quit at once, even while code runs in the sandbox or a model trains."""
        from tutor.app.workers import stop_sandbox_children

        self.workers.cancel_all()
        stop_sandbox_children()
        self.exit(0)

    # --- the last line of defence ------------------------------------------------------------

    def _handle_exception(self, error: Exception) -> None:
        """An error no handler caught: log it and leave with a short apology, no traceback."""
        from tutor.logbook import log_exception

        path = log_exception("tutor app", error)
        if self._exception is None:
            self._exception = error  # `run_test` re-raises it, so tests stay loud
        self._return_code = 1
        self._exit_renderables.append(
            Text(t("app_fatal", self.lang, error=type(error).__name__, log=path))
        )
        self._close_messages_no_wait()
