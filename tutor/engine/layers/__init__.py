"""Layers, as `keras.layers` has them: `Dense` learns; `Input`, `Flatten`, `Dropout` and
`Activation` shape, mask or squash what passes through. `base` says what every layer provides."""

from tutor.engine.layers.base import Layer, unique_name
from tutor.engine.layers.core import Activation, Dropout, Flatten, Input, InputLayer
from tutor.engine.layers.dense import Dense

BY_CLASS_NAME: dict[str, type[Layer]] = {
    cls.__name__: cls for cls in (Dense, Flatten, Dropout, Activation)
}

__all__ = [
    "BY_CLASS_NAME",
    "Activation",
    "Dense",
    "Dropout",
    "Flatten",
    "Input",
    "InputLayer",
    "Layer",
    "unique_name",
]
