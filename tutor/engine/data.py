"""Checking what a learner passes to fit / evaluate / predict, with messages that say what to do.

Kept apart from the training loop: x must be a batch of samples of the model's input shape,
sample weights one number per sample, class weights a {class: weight} dict.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from tutor.engine.errors import EngineError


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def numeric_array(x: Any, what: str) -> np.ndarray:
    array = np.asarray(x)
    if array.dtype == object or not (np.issubdtype(array.dtype, np.number) or array.dtype == bool):
        raise EngineError(f"{what} must hold numbers, got an array of {array.dtype}.")
    return array


def check_batch_shape(
    array: np.ndarray, expected: tuple[int, ...] | None, first_is_dense: bool, what: str
) -> None:
    """A clear error unless `array` is a batch of samples of shape `expected` (if known)."""
    if array.ndim == 0:
        raise EngineError(f"{what} must be an array of samples, got the single number {array}.")
    if expected is not None and (
        array.shape == expected or (array.ndim == 1 and array.size == math.prod(expected))
    ):
        batch = ", ".join(map(str, (1, *expected)))
        raise EngineError(
            f"{what} has shape {array.shape}: that is ONE sample, but the model takes a batch "
            f"of samples, shape (m, {', '.join(map(str, expected))}). For one sample pass "
            f"{what}.reshape({batch}) or np.array([{what}]), which has shape ({batch})."
        )
    if array.ndim == 1:
        raise EngineError(
            f"{what} needs one row per sample and one column per feature, got shape "
            f"{array.shape}. For a single feature use {what}.reshape(-1, 1)."
        )
    if expected is None:
        if first_is_dense and array.ndim > 2:
            flat = (array.shape[0], math.prod(array.shape[1:]))
            raise EngineError(
                f"Dense layers take one row of numbers per sample, got {what} with shape "
                f"{array.shape}. Start the model with Flatten(input_shape={array.shape[1:]}), "
                f"or flatten the data: {what}.reshape(len({what}), -1) gives shape {flat}."
            )
        return
    if array.shape[1:] != expected:
        if len(expected) == 1 and first_is_dense:
            detail = f"Dense layer 1 expects inputs with {plural(expected[0], 'feature')}"
        else:
            detail = f"The model expects samples of shape {expected}"
        hint = ""
        if array.ndim > 2 and len(expected) == 1 and first_is_dense:
            flat = (array.shape[0], math.prod(array.shape[1:]))
            hint = (
                f" Start the model with Flatten(input_shape={array.shape[1:]}), or flatten the "
                f"data: {what}.reshape(len({what}), -1) gives shape {flat}."
            )
        elif math.prod(array.shape[1:]) == math.prod(expected):
            hint = f" Reshape it: {what}.reshape(len({what}), {', '.join(map(str, expected))})."
        raise EngineError(f"{detail}, got {what} with shape {array.shape}.{hint}")


def sample_weights(weights: Any, rows: int) -> np.ndarray:
    """One weight >= 0 per sample, as float32 of shape (rows,)."""
    array = numeric_array(weights, "sample_weight").astype(np.float32)
    if array.ndim == 2 and array.shape[1] == 1:
        array = array[:, 0]
    if array.shape != (rows,):
        raise EngineError(
            f"sample_weight needs one number per sample, shape ({rows},), got shape {array.shape}."
        )
    if not np.isfinite(array).all() or (array < 0).any():
        raise EngineError("sample_weight must hold finite numbers >= 0.")
    return array


def class_weights_for(class_weight: Any, y: np.ndarray) -> np.ndarray:
    """Per-sample weights from {class: weight}, for prepared labels y (as Keras converts them).

    The class of a sample is its label (class numbers), the rounded label (one 0/1 column) or
    the position of the largest value (one-hot rows). Classes missing from the dict weigh 1.
    """
    if not isinstance(class_weight, dict) or not class_weight:
        raise EngineError(
            f"class_weight must be a dict {{class number: weight}}, e.g. {{0: 1.0, 1: 3.0}}; "
            f"got {class_weight!r}."
        )
    try:
        table = {int(k): float(v) for k, v in class_weight.items()}
    except (TypeError, ValueError):
        raise EngineError(
            f"class_weight keys must be class numbers and values numbers; got {class_weight!r}."
        ) from None
    if y.ndim == 1:
        classes = y.astype(np.intp)
    elif y.shape[1] == 1:
        classes = np.round(y[:, 0]).astype(np.intp)
    else:
        classes = y.argmax(axis=1)
    lookup = np.ones(max(int(classes.max(initial=0)), *table) + 1, np.float32)
    for key, value in table.items():
        if key >= 0:
            lookup[key] = value
    return lookup[classes]
