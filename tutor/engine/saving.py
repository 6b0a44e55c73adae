"""Save a model to one `.npz` file and load it back.

The file holds the architecture and compile settings as JSON (entry `config`), the weights in
Keras order (`weight_0`, `weight_1`, ...) and the optimizer's state (`optimizer/...`), so a loaded
model predicts identically and can go on training where it stopped. It is written to exactly the
path given, whatever its extension.
"""

from __future__ import annotations

import json
import os
from typing import Any

import numpy as np

from tutor.engine import losses, optimizers
from tutor.engine.errors import EngineError
from tutor.engine.layers import BY_CLASS_NAME, Dense
from tutor.engine.model import Sequential

FORMAT = "tutor.engine/1"


def save_model(model: Sequential, path: str | os.PathLike) -> None:
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
    """The model saved at `path` by `model.save(path)`, compiled as it was."""
    try:
        with np.load(path, allow_pickle=False) as data:
            contents = {key: data[key] for key in data.files}
    except FileNotFoundError:
        raise EngineError(f"There is no model file at {os.fspath(path)!r}.") from None
    except (OSError, ValueError) as error:
        raise EngineError(
            f"{os.fspath(path)!r} is not a model saved by tutor's engine ({error})."
        ) from None
    if "config" not in contents:
        raise EngineError(f"{os.fspath(path)!r} is not a model saved by tutor's engine.")
    config = json.loads(str(contents["config"]))
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
