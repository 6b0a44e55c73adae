"""The lab's data sets, ready for a Dense network: images flattened, tables standardised."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from tutor import datasets
from tutor.lab.settings import GATES, IMAGE_DATASETS


@dataclass(frozen=True)
class LabData:
    """A data set ready for a Dense network: rows of numbers, integer labels."""

    name: str
    x_train: np.ndarray
    y_train: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray
    n_classes: int
    images: np.ndarray | None
    """The test images as (n, height, width) grey levels from 0 to 1 (digits and MNIST)."""
    validation_split: float

    @property
    def n_features(self) -> int:
        return int(self.x_train.shape[1])


@lru_cache(maxsize=3)
def _raw(name: str) -> datasets.preprocessing.Split:
    """The data set as `load` gives it (kept for the next run: nothing here changes it)."""
    return datasets.load(name)


def load_lab_data(name: str, scale: bool = True) -> LabData:
    """Load a lab data set: images flattened (and scaled to 0-1), tables standardised if `scale`.

    Standardising uses the training part's mean and spread for both parts.
    """
    (x_train, y_train), (x_test, y_test) = _raw(name)
    images = None
    if name in IMAGE_DATASETS:
        images = x_test.astype(np.float32) / np.float32(datasets.PIXEL_MAX[name])
        if scale:
            x_train, x_test = datasets.scale_pixels(name, x_train, x_test)
        else:
            x_train = x_train.reshape(len(x_train), -1).astype(np.float32)
            x_test = x_test.reshape(len(x_test), -1).astype(np.float32)
    elif scale and name not in GATES:
        x_train, x_test = datasets.standardize(x_train, x_test)
    y_train = np.asarray(y_train, dtype=np.int64)
    y_test = np.asarray(y_test, dtype=np.int64)
    n_classes = int(max(y_train.max(), y_test.max())) + 1
    return LabData(
        name=name,
        x_train=np.asarray(x_train, dtype=np.float32),
        y_train=y_train,
        x_test=np.asarray(x_test, dtype=np.float32),
        y_test=y_test,
        n_classes=n_classes,
        images=images,
        validation_split=0.0 if name in GATES else 0.2,
    )
