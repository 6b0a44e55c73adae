"""The exercises of one lesson: a tab per exercise (with its ✓/◐/○ mark) and the open one below.

Views are built the first time their tab opens and then kept, so a half-written answer survives
switching tabs. The open exercise is remembered in the store (`store.ui.open_exercise`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import ContentSwitcher, Static, Tab, Tabs

from tutor.app.base import Safe, follow_language
from tutor.app.marks import MARKS
from tutor.app.messages import ProgressChanged
from tutor.app.text import t
from tutor.app.widgets.exercises import view_for

if TYPE_CHECKING:
    from tutor.app.app import TutorApp
    from tutor.app.widgets.exercises.base import ExerciseView
    from tutor.course import Exercise, Lesson

TAB_TONES = {"passed": "$success", "in_progress": "$warning", "not_started": "$text-muted"}


class ExercisePanel(Safe, Vertical):
    """Tabs over the lesson's exercises; the chosen exercise's view below them."""

    def __init__(self, lesson: Lesson, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.lesson = lesson
        self.current: int | None = None
        self._pending_steps = 0
        """Ctrl+Up/Down pressed before the first exercise was shown: applied once it is."""
        self.first_shown: int | None = None
        """The exercise shown when the lesson opened (bench/lesson_open.py checks keys after)."""

    @property
    def tutor(self) -> TutorApp:
        return self.app  # type: ignore[return-value]

    @property
    def exercises(self) -> tuple[Exercise, ...]:
        return self.lesson.exercises

    def compose(self) -> ComposeResult:
        if not self.exercises:
            yield Static(id="no-exercises", markup=False)
            return
        yield Tabs(
            *(Tab(str(n), id=f"tab-{n}") for n in range(1, len(self.exercises) + 1)),
            id="exercise-tabs",
        )
        yield ContentSwitcher(id="exercise-switcher")

    def on_mount(self) -> None:
        follow_language(self, self.apply_language)
        if self.exercises:
            self.relabel()
            # The lesson screen calls `show_first` once its text is painted, so that the text
            # shows sooner; keys pressed meanwhile are kept (see `step`).

    def show_first(self) -> None:
        """Show the exercise open last (or the first unsolved one), then any steps pending."""
        if self.current is not None:
            return  # one was shown already
        self.show(self.first_index())
        if self._pending_steps:
            self.step(self._pending_steps)

    def apply_language(self, lang: str) -> None:
        if not self.exercises:
            self.query_one("#no-exercises", Static).update(t("no_exercises", lang))

    def first_index(self) -> int:
        """The exercise that was open last in this lesson, else the first one not passed."""
        remembered = self.tutor.store.ui.open_exercise
        ids = [exercise.id for exercise in self.exercises]
        if remembered in ids:
            return ids.index(remembered)
        progress = self.tutor.store.all_progress()
        for index, exercise in enumerate(self.exercises):
            mine = progress.get(exercise.id)
            if mine is None or not mine.passed:
                return index
        return 0

    def relabel(self) -> None:
        """Each tab: the exercise's number and a mark in the theme's colour."""
        progress = self.tutor.store.all_progress()
        tabs = self.query_one(Tabs)
        for index, exercise in enumerate(self.exercises):
            mine = progress.get(exercise.id)
            status = mine.status if mine else "not_started"
            label = Content.from_markup(f"{index + 1} [{TAB_TONES[status]}]{MARKS[status]}[/]")
            tab = tabs.query_one(f"#tab-{index + 1}", Tab)
            tab.label = label

    # --- switching ------------------------------------------------------------------------------

    def view(self, index: int) -> ExerciseView:
        """The view of exercise `index`, built the first time it is asked for."""
        switcher = self.query_one(ContentSwitcher)
        view_id = f"exercise-{index + 1}"
        found = switcher.query(f"#{view_id}")
        if found:
            return found.first()  # type: ignore[return-value]
        view = view_for(self.exercises[index], index + 1, len(self.exercises), id=view_id)
        switcher.mount(view)
        return view

    def show(self, index: int, focus: bool = False) -> None:
        if not self.exercises:
            return
        index = max(0, min(index, len(self.exercises) - 1))
        view = self.view(index)
        self.current = index
        self.screen.set_class(self.exercises[index].kind == "code", "-code")
        if self.first_shown is None:
            self.first_shown = index
        self.query_one(ContentSwitcher).current = view.id
        tabs = self.query_one(Tabs)
        if tabs.active != f"tab-{index + 1}":
            tabs.active = f"tab-{index + 1}"
        exercise_id = self.exercises[index].id
        if self.tutor.store.ui.open_exercise != exercise_id:
            self.tutor.remember(lambda: setattr(self.tutor.store.ui, "open_exercise", exercise_id))
        if focus and view.is_mounted:
            self.call_after_refresh(view.focus_answer)
        elif focus:
            view.focus_when_mounted = True  # its answer widgets do not exist yet

    def step(self, delta: int) -> None:
        """Show the exercise `delta` places on (wrapping round); before the panel has shown its
        first exercise, remember the steps so that no key pressed during the load is lost."""
        if not self.exercises:
            return
        if self.current is None:
            self._pending_steps += delta
            return
        self._pending_steps = 0
        self.show((self.current + delta) % len(self.exercises), focus=True)

    def on_tabs_tab_activated(self, event: Tabs.TabActivated) -> None:
        event.stop()
        if event.tab is None or event.tab.id is None or event.tab.id != event.tabs.active:
            return  # a stale activation (the tab changed again since): following it would loop
        if self.first_shown is None:
            return  # the tabs' own first activation: `show_first` picks the exercise
        index = int(event.tab.id.split("-")[1]) - 1
        if index != self.current:
            self.show(index)

    def on_progress_changed(self, message: ProgressChanged) -> None:
        self.relabel()
