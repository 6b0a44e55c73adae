"""The engine's second round against real Keras 3, epoch by epoch.

tests/fixtures/keras_round2_torch.json and keras_round2_tensorflow.json were written by
tools/keras_reference_round2.py (its docstring has the commands) with Keras on PyTorch and on
TensorFlow. Each case stores the data, the starting weights and the settings; we rebuild it with
tutor.engine, train with ``shuffle=False`` and compare the history, final weights, ``predict``,
``evaluate`` (list and dict), output shapes and parameter counts.

Every case is compared with Keras on PyTorch. The saturated cases (inputs in the hundreds, so
sigmoid/softmax outputs round to exactly 0 or 1) are where the backends part: TensorFlow computes
the crossentropy from the logits and recovers, PyTorch clips the probabilities. Our default
follows TensorFlow and is compared with it; `crossentropy_from_logits = False` follows PyTorch and
is compared with that. No keras, torch or tensorflow is needed to run these tests.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from tutor.engine import Input, Sequential, layers, losses, optimizers

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
TORCH = json.loads((FIXTURES / "keras_round2_torch.json").read_text(encoding="utf-8"))
TF = json.loads((FIXTURES / "keras_round2_tensorflow.json").read_text(encoding="utf-8"))
TORCH_CASES = {case["name"]: case for case in TORCH["cases"]}
TF_CASES = {case["name"]: case for case in TF["cases"]}
SATURATED = [name for name, case in TORCH_CASES.items() if case.get("saturated")]

RTOL, ATOL = 1e-5, 1e-6
# TensorFlow's float32 kernels sum in another order than NumPy's. With inputs up to 200 (logits
# in the hundreds) a rounding difference of one part in 10⁷ becomes ~1e-4 in the loss and the
# weights by epoch 8 of the sigmoid case; the two softmax cases meet RTOL/ATOL.
TF_TOLERANCE = {"saturated_bce_sigmoid": (1e-3, 1e-3)}


def _spec(spec: str | dict[str, Any], module: Any) -> Any:
    return spec if isinstance(spec, str) else getattr(module, spec["class"])(**spec["kwargs"])


@cache
def trained(name: str, from_logits: bool = True) -> tuple[Sequential, dict[str, list[float]]]:
    case = TORCH_CASES[name]
    model = Sequential(
        [
            Input(shape=tuple(case["input_shape"])),
            *(getattr(layers, s["class"])(**s["kwargs"]) for s in case["layers"]),
        ]
    )
    model.crossentropy_from_logits = from_logits
    model.set_weights([np.asarray(w, np.float32) for w in case["initial_weights"]])
    model.compile(
        optimizer=_spec(case["optimizer"], optimizers),
        loss=_spec(case["loss"], losses),
        metrics=case["metrics"],
    )
    options: dict[str, Any] = {}
    if "class_weight" in case:
        options["class_weight"] = {int(k): v for k, v in case["class_weight"].items()}
    if "sample_weight" in case:
        options["sample_weight"] = np.asarray(case["sample_weight"], np.float32)
    history: dict[str, list[float]] = {}
    if case["epochs"]:
        history = model.fit(
            *data(case),
            epochs=case["epochs"],
            batch_size=case["batch_size"],
            shuffle=False,
            verbose=0,
            **options,
        ).history
    return model, history


def data(case: dict[str, Any]) -> tuple[np.ndarray, np.ndarray]:
    return np.asarray(case["x"], np.float32), np.asarray(case["y"], np.dtype(case["y_dtype"]))


def close(ours: Any, keras: Any, what: str, rtol: float = RTOL, atol: float = ATOL) -> None:
    ours_array, keras_array = np.asarray(ours, np.float64), np.asarray(keras, np.float64)
    assert ours_array.shape == keras_array.shape, f"{what}: {ours_array.shape} vs Keras's"
    bad = ~np.isclose(ours_array, keras_array, rtol=rtol, atol=atol)
    where = "" if not bad.any() else f" (first at {tuple(np.argwhere(bad)[0].tolist())})"
    np.testing.assert_allclose(ours_array, keras_array, rtol=rtol, atol=atol, err_msg=what + where)


def compare(name: str, case: dict[str, Any], from_logits: bool, rtol: float, atol: float):
    model, history = trained(name, from_logits)
    assert sorted(history) == sorted(case["history"])
    for key, values in case["history"].items():
        close(history[key], values, f"{name}: {key} per epoch", rtol, atol)
    for i, (mine, theirs) in enumerate(
        zip(model.get_weights(), case["final_weights"], strict=True)
    ):
        close(mine, theirs, f"{name}: final weight {i}", rtol, atol)
    x, y = data(case)
    close(
        model.predict(x, batch_size=case["batch_size"]),
        case["predict"],
        f"{name}: predict",
        rtol,
        atol,
    )
    result = model.evaluate(x, y, batch_size=case["batch_size"])
    assert isinstance(result, list) == isinstance(case["evaluate"], list)
    close(result, case["evaluate"], f"{name}: evaluate", rtol, atol)
    as_dict = model.evaluate(x, y, batch_size=case["batch_size"], return_dict=True)
    assert sorted(as_dict) == sorted(case["evaluate_dict"])
    for key, value in case["evaluate_dict"].items():
        close(as_dict[key], value, f"{name}: evaluate_dict[{key!r}]", rtol, atol)


def test_fixtures_were_made_by_keras_3_on_both_backends() -> None:
    assert TORCH["backend"] == "torch" and TF["backend"] == "tensorflow"
    for reference in (TORCH, TF):
        assert reference["keras_version"].startswith("3.")
        assert reference["floatx"] == "float32"
    assert sorted(TORCH_CASES) == sorted(TF_CASES)
    assert len(SATURATED) == 3


@pytest.mark.parametrize("name", [n for n in TORCH_CASES if n not in SATURATED])
def test_matches_keras_on_torch_epoch_by_epoch(name: str) -> None:
    compare(name, TORCH_CASES[name], True, RTOL, ATOL)


@pytest.mark.parametrize("name", SATURATED)
def test_saturated_network_matches_keras_on_tensorflow_by_default(name: str) -> None:
    compare(name, TF_CASES[name], True, *TF_TOLERANCE.get(name, (RTOL, ATOL)))


@pytest.mark.parametrize("name", SATURATED)
def test_saturated_network_on_clipped_probabilities_matches_keras_on_torch(name: str) -> None:
    compare(name, TORCH_CASES[name], False, 1e-4, 1e-5)  # logits in the hundreds: a few ulps


@pytest.mark.parametrize("name", SATURATED)
def test_the_backends_really_differ_on_the_saturated_cases(name: str) -> None:
    """Otherwise the two tests above would prove nothing about from-logits."""
    torch_loss = TORCH_CASES[name]["history"]["loss"]
    tf_loss = TF_CASES[name]["history"]["loss"]
    assert not np.allclose(torch_loss, tf_loss, rtol=1e-2), name


@pytest.mark.parametrize("name", list(TORCH_CASES))
def test_layer_output_shapes_and_parameter_counts_match_keras(name: str) -> None:
    case = TORCH_CASES[name]
    model, _ = trained(name)
    assert [list(layer.output_shape[1:]) for layer in model.layers] == case["output_shapes"]
    assert [layer.count_params() for layer in model.layers] == case["param_counts"]


def test_metrics_names_are_what_tutorials_print_not_keras_3s_compile_metrics() -> None:
    """Keras 3 answers ["loss", "compile_metrics"] (recorded in the fixture); the tutorials,
    written for Keras 2, print ["loss", "accuracy"], the order of evaluate's list. We give that."""
    case = TORCH_CASES["bce_class_weight"]
    assert case["metrics_names"] == ["loss", "compile_metrics"]
    model, _ = trained("bce_class_weight")
    assert model.metrics_names == ["loss", "accuracy"]


def test_dropout_in_training_keeps_keras_values_and_rate() -> None:
    """Keras's Dropout(0.25) on ones gives only 0 and 1/0.75, about a quarter of them 0."""
    recorded = TORCH["dropout"]
    layer = layers.Dropout(recorded["rate"], seed=1)
    layer.build((200,))
    out = layer.forward(np.ones((50, 200), np.float32), training=True)
    close(sorted(set(np.unique(out).tolist())), recorded["values"], "dropout values")
    assert abs(float(np.mean(out == 0)) - recorded["zeros"]) < 0.02


@pytest.mark.parametrize("name", [n for n in TF_CASES if n not in SATURATED])
def test_matches_keras_on_tensorflow_where_nothing_saturates(name: str) -> None:
    compare(name, TF_CASES[name], True, *TF_TOLERANCE.get(name, (RTOL, ATOL)))
