"""A lesson: its text (with a table of contents) and its exercises, side by side when the
terminal is wide and one above the other when it is narrow (80 columns).

The reading position and the open exercise are remembered in the store, so the learner comes
back to the same paragraph and the same exercise.
"""

from __future__ import annotations

import time
from contextlib import suppress
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container
from textual.screen import Screen
from textual.widgets import Footer, Header, MarkdownViewer, TextArea

from tutor.app.base import Safe, follow_language, localize_bindings
from tutor.app.lesson_text import name_exercises, split_for_first_paint
from tutor.app.text import t
from tutor.app.widgets.exercises.panel import ExercisePanel

if TYPE_CHECKING:
    from tutor.app.app import TutorApp
    from tutor.course import Lesson

LAYOUTS = ("both", "reader", "exercises")

EDITOR_ALONE_BELOW = 150
"""Columns below which the code editor, while focused, takes the place of the lesson's text."""


class LessonScreen(Safe, Screen[None]):
    """One lesson. Esc goes back to the course map."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.course_map", "Course map"),
        Binding("ctrl+b", "previous_lesson", "Prev lesson"),
        Binding("ctrl+n", "next_lesson", "Next lesson"),
        Binding("ctrl+up", "previous_exercise", "Prev exercise", show=False),
        Binding("ctrl+down", "next_exercise", "Next exercise", show=False),
        Binding("f2", "toggle_toc", "Contents"),
        Binding("f3", "toggle_reader", "Switch view"),
        Binding("tab", "focus_answer", "Answer", show=False),
        # Ctrl+R/T/O reach the open exercise from the text too (its own bindings win inside it)
        Binding("ctrl+r", "exercise('check')", "Check", show=False),
        Binding("ctrl+t", "exercise('hint')", "Hint", show=False),
        Binding("ctrl+o", "exercise('solution')", "Solution", show=False),
        # F4/F5 belong to the code exercise (own editor, run); F6 opens the lesson's network
        Binding("f6", "open_inside", "Inside"),  # lessons with an inside.toml (08, 09)
    ]
    # Textual declares it as an instance variable: a ClassVar here would contradict it.
    HORIZONTAL_BREAKPOINTS = [  # noqa: RUF012
        (0, "-narrow"),
        (110, "-wide"),
    ]

    def __init__(self, lesson: Lesson) -> None:
        super().__init__()
        self.lesson = lesson
        self.layout_mode = "both"
        self._layout_before_toc: str | None = None
        self._layout_before_editing: str | None = None
        self._restored = False
        self._text_version = 0
        self.painted_at: float | None = None
        """`time.monotonic()` at the first paint with the text in (bench/lesson_open.py)."""
        self.painted_cpu = 0.0
        """`time.process_time()` then."""

    @property
    def tutor(self) -> TutorApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        localize_bindings(self, self.tutor.lang, refresh=False)  # before the footer is built
        yield Header(icon="◆")
        with Container(id="lesson-body", classes="-both"):
            yield MarkdownViewer(id="reader", show_table_of_contents=False)
            yield ExercisePanel(self.lesson, id="exercises")
        yield Footer()

    async def on_mount(self) -> None:
        store = self.tutor.store
        if store.ui.last_lesson != self.lesson.id:
            self.tutor.remember(lambda: setattr(store.ui, "last_lesson", self.lesson.id))
        reader = self.query_one("#reader", MarkdownViewer)
        reader.show_table_of_contents = self.size.width >= 140
        follow_language(self, self.apply_language)
        reader.document.focus()

    def apply_language(self, lang: str) -> None:
        self.sub_title = self.lesson.display_title(lang)
        self.call_next(self._load_text, lang)

    async def _load_text(self, lang: str) -> None:
        """Show the lesson's text: its first screenful at once, the rest after that is painted
        (a long lesson is hundreds of Markdown widgets, half a second to lay out)."""
        reader = self.query_one("#reader", MarkdownViewer)
        self._text_version += 1
        version = self._text_version
        text = name_exercises(self.lesson.markdown(lang), self.lesson.exercises, lang)
        first, rest = split_for_first_paint(text)
        await reader.document.update(first)
        if self.painted_at is None:
            self.call_after_refresh(self._mark_painted)
        if rest:
            self.call_after_refresh(self._load_rest, rest, version)
        else:
            self._restore_position()

    async def _load_rest(self, rest: str, version: int) -> None:
        if version != self._text_version:
            return  # the language changed meanwhile: that load shows the whole text
        await self.query_one("#reader", MarkdownViewer).document.append(rest)
        self._restore_position()

    def _restore_position(self) -> None:
        if not self._restored:
            self._restored = True
            position = self.tutor.store.ui.reading_position(self.lesson.id)
            if position:
                self.call_after_refresh(self._scroll_reader_to, position)

    def _mark_painted(self) -> None:
        self.painted_at = time.monotonic()
        self.painted_cpu = time.process_time()
        self.query_one(ExercisePanel).show_first()

    def _scroll_reader_to(self, position: int) -> None:
        reader = self.query_one("#reader", MarkdownViewer)
        reader.scroll_to(y=position, animate=False, immediate=True)

    # --- remembering where the learner was -----------------------------------------------------

    def save_position(self) -> None:
        reader = self.query_one("#reader", MarkdownViewer)
        position = max(0, round(reader.scroll_y))
        store = self.tutor.store
        if store.ui.reading_position(self.lesson.id) != position:
            self.tutor.remember(lambda: store.ui.set_reading_position(self.lesson.id, position))

    def on_screen_suspend(self) -> None:
        self.save_position()

    def on_unmount(self) -> None:
        with suppress(Exception):  # the app is closing and the widgets are gone
            self.save_position()

    # --- actions --------------------------------------------------------------------------------

    def _neighbour(self, step: int) -> Lesson | None:
        course = self.tutor.course
        if course is None:
            return None
        lessons = [lesson for lesson in course.lessons if lesson.available]
        ids = [lesson.id for lesson in lessons]
        if self.lesson.id not in ids:
            return None
        index = ids.index(self.lesson.id) + step
        return lessons[index] if 0 <= index < len(lessons) else None

    async def action_next_lesson(self) -> None:
        neighbour = self._neighbour(+1)
        if neighbour is None:
            self.notify(t("no_next_lesson", self.tutor.lang), markup=False)
            return
        await self.tutor.open_lesson(neighbour.id)

    async def action_previous_lesson(self) -> None:
        neighbour = self._neighbour(-1)
        if neighbour is None:
            self.notify(t("no_previous_lesson", self.tutor.lang), markup=False)
            return
        await self.tutor.open_lesson(neighbour.id)

    def action_next_exercise(self) -> None:
        self.query_one(ExercisePanel).step(+1)

    def action_previous_exercise(self) -> None:
        self.query_one(ExercisePanel).step(-1)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open_inside":
            from tutor.viz.lessonnet import has_inside

            return has_inside(self.lesson.path)
        return True

    def action_exercise(self, action: str) -> None:
        """Check, hint or solution for the open exercise, pressed while reading the text."""
        panel = self.query_one(ExercisePanel)
        if panel.current is None or self.layout_mode == "reader":
            return
        view = panel.view(panel.current)
        if action in ("check", "hint", "solution"):
            getattr(view, f"action_{action}")()

    def action_focus_answer(self) -> None:
        """Tab from the text: straight into the open exercise's answer; anywhere else Tab moves
        to the next field as usual (this binding replaces the screen's own Tab)."""
        panel = self.query_one(ExercisePanel)
        reader = self.query_one("#reader")
        focused = self.focused
        in_text = focused is not None and (focused is reader or reader in focused.ancestors)
        if not in_text or panel.current is None or self.layout_mode == "reader":
            self.focus_next()
            return
        panel.view(panel.current).focus_answer()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Below 150 columns the code editor gets the whole screen while it has the focus (the
        starters' lines run to 85 columns; at 80×24 only six lines showed); Esc gives the text
        back."""
        if (
            isinstance(event.widget, TextArea)
            and self.size.width < EDITOR_ALONE_BELOW
            and self.layout_mode == "both"
        ):
            self._layout_before_editing = self.layout_mode
            self.set_layout("exercises")
        if isinstance(event.widget, TextArea) and self.size.height < 30:
            # the editor's top at the top: at 80×24 its first five lines showed, under the prompt
            self.call_after_refresh(event.widget.scroll_visible, top=True, animate=False)

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        if isinstance(event.widget, TextArea) and self._layout_before_editing is not None:
            self.call_after_refresh(self._after_editing)

    def _after_editing(self) -> None:
        """The focus left the editor: give the text back if it left the exercise too (a click
        on Check or Reset keeps the editor's room, and its click lands where it was aimed)."""
        focused = self.focused
        if focused is not None and self.query_one(ExercisePanel) in focused.ancestors_with_self:
            return
        self.restore_after_editing()

    def restore_after_editing(self) -> None:
        """Esc in the editor, or the focus gone elsewhere: the layout from before editing."""
        if isinstance(self.focused, TextArea) or self._layout_before_editing is None:
            return
        mode, self._layout_before_editing = self._layout_before_editing, None
        if self.layout_mode == "exercises":
            self.set_layout(mode, focus=False)

    def action_open_inside(self) -> None:
        """The lesson's own network in the neuron view and step mode (issue 12)."""
        from tutor.app.screens.inside import InsideScreen, InsideSource
        from tutor.viz.lessonnet import LessonNetError, load_lesson_net

        try:
            net = load_lesson_net(self.lesson.path)
        except LessonNetError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        title = self.lesson.display_title(self.tutor.lang)
        self.app.push_screen(InsideScreen(InsideSource.from_lesson(net, title)))

    def action_toggle_toc(self) -> None:
        """Show or hide the table of contents. Where it would squeeze the text beside the
        exercises, the text takes the whole width while the contents are shown."""
        reader = self.query_one("#reader", MarkdownViewer)
        reader.show_table_of_contents = not reader.show_table_of_contents
        if reader.show_table_of_contents and self.size.width < 150 and self.layout_mode == "both":
            self._layout_before_toc = self.layout_mode
            self.set_layout("reader")
        elif not reader.show_table_of_contents and (
            before := getattr(self, "_layout_before_toc", None)
        ):
            self.set_layout(before)
            self._layout_before_toc = None

    def action_toggle_reader(self) -> None:
        """Cycle: text and exercises → text only → exercises only."""
        self._layout_before_toc = self._layout_before_editing = None
        self.set_layout(LAYOUTS[(LAYOUTS.index(self.layout_mode) + 1) % len(LAYOUTS)])

    def set_layout(self, mode: str, focus: bool = True) -> None:
        body = self.query_one("#lesson-body")
        self.layout_mode = mode
        for name in LAYOUTS:
            body.set_class(name == mode, f"-{name}")
        if not focus:
            return
        if mode == "exercises":
            panel = self.query_one(ExercisePanel)
            if panel.current is not None:
                panel.view(panel.current).focus_answer()
        elif mode == "reader":
            self.query_one("#reader", MarkdownViewer).document.focus()
