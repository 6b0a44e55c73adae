"""The code exercise's own-editor key (F4, with a fake $EDITOR that edits the file) and its
Run key (F5), and answers that do not count as attempts in the app."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, Static

from tests.app.conftest import plain, settle, show_exercise
from tutor.app.widgets.exercises.code import CodeEditor
from tutor.app.widgets.exercises.verdict import VerdictView
from tutor.app.widgets.exercises.workspace_keys import FileConflict
from tutor.progress import ProgressStore

RIGHT = "def double(x):\n    return x * 2\n"


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "workspace"
    monkeypatch.setenv("TUTOR_WORKSPACE", str(folder))
    monkeypatch.delenv("VISUAL", raising=False)
    return folder


def set_editor(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, body: str) -> None:
    script = tmp_path / "fake-editor"
    script.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    script.chmod(0o755)
    monkeypatch.setenv("EDITOR", str(script))


@contextmanager
def watching_suspend(app: Any, calls: list[str]) -> Iterator[None]:
    """Stand-in for App.suspend (the headless driver cannot lend a terminal): records its use.
    Like Textual's, it does not resume when the block raises."""
    calls.append("suspended")
    yield
    calls.append("resumed")


def notes(app: Any) -> list[str]:
    return [n.message for n in app._notifications]


async def test_f4_edits_the_file_in_the_learners_editor_and_checks_it_on_return(
    run_app: Any, store: ProgressStore, workspace: Path, tmp_path: Path, monkeypatch: Any
) -> None:
    # the editor sees the app's text in the file, and replaces it with a right answer
    set_editor(
        monkeypatch,
        tmp_path,
        'grep -q NotImplementedError "$1" || exit 7\n'
        "printf 'def double(x):\\n    return x * 2\\n' > \"$1\"",
    )
    async with run_app("en") as (app, pilot):
        calls: list[str] = []
        monkeypatch.setattr(app, "suspend", lambda: watching_suspend(app, calls))
        view = await show_exercise(pilot, "double")
        await pilot.press("f4")
        await settle(pilot)
        assert calls == ["suspended", "resumed"]
        assert view.query_one(CodeEditor).text == RIGHT
        assert "All 2 cases pass" in plain(view.query_one(VerdictView))
    assert (workspace / "01_double.py").read_text(encoding="utf-8") == RIGHT
    assert store.exercise_progress("01.double").passed


async def test_an_editor_that_fails_is_one_line_and_nothing_is_checked_or_lost(
    run_app: Any, store: ProgressStore, workspace: Path, tmp_path: Path, monkeypatch: Any
) -> None:
    set_editor(monkeypatch, tmp_path, "exit 3")
    async with run_app("en") as (app, pilot):
        calls: list[str] = []
        monkeypatch.setattr(app, "suspend", lambda: watching_suspend(app, calls))
        view = await show_exercise(pilot, "double")
        view.query_one(CodeEditor).load_text("def double(x):\n    return x  # mine\n")
        await pilot.press("f4")
        await settle(pilot)
        assert calls == ["suspended", "resumed"]  # the app comes back even when the editor fails
        assert any("exited with status 3, so nothing was checked" in n for n in notes(app))
        assert view.query_one(CodeEditor).text == "def double(x):\n    return x  # mine\n"
    assert (workspace / "01_double.py").read_text(encoding="utf-8").endswith("# mine\n")
    assert store.attempts() == []


async def test_the_file_from_tutor_watch_is_what_the_editor_shows_and_a_check_saves_to_it(
    run_app: Any, store: ProgressStore, workspace: Path
) -> None:
    workspace.mkdir()
    path = workspace / "01_double.py"
    path.write_text("def double(x):\n    return x  # from my editor\n", encoding="utf-8")
    async with run_app("en") as (_app, pilot):
        view = await show_exercise(pilot, "double")
        await pilot.pause()
        editor = view.query_one(CodeEditor)
        assert editor.text.endswith("# from my editor\n")
        editor.load_text(RIGHT)
        await pilot.press("ctrl+r")
        await settle(pilot)
    assert path.read_text(encoding="utf-8") == RIGHT
    assert store.exercise_progress("01.double").passed


async def test_a_file_changed_on_both_sides_is_not_overwritten_without_asking(
    run_app: Any, workspace: Path, tmp_path: Path, monkeypatch: Any
) -> None:
    set_editor(monkeypatch, tmp_path, "true")
    workspace.mkdir()
    path = workspace / "01_double.py"
    path.write_text("old\n", encoding="utf-8")
    async with run_app("en") as (app, pilot):
        view = await show_exercise(pilot, "double")
        await pilot.pause()
        path.write_text("changed outside\n", encoding="utf-8")
        view.query_one(CodeEditor).load_text("changed here\n")
        await pilot.press("f4")
        await pilot.pause()
        assert isinstance(app.screen, FileConflict)
        assert path.read_text(encoding="utf-8") == "changed outside\n"
        await pilot.click("#here")
        await settle(pilot)
        assert path.read_text(encoding="utf-8") == "changed here\n"


async def test_f5_runs_the_code_without_grading_and_shows_returns_and_prints(
    run_app: Any, store: ProgressStore, workspace: Path
) -> None:
    async with run_app("ko") as (_app, pilot):
        view = await show_exercise(pilot, "double")
        view.query_one(CodeEditor).load_text(
            "def double(x):\n    print('arr[i] is', x)\n    return x + x\n"
        )
        await pilot.press("f5")
        await settle(pilot)
        shown = plain(view.query_one(".code-trial", Static))
        assert "채점하지 않았고" in shown
        assert ["double(1)", "2"] in [line.split() for line in shown.splitlines()]
        assert "arr[i] is 1.0" in shown
    assert store.attempts() == []


async def test_code_that_is_not_python_is_not_an_attempt_in_the_app(
    run_app: Any, store: ProgressStore, workspace: Path
) -> None:
    async with run_app("en") as (_app, pilot):
        view = await show_exercise(pilot, "double")
        view.query_one(CodeEditor).load_text("def double(x)\n    return x * 2\n")
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert "SyntaxError" in plain(view.query_one(VerdictView))
    assert store.attempts() == []


async def test_the_number_placeholder_shows_no_number(run_app: Any, workspace: Path) -> None:
    for lang in ("ko", "en"):
        async with run_app(lang) as (_app, pilot):
            view = await show_exercise(pilot, "year")
            placeholder = view.query_one(Input).placeholder
            assert placeholder and not any(ch.isdigit() for ch in placeholder)
