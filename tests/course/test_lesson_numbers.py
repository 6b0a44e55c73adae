"""Every training number Part III's lessons state, recomputed with the engine.

Each claim names the lesson, the literal exactly as ko.md and en.md write it, how to recompute it
and the precision the text promises: a plain number to its last digit (half a unit of it), a
number written with "≈" or "or" to the stated tolerance (results that depend on the machine's BLAS
build), and a range ("0.66–0.82") must hold every run it summarises. The test fails when the text
no longer contains the literal or when the engine and the text disagree beyond that precision.

Runs are shared between claims (functools.cache). Claims marked slow (many seeds, or the full
60,000-image MNIST run) only run with TUTOR_SLOW_NUMBERS=1:

    TUTOR_SLOW_NUMBERS=1 python -m pytest -q tests/course/test_lesson_numbers.py
"""

# ruff: noqa: E501  (the claims table keeps one claim per line)

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np
import pytest

from tutor import datasets
from tutor.engine import Dense, LambdaCallback, Sequential, optimizers, set_seed
from tutor.paths import lessons_dir

SLOW = os.environ.get("TUTOR_SLOW_NUMBERS") == "1"


@dataclass(frozen=True)
class Claim:
    lesson: str  # the folder under lessons/
    ko: str  # the literal as ko.md writes it
    en: str  # the literal as en.md writes it
    value: Callable[[], Any]  # a number, or the numbers a range summarises
    stated: float | tuple[float, float]
    tol: float  # the stated precision
    slow: bool = False

    @property
    def name(self) -> str:
        return f"{self.lesson[:2]}:{self.en}"


def compiled(layers: list[Any], optimizer: Any = "adam", loss: str = "binary_crossentropy"):
    model = Sequential(layers)
    model.compile(optimizer=optimizer, loss=loss, metrics=["accuracy"])
    return model


# ------------------------------------------------------------------- 12: breast cancer workflow


@cache
def cancer_workflow(seed: int) -> dict[str, Any]:
    (x, y), (xt, yt) = datasets.load("breast_cancer")
    x, xt = datasets.standardize(x, xt)
    set_seed(seed)
    model = compiled(
        [Dense(16, activation="relu", input_shape=(30,)), Dense(1, activation="sigmoid")]
    )
    h = model.fit(x, y, epochs=20, batch_size=32, validation_split=0.2, verbose=0).history
    loss, accuracy = model.evaluate(xt, yt)
    p = model.predict(xt).ravel()
    return {
        "loss0": h["loss"][0], "loss": h["loss"][-1], "val0": h["val_accuracy"][0],
        "val": h["val_accuracy"][-1], "acc": h["accuracy"][-1], "test_loss": loss,
        "test_acc": accuracy, "p3": p[:3], "missed": int(((p <= 0.5) & (yt == 1)).sum()),
        "false_alarms": int(((p > 0.5) & (yt == 0)).sum()),
    }  # fmt: skip


def c12(key: str, seed: int = 777) -> Callable[[], Any]:
    return lambda: cancer_workflow(seed)[key]


# ------------------------------------------------------------------------ 13: exam scores


@cache
def exam(
    seed: int, standardised: bool, batch_size: int = 32, clipped: bool = False
) -> dict[str, Any]:
    (x, y), (xt, yt) = datasets.load("exam_scores")
    if standardised:
        x, xt = datasets.standardize(x, xt)
    set_seed(seed)
    model = compiled(
        [Dense(1, input_shape=(2,), activation="sigmoid")], optimizers.Adam(learning_rate=0.01)
    )
    model.crossentropy_from_logits = not clipped  # clipped: as Keras on JAX or PyTorch
    losses = model.fit(x, y, epochs=1000, batch_size=batch_size, verbose=0).history["loss"]
    loss, accuracy = model.evaluate(xt, yt)
    w, b = model.get_weights()
    return {
        "losses": losses, "test_loss": loss, "test_acc": accuracy, "w": w.ravel(), "b": b,
        "last": losses[-1],
    }  # fmt: skip


@cache
def exam_raw_frozen(seeds: tuple[int, ...]) -> int:
    """How many clipped raw-score runs end with their first epoch's loss (to three decimals)."""
    runs = [exam(seed, False, clipped=True)["losses"] for seed in seeds]
    return sum(round(losses[0], 3) == round(losses[-1], 3) for losses in runs)


def e13(key: str, seed: int = 777, standardised: bool = True, index: int | None = None):
    def value() -> Any:
        got = exam(seed, standardised)[key]
        return got[index] if index is not None else got

    return value


# --------------------------------------------------------------------------------- 14: Pima

PIMA_MARKS = (50, 100, 150, 300, 500, 1000, 1500)


@cache
def pima(seed: int, standardised: bool, clipped: bool = False) -> dict[str, Any]:
    (x, y), (xt, yt) = datasets.load("pima")
    if standardised:
        x, xt = datasets.standardize(x, xt)
    set_seed(seed)
    model = compiled(
        [
            Dense(12, input_dim=8, activation="relu"),
            Dense(8, activation="relu"),
            Dense(1, activation="sigmoid"),
        ]
    )
    model.crossentropy_from_logits = not clipped  # clipped: as Keras on JAX or PyTorch
    marks: dict[int, tuple[float, float]] = {}

    def mark(epoch: int, logs: Any) -> None:
        if standardised and epoch + 1 in PIMA_MARKS:
            marks[epoch + 1] = (model.evaluate(x, y)[1], model.evaluate(xt, yt)[1])

    history = model.fit(
        x, y, epochs=1500, batch_size=64, verbose=0, callbacks=[LambdaCallback(on_epoch_end=mark)]
    ).history
    return {
        "loss0": history["loss"][0],
        "last_loss": history["loss"][-1],
        "last_acc": history["accuracy"][-1],
        "train_acc": model.evaluate(x, y)[1],
        "test_right": round(model.evaluate(xt, yt)[1] * 68),
        "marks": marks,
    }


def p14(key: str, seeds: tuple[int, ...] = (777,), standardised: bool = False):
    return lambda: [pima(seed, standardised)[key] for seed in seeds]


def mark14(epoch: int, which: int, seeds: tuple[int, ...] = (777,)):
    return lambda: [pima(seed, True)["marks"][epoch][which] for seed in seeds]


SEEDS_14 = (777, *range(1, 11))

# ------------------------------------------------------------------ 15: surgery / breast cancer


@cache
def surgery(seed: int, standardised: bool, clipped: bool = False) -> dict[str, Any]:
    (x, y), (xt, yt) = datasets.load("breast_cancer")
    if standardised:
        x, xt = datasets.standardize(x, xt)
    set_seed(seed)
    model = compiled(
        [
            Dense(30, input_dim=30, activation="relu"),
            Dense(20, activation="relu"),
            Dense(10, activation="relu"),
            Dense(1, activation="sigmoid"),
        ]
    )
    model.crossentropy_from_logits = not clipped  # clipped: as Keras on JAX or PyTorch
    first = model.predict(x[:3]).ravel()
    h = model.fit(x, y, epochs=100, batch_size=64, verbose=0).history
    loss, accuracy = model.evaluate(xt, yt)
    return {"first": first, "losses": h["loss"], "accs": h["accuracy"], "test": (loss, accuracy)}


# ------------------------------------------------------------------------------- 16: digits


@cache
def digits(seed: int) -> dict[str, Any]:
    (x, y), (xt, yt) = datasets.load("digits")
    x, xt = x.reshape(len(x), 64) / 16, xt.reshape(len(xt), 64) / 16
    set_seed(seed)
    model = compiled(
        [Dense(128, activation="relu"), Dense(10, activation="softmax")],
        loss="sparse_categorical_crossentropy",
    )
    history = model.fit(x, y, epochs=20, batch_size=32, verbose=0).history
    loss, accuracy = model.evaluate(xt, yt)
    return {"train": history["accuracy"][-1], "test_loss": loss, "test_acc": accuracy}


@cache
def mnist(seed: int) -> dict[str, Any]:
    (x, y), (xt, yt) = datasets.load("mnist")
    x = x.reshape((60000, 28 * 28)).astype("float32") / 255
    xt = xt.reshape((10000, 28 * 28)).astype("float32") / 255
    set_seed(seed)
    model = compiled(
        [Dense(512, activation="relu"), Dense(10, activation="softmax")],
        "rmsprop",
        "sparse_categorical_crossentropy",
    )
    history = model.fit(x, y, epochs=5, batch_size=128, verbose=0).history
    return {
        "acc": history["accuracy"],
        "loss": history["loss"],
        "test": model.evaluate(xt, yt)[1],
        "train": model.evaluate(x, y)[1],
        "answers": model.predict(xt[:10]).argmax(axis=1).tolist(),
    }


# --------------------------------------------------------------------------- 17: playground


@cache
def playground(name: str, hidden: tuple[int, ...]) -> float:
    (x, y), (xt, yt) = datasets.load(name, noise=0.1, seed=1)
    set_seed(777)
    layers = [Dense(units, activation="tanh") for units in hidden]
    model = compiled([*layers, Dense(1, activation="sigmoid")], optimizers.SGD(learning_rate=0.03))
    model.fit(x, y, epochs=200, batch_size=10, verbose=0)
    return model.evaluate(xt, yt)[1]


@cache
def spiral_depth(layers: int, units: int = 8, epochs: int = 500) -> float:
    (x, y), (xt, yt) = datasets.load("spiral", noise=0.1, seed=1)
    set_seed(777)
    hidden = [Dense(units, activation="tanh") for _ in range(layers)]
    model = compiled([*hidden, Dense(1, activation="sigmoid")], optimizers.Adam(learning_rate=0.01))
    model.fit(x, y, epochs=epochs, batch_size=10, verbose=0)
    return model.evaluate(xt, yt)[1]


# ------------------------------------------------------------------------------- the claims

L12, L13, L14 = "12-keras-workflow", "13-exam-scores", "14-diabetes"
L15, L16, L17 = "15-surgery-survival", "16-mnist", "17-playground"
HALF3, HALF4 = 0.0005, 0.00005
PERSON = 1 / 68  # one test person in lesson 14
MNIST_ACC_ROW = "0.9259  0.9688  0.9789  0.9845  0.9884"  # one machine; others within 0.0003
MNIST_LOSS_ROW = "0.2620  0.1066  0.0700  0.0512  0.0382"
TRAIN_ROW = "0.800  0.807  0.810  0.831  0.844  0.863  0.881"  # stated within 0.003 (and rounding)
TEST_ROW = "0.750  0.779  0.750  0.750  0.735  0.721  0.662"  # stated within one person

CLAIMS = [
    # 12: the five steps, seed 777, and the seed table
    Claim(L12, "# 0.5522", "# 0.5522", c12("loss0"), 0.5522, HALF4),
    Claim(L12, "# 0.0874", "# 0.0874", c12("loss"), 0.0874, HALF4),
    Claim(L12, "# 0.9574", "# 0.9574", c12("val"), 0.9574, HALF4),
    Claim(L12, "0.670에서", "from 0.670", c12("val0"), 0.670, HALF3),
    Claim(L12, "학습 정확도(0.984)", "training accuracy (0.984)", c12("acc"), 0.984, HALF3),
    Claim(L12, "# 0.0913 0.97", "# 0.0913 0.97", c12("test_loss"), 0.0913, HALF4),
    Claim(L12, "# 0.0913 0.97", "# 0.0913 0.97", c12("test_acc"), 0.97, 0.005),
    Claim(L12, "# [0.0353 0.0045 0.0042]", "# [0.0353 0.0045 0.0042]", lambda: cancer_workflow(777)["p3"][0], 0.0353, HALF4),
    Claim(L12, "37건 중 2건", "2 of the 37 malignant", c12("missed"), 2, 0),
    Claim(L12, "63건 중 1건", "1 of the 63 benign", c12("false_alarms"), 1, 0),
    *[
        Claim(L12, f"{seed}         {val:.3f}", f"{seed}         {val:.3f}", c12("val", seed), val, HALF3)
        for seed, val in [(1, 0.968), (2, 0.894), (3, 0.936), (4, 0.926), (5, 0.957)]
    ],
    # 13: one neuron, raw and standardised
    Claim(L13, "777    2.174", "777    2.174", e13("losses", standardised=False, index=0), 2.174, HALF3),
    Claim(L13, "0.248         0.897", "0.248       0.897", e13("losses", standardised=False, index=-1), 0.248, HALF3),
    Claim(L13, "0.248         0.897", "0.248       0.897", e13("test_acc", standardised=False), 0.897, HALF3),
    Claim(L13, "1      34.881", "1      34.881", e13("losses", 1, False, 0), 34.881, HALF3),
    Claim(L13, "0.256         0.893", "0.256       0.893", e13("losses", 1, False, -1), 0.256, HALF3),
    Claim(L13, "0.256         0.893", "0.256       0.893", e13("test_acc", 1, False), 0.893, HALF3),
    Claim(L13, "2      37.676", "2      37.676", e13("losses", 2, False, 0), 37.676, HALF3),
    Claim(L13, "0.263         0.890", "0.263       0.890", e13("losses", 2, False, -1), 0.263, HALF3),
    Claim(L13, "0.263         0.890", "0.263       0.890", e13("test_acc", 2, False), 0.890, HALF3),
    Claim(L13, "시드 1과 2는 1000 에포크 내내 첫 손실에 머물고", "seeds 1 and 2\nstay at their first loss", lambda: exam_raw_frozen((1, 2)), 2, 0),
    Claim(L13, "0.619      0.311   0.244", "0.619      0.311   0.244", e13("losses", index=0), 0.619, HALF3),
    Claim(L13, "0.244   0.242         0.893", "0.244   0.242        0.893", e13("test_loss"), 0.242, HALF3),
    Claim(L13, "0.244   0.242         0.893", "0.244   0.242        0.893", e13("test_acc"), 0.893, HALF3),
    Claim(L13, "# [3.924 2.517] [-0.414]", "# [3.924 2.517] [-0.414]", e13("w", index=0), 3.924, HALF3),
    Claim(L13, "# [3.924 2.517] [-0.414]", "# [3.924 2.517] [-0.414]", e13("b", index=0), -0.414, HALF3),
    Claim(L13, "b는 −7.1에", "b is stuck at −7.1", lambda: exam(777, False, 700)["b"][0], -7.1, 0.05),
    Claim(L13, "0.334로", "loss of 0.334", lambda: exam(777, False, 700)["last"], 0.334, HALF3),
    Claim(L13, "시드 1–20 중 11개", "11 of the seeds 1 to 20", lambda: exam_raw_frozen(tuple(range(1, 21))), 11, 0, slow=True),
    Claim(L13, "0.890–0.893", "0.890–0.893", lambda: [exam(s, True)["test_acc"] for s in range(1, 21)], (0.890, 0.893), HALF3, slow=True),
    # 14: Pima, raw (the BLAS-dependent figures are stated as ranges) and standardised
    Claim(L14, "# 0.7443", "# 0.7443", p14("last_acc"), 0.7443, 0.003),
    Claim(L14, "평가 0.7414", "evaluated 0.7414", p14("train_acc"), 0.7414, 0.003),
    Claim(L14, "60.29 % (41/68)", "60.29 % (41/68)", p14("test_right"), 41, 1),
    Claim(L14, "1500 에포크 내내 5.549", "5.549 for all 1500", lambda: [pima(s, False, clipped=True)["last_loss"] for s in (1, 6)], 5.549, HALF3, slow=True),
    Claim(L14, "seed 6은 37.5", "37.5 for seed 6", p14("loss0", (6,)), 37.5, 0.05),
    Claim(L14, "49명에서", "between 49 and 57", p14("test_right", SEEDS_14[1:]), (49, 57), 0, slow=True),
    Claim(L14, "41–57명", "41–57", p14("test_right", SEEDS_14), (41, 57), 0, slow=True),
    Claim(L14, "0.74–0.83", "0.74–0.83", p14("last_acc", SEEDS_14), (0.74, 0.83), 0.005, slow=True),
    Claim(L14, "45–55명", "45–55", lambda: [round(v * 68) for v in mark14(1500, 1, SEEDS_14)()], (45, 55), 0, slow=True),
    Claim(L14, "51–55명", "51–55", lambda: [round(v * 68) for v in mark14(150, 1, SEEDS_14)()], (51, 55), 0, slow=True),
    *[
        Claim(L14, TRAIN_ROW, TRAIN_ROW, mark14(epoch, 0), train, 0.004)
        for epoch, train in zip(PIMA_MARKS, (0.800, 0.807, 0.810, 0.831, 0.844, 0.863, 0.881), strict=True)
    ],
    *[
        Claim(L14, TEST_ROW, TEST_ROW, mark14(epoch, 1), test, PERSON + 1e-9)
        for epoch, test in zip(PIMA_MARKS, (0.750, 0.779, 0.750, 0.750, 0.735, 0.721, 0.662), strict=True)
    ],
    Claim(L14, "0.80–0.81", "0.80–0.81", mark14(150, 0, SEEDS_14), (0.80, 0.81), 0.005, slow=True),
    Claim(L14, "0.87–0.92", "0.87–0.92", mark14(1500, 0, SEEDS_14), (0.87, 0.92), 0.005, slow=True),
    # 15: unscaled inputs freeze seed 777; standardised they do not
    Claim(L15, "# [45.67, 16.11, 12.59, 4.34]", "# [45.67, 16.11, 12.59, 4.34]", lambda: surgery(777, False)["losses"][0], 45.67, 0.005),
    Claim(L15, "# [45.67, 16.11, 12.59, 4.34]", "# [45.67, 16.11, 12.59, 4.34]", lambda: surgery(777, False)["losses"][3], 4.34, 0.005),
    Claim(L15, "# [0.23..., 0.92]", "# [0.23..., 0.92]", lambda: surgery(777, False)["test"][1], 0.92, 0.005),
    Claim(L15, "1.95에서 45.67까지", "from 1.95 to 45.67", lambda: [surgery(s, False)["losses"][0] for s in (777, 1, 2, 3, 4, 5)], (1.95, 45.67), 0.005),
    Claim(L15, "테스트에서 0.90–0.95로", "ended at 0.90–0.95", lambda: [surgery(s, False)["test"][1] for s in (777, 1, 2, 3, 4, 5)], (0.90, 0.95), 0.005),
    Claim(L15, "100 에포크 내내 6.01", "then 6.01, 6.01, 6.01 for", lambda: surgery(777, False, clipped=True)["losses"], 6.01, 0.005),
    Claim(L15, "테스트 정확도는 0.63입니다", "a test accuracy of 0.63: every patient", lambda: surgery(777, False, clipped=True)["test"][1], 0.63, 0.005),
    Claim(L15, "# [0.40 0.44 0.54]", "# [0.40 0.44 0.54]", lambda: surgery(777, True)["first"][0], 0.40, 0.005),
    Claim(L15, "# [0.5, 0.38, 0.3, 0.24]", "# [0.5, 0.38, 0.3, 0.24]", lambda: surgery(777, True)["losses"][3], 0.24, 0.005),
    Claim(L15, "# [0.012..., 0.99]", "# [0.012..., 0.99]", lambda: surgery(777, True)["test"][1], 0.99, 0.005),
    Claim(L15, "0.99–1.00", "0.99–1.00", lambda: [surgery(s, True)["test"][1] for s in (777, 1, 2, 3, 4, 5)], (0.99, 1.00), 0.005),
    # 16: digits (fast) and MNIST (the full run is slow)
    Claim(L16, "# [0.328..., 0.894...]", "# [0.328..., 0.894...]", lambda: digits(777)["test_acc"], 0.894, 0.0005 + 1 / 360),
    Claim(L16, "0.992", "0.992", lambda: digits(777)["train"], 0.992, 0.003),
    Claim(L16, "0.900, 0.897", "0.900 and 0.897", lambda: digits(1)["test_acc"], 0.900, 0.0005 + 1 / 360),
    *[
        Claim(L16, MNIST_ACC_ROW, MNIST_ACC_ROW, lambda e=e: mnist(777)["acc"][e], acc, 0.0003, slow=True)
        for e, acc in enumerate((0.9259, 0.9688, 0.9789, 0.9845, 0.9884))
    ],
    *[
        Claim(L16, MNIST_LOSS_ROW, MNIST_LOSS_ROW, lambda e=e: mnist(777)["loss"][e], loss, 0.0003, slow=True)
        for e, loss in enumerate((0.2620, 0.1066, 0.0700, 0.0512, 0.0382))
    ],
    Claim(L16, "≈ 97.8 %", "≈ 97.8 %", lambda: mnist(777)["test"], 0.978, 0.001, slow=True),
    Claim(L16, "≈ 0.988", "≈ 0.988", lambda: mnist(777)["acc"][-1], 0.988, 0.001, slow=True),
    Claim(L16, "약 0.991", "about 0.991", lambda: mnist(777)["train"], 0.991, 0.001, slow=True),
    Claim(L16, "# test accuracy: 0.9778 (or 0.9783)", "# test accuracy: 0.9778 (or 0.9783)", lambda: mnist(777)["test"], (0.9778, 0.9783), 0, slow=True),
    Claim(L16, "# [7 2 1 0 4 1 4 9 5 9]", "# [7 2 1 0 4 1 4 9 5 9]", lambda: float(mnist(777)["answers"] == [7, 2, 1, 0, 4, 1, 4, 9, 5, 9]),
        1.0,
        0, slow=True),
    # 17: the playground tables
    *[
        Claim(L17, f"{name:15}", f"{name:15}", lambda n=name, h=hidden: playground(n, h), acc, HALF3)
        for name, row in {
            "gauss": (1.000, 0.996, 0.992, 0.992),
            "playground_xor": (0.472, 0.700, 0.760, 0.988),
            "circle": (0.380, 0.808, 0.976, 0.976),
            "spiral": (0.592, 0.600, 0.648, 0.624),
        }.items()
        for hidden, acc in zip(((), (2,), (4, 2), (8, 8)), row, strict=True)
    ],
    *[
        Claim(L17, "0.592   0.744   0.956   0.952   0.968", "0.592   0.744   0.956   0.952   0.968", lambda n=n: spiral_depth(n), acc, HALF3, slow=n > 2)
        for n, acc in enumerate((0.592, 0.744, 0.956, 0.952, 0.968))
    ],
    Claim(L17, "1000으로 늘려도 0.752", "0.752 even with 1000 epochs", lambda: spiral_depth(1, 8, 1000), 0.752, HALF3, slow=True),
    Claim(L17, "4개뿐이면 0.708", "it was 0.708", lambda: spiral_depth(2, 4), 0.708, HALF3),
]  # fmt: skip


def text(lesson: str, lang: str) -> str:
    return (lessons_dir() / lesson / f"{lang}.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("claim", CLAIMS, ids=lambda c: c.name)
def test_the_lesson_still_says_it(claim: Claim) -> None:
    assert claim.ko in text(claim.lesson, "ko"), f"ko.md no longer says {claim.ko!r}"
    assert claim.en in text(claim.lesson, "en"), f"en.md no longer says {claim.en!r}"


@pytest.mark.parametrize("claim", CLAIMS, ids=lambda c: c.name)
def test_the_engine_still_gives_it(claim: Claim) -> None:
    if claim.slow and not SLOW:
        pytest.skip("slow: run with TUTOR_SLOW_NUMBERS=1")
    assert_agrees(claim)


def assert_agrees(claim: Claim) -> None:
    """The recomputed value (or every run a range summarises) is within the stated precision."""
    values = [float(v) for v in np.atleast_1d(np.asarray(claim.value(), dtype=float))]
    if isinstance(claim.stated, tuple):
        low, high = claim.stated
        assert low - claim.tol <= min(values) and max(values) <= high + claim.tol, (
            f"{claim.en}: the text says {low}–{high}, the engine gives {values}"
        )
    else:
        assert all(abs(v - claim.stated) <= claim.tol + 1e-12 for v in values), (
            f"{claim.en}: the text says {claim.stated}, the engine gives {values}"
        )
