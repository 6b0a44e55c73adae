"""tutor's training engine: a small, readable, vectorized NumPy copy of the Keras workflow.

    from tutor.engine import Sequential, Dense, set_seed

    set_seed(777)
    model = Sequential([Dense(8, activation="relu", input_shape=(2,)),
                        Dense(1, activation="sigmoid")])
    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    history = model.fit(x, y, epochs=500, batch_size=4, verbose=0)

Names, defaults and formulas are Keras 3's, so code written here runs in Keras unchanged and,
from the same starting weights and batches, gives the same numbers. Every module is short and
keeps its formulas in its docstrings: `layers` (forward and backward of Dense), `activations`,
`losses`, `optimizers`, `initializers`, `model` (the training loop), `perceptron` (the classic
rule), `gradcheck` (backprop checked against finite differences) and `trace` (one training
step, number by number: `trace_step`).
"""

from tutor.engine import activations, callbacks, initializers, losses, metrics, optimizers
from tutor.engine.callbacks import Callback, EarlyStopping, History, LambdaCallback
from tutor.engine.errors import EngineError
from tutor.engine.gradcheck import GradientCheck, gradient_check
from tutor.engine.layers import Dense
from tutor.engine.model import Sequential
from tutor.engine.perceptron import Perceptron, PerceptronPass, PerceptronResult
from tutor.engine.saving import load_model
from tutor.engine.seeding import set_seed
from tutor.engine.trace import LayerTrace, StepTrace, trace_step

__all__ = [
    "Callback",
    "Dense",
    "EarlyStopping",
    "EngineError",
    "GradientCheck",
    "History",
    "LambdaCallback",
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
    "load_model",
    "losses",
    "metrics",
    "optimizers",
    "set_seed",
    "trace_step",
]
