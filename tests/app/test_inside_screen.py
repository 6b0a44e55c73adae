"""The inside view on screen: step numbers from the engine, live training, divergence, fallbacks
(Pilot tests), and what it looks like in ko and en at 120×40 and 80×24 (snapshots).

Update the pictures after an intended change with `pytest tests/app/test_inside_screen.py
--snapshot-update` and look at them (`snapshot_report.html`) before committing.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from tests.app.conftest import plain, until
from tutor.app.screens.inside import InsideScreen, InsideSource
from tutor.app.widgets.neurons import NeuronView
from tutor.app.widgets.steps import StepPanel
from tutor.engine import Dense, Sequential, optimizers, set_seed
from tutor.viz.lessonnet import load_lesson_net

LESSONS = Path(__file__).resolve().parents[2] / "lessons"
L09 = LESSONS / "09-backpropagation"


def lesson_source(lesson: Path = L09) -> InsideSource:
    return InsideSource.from_lesson(load_lesson_net(lesson), "09")


def wide_source(units: int = 8, layers: int = 4, lr: float = 0.03, diverge: bool = False):
    """The playground's largest network (4 × 8 tanh) on a circle; `diverge`: a linear network
    with the mean squared error and a learning rate that blows it up."""
    set_seed(0)
    rng = np.random.default_rng(0)
    x = rng.uniform(-5, 5, size=(60, 2)).astype(np.float32)
    y = (np.hypot(x[:, 0], x[:, 1]) < 3).astype(int)
    hidden, out = ("linear", "linear") if diverge else ("tanh", "sigmoid")
    model = Sequential([Dense(units, activation=hidden, input_shape=(2,))])
    for _ in range(layers - 1):
        model.add(Dense(units, activation=hidden))
    model.add(Dense(1, activation=out))
    loss = "mse" if diverge else "binary_crossentropy"
    model.compile(optimizer=optimizers.SGD(learning_rate=lr), loss=loss)
    return InsideSource(model, x, y, (-6.0, 6.0, -6.0, 6.0), batch_size=10)


async def frame_shown(screen: InsideScreen, count: int = 1) -> None:
    await until(lambda: screen.frames_shown >= count, "a neuron frame")


async def test_a_step_shows_the_engines_own_gradients(run_screen) -> None:
    source = lesson_source()
    expected = source.model.compute_gradients(source.x, source.y)  # before the step
    weights = source.model.get_weights()
    async with run_screen(InsideScreen(source), lang="en") as (_app, pilot, screen):
        await frame_shown(screen)
        await pilot.press("n")
        await until(lambda: screen.last_step is not None, "the step")
        await pilot.pause()
        step = screen.last_step
        traced = [g for layer in step.layers for g in (layer.dL_dW, layer.dL_db)]
        for got, want in zip(traced, expected, strict=True):
            np.testing.assert_allclose(got, want, rtol=1e-6, atol=1e-9)
        # applied, as one SGD step of learning rate 0.5
        for before, after, grad in zip(weights, source.model.get_weights(), expected, strict=True):
            np.testing.assert_allclose(after, before - 0.5 * grad, rtol=1e-5, atol=1e-7)
        text = plain(screen.query_one(StepPanel).query_one("#step-text"))
        assert "binary_crossentropy = 0.6772" in text
        assert "W[1,7] x2→h8" in text and "dL/dz" in text
        assert "step 1" in plain(screen.query_one("#in-status"))


async def test_m_makes_a_step_take_one_sample(run_screen) -> None:
    source = lesson_source()
    async with run_screen(InsideScreen(source), lang="en") as (_app, pilot, screen):
        await frame_shown(screen)
        await pilot.press("m")
        assert "a step = one sample" in plain(screen.query_one("#in-title"))
        expected = source.model.compute_gradients(source.x[:1], source.y[:1])
        await pilot.press("n")
        await until(lambda: screen.last_step is not None, "the step")
        step = screen.last_step
        assert len(step.y) == 1 and step.layers[0].x.tolist() == [[0.0, 0.0]]
        np.testing.assert_allclose(step.layers[1].dL_dW, expected[2], rtol=1e-6, atol=1e-9)
        await pilot.press("n")
        await until(lambda: screen.steps == 2, "the second sample")
        assert screen.last_step.layers[0].x.tolist() == [[0.0, 1.0]]


async def test_the_cursor_shows_a_neurons_weights_and_dead_relus(run_screen) -> None:
    async with run_screen(InsideScreen(lesson_source()), lang="ko") as (_app, pilot, screen):
        await frame_shown(screen)
        view = screen.query_one(NeuronView)
        assert view.fits and list(np.flatnonzero(view.frame.layers[0].dead)) == [0, 3, 6]
        assert "죽은 ReLU" in plain(screen.query_one("#in-detail"))  # h1 is selected first
        await pilot.press("down")
        assert view.cursor == (1, 1)
        detail = plain(screen.query_one("#in-detail"))
        assert "h2 (relu)" in detail and "x1 −0.31" in detail and "죽은" not in detail
        out = next(b for b in view.layout_now.blocks if b.layer == 2)
        await pilot.hover(NeuronView, offset=(out.x + 1, out.y + 1))  # the mouse selects too
        assert view.cursor == (2, 0)
        assert "out (sigmoid)" in plain(screen.query_one("#in-detail"))


async def test_training_runs_live_and_keys_answer_while_it_runs(run_screen) -> None:
    import sys

    source = wide_source()
    switch = sys.getswitchinterval()
    async with run_screen(InsideScreen(source), lang="en") as (app, _pilot, screen):
        await frame_shown(screen)
        app.simulate_key("space")  # pilot.press would wait for the CPU to go idle
        await until(lambda: screen.running and screen.epoch >= 3, "three epochs")
        assert sys.getswitchinterval() == max(switch, 0.02)  # longer slices while it trains
        shown = screen.frames_shown
        view = screen.query_one(NeuronView)
        app.simulate_key("right")
        await until(lambda: view.cursor == (2, 0), "the cursor to move while training")
        await until(lambda: screen.frames_shown > shown, "a new frame while training")
        app.simulate_key("space")
        await until(lambda: not screen.running, "the pause")
        await screen.workers.wait_for_complete()
        assert screen.error is None and screen.epoch >= 3
        assert sys.getswitchinterval() == switch  # and back afterwards


async def test_a_diverging_run_stops_cleanly_and_shows_the_bad_step(run_screen) -> None:
    source = wide_source(units=4, layers=1, lr=1.0, diverge=True)
    async with run_screen(InsideScreen(source), lang="en") as (app, pilot, screen):
        await frame_shown(screen)
        app.simulate_key("space")
        await until(lambda: screen.error is not None, "the divergence")
        await screen.workers.wait_for_complete()
        await pilot.pause()
        assert not screen.running
        bad = screen.last_step
        assert bad is not None and not bad.finite
        text = plain(screen.query_one(StepPanel).query_one("#step-text"))
        assert f"⚠ Step {bad.iteration} produced inf/NaN" in text
        assert "training stopped" in plain(screen.query_one("#in-status"))
        await pilot.press("space")  # a stopped run does not start again by itself
        assert not screen.running


async def test_a_network_too_large_to_draw_falls_back_to_the_summary(run_screen) -> None:
    async with run_screen(InsideScreen(wide_source(units=16)), lang="ko") as (_app, pilot, s):
        await frame_shown(s)
        await pilot.pause()
        assert not s.query_one(NeuronView).display
        assert "요약" in plain(s.query_one("#in-fallback-note"))
        assert "뉴런이 65개라" in plain(s.query_one("#in-fallback-text"))


async def test_the_playgrounds_largest_net_falls_back_at_80x24_and_draws_at_120x40(
    run_screen,
) -> None:
    async with run_screen(InsideScreen(wide_source()), size=(80, 24)) as (_app, pilot, s):
        await frame_shown(s)
        await pilot.pause()
        assert not s.query_one(NeuronView).display
        assert "120×40" in plain(s.query_one("#in-fallback-note"))
    async with run_screen(InsideScreen(wide_source()), size=(120, 40)) as (_app, pilot, s):
        await frame_shown(s)
        await pilot.pause()
        view = s.query_one(NeuronView)
        assert view.display and view.fits and view.side >= 4


async def test_the_playground_opens_its_network_inside_and_gets_it_back(run_screen) -> None:
    from tutor.app.screens.playground import PlaygroundScreen

    async with run_screen(PlaygroundScreen(), lang="en") as (app, pilot, playground):
        await pilot.press("i")
        await pilot.pause()
        inside = app.screen
        assert isinstance(inside, InsideScreen) and inside.source.model is playground.session.model
        await frame_shown(inside)
        await pilot.press("n")
        await until(lambda: inside.last_step is not None, "the step")
        await pilot.press("n")
        await until(lambda: inside.steps >= 2, "two steps")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is playground


async def test_a_lesson_with_a_network_opens_it_with_f6(run_app, course_root: Path) -> None:
    shutil.copy(L09 / "inside.toml", course_root / "01-first" / "inside.toml")
    async with run_app("ko") as (app, pilot):
        from tests.app.conftest import open_lesson

        lesson = await open_lesson(pilot, "01-first")
        await pilot.press("f6")
        await pilot.pause()
        assert isinstance(app.screen, InsideScreen)
        await frame_shown(app.screen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is lesson
        second = await open_lesson(pilot, "02-second")  # no inside.toml: no F6
        await pilot.press("f6")
        await pilot.pause()
        assert app.screen is second


async def test_the_lab_asks_for_a_run_first(run_screen) -> None:
    from tutor.app.screens.lab import LabScreen

    async with run_screen(LabScreen(dataset="xor"), lang="en") as (app, pilot, lab):
        await pilot.press("i")
        await pilot.pause()
        assert app.screen is lab
        assert any("Train once first" in str(n.message) for n in app._notifications)


async def test_the_lab_opens_a_run_on_xor_inside(run_screen) -> None:
    from textual.widgets import Input

    from tutor.app.screens.lab import LabScreen

    async with run_screen(LabScreen(dataset="xor"), lang="en") as (app, pilot, lab):
        lab.query_one("#epochs", Input).value = "5"
        await pilot.pause()
        await pilot.press("t")
        await until(lambda: not lab.running, "training to finish")
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        inside = app.screen
        assert isinstance(inside, InsideScreen)
        assert inside.source.model is lab.last_result.run.model
        x0, x1, y0, y1 = inside.source.bounds
        assert x0 < inside.source.x[:, 0].min() and x1 > inside.source.x[:, 0].max()
        assert y0 < inside.source.x[:, 1].min() and y1 > inside.source.x[:, 1].max()
        await frame_shown(inside)
        await pilot.press("n")
        await until(lambda: inside.last_step is not None, "a step on the lab's network")
        assert inside.last_step.finite


def stepped(lang: str):
    async def run_before(pilot) -> None:
        screen = InsideScreen(lesson_source())
        await pilot.app.push_screen(screen)
        await until(lambda: screen.frames_shown >= 1, "a frame")
        await pilot.press("n")
        await until(lambda: screen.last_step is not None, "the step")
        await screen.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
def test_inside_snapshot(snap_compare, store, course, lang: str, size) -> None:
    from tutor.app.app import TutorApp

    app = TutorApp(store, lang=lang, course=course)
    assert snap_compare(app, terminal_size=size, run_before=stepped(lang))
