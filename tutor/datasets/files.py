"""The real data sets shipped in `data/`: read once, cached, handed out as fresh copies.

Every loader returns `(x_train, y_train), (x_test, y_test)` like `keras.datasets`: features as
float32 (MNIST keeps Keras's uint8 images), labels as integers. Each file is read on first use
only, so importing this module costs nothing; later calls copy the cached arrays, which is far
faster than reading again and means a caller can change what it gets without harming the cache.
"""

from __future__ import annotations

import functools
from pathlib import Path

import numpy as np

from tutor.datasets.preprocessing import train_test_split
from tutor.paths import data_dir

Arrays = tuple[np.ndarray, np.ndarray]
Split = tuple[Arrays, Arrays]

EXAM_SCORES = "exam_scores.csv"
PIMA = "pima_indians_diabetes.csv"
BREAST_CANCER = "breast_cancer_wisconsin.csv"
DIGITS = "digits_8x8.csv"
MNIST = "mnist.npz"

SHIPPED = (EXAM_SCORES, PIMA, BREAST_CANCER, DIGITS, MNIST)
"""Every data file tutor ships; `data/README.md` documents each one."""

BREAST_CANCER_TEST_SIZE = 100
BREAST_CANCER_SEED = 777

_TABLE_SHAPES = {
    EXAM_SCORES: (1000, 3),
    PIMA: (768, 9),
    BREAST_CANCER: (569, 31),
    DIGITS: (1797, 65),
}
_MNIST_SHAPES = {
    "x_train": (60000, 28, 28),
    "y_train": (60000,),
    "x_test": (10000, 28, 28),
    "y_test": (10000,),
}


def data_file(filename: str) -> Path:
    """The path of one shipped file; a clear `FileNotFoundError` when it is missing."""
    folder = data_dir()
    path = folder / filename
    if not path.is_file():
        raise FileNotFoundError(
            f"tutor's data folder {folder} has no {filename}. "
            "Reinstall tutor (pip install .) from a complete checkout."
        )
    return path


def _damaged(path: Path, found: object, expected: object) -> RuntimeError:
    return RuntimeError(
        f"{path} looks damaged: found {found}, expected {expected}. "
        "Reinstall tutor (pip install .) from a complete checkout."
    )


@functools.cache
def _table(filename: str) -> np.ndarray:
    """All columns of a shipped CSV as float64 (header skipped); read-only, shared by callers."""
    path = data_file(filename)
    try:
        table = np.loadtxt(path, delimiter=",", skiprows=1, dtype=np.float64, ndmin=2)
    except ValueError as error:
        raise _damaged(path, f"unreadable numbers ({error})", "a numeric CSV") from error
    if table.shape != _TABLE_SHAPES[filename]:
        raise _damaged(path, f"shape {table.shape}", _TABLE_SHAPES[filename])
    table.setflags(write=False)
    return table


def _features_and_labels(filename: str) -> Arrays:
    """Fresh arrays: every column but the last as float32, the last as int64 labels."""
    table = _table(filename)
    return table[:, :-1].astype(np.float32), table[:, -1].astype(np.int64)


def _split_at(x: np.ndarray, y: np.ndarray, n_train: int) -> Split:
    return (x[:n_train].copy(), y[:n_train].copy()), (x[n_train:].copy(), y[n_train:].copy())


def exam_scores() -> Split:
    """Two exam scores (30–100) -> passed the third exam (1) or not (0).

    Synthetic (recipe in data/README.md). The first 700 rows train, the last 300 test.
    x: (700, 2) and (300, 2) float32 raw scores; y: (700,) and (300,) int64.
    """
    x, y = _features_and_labels(EXAM_SCORES)
    return _split_at(x, y, 700)


def pima() -> Split:
    """Pima Indians diabetes: 8 measurements -> diabetes within five years (1) or not (0).

    The tutorial's split: the first 700 rows train, the last 68 test (27 of them positive).
    Columns in the classic order: pregnant, glucose, pressure, triceps, insulin, mass, pedigree,
    age. A 0 in glucose, pressure, triceps, insulin or mass means "not measured".
    x: (700, 8) and (68, 8) float32; y: (700,) and (68,) int64.
    """
    x, y = _features_and_labels(PIMA)
    return _split_at(x, y, 700)


def breast_cancer() -> Split:
    """Breast Cancer Wisconsin (Diagnostic): 30 cell-nucleus features -> malignant (1) / benign (0).

    It stands in for the tutorial's thoracic-surgery data, which no package registry ships, and it
    is an easier problem. The file's rows are not in random order (the first 469 hold 40 %
    malignant, the last 100 only 23 %), so a positional split would be lopsided: instead
    `train_test_split(x, y, test_size=100, seed=777, stratify=y)` keeps the class balance in both
    parts (777 is the seed the tutorial uses). x: (469, 30) and (100, 30) float32; y int64.
    """
    x, y = _features_and_labels(BREAST_CANCER)
    return train_test_split(
        x, y, test_size=BREAST_CANCER_TEST_SIZE, seed=BREAST_CANCER_SEED, stratify=y
    )


def digits() -> Split:
    """8×8 grey handwritten digits, pixel values 0–16 -> the digit 0–9.

    The first 1437 images train, the last 360 test (every digit has 33–37 test images).
    x: (1437, 8, 8) and (360, 8, 8) float32 raw values; y: (1437,) and (360,) int64.
    """
    x, y = _features_and_labels(DIGITS)
    return _split_at(x.reshape(-1, 8, 8), y, 1437)


@functools.cache
def _mnist_arrays() -> dict[str, np.ndarray]:
    path = data_file(MNIST)
    with np.load(path) as archive:
        missing = sorted(set(_MNIST_SHAPES) - set(archive.files))
        if missing:
            raise _damaged(path, f"arrays {archive.files}", f"also {missing}")
        arrays = {key: archive[key] for key in _MNIST_SHAPES}
    for key, array in arrays.items():
        if array.shape != _MNIST_SHAPES[key] or array.dtype != np.uint8:
            raise _damaged(path, f"{key} {array.shape} {array.dtype}", _MNIST_SHAPES[key])
        array.setflags(write=False)
    return arrays


def mnist() -> Split:
    """MNIST handwritten digits, exactly as `keras.datasets.mnist.load_data()` returns them.

    x: (60000, 28, 28) and (10000, 28, 28) uint8 pixels 0–255; y: (60000,) and (10000,) uint8
    digits. Reshaping to (n, 784) and scaling to [0, 1] is left to the caller, as in the lesson.
    The first call decompresses the file (about 0.2 s); later calls copy the cached arrays.
    """
    arrays = _mnist_arrays()
    return (
        (arrays["x_train"].copy(), arrays["y_train"].copy()),
        (arrays["x_test"].copy(), arrays["y_test"].copy()),
    )


def clear_cache() -> None:
    """Forget every file read so far (MNIST's cache alone holds about 55 MB)."""
    _table.cache_clear()
    _mnist_arrays.cache_clear()
