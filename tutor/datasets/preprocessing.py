"""Small helpers every lesson needs: split, standardise, one-hot encode.

They take and return NumPy arrays and never change their inputs.
"""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np
from numpy.typing import ArrayLike

from tutor.datasets.errors import DatasetError

Arrays = tuple[np.ndarray, np.ndarray]
Split = tuple[Arrays, Arrays]


def _is_int(value: object) -> bool:
    return isinstance(value, int | np.integer) and not isinstance(value, bool)


def check_seed(seed: object) -> int | None:
    """A seed is None (a new random draw every time) or a whole number 0 or more."""
    if seed is None:
        return None
    if not _is_int(seed) or int(seed) < 0:  # type: ignore[call-overload]
        raise DatasetError(f"seed must be a whole number 0 or more (or None), got {seed!r}.")
    return int(seed)  # type: ignore[call-overload]


def _test_count(n: int, test_size: float | int) -> int:
    if _is_int(test_size):
        n_test = int(test_size)
        if not 1 <= n_test <= n - 1:
            raise DatasetError(
                f"test_size={n_test} rows must leave at least one row on each side: "
                f"expected a count from 1 to {n - 1} for {n} rows."
            )
        return n_test
    if isinstance(test_size, bool) or not isinstance(test_size, float | np.floating):
        raise DatasetError(
            f"test_size must be a fraction between 0 and 1 or a row count, got {test_size!r}."
        )
    if not 0.0 < test_size < 1.0:
        raise DatasetError(
            f"test_size={test_size} is not a fraction strictly between 0 and 1 "
            "(e.g. 0.25 for a quarter of the rows)."
        )
    n_test = math.ceil(n * test_size)
    if n_test >= n:
        raise DatasetError(f"test_size={test_size} leaves no training rows out of {n}.")
    return n_test


def _stratified_test_rows(labels: np.ndarray, n_test: int, rng: np.random.Generator) -> np.ndarray:
    """Row indices for the test part, each class in proportion to its share of `labels`."""
    classes, inverse, counts = np.unique(labels, return_inverse=True, return_counts=True)
    ideal = counts * n_test / len(labels)
    per_class = np.floor(ideal).astype(int)
    short = n_test - per_class.sum()
    # Hand the rows still missing to the classes that lost the most by rounding down.
    per_class[np.argsort(-(ideal - per_class), kind="stable")[:short]] += 1
    chosen = [
        rng.permutation(np.flatnonzero(inverse == k))[: per_class[k]] for k in range(len(classes))
    ]
    return np.concatenate(chosen)


def train_test_split(
    x: ArrayLike,
    y: ArrayLike,
    test_size: float | int = 0.25,
    seed: int | None = None,
    shuffle: bool = True,
    stratify: ArrayLike | None = None,
) -> Split:
    """Split samples into a training and a test part: `(x_train, y_train), (x_test, y_test)`.

    The result has the same shape as `tutor.datasets.load` (and `keras.datasets`), not
    scikit-learn's `x_train, x_test, y_train, y_test`.

    test_size: a fraction in (0, 1) (rounded up to whole rows) or a number of rows.
    seed: makes the shuffle repeatable; None draws a new one each call.
    shuffle=False keeps the order: the last rows become the test part.
    stratify: labels (usually `y`) whose class balance both parts should keep.
    """
    x_array, y_array = np.asarray(x), np.asarray(y)
    if x_array.ndim == 0 or y_array.ndim == 0:
        raise DatasetError("train_test_split needs arrays with one row per sample, got a scalar.")
    n = len(x_array)
    if len(y_array) != n:
        raise DatasetError(
            f"x and y must have one row per sample: x has {n} rows, y has {len(y_array)}."
        )
    if n < 2:
        raise DatasetError(f"train_test_split needs at least 2 samples, got {n}.")
    n_test = _test_count(n, test_size)
    rng = np.random.default_rng(check_seed(seed))

    if stratify is not None:
        if not shuffle:
            raise DatasetError("stratify needs shuffle=True: a stratified split picks rows.")
        labels = np.asarray(stratify)
        if labels.shape[:1] != (n,):
            raise DatasetError(
                f"stratify must hold one label per sample ({n}), got shape {labels.shape}."
            )
        test_rows = rng.permutation(_stratified_test_rows(labels, n_test, rng))
        train_mask = np.ones(n, dtype=bool)
        train_mask[test_rows] = False
        train_rows = rng.permutation(np.flatnonzero(train_mask))
    elif shuffle:
        order = rng.permutation(n)
        train_rows, test_rows = order[: n - n_test], order[n - n_test :]
    else:
        train_rows, test_rows = np.arange(n - n_test), np.arange(n - n_test, n)

    return (x_array[train_rows], y_array[train_rows]), (x_array[test_rows], y_array[test_rows])


class Stats(NamedTuple):
    """What `standardize` learned from the training data, per feature."""

    mean: np.ndarray
    std: np.ndarray


def standardize(
    x_train: ArrayLike, *others: ArrayLike, return_stats: bool = False
) -> np.ndarray | tuple:
    """Rescale every feature to mean 0 and standard deviation 1, as measured on `x_train`.

    The mean and std come from the first array only and are applied to all of them, so test data
    is scaled exactly like the training data (and never leaks into it). A feature that never
    varies in `x_train` (std 0) is only shifted, not divided by zero.

    Returns one float32 array per input: the array itself when only `x_train` is given, else a
    tuple in the order given. With `return_stats=True` it returns `(result, Stats(mean, std))`.

        x_train, x_test = standardize(x_train, x_test)
    """
    train = np.asarray(x_train, dtype=np.float64)
    if train.ndim == 0 or len(train) == 0:
        raise DatasetError("standardize needs x_train with at least one row of features.")
    mean = train.mean(axis=0)
    std = train.std(axis=0)
    safe_std = np.where(std > 0, std, 1.0)

    results = []
    for position, array in enumerate((x_train, *others)):
        values = np.asarray(array, dtype=np.float64)
        if values.shape[1:] != train.shape[1:]:
            raise DatasetError(
                f"array {position + 1} has samples of shape {values.shape[1:]}, but x_train's "
                f"are {train.shape[1:]}: standardize needs the same features in every array."
            )
        results.append(((values - mean) / safe_std).astype(np.float32))

    result = results[0] if not others else tuple(results)
    if return_stats:
        return result, Stats(mean.astype(np.float32), std.astype(np.float32))
    return result


def one_hot(y: ArrayLike, num_classes: int | None = None) -> np.ndarray:
    """Integer labels (n,) -> a float32 matrix (n, num_classes) with a single 1 per row.

    `one_hot([0, 2, 1])` is `[[1, 0, 0], [0, 0, 1], [0, 1, 0]]`. Without `num_classes` the
    number of columns is the largest label + 1. Labels shaped (n, 1) are accepted too.
    """
    labels = np.asarray(y)
    if labels.ndim == 2 and labels.shape[1] == 1:
        labels = labels[:, 0]
    if labels.ndim != 1:
        raise DatasetError(
            f"one_hot expects a 1-D array of integer labels, got shape {labels.shape}."
        )
    if labels.dtype.kind == "b" or labels.dtype.kind not in "iuf":
        raise DatasetError(
            f"one_hot expects whole-number labels such as 0, 1, 2, got dtype {labels.dtype}."
        )
    if labels.dtype.kind == "f" and not np.all(np.isfinite(labels) & (labels == np.round(labels))):
        raise DatasetError("one_hot expects whole-number labels such as 0, 1, 2, got fractions.")
    labels = labels.astype(np.int64)
    if labels.size and labels.min() < 0:
        raise DatasetError(f"one_hot labels must be 0 or more, got {labels.min()}.")

    if num_classes is None:
        if labels.size == 0:
            raise DatasetError("one_hot cannot guess num_classes from no labels: pass it.")
        num_classes = int(labels.max()) + 1
    elif not _is_int(num_classes) or num_classes < 1:
        raise DatasetError(f"num_classes must be a whole number 1 or more, got {num_classes!r}.")
    elif labels.size and labels.max() >= num_classes:
        raise DatasetError(
            f"label {labels.max()} does not fit num_classes={num_classes}: "
            f"expected labels from 0 to {num_classes - 1}."
        )

    encoded = np.zeros((len(labels), int(num_classes)), dtype=np.float32)
    encoded[np.arange(len(labels)), labels] = 1.0
    return encoded


to_categorical = one_hot
"""Keras's name for `one_hot` (`keras.utils.to_categorical`)."""


# The brightest pixel value of each image data set: 8×8 digits run 0–16, MNIST 0–255.
PIXEL_MAX = {"digits": 16.0, "mnist": 255.0}


def scale_pixels(name: str, *images: ArrayLike) -> tuple[np.ndarray, ...]:
    """Each batch of `name`'s images flattened to one row per image, as float32 in [0, 1].

    (n, 28, 28) uint8 → (n, 784) float32: what a Dense layer takes, as the MNIST lesson teaches.
    """
    if name not in PIXEL_MAX:
        raise DatasetError(
            f"scale_pixels knows the image data sets {', '.join(PIXEL_MAX)}, not {name!r}."
        )
    top = np.float32(PIXEL_MAX[name])
    return tuple(
        np.asarray(batch, dtype=np.float32).reshape(len(batch), -1) / top for batch in images
    )
