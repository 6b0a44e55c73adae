"""Our engine trains exactly like Keras 3: same weights and batches in, same numbers out.

tests/fixtures/keras_reference.json holds real Keras runs (tools/keras_reference.py made it; its
metadata says which Keras, backend and date). Each case stores the data, the initial weights and
the settings; we rebuild the model with tutor.engine, train it with ``shuffle=False`` and compare
what Keras reported: the per-epoch history, the final weights, ``predict`` and ``evaluate``.

Tolerance: rtol 1e-5, atol 1e-6 (float32 precision over a few dozen steps), looser only where
WEIGHT_ATOL says why. A failure message names the first epoch (or element) that differs.
Regenerate the fixture with the command in tools/keras_reference.py's docstring.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from tutor.engine import Callback, Dense, Sequential, optimizers

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "keras_reference.json"
REFERENCE: dict[str, Any] = json.loads(FIXTURE.read_text(encoding="utf-8"))
CASES: dict[str, dict[str, Any]] = {case["name"]: case for case in REFERENCE["cases"]}

RTOL = 1e-5
ATOL = 1e-6
# Per-optimizer weight tolerances, empty now: Adam and Nadam compute their bias corrections in
# float32 as Keras does (1 − float32(0.999)ᵗ is not 1 − 0.999ᵗ), so they meet ATOL like the rest.
WEIGHT_ATOL: dict[str, float] = {}


def _array(values: Any, dtype: Any = np.float32) -> np.ndarray:
    return np.asarray(values, dtype=dtype)


def _labels(case_or_split: dict[str, Any], dtype_name: str) -> np.ndarray:
    return np.asarray(case_or_split["y"], dtype=np.dtype(dtype_name))


class BatchLogRecorder(Callback):
    """Keeps the logs `fit` hands to on_train_batch_end, one list per epoch (as the generator)."""

    def __init__(self) -> None:
        super().__init__()
        self.epochs: list[list[dict[str, float]]] = []

    def on_epoch_begin(self, epoch: int, logs: dict[str, float] | None = None) -> None:
        self.epochs.append([])

    def on_train_batch_end(self, batch: int, logs: dict[str, float] | None = None) -> None:
        self.epochs[-1].append(dict(logs or {}))


@cache
def trained(name: str) -> tuple[Any, dict[str, list[float]], list[list[dict[str, float]]]]:
    """Build the case's model with our engine, train it once; keep (model, history, batch logs)."""
    case = CASES[name]
    layers = []
    for index, spec in enumerate(case["layers"]):
        if index == 0:
            layers.append(
                Dense(spec["units"], activation=spec["activation"], input_dim=case["input_dim"])
            )
        else:
            layers.append(Dense(spec["units"], activation=spec["activation"]))
    model = Sequential(layers)
    model.set_weights([_array(w) for w in case["initial_weights"]])
    optimizer_class = getattr(optimizers, case["optimizer"]["class"])
    model.compile(
        optimizer=optimizer_class(**case["optimizer"]["kwargs"]),
        loss=case["loss"],
        metrics=case["metrics"],
    )
    validation = case.get("validation")
    recorder = BatchLogRecorder()
    history = model.fit(
        _array(case["x"]),
        _labels(case, case["y_dtype"]),
        epochs=case["epochs"],
        batch_size=case["batch_size"],
        shuffle=False,
        verbose=0,
        validation_data=(
            (_array(validation["x"]), _labels(validation, case["y_dtype"])) if validation else None
        ),
        callbacks=[recorder],
    )
    return model, history.history, recorder.epochs


def assert_matches_keras(
    ours: Any, keras: Any, what: str, *, rtol: float = RTOL, atol: float = ATOL
) -> None:
    """assert_allclose, with the first differing epoch or element named in the message."""
    ours_array = np.asarray(ours, dtype=np.float64)
    keras_array = np.asarray(keras, dtype=np.float64)
    assert ours_array.shape == keras_array.shape, (
        f"{what}: our shape {ours_array.shape}, Keras's {keras_array.shape}"
    )
    close = np.isclose(ours_array, keras_array, rtol=rtol, atol=atol)
    first = what
    if not close.all():
        index = tuple(int(i) for i in np.argwhere(~close)[0])
        first += (
            f": first difference at index {index}: ours {ours_array[index]!r}, "
            f"Keras {keras_array[index]!r}"
        )
    np.testing.assert_allclose(ours_array, keras_array, rtol=rtol, atol=atol, err_msg=first)


all_cases = pytest.mark.parametrize("name", list(CASES))


def test_fixture_was_made_by_keras_3() -> None:
    assert REFERENCE["keras_version"].startswith("3.")
    assert REFERENCE["floatx"] == "float32"
    assert len(CASES) >= 8


@all_cases
def test_history_has_the_same_keys_as_keras(name: str) -> None:
    _, history, _ = trained(name)
    assert sorted(history) == sorted(CASES[name]["history_keys"])


@all_cases
def test_training_loss_matches_keras_epoch_by_epoch(name: str) -> None:
    _, history, _ = trained(name)
    assert_matches_keras(history["loss"], CASES[name]["history"]["loss"], f"{name}: loss")


@all_cases
def test_metrics_and_validation_match_keras_epoch_by_epoch(name: str) -> None:
    _, history, _ = trained(name)
    keras_history = CASES[name]["history"]
    for key in keras_history:
        if key == "loss":
            continue
        assert key in history, f"{name}: our history has no {key!r} (it has {sorted(history)})"
        assert_matches_keras(history[key], keras_history[key], f"{name}: {key}")


@all_cases
def test_final_weights_match_keras(name: str) -> None:
    case = CASES[name]
    model, _, _ = trained(name)
    ours = model.get_weights()
    assert len(ours) == len(case["final_weights"])
    atol = WEIGHT_ATOL.get(case["optimizer"]["class"], ATOL)
    for index, (mine, theirs) in enumerate(zip(ours, case["final_weights"], strict=True)):
        assert_matches_keras(mine, theirs, f"{name}: weight {index}", atol=atol)


@all_cases
def test_predict_matches_keras(name: str) -> None:
    case = CASES[name]
    model, _, _ = trained(name)
    predictions = model.predict(_array(case["x"]), batch_size=case["batch_size"], verbose=0)
    assert_matches_keras(predictions, case["predict"], f"{name}: predict")


@all_cases
def test_evaluate_matches_keras(name: str) -> None:
    case = CASES[name]
    model, _, _ = trained(name)
    result = model.evaluate(
        _array(case["x"]),
        _labels(case, case["y_dtype"]),
        batch_size=case["batch_size"],
        verbose=0,
    )
    # Keras gives a bare float without metrics and [loss, *metrics] with them.
    assert isinstance(result, list) == isinstance(case["evaluate"], list)
    assert_matches_keras(result, case["evaluate"], f"{name}: evaluate")


def test_evaluate_on_validation_data_matches_keras() -> None:
    case = CASES["sparse_cce_relu_hidden_nadam_validation"]
    model, _, _ = trained(case["name"])
    validation = case["validation"]
    result = model.evaluate(
        _array(validation["x"]),
        _labels(validation, case["y_dtype"]),
        batch_size=case["batch_size"],
        verbose=0,
    )
    assert_matches_keras(result, validation["evaluate"], "validation evaluate")


def test_labels_shaped_n_and_n_by_1_train_identically() -> None:
    _, flat, _ = trained("bce_sigmoid_hidden_labels_flat_n")
    _, column, _ = trained("bce_sigmoid_hidden_labels_column_n1")
    np.testing.assert_array_equal(flat["loss"], column["loss"])
    np.testing.assert_array_equal(flat["acc"], column["acc"])


def test_epoch_loss_is_the_sample_weighted_mean_of_batch_losses() -> None:
    """Keras's batch logs are running means weighted by batch size; the last one is the epoch's.

    With 20 samples in batches of 8, 8, 4, a plain mean of the three batch losses would differ.
    """
    case = CASES["bce_tanh_hidden_adam_ragged_batches"]
    _, history, _ = trained(case["name"])
    sizes = np.array([8, 8, 4])
    for epoch, batches in enumerate(case["batch_logs"]):
        running = np.array([logs["loss"] for logs in batches])
        seen = np.cumsum(sizes)
        batch_losses = np.diff(running * seen, prepend=0.0) / sizes
        weighted = float(np.sum(batch_losses * sizes) / sizes.sum())
        assert_matches_keras(history["loss"][epoch], weighted, f"epoch {epoch} weighted mean")
        assert not np.isclose(weighted, batch_losses.mean(), rtol=RTOL, atol=ATOL)


def test_per_batch_logs_are_running_means_as_in_keras() -> None:
    """on_train_batch_end gets the epoch's running means so far, batch after batch, as Keras."""
    case = CASES["bce_tanh_hidden_adam_ragged_batches"]
    _, _, batch_logs = trained(case["name"])
    assert len(batch_logs) == len(case["batch_logs"])
    for epoch, (ours, keras) in enumerate(zip(batch_logs, case["batch_logs"], strict=True)):
        assert [sorted(logs) for logs in ours] == [sorted(logs) for logs in keras]
        for key in keras[0]:
            assert_matches_keras(
                [logs[key] for logs in ours],
                [logs[key] for logs in keras],
                f"epoch {epoch} batch {key}",
            )
