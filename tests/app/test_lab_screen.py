"""The training lab on screen: train, stop, diverge, switch language (Pilot tests)."""

from __future__ import annotations

from textual.widgets import DataTable, Input, Select, Static, TabbedContent

from tests.app.conftest import until
from tutor.app.messages import LabTrainingProgress
from tutor.app.screens.lab import LabScreen


def status(screen: LabScreen) -> str:
    return str(screen.query_one("#status", Static).content)


async def set_fields(pilot, screen: LabScreen, **values: str) -> None:
    for field, value in values.items():
        screen.query_one(f"#{field}", Input).value = value
    await pilot.pause()


async def train(pilot, screen: LabScreen) -> None:
    await pilot.press("t")
    await until(lambda: not screen.running, "training to finish")
    await pilot.pause()


async def test_the_lab_opens_with_the_digits_defaults(run_screen) -> None:
    async with run_screen(LabScreen()) as (_app, _pilot, screen):
        assert isinstance(screen, LabScreen)
        assert screen.query_one("#hidden", Input).value == "128"
        assert "64-128-10" in str(screen.query_one("#architecture", Static).content)
        assert "9,610" in str(screen.query_one("#architecture", Static).content)


async def test_choosing_a_data_set_fills_in_its_defaults(run_screen) -> None:
    async with run_screen(LabScreen()) as (_app, pilot, screen):
        screen.query_one("#dataset", Select).value = "pima"
        await pilot.pause()
        assert screen.query_one("#hidden", Input).value == "12, 8"
        assert screen.query_one("#epochs", Input).value == "1500"
        assert "8-12-8-1" in str(screen.query_one("#architecture", Static).content)


async def test_training_a_gate_ends_with_test_accuracy_and_a_confusion_matrix(run_screen) -> None:
    async with run_screen(LabScreen(dataset="and")) as (app, pilot, screen):
        await train(pilot, screen)
        assert "학습 완료 (200 에포크" in status(screen)
        assert "테스트 정확도 1.0000" in status(screen)
        assert screen.query_one(TabbedContent).active == "results-pane"
        assert screen.query_one("#confusion", DataTable).row_count == 2
        assert "✓" in str(screen.query_one("#samples-text", Static).content)
        assert screen.progress_messages >= 1
        assert app.errors_reported == []


async def test_digits_results_show_the_images_with_their_labels(run_screen) -> None:
    async with run_screen(LabScreen(dataset="digits")) as (_app, pilot, screen):
        await set_fields(pilot, screen, epochs="2")
        await train(pilot, screen)
        gallery = screen.query_one("#gallery")
        assert gallery.display and len(gallery.items) == 8
        assert gallery.items[0].prediction.startswith("예측")
        assert screen.query_one("#confusion", DataTable).row_count == 10


async def test_the_stop_key_ends_a_long_run_within_moments(run_screen) -> None:
    async with run_screen(LabScreen(dataset="exam_scores")) as (app, pilot, screen):
        await set_fields(pilot, screen, epochs="100000")
        # pilot.press waits for an idle CPU, that is for the end of the run: post the keys.
        app.simulate_key("t")
        await until(
            lambda: screen.progress_seen is not None and screen.progress_seen.epoch > 0,
            "the first epoch",
        )
        app.simulate_key("s")
        await until(lambda: not screen.running, "the run to stop")
        await screen.workers.wait_for_complete()
        await pilot.pause()
        result = screen.last_result
        assert result is not None and result.run.outcome == "stopped"
        assert result.run.progress.epoch < 100_000
        assert status(screen).startswith("멈춤:")
        assert "테스트 정확도" in status(screen)


async def test_a_huge_learning_rate_ends_with_an_explanation_not_a_crash(run_screen) -> None:
    async with run_screen(LabScreen(dataset="pima")) as (_app, pilot, screen):
        screen.query_one("#optimizer", Select).value = "sgd"
        await set_fields(pilot, screen, lr="1e20", epochs="5")
        await train(pilot, screen)
        text = status(screen)
        assert "1번째 에포크에서 손실이 nan이(가) 되어" in text
        assert "학습률 1e+20" in text
        assert screen.query_one("#status").has_class("-error")
        assert screen.query_one(TabbedContent).active == "curves"


async def test_the_explanation_of_a_diverged_run_is_in_english_too(run_screen) -> None:
    async with run_screen(LabScreen(dataset="pima"), lang="en") as (_app, pilot, screen):
        screen.query_one("#optimizer", Select).value = "sgd"
        await set_fields(pilot, screen, lr="1e20", epochs="5")
        await train(pilot, screen)
        assert status(screen).startswith(
            "The loss became nan at epoch 1, so training stopped: the learning rate 1e+20 is "
            "probably too high"
        )


async def test_a_setting_that_is_not_a_number_is_explained_and_nothing_trains(run_screen) -> None:
    async with run_screen(LabScreen()) as (_app, pilot, screen):
        await set_fields(pilot, screen, lr="fast")
        await pilot.press("t")
        assert not screen.running
        assert "학습률에는 0보다 큰 수을(를) 적어야 합니다" in status(screen)
        await set_fields(pilot, screen, lr="0.01", hidden="64, x")
        await pilot.press("t")
        assert "'x'은(는) 쓸 수 없습니다" in status(screen)


async def test_switching_the_language_rewrites_the_lab(run_screen) -> None:
    async with run_screen(LabScreen(dataset="and")) as (app, pilot, screen):
        await train(pilot, screen)
        app.lang = "en"
        await pilot.pause()
        assert str(screen.query_one("#lab-title", Static).content).startswith("Training lab")
        assert status(screen).startswith("Done (200 epochs")
        assert "Test loss" in str(screen.query_one("#result-summary", Static).content)
        assert screen.query_one("#dataset", Select).selection == "and"


def test_a_newer_progress_report_replaces_a_queued_one() -> None:
    older = LabTrainingProgress(None, 1)  # type: ignore[arg-type]
    newer = LabTrainingProgress(None, 1)  # type: ignore[arg-type]
    assert older.can_replace(newer)


async def test_escape_stops_a_run_first_and_goes_back_once_nothing_trains(run_screen) -> None:
    async with run_screen(LabScreen(dataset="and")) as (app, pilot, screen):
        await set_fields(pilot, screen, epochs="100000")
        app.simulate_key("t")
        await until(lambda: screen.progress_seen is not None, "training to start")
        app.simulate_key("escape")
        await until(lambda: not screen.running, "the run to stop")
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("escape")
        assert app.screen is not screen
