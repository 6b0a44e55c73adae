"""The gradebook: a row per lesson and exercise, the course grade, and the export to CSV or JSON
(the same text `tutor progress --format ...` writes)."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from textual.widgets import DataTable, Input, Static

from tests.app.conftest import plain, settle
from tutor.app.screens.gradebook import GradebookScreen
from tutor.grading import submit
from tutor.progress import ProgressStore


async def open_gradebook(pilot: Any) -> GradebookScreen:
    await pilot.press("ctrl+g")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, GradebookScreen)
    return screen


async def test_every_lesson_and_exercise_has_a_row_with_its_points(
    run_app: Any, store: ProgressStore, course: Any
) -> None:
    submit(store, course.exercise("01.who"), "b")
    submit(store, course.exercise("01.year"), "1900")
    async with run_app("en") as (_app, pilot):
        screen = await open_gradebook(pilot)
        table = screen.query_one("#grades", DataTable)
        keys = [row.key.value for row in table.ordered_rows]
        assert keys[:2] == ["01-first", "01.year"] and "02-second" in keys
        who = [str(cell) for cell in table.get_row("01.who")]
        assert "✓ done" in who and "2/2" in who and "1" in who
        year = [str(cell) for cell in table.get_row("01.year")]
        assert "◐ in progress" in year and "0/1" in year
        assert "2/13 points" in plain(screen.query_one("#grades-total", Static))


async def test_export_writes_the_csv_the_cli_writes(
    run_app: Any, store: ProgressStore, course: Any, learner_home: Path
) -> None:
    submit(store, course.exercise("01.who"), "b")
    async with run_app("en") as (_app, pilot):
        screen = await open_gradebook(pilot)
        assert screen.query_one("#export-path", Input).value == str(
            learner_home / "tutor-grades.csv"
        )
        await pilot.press("f5")
        await settle(pilot)
        assert "Gradebook saved" in plain(screen.query_one("#export-result", Static))
    exported = learner_home / "tutor-grades.csv"
    assert exported.read_bytes().startswith(b"\xef\xbb\xbf")  # for Excel on Korean Windows
    rows = list(csv.DictReader(exported.open(encoding="utf-8-sig")))
    who = next(row for row in rows if row["exercise"] == "01.who")
    assert who["status"] == "passed" and who["points"] == "2"
    assert rows[-1]["level"] == "course"


async def test_export_json_to_a_path_the_learner_types(
    run_app: Any, store: ProgressStore, course: Any, tmp_path: Path
) -> None:
    submit(store, course.exercise("01.year"), "1958")
    target = tmp_path / "new folder" / "내 성적.json"
    async with run_app("ko") as (_app, pilot):
        screen = await open_gradebook(pilot)
        screen.query_one("#export-path", Input).value = str(target)
        await pilot.click("#export-json")
        await settle(pilot)
    records = json.loads(target.read_text(encoding="utf-8"))
    year = next(record for record in records if record["exercise"] == "01.year")
    assert year["status"] == "passed" and year["title"] == ""
    lesson = next(record for record in records if record["lesson"] == "01-first")
    assert lesson["title"] == "첫 레슨"


async def test_an_unwritable_path_gets_a_kind_message(run_app: Any, learner_home: Path) -> None:
    blocker = learner_home / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    async with run_app("en") as (_app, pilot):
        screen = await open_gradebook(pilot)
        screen.query_one("#export-path", Input).value = str(blocker / "grades.csv")
        await pilot.press("f5")
        await settle(pilot)
        message = plain(screen.query_one("#export-result", Static))
        assert message.startswith(f"Could not save to {blocker / 'grades.csv'}")
        assert "Try another path" in message


async def test_a_folder_is_not_a_file_name(run_app: Any, learner_home: Path) -> None:
    async with run_app("en") as (_app, pilot):
        screen = await open_gradebook(pilot)
        screen.query_one("#export-path", Input).value = str(learner_home)
        await pilot.press("f5")
        await settle(pilot)
        assert "is a folder" in plain(screen.query_one("#export-result", Static))
