"""Save a model and load it back, in a format that says what it is.

- `model.keras`: Keras 3's format (see `keras_format`); Keras can load it, and so can we.
- `model.npz`: this engine's own format: the architecture and compile settings as JSON (entry
  `config`), the weights in Keras order (`weight_0`, `weight_1`, ...) and the optimizer's state
  (`optimizer/...`). It also keeps what Keras has no name for (a learner's own activation).
- `model.h5`: Keras 2's legacy whole-model format is refused with a message saying what to use.
- `save_weights("w.weights.h5")` / `load_weights(...)`: the weights alone, as Keras writes them.

Either way a loaded model predicts identically and can go on training where it stopped.
"""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path
from typing import Any

import numpy as np

from tutor.engine import losses, optimizers
from tutor.engine.errors import EngineError
from tutor.engine.layers import BY_CLASS_NAME, Dense
from tutor.engine.model import Sequential

FORMAT = "tutor.engine/1"
HDF5_SIGNATURE = b"\x89HDF\r\n\x1a\n"


def save_model(model: Sequential, path: str | os.PathLike) -> None:
    """Write the model to `path`: `.keras` (Keras 3's format) or `.npz` (ours)."""
    name = os.fspath(path).lower()
    if name.endswith(".keras"):
        from tutor.engine.keras_format import save_keras

        save_keras(model, Path(path))
        return
    if name.endswith((".h5", ".hdf5")):
        raise EngineError(
            f"model.save({os.fspath(path)!r}) asks for Keras 2's legacy HDF5 format, which "
            "tutor's engine does not write. Use model.save('model.keras') (Keras 3's own "
            "format: Keras can load it too), or model.save_weights('model.weights.h5') for the "
            "weights alone."
        )
    if not name.endswith(".npz"):
        raise EngineError(
            f"model.save needs a file name ending in .keras (Keras 3's format) or .npz (this "
            f"engine's own), got {os.fspath(path)!r}."
        )
    _save_npz(model, path)


def _save_npz(model: Sequential, path: str | os.PathLike) -> None:
    config: dict[str, Any] = {
        "format": FORMAT,
        "model": model.get_config(),
        "input_shape": list(model._input_shape) if model._input_shape is not None else None,
        "dtype": model.dtype.name,
        "compile": None,
    }
    arrays = {f"weight_{i}": w for i, w in enumerate(model.get_weights())}
    if model.optimizer is not None:
        config["compile"] = {
            "optimizer": optimizers.config_of(model.optimizer),
            "loss": model.loss.config() if model.loss is not None else None,
            "metrics": list(model.metric_names),
        }
        for key, value in model.optimizer.get_state().items():
            arrays[f"optimizer/{key}"] = value
    with open(path, "wb") as file:
        np.savez(file, config=np.array(json.dumps(config)), **arrays)


def load_model(path: str | os.PathLike) -> Sequential:
    """The model saved at `path` by `model.save(path)` (or by Keras, .keras), compiled as it was."""
    where = os.fspath(path)
    try:
        with open(path, "rb") as file:
            head = file.read(8)
    except FileNotFoundError:
        raise EngineError(f"There is no model file at {where!r}.") from None
    except OSError as error:
        raise EngineError(f"Cannot read {where!r}: {error}.") from None
    if head == HDF5_SIGNATURE:
        raise EngineError(
            f"{where!r} is an HDF5 file: Keras 2's legacy .h5 model format, or weights only. "
            "tutor's engine loads .keras files and its own .npz; for weights use "
            "model.load_weights(...) on a model built with the same layers."
        )
    if zipfile.is_zipfile(path):
        from tutor.engine.keras_format import load_keras

        try:
            with zipfile.ZipFile(path) as archive:
                if "config.json" in archive.namelist():
                    return load_keras(Path(path), archive)
        except (zipfile.BadZipFile, KeyError, OSError) as error:
            raise EngineError(f"{where!r} is not a readable .keras file ({error}).") from None
    return _load_npz(path)


def _load_npz(path: str | os.PathLike) -> Sequential:
    try:
        with np.load(path, allow_pickle=False) as data:
            contents = {key: data[key] for key in data.files}
    except FileNotFoundError:
        raise EngineError(f"There is no model file at {os.fspath(path)!r}.") from None
    except (OSError, ValueError, zipfile.BadZipFile) as error:
        raise EngineError(
            f"{os.fspath(path)!r} is not a model saved by tutor's engine ({error})."
        ) from None
    if "config" not in contents:
        raise EngineError(f"{os.fspath(path)!r} is not a model saved by tutor's engine.")
    try:
        config = json.loads(str(contents["config"]))
    except ValueError:
        raise EngineError(f"{os.fspath(path)!r} is not a model saved by tutor's engine.") from None
    if config.get("format") != FORMAT:
        raise EngineError(
            f"{os.fspath(path)!r} has format {config.get('format')!r}; this engine reads {FORMAT}."
        )
    model = Sequential(name=config["model"]["name"])
    model.dtype = np.dtype(config.get("dtype", "float32"))
    layer_configs = config["model"]["layers"]
    input_shape = config.get("input_shape")
    if input_shape is None and layer_configs and layer_configs[0].get("input_dim") is not None:
        input_shape = [layer_configs[0]["input_dim"]]
    for layer_config in layer_configs:
        cls = BY_CLASS_NAME.get(layer_config.get("class_name", "Dense"), Dense)
        options = {k: v for k, v in layer_config.items() if k != "input_shape"}
        if cls is Dense:
            options["input_dim"] = None
        model.add(cls.from_config(options))
    weights = [
        contents[f"weight_{i}"] for i in range(sum(k.startswith("weight_") for k in contents))
    ]
    if input_shape is not None:
        model._ensure_built(tuple(input_shape), initialize=not weights)
        if weights:
            model.set_weights(weights)
    compiled = config.get("compile")
    if compiled is not None:
        model.compile(
            optimizer=optimizers.get(compiled["optimizer"]),
            loss=losses.get(compiled["loss"]) if compiled["loss"] else None,
            metrics=compiled["metrics"],
        )
        state = {k.split("/", 1)[1]: v for k, v in contents.items() if k.startswith("optimizer/")}
        model.optimizer.set_state(state)
    return model


def save_weights(model: Sequential, path: str | os.PathLike) -> None:
    """The weights alone, in Keras 3's `.weights.h5` layout (Keras's load_weights reads it)."""
    if not os.fspath(path).endswith(".weights.h5"):
        raise EngineError(
            f"save_weights needs a file name ending in .weights.h5 (as Keras 3), got "
            f"{os.fspath(path)!r}, e.g. model.save_weights('model.weights.h5')."
        )
    from tutor.engine.keras_format import save_weights as write

    write(model, Path(path))


def load_weights(model: Sequential, path: str | os.PathLike) -> None:
    """Weights written by save_weights (ours or Keras's) into a model of the same layers."""
    where = os.fspath(path)
    if not os.path.exists(where):
        raise EngineError(f"There is no weights file at {where!r}.")
    with open(where, "rb") as file:
        if file.read(8) != HDF5_SIGNATURE:
            raise EngineError(
                f"{where!r} is not a .weights.h5 file (written by model.save_weights)."
            )
    from tutor.engine.keras_format import load_weights as read

    read(model, Path(path))
