"""tutor's training engine: a small, readable, vectorized NumPy copy of the Keras workflow.

    from tutor.engine import Sequential, Dense, set_seed

    set_seed(777)
    model = Sequential([Dense(8, activation="relu", input_shape=(2,)),
                        Dense(1, activation="sigmoid")])
    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    history = model.fit(x, y, epochs=500, batch_size=4, verbose=0)

Names, defaults and formulas are Keras 3's, so code written here runs in Keras unchanged and,
from the same starting weights and batches, gives the same numbers. Every module is short and
keeps its formulas in its docstrings: `layers` (Dense, Flatten, Dropout, Activation, Input:
forward and backward), `activations`, `losses`, `optimizers`, `initializers`, `model` (the
training loop), `utils` (to_categorical, set_random_seed), `perceptron` (the classic rule) and
`gradcheck` (backprop checked against finite differences), `trace` (one training step,
number by number: `trace_step`). `KERAS_NAMES` lists what this engine offers under the names
Keras gives it.
"""

from tutor.engine import (
    activations,
    callbacks,
    initializers,
    layers,
    losses,
    metrics,
    models,
    optimizers,
    utils,
)
from tutor.engine.callbacks import Callback, EarlyStopping, History, LambdaCallback
from tutor.engine.errors import EngineError
from tutor.engine.gradcheck import GradientCheck, gradient_check
from tutor.engine.keras_names import KERAS_NAMES, keras_names
from tutor.engine.layers import Activation, Dense, Dropout, Flatten, Input, InputLayer, Layer
from tutor.engine.model import Sequential
from tutor.engine.perceptron import Perceptron, PerceptronPass, PerceptronResult
from tutor.engine.saving import load_model
from tutor.engine.seeding import set_seed
from tutor.engine.trace import LayerTrace, StepTrace, trace_step
from tutor.engine.utils import set_random_seed, to_categorical

__all__ = [
    "KERAS_NAMES",
    "Activation",
    "Callback",
    "Dense",
    "Dropout",
    "EarlyStopping",
    "EngineError",
    "Flatten",
    "GradientCheck",
    "History",
    "Input",
    "InputLayer",
    "LambdaCallback",
    "Layer",
    "LayerTrace",
    "Perceptron",
    "PerceptronPass",
    "PerceptronResult",
    "Sequential",
    "StepTrace",
    "activations",
    "callbacks",
    "gradient_check",
    "initializers",
    "keras_names",
    "layers",
    "load_model",
    "losses",
    "metrics",
    "models",
    "optimizers",
    "set_random_seed",
    "set_seed",
    "to_categorical",
    "trace_step",
    "utils",
]
