"""`keras.utils`'s two helpers every tutorial calls: `to_categorical` and `set_random_seed`."""

from __future__ import annotations

from typing import Any

import numpy as np

from tutor.engine.errors import EngineError
from tutor.engine.seeding import set_seed


def to_categorical(y: Any, num_classes: int | None = None, dtype: Any = "float32") -> np.ndarray:
    """Class numbers to one-hot rows: [0, 2, 1] -> [[1, 0, 0], [0, 0, 1], [0, 1, 0]].

    Row i has a 1 in column y_i and 0 elsewhere; `num_classes` defaults to max(y) + 1.
    """
    labels = np.asarray(y)
    if labels.ndim > 1 and labels.shape[-1] == 1:
        labels = labels.reshape(labels.shape[:-1])
    numeric = np.issubdtype(labels.dtype, np.number) or labels.dtype == bool
    if labels.dtype == object or not numeric:
        raise EngineError(f"to_categorical expects class numbers, got an array of {labels.dtype}.")
    if labels.size and (not np.isfinite(labels).all() or np.any(labels != np.round(labels))):
        raise EngineError("to_categorical expects whole class numbers 0, 1, 2, ...")
    classes = labels.astype(np.intp)
    if classes.size and classes.min() < 0:
        raise EngineError(f"to_categorical expects class numbers >= 0, got {classes.min()}.")
    highest = int(classes.max()) if classes.size else -1
    if num_classes is None:
        num_classes = highest + 1
    elif highest >= num_classes:
        raise EngineError(
            f"to_categorical: num_classes={num_classes} but a label is {highest}; classes are "
            f"numbered 0 to num_classes - 1, so use num_classes={highest + 1} or more."
        )
    result = np.zeros((*classes.shape, int(num_classes)), dtype=dtype)
    np.put_along_axis(result, classes[..., None], 1, axis=-1)
    return result


def set_random_seed(seed: int) -> None:
    """Make every later random draw repeat: Python's `random`, NumPy's and the engine's
    (starting weights, shuffling, Dropout), as `keras.utils.set_random_seed` does."""
    set_seed(seed)


__all__ = ["set_random_seed", "to_categorical"]
