"""The playground's engine side and its decision-boundary widget."""

from __future__ import annotations

import numpy as np
from textual.app import App, ComposeResult

from tutor.app.widgets.boundary import LEVELS, TEST_MARK, TRAIN_MARK, DecisionBoundary, shade_levels
from tutor.lab import PlaygroundConfig, PlaygroundSession, grid_points


def test_grid_points_run_row_by_row_from_the_top_left() -> None:
    points = grid_points(cols=2, rows=2, extent=6.0)
    assert points.tolist() == [[-3.0, 3.0], [3.0, 3.0], [-3.0, -3.0], [3.0, -3.0]]


def test_shades_are_signed_by_class_and_deepen_with_confidence() -> None:
    levels = shade_levels(np.array([0.0, 0.45, 0.5, 0.55, 1.0, np.nan]))
    assert levels.tolist() == [-LEVELS, -2, 1, 2, LEVELS, 1]


def test_a_session_trains_a_fixed_number_of_epochs_and_reports_frames() -> None:
    session = PlaygroundSession(PlaygroundConfig(dataset="gauss"))
    frames = []
    last = session.train(frames.append, lambda: False, lambda: (20, 20), max_epochs=50)
    assert session.epoch == 50 and last.epoch == 50 and not last.running
    assert last.grid.shape == (20, 20)
    assert frames[-1] is last
    assert last.train_loss < last.losses[0][1] or len(last.losses) == 1


def test_a_diverging_session_stops_with_the_engines_reason() -> None:
    config = PlaygroundConfig(dataset="circle", learning_rate=1e20, activation="relu")
    session = PlaygroundSession(config)
    last = session.train(lambda f: None, lambda: False, lambda: (10, 10), max_epochs=20)
    assert last.bad_loss is not None and last.bad_loss[0] == 1
    assert "learning rate 1e+20 is probably too high" in (last.stop_reason or "")


class BoundaryApp(App):
    def compose(self) -> ComposeResult:
        yield DecisionBoundary()


async def test_the_boundary_draws_two_pixels_a_cell_with_the_points_on_top() -> None:
    app = BoundaryApp()
    async with app.run_test(size=(40, 12)) as pilot:
        boundary = app.query_one(DecisionBoundary)
        await pilot.pause()
        assert boundary.side == 24  # 12 rows hold 24 pixels; the square is 24 x 24
        assert boundary.grid_size == (24, 24)
        grid = np.zeros((24, 24), dtype=np.float32)
        grid[:12] = 1.0  # blue above the x axis, orange below
        boundary.set_grid(grid)
        boundary.set_points(
            np.array([[-5.9, 5.9]]), np.array([1]), np.array([[5.9, -5.9]]), np.array([0])
        )
        lines = [boundary.render_line(y) for y in range(12)]
        assert len(lines[0].text) == 40
        assert lines[0].text[0] == TRAIN_MARK and lines[-1].text[23] == TEST_MARK
        assert set(lines[5].text[:24]) == {"▀"}
        top = next(iter(lines[5])).style
        bottom = next(iter(lines[6])).style
        assert top.color.triplet.blue > top.color.triplet.red  # blue side
        assert bottom.color.triplet.red > bottom.color.triplet.blue  # orange side
