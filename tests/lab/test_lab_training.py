"""The lab's training runner, without any UI: progress reports, stopping, diverging, results."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from tutor.lab import (
    DEFAULTS,
    LabConfig,
    LiveReport,
    SettingsError,
    count_parameters,
    evaluate_lab,
    load_lab_data,
    parse_hidden,
    read_hidden,
    read_lab_config,
    train_lab,
)
from tutor.lab.results import confusion_matrix, pick_samples, predicted_classes


def never() -> bool:
    return False


def test_hidden_layers_are_read_from_a_comma_separated_list() -> None:
    assert parse_hidden("128, 64") == (128, 64)
    assert parse_hidden("12 8") == (12, 8)
    assert parse_hidden("  ") == ()


@pytest.mark.parametrize("text", ["12, x", "0", "5000", "1.5"])
def test_hidden_layers_that_are_not_whole_numbers_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_hidden(text)


def test_parameter_count_matches_the_digits_network() -> None:
    # 64*128 + 128 weights and biases, then 128*10 + 10.
    assert count_parameters((64, 128, 10)) == 9610


def test_images_are_flattened_and_scaled_to_one() -> None:
    data = load_lab_data("digits")
    assert data.x_train.shape == (1437, 64)
    assert data.x_train.max() == pytest.approx(1.0)
    assert data.images is not None and data.images.shape == (360, 8, 8)
    assert data.n_classes == 10


def test_tables_are_standardised_only_when_asked() -> None:
    scaled = load_lab_data("exam_scores", scale=True)
    raw = load_lab_data("exam_scores", scale=False)
    assert abs(float(scaled.x_train.mean())) < 0.01
    assert raw.x_train.min() >= 30.0


def test_a_run_reports_at_most_once_per_interval_and_always_at_the_end() -> None:
    clock_now = [0.0]

    def clock() -> float:
        clock_now[0] += 0.001  # every look at the clock: a millisecond passes
        return clock_now[0]

    reports = []
    live = LiveReport(reports.append, never, epochs=3, interval=0.1, clock=clock)
    live.set_model(type("Model", (), {"stop_training": False})())
    live.set_params({"steps": 1000})
    live.on_train_begin()
    for epoch in range(3):
        for batch in range(1000):
            live.on_batch_end(batch, {"loss": 1.0, "accuracy": 0.5})
        live.on_epoch_end(epoch, {"loss": 1.0, "accuracy": 0.5})
    live.on_train_end()
    # 3000 batches ~ 3 s of fake time: about 30 reports, never one per batch.
    assert 2 <= len(reports) <= 40
    assert reports[-1].epoch == 3


def test_the_finished_curves_have_one_point_per_epoch() -> None:
    config = replace(DEFAULTS["exam_scores"], epochs=12)
    run = train_lab(config, load_lab_data("exam_scores"), lambda p: None, never)
    xs, _ = run.progress.curves["loss"]
    assert xs == tuple(float(e) for e in range(1, 13))
    assert len(run.progress.curves["val_accuracy"][0]) == 12


def test_the_stop_flag_ends_training_within_one_batch() -> None:
    asked = [0]

    def stop_after_five_questions() -> bool:
        asked[0] += 1
        return asked[0] > 5

    config = replace(DEFAULTS["exam_scores"], epochs=10_000)
    run = train_lab(config, load_lab_data("exam_scores"), lambda p: None, stop_after_five_questions)
    assert run.outcome == "stopped"
    # Asked after every batch: the sixth answer stopped the first epoch (of 22 batches).
    assert "at epoch 1, batch 6" in (run.stop_reason or "")


def test_a_huge_learning_rate_ends_the_run_with_a_reason_instead_of_an_exception() -> None:
    config = LabConfig("pima", (12, 8), "relu", "sgd", 1e20, epochs=5, batch_size=64)
    data = load_lab_data("pima")
    run = train_lab(config, data, lambda p: None, never)
    assert run.outcome == "diverged"
    assert run.bad_loss is not None and run.bad_loss[0] == 1
    assert "learning rate 1e+20 is probably too high" in (run.stop_reason or "")
    result = evaluate_lab(run, data)
    assert result.test_accuracy is None and result.confusion is None


def test_evaluation_gives_accuracy_confusion_matrix_and_samples() -> None:
    data = load_lab_data("and")
    run = train_lab(DEFAULTS["and"], data, lambda p: None, never)
    result = evaluate_lab(run, data)
    assert result.test_accuracy == 1.0
    assert result.confusion.tolist() == [[3, 0], [0, 1]]
    assert [s.true for s in result.samples] == [0, 0, 0, 1]


def test_confusion_matrix_rows_are_true_classes_and_columns_predictions() -> None:
    matrix = confusion_matrix(np.array([0, 0, 1, 2]), np.array([0, 1, 1, 1]), 3)
    assert matrix.tolist() == [[1, 1, 0], [0, 1, 0], [0, 1, 0]]


def test_one_sigmoid_unit_is_read_with_a_half_threshold() -> None:
    classes, confidence = predicted_classes(np.array([[0.9], [0.2]], dtype=np.float32))
    assert classes.tolist() == [1, 0]
    assert confidence.tolist() == pytest.approx([0.9, 0.8])


def test_samples_show_mistakes_of_different_kinds_first() -> None:
    y_true = np.array([1, 1, 1, 2, 0, 0, 0, 0])
    y_pred = np.array([9, 9, 9, 5, 0, 0, 0, 0])
    samples = pick_samples(y_true, y_pred, np.ones(8), count=4)
    assert [(s.true, s.predicted) for s in samples] == [(1, 9), (2, 5), (0, 0), (0, 0)]


def test_short_runs_of_long_epochs_get_points_inside_each_epoch() -> None:
    live = LiveReport(lambda p: None, never, epochs=2)
    live.set_model(type("Model", (), {"stop_training": False})())
    live.set_params({"steps": 200})
    live.on_train_begin()
    for epoch in range(2):
        for batch in range(200):
            live.on_batch_end(batch, {"loss": 1.0, "accuracy": 0.5})
        live.on_epoch_end(epoch, {"loss": 1.0, "accuracy": 0.5})
    xs = live.snapshot().curves["loss"][0]
    # Every 10 batches (1/20 of an epoch) inside the epoch, plus the epoch's own point.
    assert len(xs) == 2 * 20
    assert xs[:2] == (0.05, 0.1) and xs[19] == 1.0 and xs[-1] == 2.0


def test_typed_lab_settings_become_a_config() -> None:
    config = read_lab_config(
        "digits", hidden="64, 32", learning_rate="0.01", epochs="3", batch_size="16"
    )
    assert (config.hidden, config.learning_rate, config.epochs, config.batch_size) == (
        (64, 32),
        0.01,
        3,
        16,
    )


@pytest.mark.parametrize(
    ("field", "typed", "expected"),
    [
        ("hidden", "12, x", "units"),
        ("learning_rate", "-1", "positive"),
        ("learning_rate", "nan", "positive"),
        ("epochs", "0", "whole"),
        ("batch_size", "2.5", "whole"),
    ],
)
def test_a_setting_that_cannot_be_used_names_its_field(field, typed, expected) -> None:
    fields = {"hidden": "8", "learning_rate": "0.1", "epochs": "5", "batch_size": "4"}
    fields[field] = typed
    with pytest.raises(SettingsError) as caught:
        read_lab_config("xor", **fields)
    assert caught.value.expected == expected
    assert caught.value.field == {"hidden": "hidden_layers"}.get(field, field)


def test_the_playground_allows_at_most_four_layers_of_eight_units() -> None:
    assert read_hidden("8, 8, 8, 8", max_layers=4, max_units=8) == (8, 8, 8, 8)
    with pytest.raises(SettingsError) as caught:
        read_hidden("9", max_layers=4, max_units=8)
    assert (caught.value.expected, caught.value.layers, caught.value.high) == ("small_layers", 4, 8)
