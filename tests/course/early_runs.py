"""The runs behind `test_lesson_numbers_early.py`: each lesson's experiment, as the text gives it.

Every training run is cached, so the claims that quote the same run share it.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import numpy as np

from tutor import datasets
from tutor.engine import Dense, Perceptron, Sequential, activations, optimizers, set_seed

XY = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])  # the four rows of a two-input truth table


# ------------------------------------------------------------------------ 02-03: one neuron


@cache
def random_uniform_start() -> np.ndarray:
    set_seed(1)
    layer = Dense(1, activation="step", input_shape=(2,), kernel_initializer="random_uniform")
    w, b = Sequential([layer]).get_weights()
    return np.concatenate([w.ravel(), b])


@cache
def random_normal_kernel() -> np.ndarray:
    set_seed(0)
    return Sequential(
        [Dense(512, input_shape=(784,), kernel_initializer="random_normal")]
    ).get_weights()[0]


def hand_update() -> np.ndarray:
    """Lesson 3's worked step: w = (0.2, 0.3), t = 1, x = (1, 1), target 1."""
    p = Perceptron(n_inputs=2, learning_rate=0.01, threshold=1.0, seed=0)
    p.weights = np.array([0.2, 0.3])
    p.fit(np.array([[1, 1]]), np.array([1]), max_epochs=1)
    return np.array([*p.weights, p.threshold])


@cache
def passes(
    y: tuple[int, ...], seed: int, learn_threshold: bool = True, threshold: float | None = None
) -> tuple[bool, int]:
    p = Perceptron(
        n_inputs=2,
        learning_rate=0.01,
        learn_threshold=learn_threshold,
        threshold=threshold,
        seed=seed,
    )
    result = p.fit(XY, np.array(y), max_epochs=1000)
    return result.converged, result.epochs


def epochs_over_seeds(y: tuple[int, ...], **kw: Any) -> list[int]:
    return [passes(y, seed, **kw)[1] for seed in range(1, 11)]


# --------------------------------------------------------------------- 04, 06: the gate neuron


@cache
def gate(name: str, seed: int = 777, epochs: int = 500) -> dict[str, Any]:
    (x, y), _ = datasets.load(name)
    set_seed(seed)
    model = Sequential([Dense(1, input_shape=(2,), activation="linear")])
    model.compile(optimizer=optimizers.SGD(), loss="mse", metrics=["acc"])
    h = model.fit(x, y, epochs=epochs, verbose=0).history
    w, b = model.get_weights()
    return {
        "loss": h["loss"],
        "acc": h["acc"],
        "out": model.predict(x, verbose=0).ravel(),
        "wb": [*w.ravel(), *b],
    }


@cache
def hidden_xor(
    activation: str, units: int = 4, output: str = "linear", seed: int = 777
) -> dict[str, Any]:
    (x, y), _ = datasets.load("xor")
    set_seed(seed)
    model = Sequential(
        [Dense(units, input_shape=(2,), activation=activation), Dense(1, activation=output)]
    )
    loss = "mse" if output == "linear" else "binary_crossentropy"
    model.compile(optimizer=optimizers.Adam(learning_rate=0.05), loss=loss, metrics=["acc"])
    model.fit(x, y, epochs=300, batch_size=4, verbose=0)
    loss_value, acc = model.evaluate(x, y, verbose=0)
    w1, b1 = model.get_weights()[:2]
    dead = int(
        (np.maximum(x @ w1 + b1, 0) == 0).all(axis=0).sum()
    )  # units that give 0 for every row
    return {
        "loss": loss_value,
        "acc": acc,
        "out": model.predict(x, verbose=0).ravel(),
        "dead": dead,
    }


# --------------------------------------------------------------------- 05: activation values


def act(name: str, z: float) -> float:
    return float(activations.get(name)(np.array([z]))[0])


def softmax(z: list[float]) -> np.ndarray:
    return activations.softmax(np.array([z]))[0]


# ----------------------------------------------------------------------------- 07: descent


def walk(x: float, rate: float, steps: int, slope=lambda x: 2 * x) -> float:
    for _ in range(steps):
        x -= rate * slope(x)
    return x


def quartic(x: float) -> float:
    return x**4 - 3 * x**2 + x


def quartic_end(start: float) -> float:
    return walk(start, 0.01, 200, lambda x: 4 * x**3 - 6 * x + 1)


@cache
def exam_linear(rate: float) -> list[float]:
    (x, y), _ = datasets.load("exam_scores")
    x = datasets.standardize(x)
    set_seed(777)
    model = Sequential([Dense(1, activation="linear", input_shape=(2,))])
    model.compile(optimizer=optimizers.SGD(learning_rate=rate), loss="mse")
    return model.fit(x, y, epochs=10, batch_size=32, verbose=0).history["loss"]


@cache
def exam_sigmoid(
    optimizer: str, rate: float, epochs: int = 20, batch_size: int = 32
) -> dict[str, Any]:
    (x, y), (xt, yt) = datasets.load("exam_scores")
    x, xt = datasets.standardize(x, xt)
    set_seed(777)
    model = Sequential([Dense(1, activation="sigmoid", input_shape=(2,))])
    opt = (
        optimizers.SGD(learning_rate=rate)
        if optimizer == "sgd"
        else optimizers.Adam(learning_rate=rate)
    )
    model.compile(optimizer=opt, loss="binary_crossentropy", metrics=["accuracy"])
    losses_ = model.fit(x, y, epochs=epochs, batch_size=batch_size, verbose=0).history["loss"]
    return {"loss": losses_, "test_acc": model.evaluate(xt, yt)[1]}


def e7(optimizer: str, rate: float, epochs: int, index: int, batch_size: int = 32):
    return lambda: exam_sigmoid(optimizer, rate, epochs, batch_size)["loss"][index]


@cache
def xor_relu(seed: int, units: int = 2) -> tuple[float, float]:
    (x, y), _ = datasets.load("xor")
    set_seed(seed)
    model = Sequential(
        [Dense(units, input_shape=(2,), activation="relu"), Dense(1, activation="sigmoid")]
    )
    model.compile(
        optimizer=optimizers.Adam(learning_rate=0.05),
        loss="binary_crossentropy",
        metrics=["accuracy"],
    )
    model.fit(x, y, epochs=500, verbose=0)
    loss, acc = model.evaluate(x, y, verbose=0)
    return loss, acc


@cache
def kernel(name: str) -> np.ndarray:
    set_seed(0)
    out = {}
    for n in ["glorot_uniform", "he_normal", "lecun_normal"]:
        out[n] = Sequential([Dense(512, input_shape=(784,), kernel_initializer=n)]).get_weights()[0]
    return out[name]


# ---------------------------------------------------------------------------- 08: XOR stack


@cache
def xor32(activation: str, seed: int) -> dict[str, Any]:
    (x, y), _ = datasets.load("xor")
    set_seed(seed)
    model = Sequential(
        [Dense(32, input_shape=(2,), activation=activation), Dense(1, activation="sigmoid")]
    )
    model.compile(
        optimizer=optimizers.Adam(learning_rate=0.01),
        loss="binary_crossentropy",
        metrics=["accuracy"],
    )
    h = model.fit(x, y, epochs=500, verbose=0).history
    return {
        "loss": h["loss"][-1],
        "acc": model.evaluate(x, y, verbose=0)[1],
        "out": model.predict(x, verbose=0).ravel(),
    }


def params(units: list[int], inputs: int) -> list[int]:
    """Each Dense layer's parameter count, as the engine builds it, and their total last."""
    model = Sequential([Dense(units[0], input_dim=inputs), *[Dense(n) for n in units[1:]]])
    weights = model.get_weights()
    counts = [weights[i].size + weights[i + 1].size for i in range(0, len(weights), 2)]
    return [*counts, sum(counts)]


def pima_params() -> list[int]:
    return params([12, 8, 1], 8)


def mnist_params() -> list[int]:
    return params([512, 10], 784)


# -------------------------------------------------------------------------- 11: the race


@cache
def race(
    name: str, rate: float = 0.01, batch_size: int = 32, validation: bool = False
) -> dict[str, Any]:
    (x, y), (xt, yt) = datasets.load("digits")
    x, xt = x.reshape(len(x), -1) / 16, xt.reshape(len(xt), -1) / 16
    make = {
        "SGD": lambda: optimizers.SGD(learning_rate=rate),
        "SGD+momentum": lambda: optimizers.SGD(learning_rate=rate, momentum=0.9),
        "RMSprop": lambda: optimizers.RMSprop(learning_rate=rate),
        "Adam": lambda: optimizers.Adam(learning_rate=rate),
        "Nadam": lambda: optimizers.Nadam(learning_rate=rate),
    }[name]
    set_seed(777)
    model = Sequential(
        [Dense(32, activation="relu", input_shape=(64,)), Dense(10, activation="softmax")]
    )
    model.compile(optimizer=make(), loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    split = 0.2 if validation else 0.0
    h = model.fit(x, y, epochs=5, batch_size=batch_size, validation_split=split, verbose=0).history
    return {
        "loss": h["loss"],
        "test": model.evaluate(xt, yt)[1],
        "val": h.get("val_accuracy", [None])[-1],
    }


def momentum_steps() -> list[float]:
    w, v, out = 1.0, 0.0, []
    for _ in range(2):
        v = 0.9 * v - 0.1 * 2
        w += v
        out += [v, w]
    return out


def adam_first_step(g: float) -> float:
    """How far Adam (lr 0.001) moves a weight on its first step, for a gradient g."""
    adam, w = optimizers.Adam(learning_rate=0.001), np.array([1.0])
    adam.update(w, np.array([g]))
    return float(1.0 - w[0])


def hand_xor() -> np.ndarray:
    (x, _), _ = datasets.load("xor")
    model = Sequential(
        [Dense(2, activation="relu", input_shape=(2,)), Dense(1, activation="linear")]
    )
    model.set_weights(
        [
            np.array([[1.0, 1.0], [1.0, 1.0]]),
            np.array([0.0, -1.0]),
            np.array([[1.0], [-2.0]]),
            np.array([0.0]),
        ]
    )
    return model.predict(x, verbose=0).ravel()
