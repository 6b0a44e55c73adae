"""Printing for the terminal: a Rich console, verdicts, and numbers as people write them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tutor.i18n import pick, t

if TYPE_CHECKING:
    from rich.console import Console

    from tutor.course import Exercise
    from tutor.exercises import Verdict

SHORT_CELL = 24  # rows whose cells are all this short read best as a table


def console() -> Console:
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


def escape(text: str) -> str:
    from rich.markup import escape as rich_escape

    return rich_escape(text)


def number(value: float) -> str:
    """2.0 -> "2", 1.5 -> "1.5", 0.333 -> "0.33"."""
    rounded = round(float(value), 2)
    return str(int(rounded)) if rounded.is_integer() else f"{rounded:g}"


def one_line(text: str) -> str:
    """Newlines and runs of spaces (a printed 2-D array) as single spaces."""
    return " ".join(text.split())


def points_text(points: float, lang: str) -> str:
    """ "1 point", "3 points", "배점 2"."""
    key = "cli_point_one" if number(points) == "1" else "cli_points"
    return t(key, lang, points=number(points))


def print_verdict(verdict: Verdict, exercise: Exercise | None, lang: str) -> None:
    """The verdict's message, its cases, the explanation (once passed), and what was printed."""
    from rich.table import Table
    from rich.text import Text

    out = console()
    style = "bold green" if verdict.passed else "bold red"
    message = pick(verdict.message, lang)
    out.print(Text(message, style=style))
    rows = verdict.details
    if rows:
        longest = max(len(cell) for row in rows for cell in (row.label, row.expected, row.got))
        if longest <= SHORT_CELL:
            table = Table(show_header=True, box=None, padding=(0, 1))
            for column in ("", t("cli_case", lang), t("cli_expected", lang), t("cli_got", lang)):
                table.add_column(column)
            for row in rows:
                table.add_row(
                    Text("✓" if row.ok else "✗", style="green" if row.ok else "red"),
                    Text(row.label),
                    Text(row.expected),
                    Text(row.got),
                )
            out.print(table)
        else:  # long rows (calls and arrays): one line each; the first failure is in the message
            first_failure = next((row for row in rows if not row.ok), None)
            for row in rows:
                mark = Text("✓ " if row.ok else "✗ ", style="green" if row.ok else "red")
                out.print(
                    Text(" ") + mark + Text(one_line(row.label)), no_wrap=True, overflow="ellipsis"
                )
                note = pick(row.note, lang).strip()
                if row is not first_failure and note and note not in message:
                    out.print(Text(f"     {note.splitlines()[0]}", style="dim"))
    if verdict.passed and exercise is not None and exercise.explanation:
        out.print()
        out.print(Text(t("cli_explanation", lang), style="bold"))
        out.print(Text(pick(exercise.explanation, lang)))
    if verdict.output.strip():
        out.print(Text(t("cli_output", lang), style="dim"))
        out.print(Text(verdict.output.rstrip("\n")))
