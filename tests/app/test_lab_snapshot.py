"""What the training lab looks like after a short, seeded run (pytest-textual-snapshot).

Update the pictures after an intended change with `pytest tests/app/test_lab_snapshot.py
--snapshot-update` and look at them (`snapshot_report.html`) before committing.
"""

from __future__ import annotations

from typing import Any

import pytest
from textual.widgets import Input

from tutor.app.app import TutorApp
from tutor.app.screens.lab import LabScreen


@pytest.fixture(autouse=True)
def frozen_clock(monkeypatch):
    """Elapsed time and ETA read 0:12 whatever the machine's speed."""
    monkeypatch.setattr(LabScreen, "fixed_elapsed", 12.0)


def short_run(dataset: str, epochs: str, tab: str):
    async def run_before(pilot) -> None:
        screen = LabScreen(dataset=dataset)
        await pilot.app.push_screen(screen)
        await pilot.pause()
        screen.query_one("#epochs", Input).value = epochs
        screen.action_train()
        await screen.workers.wait_for_complete()
        await pilot.pause()
        screen.action_show_tab(tab)
        screen.query_one("#train").focus()
        await pilot.pause()
        # The results pane may have scrolled while it filled on a busy machine: start at the top.
        screen.query_one("#results").scroll_home(animate=False, immediate=True)
        # A DataTable of auto height takes its height a refresh after its rows arrive.
        matrix = screen.query_one("#confusion")
        for _ in range(30):
            await pilot.pause(0.05)
            if not matrix.display or matrix.size.height > 0:
                break
        await pilot.pause()

    return run_before


def test_lab_curves_after_a_short_exam_scores_run(snap_compare, store, course: Any) -> None:
    app = TutorApp(store, lang="ko", course=course)
    run = short_run("exam_scores", "60", "curves")
    assert snap_compare(app, terminal_size=(120, 40), run_before=run)


def test_lab_results_after_a_short_digits_run(snap_compare, store, course: Any) -> None:
    app = TutorApp(store, lang="ko", course=course)
    run = short_run("digits", "3", "results")
    assert snap_compare(app, terminal_size=(120, 40), run_before=run)
