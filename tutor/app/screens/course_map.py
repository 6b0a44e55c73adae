"""The home screen: every part and lesson with its status and grade, and where to continue.

Enter opens the highlighted lesson; the highlight starts on the lesson to continue (the last one
opened, or the first one not finished). A lesson with problems in its files is listed as
unavailable with each problem's file and line; it never takes the map down.
"""

from __future__ import annotations

from contextlib import suppress
from typing import TYPE_CHECKING, Any, ClassVar

from rich.console import Group
from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container, Vertical, VerticalScroll
from textual.css.query import NoMatches
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import Button, DataTable, Footer, Header, Static
from textual.widgets.data_table import ColumnKey

from tutor.app.base import Safe, follow_language, localize_bindings
from tutor.app.marks import points, status_text, tone
from tutor.app.text import t
from tutor.gradebook import grade_course
from tutor.i18n import pick

if TYPE_CHECKING:
    from tutor.app.app import TutorApp
    from tutor.course import Course, Lesson
    from tutor.progress import GradeReport, ProgressStore


def lesson_status(lesson: Lesson, report: GradeReport) -> str:
    if not lesson.available:
        return "unavailable"
    score = report.lessons.get(lesson.id)
    return score.status if score else "not_started"


def continue_target(course: Course, store: ProgressStore, report: GradeReport) -> Lesson | None:
    """The lesson Enter continues: the last one opened unless it is done, then the first
    unfinished lesson after it (or anywhere), else the first available lesson."""
    available = [lesson for lesson in course.lessons if lesson.available]
    if not available:
        return None
    last = course.lesson(store.ui.last_lesson or "")
    if last is not None and last.available and lesson_status(last, report) != "passed":
        return last
    unfinished = [lesson for lesson in available if lesson_status(lesson, report) != "passed"]
    if last is not None:
        later = [lesson for lesson in unfinished if lesson.number > last.number]
        if later:
            return later[0]
    return (unfinished or available)[0]


# The title column has a fixed width (longer titles end in "…") so that status and grade stay in
# view at 80 columns and beside the detail pane at 120.
TITLE_WIDTH = 36


def _fitted(title: str, style: str | Style = "") -> Text:
    """`title` cut to the title column, ending in "…" when it was longer (display width)."""
    text = Text(title, style=style)
    text.truncate(TITLE_WIDTH, overflow="ellipsis")
    return text


def set_columns(table: DataTable[Any], columns: list[tuple[str, str]]) -> None:
    """Add the columns the first time, relabel them after (a language switch). Rebuilding
    columns with `clear(columns=True)` loses the automatic widths, so it is avoided."""
    if not table.columns:
        for key, label in columns:
            table.add_column(Text(label), key=key, width=TITLE_WIDTH if key == "lesson" else None)
        return
    for key, label in columns:
        table.columns[ColumnKey(key)].label = Text(label)
    table.refresh()


def _table_and_total() -> list[Widget]:
    """The lessons table beside the detail pane, and the course total under them."""
    return [
        Container(
            DataTable(id="lessons", cursor_type="row", zebra_stripes=False),
            VerticalScroll(Static(id="lesson-detail"), id="detail-box"),
            id="map-main",
        ),
        Static(id="course-total", markup=False),
    ]


class WelcomeScreen(Safe, ModalScreen[None]):
    """A few lines for the very first start."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "Close")]

    def compose(self) -> ComposeResult:
        with Vertical(id="welcome"):
            yield Static(id="welcome-title", markup=False)
            yield Static(id="welcome-body", markup=False)
            yield Button(id="welcome-start", variant="primary")

    def on_mount(self) -> None:
        follow_language(self, self.apply_language)
        self.query_one("#welcome-start", Button).focus()

    def apply_language(self, lang: str) -> None:
        self.query_one("#welcome-title", Static).update(t("welcome_title", lang))
        self.query_one("#welcome-body", Static).update(t("welcome_body", lang))
        self.query_one("#welcome-start", Button).label = t("welcome_start", lang)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_close()

    def action_close(self) -> None:
        self.dismiss(None)


class CourseMapScreen(Safe, Screen[None]):
    """Parts, lessons, statuses, grades; Enter continues."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "continue", "Continue"),
        Binding("t", "app.open_lab", "Lab"),
        Binding("p", "app.open_playground", "Playground"),
        Binding("question_mark", "app.help", "Help", show=False),
        # A priority binding: the app runs it before reading the next key, so keys pressed while
        # the lesson opens (Ctrl+Down, say) reach the lesson instead of this screen.
        Binding("enter", "open_highlighted", "Open", show=False, priority=True),
    ]
    # Textual declares it as an instance variable: a ClassVar here would contradict it.
    HORIZONTAL_BREAKPOINTS = [  # noqa: RUF012
        (0, "-narrow"),
        (120, "-wide"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._target: str | None = None
        self._welcomed = False
        self._deferred = False

    @property
    def tutor(self) -> TutorApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        localize_bindings(self, self.tutor.lang, refresh=False)  # before the footer is built
        # While the course loads (at start-up) the table would be empty: the first frame shows
        # the header and the "loading" line, and the table, the detail pane and the footer are
        # mounted right after that frame (about 20 widgets: a fifth of the time to first paint).
        self._deferred = self.tutor.course is None
        yield Header(icon="◆")
        with Vertical(id="map-body"):
            yield Static(id="continue-line", markup=False)
            if not self._deferred:
                yield from _table_and_total()
        if not self._deferred:
            yield Footer()

    async def _mount_deferred(self) -> None:
        await self.query_one("#map-body", Vertical).mount_all(_table_and_total())
        await self.mount(Footer())
        self._deferred = False
        if self.focused is None:
            self.set_focus(self.query_one("#lessons", DataTable))
        self.refill(self.tutor.lang)

    def on_mount(self) -> None:
        if self._deferred:
            self.call_after_refresh(self._mount_deferred)
        follow_language(self, self.refill)
        self.watch(self.app, "course", lambda _course: self.refill(self.tutor.lang), init=False)
        self.watch(self.app, "theme", lambda _theme: self.refill(self.tutor.lang), init=False)
        if not self.tutor.store.ui.welcome_shown:
            self._welcomed = True
            self.app.push_screen(WelcomeScreen(), self._welcome_closed)

    def _welcome_closed(self, _result: None) -> None:
        self.tutor.remember(lambda: setattr(self.tutor.store.ui, "welcome_shown", True))
        with suppress(NoMatches):  # not mounted yet: `_mount_deferred` focuses it
            self.query_one("#lessons", DataTable).focus()

    def on_screen_resume(self) -> None:
        self.refill(self.tutor.lang)

    # --- filling the table ---------------------------------------------------------------------

    def refill(self, lang: str) -> None:
        self.sub_title = t("map_title", lang)
        course = self.tutor.course
        if course is None:
            problem = self.tutor.course_problem
            line = (
                t("course_failed", lang, problem=problem) if problem else t("loading_course", lang)
            )
            self.query_one("#continue-line", Static).update(line)
            return
        if self._deferred:
            return  # `_mount_deferred` refills once the table is there
        table = self.query_one("#lessons", DataTable)
        report = grade_course(course, self.tutor.store)
        highlighted = self._highlighted_key(table)
        set_columns(
            table,
            [
                ("number", "#"),
                ("lesson", t("cli_lesson", lang)),
                ("status", t("cli_status", lang)),
                ("grade", t("cli_grade", lang)),
            ],
        )
        table.clear()
        listed: set[str] = set()
        for part in course.parts:
            self._add_part(table, f"part-{part.number}", pick(part.title, lang))
            for lesson_id in part.lesson_ids:
                lesson = course.lesson(lesson_id)
                if lesson is not None and lesson.id not in listed:
                    listed.add(lesson.id)
                    self._add_lesson(table, lesson, report, lang)
        others = [lesson for lesson in course.lessons if lesson.id not in listed]
        if others:
            self._add_part(table, "part-other", t("map_other_lessons", lang))
            for lesson in others:
                self._add_lesson(table, lesson, report, lang)
        target = continue_target(course, self.tutor.store, report)
        moved_on = (target.id if target else None) != self._target
        self._target = target.id if target else None
        self._update_continue(target, lang)
        self._update_total(report, lang)
        # the line above says "Continue: … (Enter)": when the lesson to continue changes (back
        # from a lesson), the highlight follows it, so that Enter does what the line says
        self._move_cursor(table, self._target if moved_on else highlighted or self._target)
        self._update_detail(lang)

    def _add_part(self, table: DataTable[Any], key: str, title: str) -> None:
        style = tone(self.app, "accent", bold=True)
        table.add_row(Text(""), _fitted(title, style), Text(""), Text(""), key=key)

    def _add_lesson(
        self, table: DataTable[Any], lesson: Lesson, report: GradeReport, lang: str
    ) -> None:
        status = lesson_status(lesson, report)
        score = report.lessons.get(lesson.id)
        if not lesson.available:
            first = lesson.problems[0]
            grade_text = f"{first.path.name}:{first.line}" if first.line else first.path.name
        elif score is None or not lesson.exercises:
            grade_text = t("map_no_exercises", lang)
        else:
            grade_text = t(
                "map_lesson_grade",
                lang,
                points=points(score.points),
                max_points=points(score.max_points),
            )
        table.add_row(
            Text(f"{lesson.number:02d}"),
            _fitted(pick(lesson.title, lang)),
            status_text(self.app, status, lang),
            Text(grade_text),
            key=lesson.id,
        )

    def _highlighted_key(self, table: DataTable[Any]) -> str | None:
        if table.row_count == 0:
            return None
        try:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        except Exception:
            return None
        return key if key and not key.startswith("part-") else None

    def _move_cursor(self, table: DataTable[Any], key: str | None) -> None:
        if key is None:
            return
        with suppress(Exception):  # the lesson is gone (course reloaded)
            table.move_cursor(row=table.get_row_index(key), animate=False)

    def _update_continue(self, target: Lesson | None, lang: str) -> None:
        line = self.query_one("#continue-line", Static)
        if target is None:
            line.update("")
        else:
            line.update(t("map_continue", lang, lesson=target.display_title(lang)))

    def _update_total(self, report: GradeReport, lang: str) -> None:
        total = report.course
        self.query_one("#course-total", Static).update(
            t(
                "map_course_total",
                lang,
                points=points(total.points),
                max_points=points(total.max_points),
                percent=f"{total.percent:.0f}",
                passed=total.passed,
                exercises=total.exercises,
            )
        )

    def _update_detail(self, lang: str) -> None:
        detail = self.query_one("#lesson-detail", Static)
        course = self.tutor.course
        key = self._highlighted_key(self.query_one("#lessons", DataTable))
        lesson = course.lesson(key) if course and key else None
        if course is None or lesson is None:
            problems = course.problems if course else ()
            lines: list[Any] = [Text(t("map_open_hint", lang), style="dim")]
            if problems:
                lines.append(Text(t("map_course_problems", lang), style=tone(self.app, "error")))
                lines += [Text(f"• {problem}") for problem in problems]
            detail.update(Group(*lines))
            return
        report = grade_course(course, self.tutor.store)
        parts: list[Any] = [
            Text(lesson.display_title(lang), style="bold"),
            Text(""),
            Text(pick(lesson.summary, lang)),
            Text(""),
        ]
        if not lesson.available:
            parts.append(Text(t("map_unavailable", lang), style=tone(self.app, "error")))
            parts += [Text(f"• {problem}") for problem in lesson.problems]
        else:
            score = report.lessons.get(lesson.id)
            if score is not None:
                parts.append(
                    Text(
                        t(
                            "map_exercises",
                            lang,
                            count=len(lesson.exercises),
                            points=points(score.points),
                            max_points=points(score.max_points),
                            status=t(f"status_{score.status}", lang),
                        ),
                        style="dim",
                    )
                )
            for exercise in lesson.exercises:
                mark = report.exercises[exercise.id].status
                row = status_text(self.app, mark, lang, words=False)
                row.append(f" {pick(exercise.title, lang) or exercise.local_id}")
                parts.append(row)
        detail.update(Group(*parts))

    # --- events ---------------------------------------------------------------------------------

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._update_detail(self.tutor.lang)

    async def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        key = event.row_key.value
        if key and not key.startswith("part-"):
            await self.tutor.open_lesson(key)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open_highlighted":  # Enter elsewhere (a button) keeps its usual meaning
            return self.focused is not None and self.focused.id == "lessons"
        return True

    async def action_open_highlighted(self) -> None:
        table = self.query_one("#lessons", DataTable)
        if not table.row_count:
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        if key and not key.startswith("part-"):
            await self.tutor.open_lesson(key)

    async def action_continue(self) -> None:
        if self.tutor.course is None:
            self.notify(t("course_not_ready", self.tutor.lang), markup=False)
        elif self._target is not None:
            await self.tutor.open_lesson(self._target)
