"""The playground on screen: train, pause, reset, change a setting (Pilot tests)."""

from __future__ import annotations

from textual.widgets import Input, Select, Static

from tests.app.conftest import until
from tutor.app.screens.playground import PlaygroundScreen
from tutor.app.widgets.boundary import DecisionBoundary


async def opened(pilot) -> PlaygroundScreen:
    await pilot.pause()
    screen = pilot.app.screen
    screen.query_one("#pg-speed", Select).value = 0  # as fast as it goes
    await pilot.pause()
    return screen


async def train_for(pilot, screen: PlaygroundScreen, epochs: int) -> None:
    pilot.app.simulate_key("space")  # pilot.press would wait for the CPU to go idle
    await until(lambda: screen.frame is not None and screen.frame.epoch >= epochs, "epochs")
    pilot.app.simulate_key("space")
    await until(lambda: not screen.running, "the pause")
    await screen.workers.wait_for_complete()
    await pilot.pause()


async def test_a_new_network_shows_its_untrained_boundary_and_the_points(run_screen) -> None:
    async with run_screen(PlaygroundScreen()) as (_app, pilot, screen):
        screen = await opened(pilot)
        boundary = screen.query_one(DecisionBoundary)
        assert screen.frame is not None and screen.frame.epoch == 0
        assert boundary.grid is not None
        lines = [boundary.render_line(y).text for y in range(boundary.side // 2)]
        text = "".join(lines)
        assert "▀" in text and "●" in text and "○" in text


async def test_training_lowers_the_loss_and_moves_the_boundary(run_screen) -> None:
    async with run_screen(PlaygroundScreen()) as (_app, pilot, screen):
        screen = await opened(pilot)
        before = screen.frame
        await train_for(pilot, screen, 30)
        after = screen.frame
        assert after.epoch >= 30 and not after.running
        assert after.train_loss < before.train_loss
        assert abs(float(after.grid.mean()) - float(before.grid.mean())) > 0.01
        assert "에포크" in str(screen.query_one("#pg-status", Static).content)
        assert "멈춤" in str(screen.query_one("#pg-title", Static).content)


async def test_pausing_and_starting_again_continues_the_same_network(run_screen) -> None:
    async with run_screen(PlaygroundScreen()) as (_app, pilot, screen):
        screen = await opened(pilot)
        await train_for(pilot, screen, 10)
        first = screen.frame.epoch
        await train_for(pilot, screen, first + 10)
        assert screen.frame.epoch >= first + 10
        assert screen.frame.losses[0][0] == 0  # one history, from epoch 0


async def test_reset_starts_an_untrained_network(run_screen) -> None:
    async with run_screen(PlaygroundScreen()) as (_app, pilot, screen):
        screen = await opened(pilot)
        await train_for(pilot, screen, 10)
        generation = screen.generation
        await pilot.press("r")
        assert screen.generation == generation + 1
        assert screen.frame.epoch == 0


async def test_changing_a_setting_resets_the_network(run_screen) -> None:
    async with run_screen(PlaygroundScreen()) as (_app, pilot, screen):
        screen = await opened(pilot)
        await train_for(pilot, screen, 10)
        screen.query_one("#pg-dataset", Select).value = "xor"
        await pilot.pause()
        assert screen.config.dataset == "xor"
        assert screen.frame.epoch == 0
        screen.query_one("#pg-hidden", Input).value = "8, 8, 8"
        await pilot.pause()
        assert screen.config.hidden == (8, 8, 8)
        assert "2-8-8-8-1" in str(screen.query_one("#pg-architecture", Static).content)


async def test_too_many_hidden_layers_are_explained_and_keep_the_last_network(run_screen) -> None:
    async with run_screen(PlaygroundScreen()) as (_app, pilot, screen):
        screen = await opened(pilot)
        screen.query_one("#pg-hidden", Input).value = "4, 4, 4, 4, 4"
        await pilot.pause()
        assert screen.config.hidden == (4, 2)
        assert "4, 4, 4, 4, 4" in str(screen.query_one("#pg-architecture", Static).content)


async def test_the_playground_speaks_english_when_the_app_does(run_screen) -> None:
    async with run_screen(PlaygroundScreen()) as (app, pilot, screen):
        screen = await opened(pilot)
        app.lang = "en"
        await pilot.pause()
        assert str(screen.query_one("#pg-title", Static).content).startswith("Playground")
        assert "loss: training" in str(screen.query_one("#pg-status", Static).content)
        assert screen.query_one("#pg-dataset", Select).selection == "circle"


async def test_space_starts_training_even_from_a_menu_but_types_in_the_units_field(
    run_screen,
) -> None:
    async with run_screen(PlaygroundScreen()) as (app, pilot, screen):
        screen = await opened(pilot)
        screen.query_one("#pg-hidden", Input).focus()
        await pilot.press("end", "space")
        assert screen.query_one("#pg-hidden", Input).value == "4, 2 "
        assert not screen.running
        screen.query_one("#pg-dataset", Select).focus()
        app.simulate_key("space")
        await until(lambda: screen.running, "training to start")
        assert not screen.query_one("#pg-dataset", Select).expanded
        app.simulate_key("space")
        await until(lambda: not screen.running, "the pause")
        await screen.workers.wait_for_complete()


async def test_enter_in_the_units_field_starts_training(run_screen) -> None:
    async with run_screen(PlaygroundScreen()) as (app, pilot, screen):
        screen = await opened(pilot)
        screen.query_one("#pg-hidden", Input).focus()
        app.simulate_key("enter")
        await until(lambda: screen.running, "training to start")
        app.simulate_key("escape")
        await until(lambda: not screen.running, "the pause")
        await screen.workers.wait_for_complete()
        assert app.errors_reported == []
