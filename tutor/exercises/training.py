"""The `code` kind's training mode: the learner writes `build_model()`, the checker trains it.

    function = "build_model"
    starter = "starter_build_model.py"
    timeout_s = 20
    [exercise.train]
    dataset = "pima"                 # tutor.datasets.load name (dataset_options = {...} too)
    preprocess = "standardize"       # none | standardize | pixels (flattened) | images (not)
    rows = 2000                      # optional: only the first `rows` training rows
    validation = 0.2                 # the LAST 20 % of those rows are held out, as validation_split
    epochs = 150
    batch_size = 64
    seed = 777
    compile = { optimizer = "adam", loss = "binary_crossentropy" }   # absent: the learner compiles
    loss = "binary_crossentropy"     # the loss val_loss is measured with (default: compile's)
    goal = { metric = "val_accuracy", at_least = 0.75 }              # or val_loss / at_most

How a check goes. The parent loads and prepares the data, keeps the held-out labels and sends the
child only the training rows and the held-out inputs. In the child (the sandbox), trusted setup
code imports the engine; the learner's module is loaded; then the checker's `__tutor_train__`
seeds the engine, calls the learner's `build_model()`, compiles it when the exercise fixes the
compile settings, fits it with the fixed epochs and batch size, and returns the training losses
and the model's predictions for the held-out inputs. The parent scores those predictions against
the labels the child never saw and decides. The test set is never used.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np

from tutor.exercises.base import Detail, SpecError
from tutor.exercises.training_text import TEXT as _TEXT
from tutor.i18n import LANGS, Text

HARNESS = "__tutor_train__"
PREPROCESS = ("none", "standardize", "pixels", "images")  # images: scaled to [0, 1], unflattened
METRICS = ("val_accuracy", "val_loss")

# Trusted code run in the child before the learner's: the engine is imported while the child may
# still read the tutor package, and the harness that trains the learner's model is defined.
SETUP = '''
import importlib as _importlib
import pkgutil as _pkgutil

import numpy as np
import tutor.engine as _engine

for _module in _pkgutil.iter_modules(_engine.__path__):
    _importlib.import_module("tutor.engine." + _module.name)


def __tutor_train__(x, y, x_val, settings):
    """Build the learner's model, train it with the exercise's settings, predict x_val."""
    from tutor.engine import Sequential, set_seed

    set_seed(settings["seed"])
    build = globals().get(settings["function"])
    if not callable(build):
        return {"problem": "missing"}
    model = build()
    if not isinstance(model, Sequential):
        return {"problem": "not_sequential", "got": type(model).__name__}
    if not model.layers:
        return {"problem": "no_layers"}
    if settings["compile"]:
        model.compile(**settings["compile"], metrics=["accuracy"])
    elif model.optimizer is None:
        return {"problem": "not_compiled"}
    history = model.fit(
        x, y, epochs=settings["epochs"], batch_size=settings["batch_size"], verbose=0
    )
    layers = [
        [type(layer).__name__, getattr(layer, "units", 0) or 0,
         getattr(getattr(layer, "activation", None), "name", "") or ""]
        for layer in model.layers
    ]  # fmt: skip
    return {
        "loss": [float(v) for v in history.history.get("loss", [])],
        "predictions": np.asarray(model.predict(x_val, verbose=0), dtype=np.float64),
        "layers": layers,
        "params": int(model.count_params()),
        "loss_name": str(getattr(model.loss, "name", "") or ""),
        "stopped": bool(getattr(model, "stop_training", False)),
    }
'''


@dataclass(frozen=True)
class TrainGoal:
    metric: str
    at_least: float | None = None
    at_most: float | None = None


@dataclass(frozen=True)
class TrainSpec:
    dataset: str
    dataset_options: dict[str, Any]
    preprocess: str
    rows: int | None
    validation: float
    epochs: int
    batch_size: int
    seed: int
    compile: dict[str, Any] | None
    loss: str
    goal: TrainGoal
    output_activation: str | None = None
    max_params: int | None = None


def parse(raw: Any) -> TrainSpec:
    """The `[exercise.train]` table, checked."""
    if not isinstance(raw, dict):
        raise SpecError("`train` must be a table (see tutor/exercises/training.py)", "train")
    known = {"dataset", "dataset_options", "preprocess", "rows", "validation", "epochs"}
    known |= {"batch_size", "seed", "compile", "loss", "goal", "max_params", "output_activation"}
    unknown = sorted(set(raw) - known)
    if unknown:
        raise SpecError(f"`train` has unknown keys {unknown}; known: {sorted(known)}", "train")
    if not isinstance(raw.get("dataset"), str):
        raise SpecError("`train.dataset` must name a data set", "train")
    preprocess = raw.get("preprocess", "none")
    if preprocess not in PREPROCESS:
        raise SpecError(f"`train.preprocess` must be one of {', '.join(PREPROCESS)}", "train")
    validation = float(raw.get("validation", 0.2))
    if not 0.0 < validation < 1.0:
        raise SpecError("`train.validation` is the held-out share, between 0 and 1", "train")
    compile_ = raw.get("compile")
    if compile_ is not None and (
        not isinstance(compile_, dict) or {"optimizer", "loss"} - set(compile_)
    ):
        raise SpecError("`train.compile` is a table with `optimizer` and `loss`", "train")
    loss = raw.get("loss") or (compile_ or {}).get("loss")
    if not isinstance(loss, str):
        raise SpecError("`train.loss` names the loss val_loss is measured with", "train")
    goal_raw = raw.get("goal")
    if not isinstance(goal_raw, dict) or goal_raw.get("metric") not in METRICS:
        raise SpecError(f"`train.goal` needs metric = one of {', '.join(METRICS)}", "train")
    try:
        goal = TrainGoal(**goal_raw)
    except TypeError:
        raise SpecError("`train.goal` keys are metric, at_least, at_most", "train") from None
    if goal.at_least is None and goal.at_most is None:
        raise SpecError("`train.goal` needs at_least or at_most", "train")
    rows = raw.get("rows")
    return TrainSpec(
        dataset=raw["dataset"],
        dataset_options=dict(raw.get("dataset_options", {})),
        preprocess=preprocess,
        rows=int(rows) if rows is not None else None,
        validation=validation,
        epochs=int(raw.get("epochs", 10)),
        batch_size=int(raw.get("batch_size", 32)),
        seed=int(raw.get("seed", 777)),
        compile=dict(compile_) if compile_ is not None else None,
        loss=loss,
        goal=goal,
        output_activation=raw.get("output_activation"),
        max_params=int(raw["max_params"]) if "max_params" in raw else None,
    )


def data(spec: TrainSpec) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(x_fit, y_fit, x_val, y_val): the rows the model trains on, and the held-out rows."""
    options = tuple(sorted(spec.dataset_options.items()))
    return _data(spec.dataset, options, spec.preprocess, spec.rows, spec.validation)


@cache
def _data(
    dataset: str,
    options: tuple[tuple[str, Any], ...],
    preprocess: str,
    rows: int | None,
    validation: float,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    from tutor import datasets

    (x, y), _ = datasets.load(dataset, **dict(options))
    if rows is not None:
        x, y = x[:rows], y[:rows]
    split = math.floor(len(x) * (1.0 - validation))
    x_fit, y_fit, x_val, y_val = x[:split], y[:split], x[split:], y[split:]
    x_fit, x_val = x_fit.astype(np.float32), x_val.astype(np.float32)
    if preprocess == "pixels":
        x_fit, x_val = datasets.scale_pixels(dataset, x_fit, x_val)
    elif preprocess == "images":  # for a model that starts with Flatten
        top = np.float32(datasets.PIXEL_MAX[dataset])
        x_fit, x_val = x_fit / top, x_val / top
    elif preprocess == "standardize":
        x_fit, x_val = datasets.standardize(x_fit, x_val)
    return x_fit, y_fit, x_val, y_val


def job_arguments(spec: TrainSpec, function: str) -> tuple[Any, ...]:
    """What the child receives: the training rows, the held-out INPUTS, and the settings."""
    x_fit, y_fit, x_val, _ = data(spec)
    settings = {
        "function": function,
        "seed": spec.seed,
        "epochs": spec.epochs,
        "batch_size": spec.batch_size,
        "compile": spec.compile,
    }
    return (x_fit, y_fit, x_val, settings)


# ---------------------------------------------------------------------------------- judging


@dataclass(frozen=True)
class Judgement:
    ok: bool
    message: Text
    details: tuple[Detail, ...]


def summary(value: Any) -> str:
    """What a trial run of `build_model()` did, in one line: its layers, parameters and the
    training loss, first epoch to last (no score: the held-out rows are scored by a check)."""
    if not isinstance(value, dict):
        return "?"
    if value.get("problem") is not None:
        return f"{value['problem']}: {str(value.get('got', ''))[:80]}"
    parts = []
    layers = value.get("layers")
    if isinstance(layers, list) and layers:
        shown = [str(layer[0]) if isinstance(layer, list) and layer else "?" for layer in layers]
        parts.append(" → ".join(shown))
    if isinstance(value.get("params"), int):
        parts.append(f"params {value['params']:,}")
    losses = value.get("loss")
    if isinstance(losses, list) and losses:
        parts.append(f"loss {losses[0]:.4g} → {losses[-1]:.4g} ({len(losses)} epochs)")
    return " · ".join(parts) or "?"


def judge(spec: TrainSpec, function: str, value: Any) -> Judgement:
    """Score what the child returned against the held-out labels it never saw."""
    if not isinstance(value, dict):
        return _fail(_fill(_TEXT["odd"], function=function))
    problem = value.get("problem")
    if problem is not None:
        text = _TEXT.get(f"problem_{problem}", _TEXT["odd"])
        return _fail(_fill(text, function=function, got=str(value.get("got", ""))[:80]))
    _, y_fit, _, y_val = data(spec)
    predictions = value.get("predictions")
    losses = value.get("loss")
    if not isinstance(predictions, np.ndarray) or not isinstance(losses, list):
        return _fail(_fill(_TEXT["odd"], function=function))
    classes = int(max(int(np.max(y_fit)), int(np.max(y_val)))) + 1
    want_units = 1 if classes == 2 and spec.loss == "binary_crossentropy" else classes
    if predictions.ndim == 1:
        predictions = predictions[:, None]
    units = predictions.shape[-1] if predictions.ndim == 2 else -1
    if predictions.ndim != 2 or len(predictions) != len(y_val) or units != want_units:
        return _fail(
            _fill(_TEXT["wrong_output"], want=want_units, got=f"{tuple(predictions.shape)}"),
            _rows(spec, value, None, None),
        )
    layers = value.get("layers")
    last = layers[-1] if isinstance(layers, list) and layers else None
    activation = last[2] if isinstance(last, list) and len(last) == 3 else None
    if spec.output_activation and activation != spec.output_activation:
        text = _TEXT["wrong_activation"]
        return _fail(
            _fill(text, want=spec.output_activation, got=str(activation or "?")[:40]),
            _rows(spec, value, None, None),
        )
    loss_name = value.get("loss_name")
    if spec.compile is None and loss_name != _long_name(spec.loss):
        return _fail(_fill(_TEXT["wrong_loss"], want=spec.loss, got=str(loss_name)[:60]))
    params = value.get("params")
    if spec.max_params is not None and isinstance(params, int) and params > spec.max_params:
        return _fail(_fill(_TEXT["too_big"], params=params, limit=spec.max_params))
    accuracy, loss = _scores(spec.loss, predictions, y_val)
    score = accuracy if spec.goal.metric == "val_accuracy" else loss
    ok = math.isfinite(score)
    if spec.goal.at_least is not None:
        ok = ok and score >= spec.goal.at_least
    if spec.goal.at_most is not None:
        ok = ok and score <= spec.goal.at_most
    rows = _rows(spec, value, accuracy, loss)
    trained = _fill(
        _TEXT["trained"],
        epochs=spec.epochs,
        batch=spec.batch_size,
        rows=len(y_fit),
        val=len(y_val),
        seed=spec.seed,
    )
    if ok:
        return Judgement(True, _join(_TEXT["passed"], trained), rows)
    first, last = (losses[0], losses[-1]) if losses else (math.nan, math.nan)
    hint = _TEXT["stuck"] if math.isfinite(last) and last >= 0.95 * first else _TEXT["missed"]
    if not math.isfinite(last):
        hint = _TEXT["nan"]
    return Judgement(False, _join(hint, trained), rows)


def _long_name(loss: str) -> str:
    from tutor.engine import losses

    return str(losses.get(loss).name)


def _scores(loss_name: str, p: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Accuracy and mean loss of predictions `p` for labels `y` (the engine's formulas)."""
    from tutor.engine import losses

    with np.errstate(all="ignore"):
        if p.shape[1] == 1:
            accuracy = float(np.mean((p[:, 0] > 0.5) == (y > 0.5)))
        else:
            accuracy = float(np.mean(np.argmax(p, axis=1) == y))
        try:
            per_sample = losses.get(loss_name).function(_targets(loss_name, y, p.shape[1]), p)
            loss = float(np.mean(per_sample))
        except Exception:  # the engine refuses these predictions (nan, wrong range): no loss
            loss = math.nan
    return accuracy, loss


def _targets(loss_name: str, y: np.ndarray, units: int) -> np.ndarray:
    if loss_name == "categorical_crossentropy":
        return np.eye(units, dtype=np.float32)[y.astype(int)]
    if loss_name == "binary_crossentropy" or units == 1:
        return y.reshape(-1, 1).astype(np.float32)
    return y


def _rows(spec: TrainSpec, value: dict[str, Any], accuracy: Any, loss: Any) -> tuple[Detail, ...]:
    rows = []
    losses = value.get("loss") or []
    if losses:
        curve = f"{losses[0]:.4g} → {losses[-1]:.4g}"
        rows.append(Detail("loss (train)", "↓", curve, losses[-1] < losses[0]))
    goal = spec.goal
    measured = {"val_accuracy": accuracy, "val_loss": loss}
    for name in METRICS:
        number = measured[name]
        if number is None:
            continue
        expected, ok = "", True
        if name == goal.metric:
            if goal.at_least is not None:
                expected, ok = f"≥ {goal.at_least:g}", bool(number >= goal.at_least)
            if goal.at_most is not None:
                expected, ok = f"≤ {goal.at_most:g}", bool(number <= goal.at_most)
        rows.append(Detail(name, expected, f"{number:.4f}", ok and math.isfinite(number)))
    layers = value.get("layers")
    if isinstance(layers, list) and layers:
        shape = " → ".join(_layer(layer) for layer in layers[:8] if isinstance(layer, list))
        rows.append(Detail("model", "", f"{shape}  ({value.get('params', '?')} params)", True))
    return tuple(rows)


def _layer(layer: list[Any]) -> str:
    kind, units, activation = [*layer, "", 0, ""][:3]
    if kind == "Dense":
        return f"Dense({units}, {activation})" if activation else f"Dense({units})"
    return str(kind)[:20]


def _fail(message: Text, details: tuple[Detail, ...] = ()) -> Judgement:
    return Judgement(False, message, details)


def _fill(text: Text, **values: Any) -> Text:
    return {lang: text[lang].format(**values) for lang in LANGS}


def _join(first: Text, second: Text) -> Text:
    return {lang: f"{first[lang]} {second[lang]}" for lang in LANGS}


def describe(spec: TrainSpec, function: str, lang: str) -> str:
    x_fit, _, x_val, _ = data(spec)
    goal = spec.goal
    bound = f"≥ {goal.at_least:g}" if goal.at_least is not None else f"≤ {goal.at_most:g}"
    compile_ = _TEXT["we_compile"] if spec.compile else _TEXT["you_compile"]
    return _TEXT["describe"][lang].format(
        function=function,
        rows=len(x_fit),
        val=len(x_val),
        features="×".join(str(n) for n in x_fit.shape[1:]),
        epochs=spec.epochs,
        batch=spec.batch_size,
        seed=spec.seed,
        goal=f"{goal.metric} {bound}",
        compile=compile_[lang].format(**(spec.compile or {})),
    )
