"""The lab's widgets: the plotext plot and the half-block digit images."""

from __future__ import annotations

import math

import numpy as np
from rich.cells import cell_len
from textual.app import App, ComposeResult

from tutor.app.widgets.digits import DigitGallery, LabelledImage, grey_image, resample
from tutor.app.widgets.plot import PlotextPlot, Series, finite_points, integer_ticks, thin


class PlotApp(App):
    def compose(self) -> ComposeResult:
        yield PlotextPlot(title="손실 (loss)", xlabel="에포크 (epoch)", empty_text="비어 있음")


def test_plotext_never_sees_nan_or_infinity() -> None:
    assert finite_points([1, 2, 3, 4], [0.5, math.nan, math.inf, 0.1]) == ([1, 4], [0.5, 0.1])


def test_long_curves_are_thinned_keeping_the_last_point() -> None:
    xs, _ = thin(list(range(1000)), list(range(1000)), 50)
    assert len(xs) == 50 and xs[0] == 0 and xs[-1] == 999


def test_epoch_ticks_are_whole_round_numbers() -> None:
    assert integer_ticks(0, 20, 4) == [0, 10, 20]
    assert integer_ticks(0, 5, 7) == [0, 1, 2, 3, 4, 5]


async def test_a_korean_plot_fills_the_widget_with_aligned_lines() -> None:
    app = PlotApp()
    async with app.run_test(size=(70, 20)) as pilot:
        plot = app.query_one(PlotextPlot)
        plot.plot(
            [Series("훈련", [1, 2, 3], [0.9, 0.5, 0.3]), Series("검증", [1, 2, 3], [1, 0.7, 0.6])],
            xlim=(0, 3),
        )
        await pilot.pause()
        lines = plot.last_frame.split("\n")
        assert "손실 (loss)" in lines[0]
        assert "━━ 훈련" in lines[-1] and "━━ 검증" in lines[-1]
        plot_lines = lines[:-1]
        assert len(lines) == plot.content_size.height
        assert {cell_len(line) for line in plot_lines} == {plot.content_size.width}


async def test_an_empty_plot_shows_its_hint() -> None:
    app = PlotApp()
    async with app.run_test(size=(70, 20)) as pilot:
        await pilot.pause()
        assert app.query_one(PlotextPlot).last_frame == "비어 있음"


def test_a_digit_is_drawn_with_two_pixels_per_cell() -> None:
    image = np.zeros((8, 8))
    image[0, 0] = 1.0  # top-left pixel is ink
    lines = grey_image(image)  # 8x8 -> 16 columns, 16 pixel rows -> 8 lines
    assert len(lines) == 8
    assert lines[0].plain == "▀" * 16
    styles = [span.style for span in lines[0].spans]
    # Each pixel becomes 2x2: the first cell shows ink above and below, the third paper.
    assert styles[0].color.triplet == (255, 255, 255)
    assert styles[0].bgcolor.triplet == (255, 255, 255)
    assert styles[2].color.triplet == (0, 0, 0)


def test_mnist_images_are_shrunk_by_averaging() -> None:
    image = np.zeros((28, 28))
    image[:2, :2] = 1.0
    small = resample(image, 14)
    assert small.shape == (14, 14)
    assert small[0, 0] == 1.0 and small[0, 1] == 0.0


class GalleryApp(App):
    def compose(self) -> ComposeResult:
        yield DigitGallery()


async def test_the_gallery_wraps_images_with_their_captions() -> None:
    app = GalleryApp()
    async with app.run_test(size=(40, 30)) as pilot:
        gallery = app.query_one(DigitGallery)
        items = [LabelledImage(np.eye(8), f"예측 {i}", f"정답 {i}", i != 2) for i in range(3)]
        gallery.show(items)
        await pilot.pause()
        # 40 columns hold two 16-column images side by side, so three need two rows of
        # 8 image lines + 2 captions + a gap.
        assert gallery.size.height == 2 * (8 + 3)
        text = gallery.render()
        assert "예측 0" in text.plain and "정답 2" in text.plain
