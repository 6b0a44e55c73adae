"""The verdict of a check as the learner sees it: the message in the verdict's colour, one row
per case or truth-table row (a table when rows are short, a list when they are long), and what
the learner's code printed."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from tutor.app.marks import tone
from tutor.app.text import t
from tutor.i18n import pick

if TYPE_CHECKING:
    from tutor.exercises import Verdict

GOOD = "passed"
SOFT = ("invalid",)  # the answer could not be read: not wrong, just unreadable


class VerdictView(Static):
    """The last verdict: its message, one row per case or truth-table row, and any output."""

    show_details = True

    def show(self, verdict: Verdict | None, lang: str, extra: RenderableType | None = None) -> None:
        if verdict is None:
            self.update("")
            self.display = False
            return
        self.display = True
        if verdict.passed:
            style = tone(self.app, "success", bold=True)
        elif verdict.status in SOFT:
            style = tone(self.app, "warning", bold=True)
        else:
            style = tone(self.app, "error", bold=True)
        mark = "✓ " if verdict.passed else "✗ "
        parts: list[RenderableType] = [Text(mark + pick(verdict.message, lang), style=style)]
        if verdict.details and self.show_details:
            parts.append(details_view(self.app, verdict, lang))
        if verdict.output:
            parts.append(
                Panel(
                    Text(verdict.output.rstrip("\n")),
                    title=t("output_title", lang),
                    title_align="left",
                    border_style=tone(self.app, "accent"),
                )
            )
        if extra is not None:
            parts.append(extra)
        self.update(Group(*parts))


def details_view(app: Any, verdict: Verdict, lang: str) -> RenderableType:
    """Every case: ✓/✗, what was checked, what was expected, what came out, and why not.

    Short rows (a truth table) read best as a table; long ones (arrays, calls) as a list, which
    also fits 80 columns. A note already told in the verdict's message is not repeated."""
    rows = verdict.details
    message = pick(verdict.message, lang)
    passed = sum(row.ok for row in rows)
    caption = Text(t("cases_passed", lang, passed=passed, total=len(rows)), style="dim")
    good, bad = tone(app, "success"), tone(app, "error")
    longest = max(len(text) for row in rows for text in (row.label, row.expected, row.got))
    if longest <= 24:
        table = Table(box=None, padding=(0, 1), show_edge=False, expand=False)
        for key in ("", "col_case", "col_expected", "col_got"):
            table.add_column(t(key, lang) if key else "", overflow="fold")
        notes = any(pick(row.note, lang) for row in rows)
        if notes:
            table.add_column(t("col_note", lang), overflow="fold")
        for row in rows:
            cells = [
                Text("✓" if row.ok else "✗", style=good if row.ok else bad),
                Text(row.label),
                Text(row.expected),
                Text(row.got),
            ]
            if notes:
                cells.append(Text(pick(row.note, lang)))
            table.add_row(*cells)
        return Group(table, caption)
    lines: list[RenderableType] = []
    for row in rows:
        lines.append(
            Text("✓ " if row.ok else "✗ ", style=good if row.ok else bad) + Text(row.label)
        )
        if not row.ok:
            lines.append(Text(f"    {t('col_expected', lang)}: {row.expected}", overflow="fold"))
            lines.append(Text(f"    {t('col_got', lang)}: {row.got}", overflow="fold"))
            note = pick(row.note, lang)
            if note and note not in message:
                lines.append(Text(f"    {note}", style="italic", overflow="fold"))
    lines.append(caption)
    return Group(*lines)
