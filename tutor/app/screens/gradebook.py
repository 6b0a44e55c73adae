"""The gradebook: every lesson and exercise with status, points, attempts and the last try, the
course grade, and an export to CSV or JSON at a path the learner picks.

The table is built from `tutor.progress.grade` (quick); the export goes through
`tutor.gradebook.gradebook_frame`, so it matches `tutor progress --format csv/json` exactly, and
runs in a thread because it imports pandas.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, DataTable, Footer, Header, Input, Label, Static

from tutor.app.base import Safe, follow_language
from tutor.app.marks import points, status_text, tone
from tutor.app.messages import ExportDone
from tutor.app.screens.course_map import set_columns
from tutor.app.text import t, tt
from tutor.i18n import pick
from tutor.progress import grade

if TYPE_CHECKING:
    from tutor.app.app import TutorApp

FORMATS = ("csv", "json")


def default_export_path(fmt: str = "csv") -> Path:
    return Path.home() / f"tutor-grades.{fmt}"


def export_text(frame: Any, fmt: str) -> str:
    """The gradebook as the CLI writes it (`tutor progress --format ...`)."""
    from tutor.gradebook import export_text as text_of

    return text_of(frame, fmt)


def when(moment: datetime | None, short: bool = False) -> str:
    """A time in the learner's own time zone, to the minute (without the year if `short`)."""
    if moment is None:
        return "-"
    return moment.astimezone().strftime("%m-%d %H:%M" if short else "%Y-%m-%d %H:%M")


class GradebookScreen(Safe, Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close"),
        Binding("f5", "export_csv", "Export CSV"),
        Binding("f6", "export_json", "Export JSON"),
    ]

    @property
    def tutor(self) -> TutorApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Header(icon="◆")
        with Vertical(id="grades-body"):
            yield DataTable(id="grades", cursor_type="row", zebra_stripes=True)
            yield Static(id="grades-total", markup=False)
            with Horizontal(id="export-row"):
                yield Label("", id="export-label", markup=False)
                yield Input(str(default_export_path()), id="export-path")
                yield Button("", id="export-csv", variant="primary", compact=True)
                yield Button("", id="export-json", compact=True)
            yield Static(id="export-result", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.result: dict[str, str] | None = None
        self.result_ok = True
        follow_language(self, self.apply_language)
        self.query_one("#grades", DataTable).focus()

    def apply_language(self, lang: str) -> None:
        self.sub_title = t("grades_title", lang)
        self.query_one("#export-label", Label).update(t("export_path", lang))
        self.query_one("#export-csv", Button).label = t("export_csv", lang)
        self.query_one("#export-json", Button).label = t("export_json", lang)
        self.fill(lang)
        self.show_result()

    def on_screen_resume(self) -> None:
        self.fill(self.tutor.lang)

    def fill(self, lang: str) -> None:
        course = self.tutor.course
        table = self.query_one("#grades", DataTable)
        set_columns(
            table,
            [
                (key, t(key, lang))
                for key in (
                    "col_lesson_exercise",
                    "col_status",
                    "col_points",
                    "col_percent",
                    "col_attempts",
                    "col_last_try",
                )
            ],
        )
        table.clear()
        if course is None:
            return
        rows: list[tuple[list[Text], str]] = []
        short = self.size.width < 100  # the year gives way to the titles
        store = self.tutor.store
        progress = store.all_progress()
        report = grade(progress, course.grading_items())  # one read for grades and attempts
        for lesson in course.lessons:
            score = report.lessons.get(lesson.id)
            if score is None:
                continue
            attempts = sum(progress[ex.id].attempts for ex in lesson.exercises if ex.id in progress)
            latest = [
                moment
                for ex in lesson.exercises
                if ex.id in progress and (moment := progress[ex.id].last_attempt_at) is not None
            ]
            rows.append(
                (
                    [
                        Text(lesson.display_title(lang), style="bold"),
                        status_text(self.app, score.status, lang),
                        Text(f"{points(score.points)}/{points(score.max_points)}", justify="right"),
                        Text(f"{score.percent:.0f}", justify="right"),
                        Text(str(attempts), justify="right"),
                        Text(when(max(latest) if latest else None, short)),
                    ],
                    lesson.id,
                )
            )
            for exercise in lesson.exercises:
                mark = report.exercises[exercise.id]
                mine = progress.get(exercise.id)
                title = pick(exercise.title, lang) or exercise.local_id
                rows.append(
                    (
                        [
                            Text(f"  {title}"),
                            status_text(self.app, mark.status, lang),
                            Text(
                                f"{points(mark.points)}/{points(mark.max_points)}", justify="right"
                            ),
                            Text(f"{mark.percent:.0f}", justify="right"),
                            Text(str(mine.attempts if mine else 0), justify="right"),
                            Text(when(mine.last_attempt_at if mine else None, short)),
                        ],
                        exercise.id,
                    )
                )
        self.add_rows(table, rows)
        total = report.course
        self.query_one("#grades-total", Static).update(
            Text(
                t(
                    "grades_total",
                    lang,
                    points=points(total.points),
                    max_points=points(total.max_points),
                    percent=f"{total.percent:.0f}",
                ),
                style=tone(self.app, "accent", bold=True),
            )
        )

    def on_resize(self) -> None:
        if self.tutor.course is not None and self.size.width != getattr(self, "_filled_at", 0):
            self.fill(self.tutor.lang)

    def add_rows(self, table: DataTable[Any], rows: list[tuple[list[Text], str]]) -> None:
        """Add the rows with the title column as wide as the other columns leave room for; a
        title longer than that wraps onto a second line instead of being cut (80 columns)."""
        self._filled_at = self.size.width
        columns = list(table.columns.values())
        first = columns[0]
        needed = 0
        for index, column in enumerate(columns[1:], start=1):
            widest = max([column.label.cell_len] + [cells[index].cell_len for cells, _ in rows])
            needed += widest + 2 * table.cell_padding
        room = (table.scrollable_content_region.width or self.size.width - 4) - 2
        widest_title = max([first.label.cell_len] + [cells[0].cell_len for cells, _ in rows])
        fitted = max(12, min(widest_title, room - needed - 2 * table.cell_padding))
        first.auto_width = False
        first.width = fitted
        console = self.app.console
        for cells, key in rows:
            title = cells[0]
            if title.cell_len > fitted:  # wrap, the exercise's lines indented under its first
                indent = len(title.plain) - len(title.plain.lstrip(" "))
                body = title[indent:]
                lines = body.wrap(console, fitted - indent)
                title = Text("\n").join(Text(" " * indent) + line for line in lines)
                title.stylize(cells[0].style)
            table.add_row(title, *cells[1:], key=key, height=len(title.plain.splitlines()))
        table.refresh(layout=True)

    # --- export ---------------------------------------------------------------------------------

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id in ("export-csv", "export-json"):
            event.stop()
            self.action_export(event.button.id.split("-")[1])

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        path = event.value.strip()
        self.action_export("json" if path.lower().endswith(".json") else "csv")

    def action_export_csv(self) -> None:
        self.action_export("csv")

    def action_export_json(self) -> None:
        self.action_export("json")

    def action_export(self, fmt: str) -> None:
        field = self.query_one("#export-path", Input)
        raw = field.value.strip()
        if not raw:
            self.set_result(tt("export_no_path"), ok=False)
            return
        path = Path(raw).expanduser()
        other = "json" if fmt == "csv" else "csv"
        if path.suffix.lower() == f".{other}":
            path = path.with_suffix(f".{fmt}")
            field.value = str(path)
        if path.is_dir():
            self.set_result(tt("export_is_folder", path=path), ok=False)
            return
        self.set_result(tt("exporting"), ok=True)
        self.export(path, fmt)

    @work(thread=True, exclusive=True, group="export")
    def export(self, path: Path, fmt: str) -> None:
        """Write the gradebook (pandas is imported here, in the thread)."""
        from tutor.gradebook import gradebook_frame

        try:
            course = self.tutor.course
            assert course is not None
            text = export_text(gradebook_frame(course, self.tutor.store, self.tutor.lang), fmt)
            path.parent.mkdir(parents=True, exist_ok=True)
            # a byte order mark, so that Excel on a Korean Windows reads the Hangul (as the CLI)
            path.write_text(text, encoding="utf-8-sig" if fmt == "csv" else "utf-8")
        except OSError as error:
            reason = error.strerror or str(error)
            self.post_message(ExportDone(str(path), tt("export_failed", path=path, reason=reason)))
            return
        self.post_message(ExportDone(str(path), None))

    def on_export_done(self, message: ExportDone) -> None:
        if message.error is None:
            self.set_result(tt("export_done", path=message.path), ok=True)
            self.notify(t("export_done", self.tutor.lang, path=message.path), markup=False)
        else:
            self.set_result(message.error, ok=False)

    def set_result(self, text: dict[str, str], *, ok: bool) -> None:
        self.result = text
        self.result_ok = ok
        self.show_result()

    def show_result(self) -> None:
        box = self.query_one("#export-result", Static)
        if not self.result:
            box.update("")
            return
        style = tone(self.app, "success" if self.result_ok else "error")
        box.update(Text(pick(self.result, self.tutor.lang), style=style))

    def action_close(self) -> None:
        self.app.pop_screen()
