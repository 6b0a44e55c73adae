"""What the training lab looks like after a short, seeded run (pytest-textual-snapshot).

Update the pictures after an intended change with `pytest tests/app/test_lab_snapshot.py
--snapshot-update` and look at them (`snapshot_report.html`) before committing.
"""

from __future__ import annotations

import pytest
from textual.app import App
from textual.reactive import reactive
from textual.widgets import Input

from tutor.app.screens.lab import LabScreen


class LabHarness(App):
    lang = reactive("ko")

    def __init__(self, lang: str = "ko", **screen_options: object):
        super().__init__()
        self.set_reactive(LabHarness.lang, lang)
        self.screen_options = screen_options

    def on_mount(self) -> None:
        self.push_screen(LabScreen(**self.screen_options))  # type: ignore[arg-type]


@pytest.fixture(autouse=True)
def frozen_clock(tmp_path, monkeypatch):
    """Elapsed time and ETA read 0:12 whatever the machine's speed; progress goes to tmp."""
    monkeypatch.setenv("TUTOR_HOME", str(tmp_path))
    monkeypatch.setattr(LabScreen, "fixed_elapsed", 12.0)


def short_run(epochs: str, tab: str):
    async def run_before(pilot) -> None:
        screen = pilot.app.screen
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


def test_lab_curves_after_a_short_exam_scores_run(snap_compare) -> None:
    app = LabHarness(dataset="exam_scores")
    assert snap_compare(app, terminal_size=(120, 40), run_before=short_run("60", "curves"))


def test_lab_results_after_a_short_digits_run(snap_compare) -> None:
    app = LabHarness(dataset="digits")
    assert snap_compare(app, terminal_size=(120, 40), run_before=short_run("3", "results"))
