"""Generate the Keras 3 reference numbers that tests/engine/test_keras_parity.py compares against.

Every case is a small Sequential of Dense layers whose data and initial weights come from a seeded
NumPy generator. Keras trains it with ``shuffle=False``; we record what Keras reports (per-epoch
history, final weights, ``predict`` and ``evaluate`` output) together with everything needed to
rebuild the same run elsewhere. The script never imports ``tutor``: it runs in its own venv.

Regenerate (outside the repo's dev venv; torch 2.13.0 is the CPU build)::

    python3 -m venv /tmp/kerasenv
    /tmp/kerasenv/bin/pip install torch==2.13.0 keras
    KERAS_BACKEND=torch /tmp/kerasenv/bin/python tools/keras_reference.py

The output goes to tests/fixtures/keras_reference.json (pass another path as the first argument).
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

DEFAULT_OUTPUT = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "keras_reference.json"


def as_list(array: Any) -> Any:
    """A float32 array as nested lists of Python floats (exact: every float32 is a double)."""
    return np.asarray(array, dtype=np.float32).astype(np.float64).tolist()


def as_json_value(value: Any) -> Any:
    """Keras's return values (floats, lists, dicts, 0-d tensors) as plain JSON values."""
    if isinstance(value, dict):
        return {key: as_json_value(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [as_json_value(item) for item in value]
    return float(np.asarray(value))


def initial_weights(rng: np.random.Generator, input_dim: int, units: list[int]) -> list[Any]:
    """Kernels (inputs, units) uniform in [-0.6, 0.6] and biases normal with std 0.1, float32."""
    weights = []
    fan_in = input_dim
    for width in units:
        weights.append(rng.uniform(-0.6, 0.6, size=(fan_in, width)).astype(np.float32))
        weights.append(rng.normal(0.0, 0.1, size=(width,)).astype(np.float32))
        fan_in = width
    return weights


def one_hot(labels: np.ndarray, classes: int) -> np.ndarray:
    return np.eye(classes, dtype=np.float32)[labels]


def blobs(rng: np.random.Generator, n: int, features: int, classes: int) -> tuple[Any, Any]:
    """Points whose class is the argmax of a fixed random linear map: learnable, not separable."""
    x = rng.normal(0.0, 1.0, size=(n, features)).astype(np.float32)
    mixing = rng.normal(0.0, 1.0, size=(features, classes))
    labels = np.argmax(x @ mixing + rng.normal(0.0, 0.3, size=(n, classes)), axis=1)
    return x, labels.astype(np.int64)


class BatchLogRecorder(keras.callbacks.Callback):
    """Keeps the logs Keras hands to on_train_batch_end, one list per epoch."""

    def __init__(self) -> None:
        super().__init__()
        self.epochs: list[list[dict[str, float]]] = []

    def on_epoch_begin(self, epoch: int, logs: dict | None = None) -> None:
        self.epochs.append([])

    def on_train_batch_end(self, batch: int, logs: dict | None = None) -> None:
        self.epochs[-1].append(as_json_value(dict(logs or {})))


def case_specs() -> list[dict[str, Any]]:
    """The cases: data, architecture and training settings (no Keras involved yet)."""
    specs = []

    or_x = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float32)
    or_y = np.array([0, 1, 1, 1], dtype=np.float32)
    or_weights = initial_weights(np.random.default_rng(2), 2, [1])
    for batch_size in (1, 4):
        specs.append(
            {
                "name": f"or_gate_mse_linear_sgd_batch{batch_size}",
                "about": "seed 002's OR gate: one linear neuron, SGD(0.01), mse, labels (n,)",
                "input_dim": 2,
                "layers": [{"units": 1, "activation": "linear"}],
                "initial_weights": or_weights,
                "optimizer": {"class": "SGD", "kwargs": {"learning_rate": 0.01}},
                "loss": "mse",
                "metrics": ["accuracy"],
                "epochs": 20,
                "batch_size": batch_size,
                "x": or_x,
                "y": or_y,
            }
        )

    rng = np.random.default_rng(10)
    x = rng.normal(0.0, 1.0, size=(20, 3)).astype(np.float32)
    y = (x[:, 0] + 0.5 * x[:, 1] - x[:, 2] > 0).astype(np.float32).reshape(-1, 1)
    specs.append(
        {
            "name": "bce_tanh_hidden_adam_ragged_batches",
            "about": "20 samples in batches 8, 8, 4: the epoch loss is the sample-weighted mean",
            "input_dim": 3,
            "layers": [
                {"units": 4, "activation": "tanh"},
                {"units": 1, "activation": "sigmoid"},
            ],
            "initial_weights": initial_weights(rng, 3, [4, 1]),
            "optimizer": {"class": "Adam", "kwargs": {"learning_rate": 0.01}},
            "loss": "binary_crossentropy",
            "metrics": ["accuracy"],
            "epochs": 10,
            "batch_size": 8,
            "x": x,
            "y": y,
            "record_batch_logs": True,
        }
    )

    rng = np.random.default_rng(20)
    x = rng.normal(0.0, 1.0, size=(16, 2)).astype(np.float32)
    flat = (x[:, 0] - 0.5 * x[:, 1] > 0.2).astype(np.float32)
    weights = initial_weights(rng, 2, [4, 1])
    for label_name, labels in (("flat_n", flat), ("column_n1", flat.reshape(-1, 1))):
        specs.append(
            {
                "name": f"bce_sigmoid_hidden_labels_{label_name}",
                "about": f"same data and weights, labels shaped {labels.shape}; metric 'acc'",
                "input_dim": 2,
                "layers": [
                    {"units": 4, "activation": "sigmoid"},
                    {"units": 1, "activation": "sigmoid"},
                ],
                "initial_weights": weights,
                "optimizer": {"class": "Adam", "kwargs": {"learning_rate": 0.05}},
                "loss": "binary_crossentropy",
                "metrics": ["acc"],
                "epochs": 12,
                "batch_size": 5,
                "x": x,
                "y": labels,
            }
        )

    rng = np.random.default_rng(30)
    x, labels = blobs(rng, 24, 4, 3)
    specs.append(
        {
            "name": "cce_softmax_elu_hidden_rmsprop",
            "about": "one-hot labels, RMSprop(0.001) with Keras's defaults for the rest",
            "input_dim": 4,
            "layers": [
                {"units": 5, "activation": "elu"},
                {"units": 3, "activation": "softmax"},
            ],
            "initial_weights": initial_weights(rng, 4, [5, 3]),
            "optimizer": {"class": "RMSprop", "kwargs": {"learning_rate": 0.001}},
            "loss": "categorical_crossentropy",
            "metrics": ["accuracy"],
            "epochs": 10,
            "batch_size": 6,
            "x": x,
            "y": one_hot(labels, 3),
        }
    )
    specs.append(
        {
            "name": "cce_softmax_swish_hidden_rmsprop_centered_momentum",
            "about": "RMSprop centered=True with momentum 0.9; batches 7, 7, 7, 3",
            "input_dim": 4,
            "layers": [
                {"units": 5, "activation": "swish"},
                {"units": 3, "activation": "softmax"},
            ],
            "initial_weights": initial_weights(rng, 4, [5, 3]),
            "optimizer": {
                "class": "RMSprop",
                "kwargs": {
                    "learning_rate": 0.001,
                    "rho": 0.9,
                    "momentum": 0.9,
                    "epsilon": 1e-7,
                    "centered": True,
                },
            },
            "loss": "categorical_crossentropy",
            "metrics": ["accuracy"],
            "epochs": 10,
            "batch_size": 7,
            "x": x,
            "y": one_hot(labels, 3),
        }
    )

    rng = np.random.default_rng(40)
    x, labels = blobs(rng, 56, 4, 3)
    specs.append(
        {
            "name": "sparse_cce_relu_hidden_nadam_validation",
            "about": "integer labels (n,), Nadam(0.002), 40 train / 16 validation samples",
            "input_dim": 4,
            "layers": [
                {"units": 6, "activation": "relu"},
                {"units": 3, "activation": "softmax"},
            ],
            "initial_weights": initial_weights(rng, 4, [6, 3]),
            "optimizer": {"class": "Nadam", "kwargs": {"learning_rate": 0.002}},
            "loss": "sparse_categorical_crossentropy",
            "metrics": ["accuracy"],
            "epochs": 15,
            "batch_size": 8,
            "x": x[:40],
            "y": labels[:40],
            "validation": {"x": x[40:], "y": labels[40:]},
        }
    )

    rng = np.random.default_rng(50)
    x = rng.uniform(-1.0, 1.0, size=(16, 3)).astype(np.float32)
    y = (np.sin(2.0 * x[:, :1]) + 0.5 * x[:, 1:2] * x[:, 2:3]).astype(np.float32)
    specs.append(
        {
            "name": "mse_leaky_relu_linear_hidden_sgd_nesterov",
            "about": "regression, no metrics, SGD(0.01, momentum=0.9, nesterov=True)",
            "input_dim": 3,
            "layers": [
                {"units": 5, "activation": "leaky_relu"},
                {"units": 3, "activation": "linear"},
                {"units": 1, "activation": "linear"},
            ],
            "initial_weights": initial_weights(rng, 3, [5, 3, 1]),
            "optimizer": {
                "class": "SGD",
                "kwargs": {"learning_rate": 0.01, "momentum": 0.9, "nesterov": True},
            },
            "loss": "mse",
            "metrics": [],
            "epochs": 12,
            "batch_size": 4,
            "x": x,
            "y": y,
        }
    )

    rng = np.random.default_rng(60)
    x = rng.normal(0.0, 1.0, size=(18, 3)).astype(np.float32)
    y = (x[:, 0] ** 2 + x[:, 1] > 0.8).astype(np.float32).reshape(-1, 1)
    specs.append(
        {
            "name": "bce_relu_hidden_sgd_momentum",
            "about": "SGD(0.05, momentum=0.9) without Nesterov; metric 'acc'",
            "input_dim": 3,
            "layers": [
                {"units": 4, "activation": "relu"},
                {"units": 1, "activation": "sigmoid"},
            ],
            "initial_weights": initial_weights(rng, 3, [4, 1]),
            "optimizer": {"class": "SGD", "kwargs": {"learning_rate": 0.05, "momentum": 0.9}},
            "loss": "binary_crossentropy",
            "metrics": ["acc"],
            "epochs": 10,
            "batch_size": 6,
            "x": x,
            "y": y,
        }
    )
    return specs


def build_model(spec: dict[str, Any]) -> keras.Sequential:
    layers: list[Any] = [keras.Input(shape=(spec["input_dim"],))]
    layers += [keras.layers.Dense(s["units"], activation=s["activation"]) for s in spec["layers"]]
    model = keras.Sequential(layers)
    model.set_weights(spec["initial_weights"])
    optimizer_class = getattr(keras.optimizers, spec["optimizer"]["class"])
    model.compile(
        optimizer=optimizer_class(**spec["optimizer"]["kwargs"]),
        loss=spec["loss"],
        metrics=spec["metrics"],
    )
    return model


def run_case(spec: dict[str, Any]) -> dict[str, Any]:
    """Train one case with Keras and return its JSON record."""
    model = build_model(spec)
    validation = spec.get("validation")
    recorder = BatchLogRecorder()
    history = model.fit(
        spec["x"],
        spec["y"],
        epochs=spec["epochs"],
        batch_size=spec["batch_size"],
        shuffle=False,
        verbose=0,
        validation_data=(validation["x"], validation["y"]) if validation else None,
        callbacks=[recorder],
    )
    batch_size = spec["batch_size"]
    record: dict[str, Any] = {
        "name": spec["name"],
        "about": spec["about"],
        "input_dim": spec["input_dim"],
        "layers": spec["layers"],
        "optimizer": spec["optimizer"],
        "optimizer_config": {
            key: value
            for key, value in model.optimizer.get_config().items()
            if key != "name" and (isinstance(value, (int, float, bool, str)) or value is None)
        },
        "loss": spec["loss"],
        "metrics": spec["metrics"],
        "epochs": spec["epochs"],
        "batch_size": batch_size,
        "x": as_list(spec["x"]),
        "y": np.asarray(spec["y"]).tolist(),
        "y_dtype": str(np.asarray(spec["y"]).dtype),
        "initial_weights": [as_list(w) for w in spec["initial_weights"]],
        "history_keys": list(history.history),
        "history": as_json_value(history.history),
        "final_weights": [as_list(w) for w in model.get_weights()],
        "predict": as_list(model.predict(spec["x"], batch_size=batch_size, verbose=0)),
        "evaluate": as_json_value(
            model.evaluate(spec["x"], spec["y"], batch_size=batch_size, verbose=0)
        ),
        "evaluate_dict": as_json_value(
            model.evaluate(spec["x"], spec["y"], batch_size=batch_size, verbose=0, return_dict=True)
        ),
    }
    if validation:
        record["validation"] = {
            "x": as_list(validation["x"]),
            "y": np.asarray(validation["y"]).tolist(),
            "evaluate": as_json_value(
                model.evaluate(validation["x"], validation["y"], batch_size=batch_size, verbose=0)
            ),
        }
    if spec.get("record_batch_logs"):
        record["batch_logs"] = recorder.epochs
    return record


def main(argv: list[str]) -> None:
    import torch

    output = Path(argv[1]) if len(argv) > 1 else DEFAULT_OUTPUT
    torch.set_num_threads(1)
    reference = {
        "generator": "tools/keras_reference.py",
        "keras_version": keras.__version__,
        "backend": keras.backend.backend(),
        "backend_version": torch.__version__ if keras.backend.backend() == "torch" else None,
        "numpy_version": np.__version__,
        "python_version": platform.python_version(),
        "floatx": keras.backend.floatx(),
        "generated": datetime.date.today().isoformat(),
        "cases": [run_case(spec) for spec in case_specs()],
    }
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(reference, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {len(reference['cases'])} cases to {output} ({output.stat().st_size} bytes)")


if __name__ == "__main__":
    main(sys.argv)
