"""Every data set the course trains on, in the shape `keras.datasets` uses.

    from tutor import datasets
    (x_train, y_train), (x_test, y_test) = datasets.load("pima")
    x_train, x_test = datasets.standardize(x_train, x_test)

Real data ships in `data/` (see its README.md for sources, licences and checksums) and is read
on first use; the truth tables and TensorFlow Playground's point clouds are made in code.
Bad names and options raise `DatasetError`, a `ValueError` whose message lists what exists.
"""

from tutor.datasets.catalog import DatasetInfo
from tutor.datasets.errors import DatasetError
from tutor.datasets.generators import gate, playground, storm
from tutor.datasets.preprocessing import (
    PIXEL_MAX,
    Stats,
    one_hot,
    scale_pixels,
    standardize,
    to_categorical,
    train_test_split,
)
from tutor.datasets.registry import describe, load, names

__all__ = [
    "PIXEL_MAX",
    "DatasetError",
    "DatasetInfo",
    "Stats",
    "describe",
    "gate",
    "load",
    "names",
    "one_hot",
    "playground",
    "scale_pixels",
    "standardize",
    "storm",
    "to_categorical",
    "train_test_split",
]
