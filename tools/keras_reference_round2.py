"""Keras 3 reference runs for the engine's second round: Flatten, Dropout, Activation, Input,
losses mae / huber / from_logits, Adagrad / Adamax / AdamW, fit(class_weight=, sample_weight=),
evaluate(return_dict=True), and saturated networks (crossentropy from logits on TensorFlow).

Runs every case on the backend Keras was started with and writes
tests/fixtures/keras_round2_<backend>.json; tests/engine/test_keras_parity_round2.py compares
our engine with it epoch by epoch. On torch it also saves a small model as
tests/fixtures/keras_saved.keras and keras_saved.weights.h5, which tests load. Never imports
``tutor``. Regenerate with two venvs outside the repo (torch 2.13.0 is the CPU wheel)::

    python3 -m venv /tmp/kerasenv && /tmp/kerasenv/bin/pip install torch==2.13.0 keras
    KERAS_BACKEND=torch /tmp/kerasenv/bin/python tools/keras_reference_round2.py
    python3 -m venv /tmp/tfenv && /tmp/tfenv/bin/pip install tensorflow-cpu
    KERAS_BACKEND=tensorflow /tmp/tfenv/bin/python tools/keras_reference_round2.py
"""

from __future__ import annotations

import datetime
import json
import os
import platform
import sys
from pathlib import Path
from typing import Any

os.environ.setdefault("KERAS_BACKEND", "torch")

import keras
import numpy as np

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures"


def as_list(array: Any) -> Any:
    return np.asarray(array, dtype=np.float32).astype(np.float64).tolist()


def as_json_value(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: as_json_value(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [as_json_value(item) for item in value]
    return float(np.asarray(value))


def weights_for(rng: np.random.Generator, model: keras.Sequential, scale: float = 0.6) -> list:
    """Kernels uniform in [-scale, scale], biases normal with std 0.1, in Keras's order."""
    result = []
    for w in model.get_weights():
        if w.ndim == 2:
            result.append(rng.uniform(-scale, scale, size=w.shape).astype(np.float32))
        else:
            result.append(rng.normal(0.0, 0.1, size=w.shape).astype(np.float32))
    return result


def blobs(rng: np.random.Generator, n: int, features: int, classes: int) -> tuple[Any, Any]:
    x = rng.normal(0.0, 1.0, size=(n, features)).astype(np.float32)
    mixing = rng.normal(0.0, 1.0, size=(features, classes))
    labels = np.argmax(x @ mixing + rng.normal(0.0, 0.3, size=(n, classes)), axis=1)
    return x, labels.astype(np.int64)


def dense(units: int, activation: str | None = None) -> dict[str, Any]:
    return {"class": "Dense", "kwargs": {"units": units, "activation": activation}}


def case_specs() -> list[dict[str, Any]]:
    specs: list[dict[str, Any]] = []

    def add(name, about, input_shape, layers, x, y, loss, optimizer, **options):
        specs.append(
            {
                "name": name,
                "about": about,
                "input_shape": list(input_shape),
                "layers": layers,
                "x": x,
                "y": y,
                "loss": loss,
                "optimizer": optimizer,
                "metrics": options.pop("metrics", []),
                "epochs": options.pop("epochs", 8),
                "batch_size": options.pop("batch_size", 4),
                "seed": options.pop("seed"),
                **options,
            }
        )

    rng = np.random.default_rng(100)
    x, labels = blobs(rng, 12, 12, 3)
    add(
        "flatten_images_sparse_adamw",
        "Flatten of (3, 4) samples, relu, softmax; AdamW(0.01, weight_decay=0.05)",
        (3, 4),
        [{"class": "Flatten", "kwargs": {}}, dense(5, "relu"), dense(3, "softmax")],
        x.reshape(12, 3, 4),
        labels,
        "sparse_categorical_crossentropy",
        {"class": "AdamW", "kwargs": {"learning_rate": 0.01, "weight_decay": 0.05}},
        metrics=["accuracy"],
        seed=101,
    )
    rng = np.random.default_rng(110)
    x, labels = blobs(rng, 15, 4, 3)
    add(
        "activation_layers_cce_adagrad",
        "Dense (linear) then Activation('tanh'), Dense then Activation('softmax'); Adagrad(0.05)",
        (4,),
        [
            dense(5),
            {"class": "Activation", "kwargs": {"activation": "tanh"}},
            dense(3),
            {"class": "Activation", "kwargs": {"activation": "softmax"}},
        ],
        x,
        np.eye(3, dtype=np.float32)[labels],
        "categorical_crossentropy",
        {"class": "Adagrad", "kwargs": {"learning_rate": 0.05}},
        metrics=["accuracy"],
        batch_size=5,
        seed=111,
    )
    rng = np.random.default_rng(120)
    x = rng.uniform(-1.0, 1.0, size=(16, 3)).astype(np.float32)
    y = (2.0 * np.sin(2.0 * x[:, :1]) + x[:, 1:2] * x[:, 2:3]).astype(np.float32)
    add(
        "mae_regression_adamax",
        "loss 'mae', metrics ['mse'], Adamax(0.02)",
        (3,),
        [dense(6, "relu"), dense(1)],
        x,
        y,
        "mae",
        {"class": "Adamax", "kwargs": {"learning_rate": 0.02}},
        metrics=["mse"],
        seed=121,
    )
    add(
        "huber_regression_sgd",
        "loss 'huber' (delta 1) on targets x3, so both the squared and the linear part occur",
        (3,),
        [dense(6, "tanh"), dense(1)],
        x,
        3.0 * y,
        "huber",
        {"class": "SGD", "kwargs": {"learning_rate": 0.05}},
        metrics=["mae"],
        seed=122,
    )
    add(
        "huber_delta_half_two_outputs",
        "Huber(delta=0.5) with two outputs per sample, Adam(0.01)",
        (3,),
        [dense(5, "relu"), dense(2)],
        x,
        np.concatenate([y, -y], axis=1),
        {"class": "Huber", "kwargs": {"delta": 0.5}},
        {"class": "Adam", "kwargs": {"learning_rate": 0.01}},
        seed=123,
    )
    rng = np.random.default_rng(130)
    x = rng.normal(0.0, 1.0, size=(18, 3)).astype(np.float32)
    y = (x[:, 0] - x[:, 1] * x[:, 2] > 0.1).astype(np.float32).reshape(-1, 1)
    add(
        "bce_from_logits_linear_output",
        "BinaryCrossentropy(from_logits=True) on a linear output; 'accuracy' thresholds at 0.5",
        (3,),
        [dense(4, "tanh"), dense(1)],
        x,
        y,
        {"class": "BinaryCrossentropy", "kwargs": {"from_logits": True}},
        {"class": "Adam", "kwargs": {"learning_rate": 0.02}},
        metrics=["accuracy"],
        batch_size=6,
        seed=131,
    )
    add(
        "bce_class_weight",
        "class_weight={0: 1.0, 1: 3.0}, sigmoid output, labels (n, 1)",
        (3,),
        [dense(4, "relu"), dense(1, "sigmoid")],
        x,
        y,
        "binary_crossentropy",
        {"class": "Adam", "kwargs": {"learning_rate": 0.02}},
        metrics=["accuracy"],
        batch_size=6,
        class_weight={0: 1.0, 1: 3.0},
        seed=132,
    )
    rng = np.random.default_rng(140)
    x, labels = blobs(rng, 20, 4, 3)
    add(
        "cce_from_logits_linear_output",
        "CategoricalCrossentropy(from_logits=True), RMSprop(0.01)",
        (4,),
        [dense(5, "relu"), dense(3)],
        x,
        np.eye(3, dtype=np.float32)[labels],
        {"class": "CategoricalCrossentropy", "kwargs": {"from_logits": True}},
        {"class": "RMSprop", "kwargs": {"learning_rate": 0.01}},
        metrics=["accuracy"],
        batch_size=6,
        seed=141,
    )
    add(
        "sparse_from_logits_linear_output",
        "SparseCategoricalCrossentropy(from_logits=True), SGD(0.1, momentum=0.5)",
        (4,),
        [dense(5, "tanh"), dense(3)],
        x,
        labels,
        {"class": "SparseCategoricalCrossentropy", "kwargs": {"from_logits": True}},
        {"class": "SGD", "kwargs": {"learning_rate": 0.1, "momentum": 0.5}},
        metrics=["accuracy"],
        batch_size=6,
        seed=142,
    )
    add(
        "sparse_class_weight",
        "class_weight={0: 1.0, 1: 2.0, 2: 0.5} with class numbers",
        (4,),
        [dense(5, "relu"), dense(3, "softmax")],
        x,
        labels,
        "sparse_categorical_crossentropy",
        {"class": "Adam", "kwargs": {"learning_rate": 0.02}},
        metrics=["accuracy"],
        batch_size=6,
        class_weight={0: 1.0, 1: 2.0, 2: 0.5},
        seed=143,
    )
    rng = np.random.default_rng(150)
    x = rng.uniform(-1.0, 1.0, size=(14, 2)).astype(np.float32)
    y = (x[:, :1] * 2.0 - x[:, 1:]).astype(np.float32)
    add(
        "mse_sample_weight",
        "sample_weight = one number per row (0 to 2), mse, metrics ['mae']",
        (2,),
        [dense(4, "tanh"), dense(1)],
        x,
        y,
        "mse",
        {"class": "SGD", "kwargs": {"learning_rate": 0.05}},
        metrics=["mae"],
        batch_size=4,
        sample_weight=rng.uniform(0.0, 2.0, size=14).astype(np.float32),
        seed=151,
    )
    rng = np.random.default_rng(160)
    x, labels = blobs(rng, 10, 6, 3)
    add(
        "dropout_inference",
        "Dropout(0.5) twice: predict and evaluate pass everything through (no training)",
        (6,),
        [
            {"class": "Dropout", "kwargs": {"rate": 0.5}},
            dense(5, "relu"),
            {"class": "Dropout", "kwargs": {"rate": 0.5}},
            dense(3, "softmax"),
        ],
        x,
        labels,
        "sparse_categorical_crossentropy",
        {"class": "Adam", "kwargs": {}},
        metrics=["accuracy"],
        epochs=0,
        seed=161,
    )

    # Saturated networks: inputs in the hundreds, as the raw Pima table; outputs pinned at 0 or 1.
    rng = np.random.default_rng(200)
    x = rng.uniform(0.0, 200.0, size=(24, 5)).astype(np.float32)
    y = (x[:, 0] - x[:, 1] + 0.3 * x[:, 2] > 20).astype(np.float32).reshape(-1, 1)
    add(
        "saturated_bce_sigmoid",
        "raw inputs 0..200: sigmoid outputs round to 0/1; torch clips (stuck), TF uses logits",
        (5,),
        [dense(6, "relu"), dense(1, "sigmoid")],
        x,
        y,
        "binary_crossentropy",
        {"class": "Adam", "kwargs": {"learning_rate": 0.01}},
        metrics=["accuracy"],
        epochs=30,
        batch_size=8,
        saturated=True,
        seed=201,
    )
    rng = np.random.default_rng(210)
    x, labels = blobs(rng, 24, 5, 3)
    add(
        "saturated_sparse_softmax",
        "inputs x60: softmax probabilities of the right class round to 0",
        (5,),
        [dense(6, "relu"), dense(3, "softmax")],
        60.0 * x,
        labels,
        "sparse_categorical_crossentropy",
        {"class": "Adam", "kwargs": {"learning_rate": 0.01}},
        metrics=["accuracy"],
        epochs=30,
        batch_size=8,
        saturated=True,
        seed=211,
    )
    add(
        "saturated_cce_softmax_activation_layer",
        "the same through Dense then Activation('softmax'), one-hot labels, SGD(0.01)",
        (5,),
        [dense(6, "relu"), dense(3), {"class": "Activation", "kwargs": {"activation": "softmax"}}],
        60.0 * x,
        np.eye(3, dtype=np.float32)[labels],
        "categorical_crossentropy",
        {"class": "SGD", "kwargs": {"learning_rate": 0.01}},
        metrics=["accuracy"],
        epochs=30,
        batch_size=8,
        saturated=True,
        seed=212,
    )
    return specs


def make(spec_class: dict[str, Any] | str, module: Any) -> Any:
    if isinstance(spec_class, str):
        return spec_class
    return getattr(module, spec_class["class"])(**spec_class["kwargs"])


def build_model(spec: dict[str, Any]) -> keras.Sequential:
    layers: list[Any] = [keras.Input(shape=tuple(spec["input_shape"]))]
    layers += [getattr(keras.layers, s["class"])(**s["kwargs"]) for s in spec["layers"]]
    model = keras.Sequential(layers)
    model.set_weights(weights_for(np.random.default_rng(spec["seed"]), model))
    model.compile(
        optimizer=make(spec["optimizer"], keras.optimizers),
        loss=make(spec["loss"], keras.losses),
        metrics=spec["metrics"],
    )
    return model


def run_case(spec: dict[str, Any]) -> dict[str, Any]:
    model = build_model(spec)
    initial = model.get_weights()
    batch_size = spec["batch_size"]
    fit_options = {}
    if "class_weight" in spec:
        fit_options["class_weight"] = spec["class_weight"]
    if "sample_weight" in spec:
        fit_options["sample_weight"] = spec["sample_weight"]
    history: dict[str, Any] = {}
    if spec["epochs"]:
        history = model.fit(
            spec["x"],
            spec["y"],
            epochs=spec["epochs"],
            batch_size=batch_size,
            shuffle=False,
            verbose=0,
            **fit_options,
        ).history
    record = {
        key: value
        for key, value in spec.items()
        if key not in ("x", "y", "sample_weight", "class_weight")
    }
    record.update(
        {
            "x": as_list(spec["x"]),
            "y": np.asarray(spec["y"]).tolist(),
            "y_dtype": str(np.asarray(spec["y"]).dtype),
            "initial_weights": [as_list(w) for w in initial],
            "history": as_json_value(history),
            "final_weights": [as_list(w) for w in model.get_weights()],
            "predict": as_list(model.predict(spec["x"], batch_size=batch_size, verbose=0)),
            "evaluate": as_json_value(
                model.evaluate(spec["x"], spec["y"], batch_size=batch_size, verbose=0)
            ),
            "evaluate_dict": as_json_value(
                model.evaluate(
                    spec["x"], spec["y"], batch_size=batch_size, verbose=0, return_dict=True
                )
            ),
            "metrics_names": list(model.metrics_names),
            "output_shapes": [list(layer.output.shape[1:]) for layer in model.layers],
            "param_counts": [layer.count_params() for layer in model.layers],
        }
    )
    if "class_weight" in spec:
        record["class_weight"] = {str(k): v for k, v in spec["class_weight"].items()}
    if "sample_weight" in spec:
        record["sample_weight"] = as_list(spec["sample_weight"])
    return record


def dropout_samples() -> dict[str, Any]:
    """What Keras's Dropout(0.25) gives ones in training: the values and the share of zeros."""
    out = np.asarray(
        keras.layers.Dropout(0.25, seed=1)(np.ones((50, 200), "float32"), training=True)
    )
    return {
        "rate": 0.25,
        "values": sorted(set(np.unique(out).tolist())),
        "zeros": float(np.mean(out == 0)),
    }


def saved_files() -> dict[str, Any]:
    """A small trained model saved by Keras as .keras and .weights.h5, with its predictions."""
    rng = np.random.default_rng(300)
    model = keras.Sequential(
        [
            keras.Input((3, 4)),
            keras.layers.Flatten(),
            keras.layers.Dense(5, activation="relu"),
            keras.layers.Dropout(0.2),
            keras.layers.Dense(3),
            keras.layers.Activation("softmax"),
        ]
    )
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    x = rng.normal(size=(8, 3, 4)).astype(np.float32)
    model.fit(x, np.arange(8) % 3, epochs=2, verbose=0)
    model.save(FIXTURES / "keras_saved.keras")
    model.save_weights(FIXTURES / "keras_saved.weights.h5")
    return {"x": as_list(x), "predict": as_list(model.predict(x, verbose=0))}


def main(argv: list[str]) -> None:
    backend = keras.backend.backend()
    if backend == "torch":
        import torch

        torch.set_num_threads(1)
        version = torch.__version__
    else:
        import tensorflow as tf

        version = tf.__version__
    output = Path(argv[1]) if len(argv) > 1 else FIXTURES / f"keras_round2_{backend}.json"
    reference = {
        "generator": "tools/keras_reference_round2.py",
        "keras_version": keras.__version__,
        "backend": backend,
        "backend_version": version,
        "numpy_version": np.__version__,
        "python_version": platform.python_version(),
        "floatx": keras.backend.floatx(),
        "generated": datetime.date.today().isoformat(),
        "dropout": dropout_samples(),
        "saved": saved_files() if backend == "torch" else None,
        "cases": [run_case(spec) for spec in case_specs()],
    }
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(reference, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {len(reference['cases'])} cases to {output} ({output.stat().st_size} bytes)")


if __name__ == "__main__":
    main(sys.argv)
