"""Keras 3's own files: `.keras` (a zip of config.json, metadata.json and model.weights.h5) and
`.weights.h5` (the weights alone), written so that Keras loads them, and read back.

The weights file is HDF5 (through h5py): one group per layer, named as Keras names them, from the
class (`layers/dense`, `layers/dense_1`, `layers/flatten`, ...), each holding `vars/0`, `vars/1`
(kernel, bias). config.json describes the Sequential model as Keras serialises it: an
`InputLayer` with the input shape, then each layer's class and arguments, and how it was
compiled. The optimizer's running state, which Keras stores in its own per-optimizer layout, is
kept in an extra member `tutor_optimizer.npz` that Keras ignores: a model loaded here trains on
exactly where it stopped; loaded in Keras, it starts with a fresh optimizer.

Only what this engine has can be read: a Sequential model of Dense, Flatten, Dropout and
Activation layers. Anything else gets a clear error naming what was found.
"""

from __future__ import annotations

import datetime
import io
import json
import re
import zipfile
from pathlib import Path
from typing import Any

import numpy as np

from tutor.engine import activations, losses, optimizers
from tutor.engine.errors import EngineError
from tutor.engine.layers import Activation, Dense, Dropout, Flatten, Input, Layer
from tutor.engine.model import Sequential

KERAS_ACTIVATIONS = {"linear", "sigmoid", "tanh", "relu", "leaky_relu", "elu", "swish", "softmax"}
KNOWN_LAYERS = ("Dense", "Flatten", "Dropout", "Activation")
OPTIMIZER_MEMBER = "tutor_optimizer.npz"


def _h5py():
    try:
        import h5py
    except ImportError:  # pragma: no cover - h5py is a dependency
        raise EngineError("Saving in Keras's formats needs the h5py package.") from None
    return h5py


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


# ---- writing --------------------------------------------------------------------------------


def _activation_name(layer: Layer) -> str:
    name = layer.activation.name
    if name not in KERAS_ACTIVATIONS or type(layer.activation) is not type(activations.get(name)):
        raise EngineError(
            f"Layer {layer.name!r} uses the activation {name!r}, which Keras does not have, so "
            "it cannot go into a .keras file; save with model.save('model.npz') instead."
        )
    return name


def _layer_entry(layer: Layer) -> dict[str, Any]:
    config: dict[str, Any] = {"name": layer.name, "trainable": True, "dtype": "float32"}
    if isinstance(layer, Dense):
        config.update(
            units=layer.units,
            activation=_activation_name(layer),
            use_bias=layer.use_bias,
            kernel_initializer=layer.kernel_initializer.name,
            bias_initializer=layer.bias_initializer.name,
        )
    elif isinstance(layer, Dropout):
        config.update(rate=layer.rate, seed=layer.seed, noise_shape=None)
    elif isinstance(layer, Activation):
        config.update(activation=_activation_name(layer))
    elif isinstance(layer, Flatten):
        config.update(data_format="channels_last")
    else:
        raise EngineError(f"Layer {layer.name!r} ({type(layer).__name__}) has no Keras form.")
    return {
        "module": "keras.layers",
        "class_name": type(layer).__name__,
        "config": config,
        "registered_name": None,
        "build_config": {"input_shape": [None, *layer.input_sample_shape]},
    }


def _loss_entry(loss: losses.Loss) -> Any:
    config = loss.config()
    if isinstance(config, str):
        return config
    options = {k: v for k, v in config.items() if k != "name"}
    return {
        "module": "keras.losses",
        "class_name": type(loss).__name__,
        "config": {"name": loss.name, "reduction": "sum_over_batch_size", **options},
        "registered_name": None,
    }


def keras_config(model: Sequential) -> dict[str, Any]:
    """config.json as Keras 3 writes it for this Sequential model."""
    if not model.built:
        raise EngineError(
            "Only a built model can be saved in Keras's format: give the first layer "
            "input_shape=... (or call fit or predict) first."
        )
    shape = [None, *model.input_shape[1:]]
    input_layer = {
        "module": "keras.layers",
        "class_name": "InputLayer",
        "config": {
            "batch_shape": shape,
            "dtype": "float32",
            "sparse": False,
            "name": "input_layer",
        },
        "registered_name": None,
    }
    config: dict[str, Any] = {
        "module": "keras",
        "class_name": "Sequential",
        "config": {
            "name": model.name,
            "trainable": True,
            "dtype": "float32",
            "layers": [input_layer, *(_layer_entry(layer) for layer in model.layers)],
            "build_input_shape": shape,
        },
        "registered_name": None,
        "build_config": {"input_shape": shape},
    }
    if model.optimizer is not None and model.loss is not None:
        optimizer = model.optimizer
        config["compile_config"] = {
            "optimizer": {
                "module": "keras.optimizers",
                "class_name": type(optimizer).__name__,
                "config": {"name": optimizer.name, **optimizer.get_config()},
                "registered_name": None,
            },
            "loss": _loss_entry(model.loss),
            "loss_weights": None,
            "metrics": list(model.metric_names) or None,
            "weighted_metrics": None,
            "run_eagerly": False,
            "steps_per_execution": 1,
            "jit_compile": False,
        }
    return config


def _layer_paths(model: Sequential) -> list[str]:
    """Keras's group names: the class in snake_case, numbered from the second of a kind on."""
    used: dict[str, int] = {}
    paths = []
    for layer in model.layers:
        base = _snake(type(layer).__name__)
        if base in used:
            used[base] += 1
            paths.append(f"{base}_{used[base]}")
        else:
            used[base] = 0
            paths.append(base)
    return paths


def _write_weights(model: Sequential, target: Any) -> None:
    h5py = _h5py()
    with h5py.File(target, "w") as file:
        group = file.create_group("layers")
        for layer, path in zip(model.layers, _layer_paths(model), strict=True):
            variables = group.create_group(path).create_group("vars")
            variables.attrs["name"] = layer.name
            for i, weight in enumerate(layer.parameters()):
                variables.create_dataset(str(i), data=weight)
        file.create_group("vars").attrs["name"] = model.name


def save_keras(model: Sequential, path: Path) -> None:
    config = keras_config(model)
    weights = io.BytesIO()
    _write_weights(model, weights)
    metadata = {
        "keras_version": "3.0.0",
        "date_saved": datetime.datetime.now().strftime("%Y-%m-%d@%H:%M:%S"),
        "written_by": "tutor.engine",
    }
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("metadata.json", json.dumps(metadata))
        archive.writestr("config.json", json.dumps(config))
        archive.writestr("model.weights.h5", weights.getvalue())
        if model.optimizer is not None:
            state = io.BytesIO()
            np.savez(state, **model.optimizer.get_state())
            archive.writestr(OPTIMIZER_MEMBER, state.getvalue())


def save_weights(model: Sequential, path: Path) -> None:
    if not model.built:
        raise EngineError("The model has no weights yet: build, fit or predict first.")
    _write_weights(model, path)


# ---- reading --------------------------------------------------------------------------------


def _name_of(value: Any) -> Any:
    """A Keras serialised object ({"class_name": ..., "config": ...}) or a plain name."""
    if isinstance(value, dict):
        inner = value.get("config")
        if isinstance(inner, str):
            return inner
        return _snake(str(value.get("class_name", "")))
    return value


def _layer_from_keras(entry: dict[str, Any], where: str) -> Layer | None:
    kind, config = entry.get("class_name"), entry.get("config", {})
    name = config.get("name")
    if kind == "Dense":
        return Dense(
            config["units"],
            activation=_name_of(config.get("activation")) or "linear",
            use_bias=config.get("use_bias", True),
            name=name,
        )
    if kind == "Flatten":
        return Flatten(name=name)
    if kind == "Dropout":
        return Dropout(config.get("rate", 0.0), seed=config.get("seed"), name=name)
    if kind == "Activation":
        return Activation(_name_of(config.get("activation")), name=name)
    raise EngineError(
        f"{where} holds a {kind} layer; tutor's engine has only {', '.join(KNOWN_LAYERS)}."
    )


def _input_shape(model_config: dict[str, Any], entries: list[dict[str, Any]]) -> tuple | None:
    for entry in entries:
        if entry.get("class_name") == "InputLayer":
            config = entry.get("config", {})
            shape = config.get("batch_shape") or config.get("batch_input_shape")
            return tuple(shape[1:]) if shape else None
    shape = model_config.get("build_input_shape")
    return tuple(shape[1:]) if shape else None


def _read_weights(model: Sequential, source: Any, where: str) -> None:
    h5py = _h5py()
    weights = []
    with h5py.File(source, "r") as file:
        for layer, path in zip(model.layers, _layer_paths(model), strict=True):
            count = len(layer.parameters())
            if not count:
                continue
            key = f"layers/{path}/vars"
            if key not in file:
                raise EngineError(f"{where} has no weights for layer {layer.name!r} ({key}).")
            weights += [np.asarray(file[f"{key}/{i}"]) for i in range(count)]
    expected = [w.shape for w in model.weights]
    got = [w.shape for w in weights]
    if got != expected:
        raise EngineError(
            f"{where} holds weights of shapes {got}, but this model's are {expected}: build "
            "the model with the same layers as the one that was saved."
        )
    model.set_weights(weights)


def _compile_from_keras(model: Sequential, compiled: dict[str, Any], archive) -> None:
    spec = compiled.get("optimizer")
    if isinstance(spec, dict):
        options = dict(spec.get("config", {}))
        options["name"] = spec.get("class_name", options.get("name", ""))
        optimizer = _optimizer_from(options)
    else:
        optimizer = optimizers.get(str(spec))
    loss_spec = compiled.get("loss")
    if isinstance(loss_spec, dict):
        options = {
            k: v for k, v in loss_spec.get("config", {}).items() if k in ("from_logits", "delta")
        }
        loss = losses.get({"name": _snake(loss_spec.get("class_name", "")), **options})
    else:
        loss = losses.get(loss_spec)
    metrics = [m if isinstance(m, str) else _name_of(m) for m in compiled.get("metrics") or []]
    model.compile(optimizer=optimizer, loss=loss, metrics=metrics)
    if OPTIMIZER_MEMBER in archive.namelist():
        with np.load(io.BytesIO(archive.read(OPTIMIZER_MEMBER)), allow_pickle=False) as state:
            model.optimizer.set_state({key: state[key] for key in state.files})


def _optimizer_from(options: dict[str, Any]) -> optimizers.Optimizer:
    import inspect

    cls = optimizers.get(str(options.pop("name")).lower()).__class__
    accepted = inspect.signature(cls.__init__).parameters
    return cls(**{k: v for k, v in options.items() if k in accepted and v is not None})


def load_keras(path: Path, archive: zipfile.ZipFile) -> Sequential:
    where = repr(str(path))
    try:
        config = json.loads(archive.read("config.json"))
    except (KeyError, ValueError) as error:
        raise EngineError(f"{where} is not a readable .keras file ({error}).") from None
    if config.get("class_name") != "Sequential":
        raise EngineError(
            f"{where} holds a Keras {config.get('class_name')} model; tutor's engine loads "
            "Sequential models only."
        )
    model_config = config.get("config", {})
    entries = model_config.get("layers", [])
    model = Sequential(name=model_config.get("name"))
    shape = _input_shape(model_config, entries)
    if shape is not None:
        model.add(Input(shape=shape))
    for entry in entries:
        if entry.get("class_name") != "InputLayer":
            model.add(_layer_from_keras(entry, where))
    if shape is not None:
        model._ensure_built(shape, initialize=False)
        _read_weights(model, io.BytesIO(archive.read("model.weights.h5")), where)
    compiled = config.get("compile_config")
    if compiled:
        _compile_from_keras(model, compiled, archive)
    return model


def load_weights(model: Sequential, path: Path) -> None:
    if not model.built:
        raise EngineError(
            "load_weights needs a built model of the same layers: give the first layer "
            "input_shape=... first."
        )
    try:
        _read_weights(model, path, repr(str(path)))
    except OSError as error:
        raise EngineError(f"{str(path)!r} is not a weights file ({error}).") from None
