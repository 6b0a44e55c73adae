"""Saving that says what it is: .keras as Keras writes it, .npz ours, .h5 refused, weights alone.

tests/fixtures/keras_saved.keras and keras_saved.weights.h5 were written by Keras 3 itself
(tools/keras_reference_round2.py); keras_round2_torch.json["saved"] holds its predictions.
A .keras file written by this engine was also loaded by Keras 3.15.1 (torch backend) by hand:
Keras predicted the same outputs to 6e-8 and read our .weights.h5 the same way.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import h5py
import numpy as np
import pytest

from tutor.engine import (
    Activation,
    Dense,
    Dropout,
    EngineError,
    Flatten,
    Input,
    Sequential,
    load_model,
    optimizers,
    set_seed,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SAVED = json.loads((FIXTURES / "keras_round2_torch.json").read_text(encoding="utf-8"))["saved"]
X = np.asarray(SAVED["x"], np.float32)


def same_model() -> Sequential:
    return Sequential(
        [
            Input(shape=(3, 4)),
            Flatten(),
            Dense(5, activation="relu"),
            Dropout(0.2),
            Dense(3),
            Activation("softmax"),
        ]
    )


def trained() -> Sequential:
    set_seed(8)
    model = same_model()
    model.compile(
        optimizer=optimizers.AdamW(learning_rate=0.01),
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],
    )
    model.fit(X, np.arange(8) % 3, epochs=2, verbose=0)
    return model


def h5_layout(source) -> dict[str, tuple]:
    found: dict[str, tuple] = {}
    with h5py.File(source, "r") as file:
        file.visititems(
            lambda name, item: (
                found.__setitem__(name, getattr(item, "shape", None))
                if name.startswith("layers")
                else None
            )
        )
    return found


def test_a_model_saved_by_keras_loads_and_predicts_as_in_keras() -> None:
    model = load_model(FIXTURES / "keras_saved.keras")
    assert [type(layer).__name__ for layer in model.layers] == [
        "Flatten",
        "Dense",
        "Dropout",
        "Dense",
        "Activation",
    ]
    assert model.input_shape == (None, 3, 4)
    assert isinstance(model.optimizer, optimizers.Adam)
    assert model.metrics_names == ["loss", "accuracy"]
    np.testing.assert_allclose(model.predict(X), SAVED["predict"], rtol=1e-6, atol=1e-7)


def test_weights_saved_by_keras_load_into_the_same_layers() -> None:
    model = same_model()
    model.load_weights(FIXTURES / "keras_saved.weights.h5")
    np.testing.assert_allclose(model.predict(X), SAVED["predict"], rtol=1e-6, atol=1e-7)


def test_our_keras_file_has_the_layout_keras_writes(tmp_path) -> None:
    path = tmp_path / "ours.keras"
    trained().save(path)
    with zipfile.ZipFile(path) as ours, zipfile.ZipFile(FIXTURES / "keras_saved.keras") as keras:
        assert {"config.json", "metadata.json", "model.weights.h5"} <= set(ours.namelist())
        ours_config = json.loads(ours.read("config.json"))
        keras_config = json.loads(keras.read("config.json"))
        ours_h5 = h5_layout(io.BytesIO(ours.read("model.weights.h5")))
        keras_h5 = h5_layout(io.BytesIO(keras.read("model.weights.h5")))
    assert ours_h5 == keras_h5
    for key in ("module", "class_name"):
        assert ours_config[key] == keras_config[key]
        assert [e[key] for e in ours_config["config"]["layers"]] == [
            e[key] for e in keras_config["config"]["layers"]
        ]
    assert ours_config["build_config"] == keras_config["build_config"]


def test_a_keras_file_round_trip_keeps_predictions_and_training(tmp_path) -> None:
    model = trained()
    model.save(tmp_path / "m.keras")
    loaded = load_model(tmp_path / "m.keras")
    np.testing.assert_array_equal(loaded.predict(X), model.predict(X))
    assert loaded.optimizer.get_config() == model.optimizer.get_config()
    for m in (model, loaded):
        set_seed(2)  # the same Dropout masks for both
        m.fit(X, np.arange(8) % 3, epochs=1, shuffle=False, verbose=0)
    for a, b in zip(model.get_weights(), loaded.get_weights(), strict=True):
        np.testing.assert_array_equal(a, b)


def test_save_weights_round_trip(tmp_path) -> None:
    model = trained()
    model.save_weights(tmp_path / "w.weights.h5")
    other = same_model()
    other.load_weights(tmp_path / "w.weights.h5")
    np.testing.assert_array_equal(other.predict(X), model.predict(X))


def test_legacy_h5_and_unknown_suffixes_are_refused_with_what_to_use(tmp_path) -> None:
    model = trained()
    with pytest.raises(EngineError, match=r"legacy HDF5.*model.save\('model.keras'\)"):
        model.save(tmp_path / "model.h5")
    with pytest.raises(EngineError, match=r"ending in .keras .* or .npz"):
        model.save(tmp_path / "model.bin")
    with pytest.raises(EngineError, match=r"ending in .weights.h5"):
        model.save_weights(tmp_path / "w.h5")
    assert list(tmp_path.iterdir()) == []


def test_foreign_and_corrupt_files_get_a_clear_error(tmp_path) -> None:
    with pytest.raises(EngineError, match="is an HDF5 file"):
        load_model(FIXTURES / "keras_saved.weights.h5")
    broken = tmp_path / "broken.keras"
    broken.write_bytes((FIXTURES / "keras_saved.keras").read_bytes()[:500])
    with pytest.raises(EngineError, match="is not a model saved by tutor's engine"):
        load_model(broken)
    foreign = tmp_path / "conv.keras"
    with zipfile.ZipFile(foreign, "w") as archive:
        config = {"class_name": "Sequential", "config": {"layers": [{"class_name": "Conv2D"}]}}
        archive.writestr("config.json", json.dumps(config))
    with pytest.raises(EngineError, match="holds a Conv2D layer; tutor's engine has only Dense"):
        load_model(foreign)
    with pytest.raises(EngineError, match=r"is not a \.weights\.h5 file"):
        same_model().load_weights(broken)
    with pytest.raises(EngineError, match=r"holds weights of shapes \[\(12, 5\), \(5,\)\]"):
        Sequential([Dense(2, input_shape=(3,))]).load_weights(FIXTURES / "keras_saved.weights.h5")
    with pytest.raises(EngineError, match="no weights for layer 'extra'"):
        model = same_model()
        model.add(Dense(2, name="extra"))
        model.load_weights(FIXTURES / "keras_saved.weights.h5")


def test_an_activation_keras_lacks_is_saved_as_npz_instead(tmp_path) -> None:
    model = Sequential([Dense(1, activation="step", input_shape=(2,))])
    with pytest.raises(EngineError, match=r"Keras does not have.*model\.npz"):
        model.save(tmp_path / "gate.keras")
    model.save(tmp_path / "gate.npz")
    assert load_model(tmp_path / "gate.npz").layers[0].activation.name == "step"


def test_our_npz_format_keeps_every_layer_kind(tmp_path) -> None:
    model = trained()
    model.save(tmp_path / "m.npz")
    loaded = load_model(tmp_path / "m.npz")
    assert [repr(layer) for layer in loaded.layers] == [repr(layer) for layer in model.layers]
    np.testing.assert_array_equal(loaded.predict(X), model.predict(X))
