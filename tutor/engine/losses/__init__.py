"""Loss functions: one number that says how wrong the model's outputs are.

The formulas are Keras 3's; `regression` (mse, mae, huber) and `crossentropy` (binary,
categorical, sparse categorical; on probabilities or logits) keep them in their docstrings. The
reduction is Keras's "sum_over_batch_size": the batch's loss is the mean of the per-sample
losses (with sample weights: the mean of weight × loss).

Two forms, as in Keras:

- the functions `mse` (= `mean_squared_error`), `mae`, `huber`, `binary_crossentropy`,
  `categorical_crossentropy`, `sparse_categorical_crossentropy` give one loss per sample (m,);
- the classes (`MeanSquaredError()`, `BinaryCrossentropy(from_logits=True)`, ...) give the batch
  mean, and also know their gradient, which is what training uses. `compile(loss=...)` accepts
  a name, a function or an object.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tutor.engine.errors import EngineError, unknown_name
from tutor.engine.losses.base import EPSILON, Loss
from tutor.engine.losses.crossentropy import (
    BinaryCrossentropy,
    CategoricalCrossentropy,
    Crossentropy,
    SparseCategoricalCrossentropy,
    binary_crossentropy,
    categorical_crossentropy,
    sparse_categorical_crossentropy,
)
from tutor.engine.losses.regression import (
    Huber,
    MeanAbsoluteError,
    MeanSquaredError,
    huber,
    mae,
    mean_absolute_error,
    mean_squared_error,
    mse,
)

_CLASSES: dict[str, type[Loss]] = {
    "mean_squared_error": MeanSquaredError,
    "mse": MeanSquaredError,
    "mean_absolute_error": MeanAbsoluteError,
    "mae": MeanAbsoluteError,
    "huber": Huber,
    "huber_loss": Huber,
    "binary_crossentropy": BinaryCrossentropy,
    "categorical_crossentropy": CategoricalCrossentropy,
    "sparse_categorical_crossentropy": SparseCategoricalCrossentropy,
}
_BY_FUNCTION: dict[Callable, type[Loss]] = {
    mean_squared_error: MeanSquaredError,
    mean_absolute_error: MeanAbsoluteError,
    huber: Huber,
    binary_crossentropy: BinaryCrossentropy,
    categorical_crossentropy: CategoricalCrossentropy,
    sparse_categorical_crossentropy: SparseCategoricalCrossentropy,
}
NAMES = sorted(_CLASSES)


def get(identifier: str | Loss | Callable | type | dict[str, Any]) -> Loss:
    """A fresh loss object for a name (`"mse"`), a loss function, a class, a config or an object."""
    if isinstance(identifier, Loss):
        return identifier
    if isinstance(identifier, dict):
        options = dict(identifier)
        cls = _CLASSES.get(str(options.pop("name", "")).lower())
        if cls is None:
            raise unknown_name("loss", identifier, NAMES)
        return cls(**options)
    if isinstance(identifier, str):
        cls = _CLASSES.get(identifier.lower())
        if cls is None:
            raise unknown_name("loss", identifier, NAMES)
        return cls()
    if isinstance(identifier, type) and issubclass(identifier, Loss):
        return identifier()
    if callable(identifier) and identifier in _BY_FUNCTION:
        return _BY_FUNCTION[identifier]()
    raise EngineError(
        f"The engine trains with its built-in losses only (it computes their gradients by "
        f"hand); got {identifier!r}. Use one of: {', '.join(NAMES)}."
    )


__all__ = [
    "EPSILON",
    "NAMES",
    "BinaryCrossentropy",
    "CategoricalCrossentropy",
    "Crossentropy",
    "Huber",
    "Loss",
    "MeanAbsoluteError",
    "MeanSquaredError",
    "SparseCategoricalCrossentropy",
    "binary_crossentropy",
    "categorical_crossentropy",
    "get",
    "huber",
    "mae",
    "mean_absolute_error",
    "mean_squared_error",
    "mse",
    "sparse_categorical_crossentropy",
]
