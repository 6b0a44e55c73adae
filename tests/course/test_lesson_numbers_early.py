"""Every computed number Parts I and II (lessons 01-08 and 11) state, recomputed.

The same table as `test_lesson_numbers.py` (Part III): the lesson, the literal exactly as ko.md and
en.md write it, how to recompute it with the engine or NumPy, and the precision the text states
(half a unit of the last digit written). Runs are shared between claims (functools.cache); claims
marked slow only run with TUTOR_SLOW_NUMBERS=1.
"""

# ruff: noqa: E501  (the claims table keeps one claim per line)

from __future__ import annotations

import math
import re

import numpy as np
import pytest

from tests.course.early_runs import (
    act,
    adam_first_step,
    e7,
    epochs_over_seeds,
    exam_linear,
    exam_sigmoid,
    gate,
    hand_update,
    hand_xor,
    hidden_xor,
    kernel,
    mnist_params,
    momentum_steps,
    passes,
    pima_params,
    quartic,
    quartic_end,
    race,
    random_normal_kernel,
    random_uniform_start,
    softmax,
    walk,
    xor32,
    xor_relu,
)
from tests.course.test_lesson_numbers import SLOW, Claim, assert_agrees, text
from tutor import datasets
from tutor.engine import Dense, Sequential, losses

L02, L03, L04, L05 = (
    "02-artificial-neuron",
    "03-perceptron-rule",
    "04-logic-gates",
    "05-activation-functions",
)
L06, L07, L08, L11 = (
    "06-loss-functions",
    "07-gradient-descent",
    "08-layers-and-shapes",
    "11-optimizers",
)
HALF2, HALF3, HALF4 = 0.005, 0.0005, 0.00005


RACE = {
    "SGD": (
        "SGD            2.28  2.17  2.08  1.99  1.90        0.464",
        (2.28, 2.17, 2.08, 1.99, 1.90),
        0.464,
    ),
    "SGD+momentum": (
        "SGD+momentum   2.03  1.26  0.71  0.46  0.34        0.864",
        (2.03, 1.26, 0.71, 0.46, 0.34),
        0.864,
    ),
    "RMSprop": (
        "RMSprop        0.94  0.27  0.15  0.12  0.09        0.883",
        (0.94, 0.27, 0.15, 0.12, 0.09),
        0.883,
    ),
    "Adam": (
        "Adam           1.14  0.28  0.15  0.12  0.11        0.869",
        (1.14, 0.28, 0.15, 0.12, 0.11),
        0.869,
    ),
    "Nadam": (
        "Nadam          1.16  0.25  0.14  0.11  0.09        0.878",
        (1.16, 0.25, 0.14, 0.11, 0.09),
        0.878,
    ),
}
RATES = {
    "SGD": ("SGD             0.106     0.464     0.861", (0.106, 0.464, 0.861)),
    "Adam": ("Adam            0.814     0.869     0.819", (0.814, 0.869, 0.819)),
}
GRID = {
    0.001: ("0.001          0.931    0.875    0.538", (0.931, 0.875, 0.538)),
    0.01: ("0.01           0.969    0.941    0.944", (0.969, 0.941, 0.944)),
    0.1: ("0.1            0.656    0.941    0.903", (0.656, 0.941, 0.903)),
}
GATES = {
    "or": ("1.0   0.0771 / 0.0639", 0.0771, 0.0639),
    "and": ("1.0   0.0937 / 0.0663", 0.0937, 0.0663),
    "xor": ("0.5   0.2621 / 0.2510", 0.2621, 0.2510),
}
OR_ROW = "0.8194  0.5129  0.1405  0.0958  0.0764  0.0639"
BCE_ROW = "0.010   0.105   0.357   0.693   1.204   2.303   4.605"
SQ_ROW = "0.000   0.010   0.090   0.250   0.490   0.810   0.980"
PROBS = (0.99, 0.9, 0.7, 0.5, 0.3, 0.1, 0.01)
ACT_Z = (-2.0, -1.0, 0.0, 1.0, 2.0)
ACT_ROWS = {
    "sigmoid": ("sigmoid      0.12   0.27   0.50   0.73   0.88", (0.12, 0.27, 0.50, 0.73, 0.88)),
    "tanh": ("tanh        −0.96  −0.76   0.00   0.76   0.96", (-0.96, -0.76, 0.00, 0.76, 0.96)),
    "leaky_relu": ("leaky_relu  −0.40  −0.20      0      1      2", (-0.40, -0.20, 0, 1, 2)),
    "elu": ("elu         −0.86  −0.63      0      1      2", (-0.86, -0.63, 0, 1, 2)),
    "swish": ("swish       −0.24  −0.27      0   0.73   1.76", (-0.24, -0.27, 0, 0.73, 1.76)),
}
X2_ROWS = [  # step, α = 0.1, α = 0.3, half a unit of each written value
    (1, 2.4, 1.2, 0.05, 0.05),
    (2, 1.92, 0.48, HALF2, HALF2),
    (3, 1.536, 0.192, HALF3, HALF3),
    (4, 1.2288, 0.0768, HALF4, HALF4),
    (5, 0.983, 0.0307, HALF3, HALF4),
    (10, 0.3221, 0.0003, HALF4, HALF4),
]
LR_LINEAR = [  # rate, first, last, their precision
    (0.0001, "0.0001          0.5726             0.5365", 0.5726, 0.5365, HALF4),
    (0.01, "0.01            0.4217             0.1006", 0.4217, 0.1006, HALF4),
    (0.1, "0.1             0.1622             0.1020", 0.1622, 0.1020, HALF4),
    (0.5, "0.5             0.1310             0.1133", 0.1310, 0.1133, HALF4),
]
LR_SIGMOID = [
    (0.000001, "0.000001        0.6704             0.6703", 0.6704, 0.6703),
    (0.0001, "0.0001          0.6702             0.6644", 0.6702, 0.6644),
    (0.001, "0.001           0.6689             0.6155", 0.6689, 0.6155),
    (0.01, "0.01            0.6561             0.4026", 0.6561, 0.4026),
    (0.1, "0.1             0.5621             0.2588", 0.5621, 0.2588),
    (1.0, "1.0             0.3572             0.2459", 0.3572, 0.2459),
]
QUARTIC = [
    (-2.0, " −2.0      −1.3008    −3.5139", -1.3008),
    (-0.5, " −0.5      −1.3008    −3.5139", -1.3008),
    (0.0, "  0.0      −1.3008    −3.5139", -1.3008),
    (0.5, "  0.5       1.1309    −1.0702", 1.1309),
    (2.0, "  2.0       1.1309    −1.0702", 1.1309),
]
XOR_SEEDS = "0.477 0.477 0.693 0.477 0.347 0.477 0.347 0.478 0.001 0.693"
XOR_ACCS = "0.75  0.75  0.50  0.75  0.75  0.75  0.75  0.75  1.00  0.50"

CLAIMS = [
    # 02: a weighted sum, and Dense's random_uniform start
    Claim(L02, "z = np.dot(w, x) + b  # 0.35", "z = np.dot(w, x) + b  # 0.35", lambda: np.dot([0.5, 2.0, -0.25], [1.0, 0.0, 1.0]) + 0.1, 0.35, HALF2),
    *[Claim(L02, "[0.00118216 0.04504637] [0.]", "[0.00118216 0.04504637] [0.]", lambda i=i: random_uniform_start()[i], v, 0.5e-8)
      for i, v in enumerate((0.00118216, 0.04504637, 0.0))],
    Claim(L02, "표준편차 0.05(Keras의", "standard deviation of 0.05 (Keras's", lambda: random_normal_kernel().std(), 0.05, HALF3),
    Claim(L02, "표준편차 0.05(Keras의", "standard deviation of 0.05 (Keras's", lambda: random_normal_kernel().mean(), 0.0, HALF3),
    # 03: the perceptron rule
    *[Claim(L03, lit, lit, lambda i=i: hand_update()[i], v, HALF2)
      for i, (lit, v) in enumerate([("= 0.21", 0.21), ("= 0.31", 0.31), ("= 0.99", 0.99)])],
    Claim(L03, "# True 5", "# True 5", lambda: passes((0, 0, 0, 1), 1)[1], 5, 0),
    *[Claim(L03, "5, 7, 9, 2, 1, 4, 1, 6, 6, 5", "5, 7, 9, 2, 1, 4, 1, 6, 6, 5", lambda i=i: epochs_over_seeds((0, 0, 0, 1))[i], v, 0)
      for i, v in enumerate((5, 7, 9, 2, 1, 4, 1, 6, 6, 5))],
    Claim(L03, "1–4바퀴", "1–4 passes", lambda: epochs_over_seeds((0, 0, 1, 1)), (1, 4), 0),
    Claim(L03, "1–8바퀴", "second\n1–8", lambda: epochs_over_seeds((0, 0, 1, 0)), (1, 8), 0),
    Claim(L03, "# False 1000", "# False 1000", lambda: passes((1, 1, 1, 1), 1, False, 1.0)[0], 0, 0),
    Claim(L03, "# False 1000", "# False 1000", lambda: passes((1, 1, 1, 1), 1, False, 1.0)[1], 1000, 0),
    Claim(L03, "# True 51", "# True 51", lambda: passes((1, 1, 1, 1), 1, True, 1.0)[1], 51, 0),
    Claim(L03, "48–52바퀴", "48–52 passes", lambda: epochs_over_seeds((1, 1, 1, 1), threshold=1.0), (48, 52), 0),
    Claim(L03, "seed 1–10 모두 1000바퀴 안에 끝나지 않았습니다", "not one run finished within 1000", lambda: sum(passes((0, 1, 1, 0), s)[0] for s in range(1, 11)), 0, 0),
    # 04: one linear neuron on the gates, and a hidden layer for XOR
    *[Claim(L04, lit, lit, lambda g=g: gate(g)["loss"][193], at194, HALF4) for g, (lit, at194, _) in GATES.items()],
    *[Claim(L04, lit, lit, lambda g=g: gate(g)["loss"][-1], at500, HALF4) for g, (lit, _, at500) in GATES.items()],
    *[Claim(L04, lit, lit, lambda g=g: gate(g)["acc"][-1], float(lit[:3]), 0) for g, (lit, _, _) in GATES.items()],
    Claim(L04, "0.0631에서 0.1958 사이", "between 0.0631 and 0.1958", lambda: [gate("or", s, 194)["loss"][-1] for s in range(100)], (0.0631, 0.1958), HALF4, slow=True),
    Claim(L04, "OR과 AND는 0.0625", "OR and AND stop at 0.0625", lambda: [gate(g, 777, 5000)["loss"][-1] for g in ("or", "and")], 0.0625, HALF4, slow=True),
    Claim(L04, "XOR은 0.2500에", "XOR at 0.2500", lambda: gate("xor", 777, 5000)["loss"][-1], 0.25, HALF4, slow=True),
    *[Claim(L04, "(0.458, 0.467, 0.520, 0.529)", "(0.458, 0.467, 0.520, 0.529)", lambda i=i: sorted(gate("xor")["out"])[i], v, HALF3)
      for i, v in enumerate((0.458, 0.467, 0.520, 0.529))],
    Claim(L04, "5.3e-11", "5.3e-11", lambda: hidden_xor("tanh")["loss"], 5.3e-11, 0.05e-11),
    Claim(L04, "5.3e-11", "5.3e-11", lambda: hidden_xor("tanh")["acc"], 1.0, 0),
    Claim(L04, "0.5가 75번, 0.25가 22번, 0.75가\n3번", "0.5 in 75\nruns, 0.25 in 22 and 0.75 in 3", lambda: [sum(gate("xor", s)["acc"][-1] == a for s in range(100)) for a in (0.5, 0.25, 0.75)] == [75, 22, 3], 1, 0, slow=True),
    *[Claim(L04, "w₁ = w₂ = 0.5, b = 0.25", "w₁ = w₂ = 0.5, b = 0.25", lambda i=i: gate("or", 777, 5000)["wb"][i], v, HALF2, slow=True) for i, v in enumerate((0.5, 0.5, 0.25))],
    Claim(L04, "(b = −0.25)", "(with b = −0.25)", lambda: gate("and", 777, 5000)["wb"][2], -0.25, HALF2, slow=True),
    *[Claim(L04, "출력은 (0, 1, 1, 0)", "the outputs are (0, 1, 1, 0)", lambda i=i: hidden_xor("tanh")["out"][i], v, 0.5) for i, v in enumerate((0, 1, 1, 0))],
    *[Claim(L04, lit, lit, lambda b=b, n=n: float(np.dot([1.0, 1.0], [1.0] * n + [0.0] * (2 - n)) + b), v, 0)
      for lit, b, row in (("AND  (b = −1.5)  −1.5   −0.5   +0.5   →  0 0 1", -1.5, (-1.5, -0.5, 0.5)), ("OR   (b = −0.5)  −0.5   +0.5   +1.5   →  0 1 1", -0.5, (-0.5, 0.5, 1.5)))
      for n, v in enumerate(row)],
    # 05: activations
    *[Claim(L05, "# [0.11920292 0.5        0.88079708]", "# [0.11920292 0.5        0.88079708]", lambda z=z: act("sigmoid", z), v, 0.5e-8)
      for z, v in ((-2.0, 0.11920292), (0.0, 0.5), (2.0, 0.88079708))],
    *[Claim(L05, ".03  .02  .04  .70  .02  .05  .02  .03  .07  .02", ".03  .02  .04  .70  .02  .05  .02  .03  .07  .02", lambda i=i: softmax([0.5, 0.1, 1.0, 3.8, 0.2, 1.2, 0.0, 0.8, 1.5, 0.3])[i], v, HALF2)
      for i, v in enumerate((0.03, 0.02, 0.04, 0.70, 0.02, 0.05, 0.02, 0.03, 0.07, 0.02))],
    Claim(L05, "70 % 확률로 3", "a 3, with 70 % probability", lambda: softmax([0.5, 0.1, 1.0, 3.8, 0.2, 1.2, 0.0, 0.8, 1.5, 0.3])[3], 0.70, HALF2),
    Claim(L05, "709.78", "e^(709.78)", lambda: math.log(np.finfo(np.float64).max), 709.78, HALF2),
    Claim(L05, "σ ≈ 0.99995", "about 0.99995", lambda: act("sigmoid", 10.0), 0.99995, HALF4 / 10),
    Claim(L05, "약 0.00005", "about 0.00005", lambda: act("sigmoid", 10.0) * (1 - act("sigmoid", 10.0)), 0.00005, 0.000005),
    *[Claim(L05, "[0.090, 0.245, 0.665]", "[0.090, 0.245, 0.665]", lambda i=i, z=z: softmax(z)[i], v, HALF3)
      for z in ([1000.0, 1001.0, 1002.0], [-2.0, -1.0, 0.0]) for i, v in enumerate((0.090, 0.245, 0.665))],
    *[Claim(L05, lit, lit, lambda n=n, z=z: act(n, z), v, HALF2) for n, (lit, row) in ACT_ROWS.items() for z, v in zip(ACT_Z, row, strict=True)],
    Claim(L05, "정확도는 0.75에서 멈춥니다", "accuracy stops at 0.75", lambda: hidden_xor("relu")["acc"], 0.75, 0),
    Claim(L05, "정확도 1.0에 이릅니다", "reaches accuracy 1.0", lambda: hidden_xor("leaky_relu")["acc"], 1.0, 0),
    Claim(L05, "네 뉴런 중 셋이", "Three of the four neurons", lambda: hidden_xor("relu")["dead"], 3, 0),
    # 06: losses
    *[Claim(L06, OR_ROW, OR_ROW, lambda e=e: gate("or")["loss"][e - 1], v, HALF4)
      for e, v in zip((1, 10, 50, 100, 200, 500), (0.8194, 0.5129, 0.1405, 0.0958, 0.0764, 0.0639), strict=True)],
    *[Claim(L06, "0.25    0.50    0.75    1.00    1.00    1.00", "0.25    0.50    0.75    1.00    1.00    1.00", lambda e=e: gate("or")["acc"][e - 1], v, 0)
      for e, v in zip((1, 10, 50, 100, 200, 500), (0.25, 0.50, 0.75, 1.0, 1.0, 1.0), strict=True)],
    Claim(L06, "# 43.0", "# 43.0", lambda: losses.mean_squared_error(np.array([[25.0], [40.0], [60.0]]), np.array([[30.0], [38.0], [50.0]])).mean(), 43.0, 0.05),
    *[Claim(L06, BCE_ROW, BCE_ROW, lambda p=p: losses.binary_crossentropy(np.array([[1.0]]), np.array([[p]]))[0], v, HALF3)
      for p, v in zip(PROBS, (0.010, 0.105, 0.357, 0.693, 1.204, 2.303, 4.605), strict=True)],
    *[Claim(L06, SQ_ROW, SQ_ROW, lambda p=p: (1 - p) ** 2, v, HALF3) for p, v in zip(PROBS, (0.000, 0.010, 0.090, 0.250, 0.490, 0.810, 0.980), strict=True)],
    *[Claim(L06, "# [0.10536052 0.22314355 0.91629073]", "# [0.10536052 0.22314355 0.91629073]", lambda i=i: losses.binary_crossentropy(np.array([[1.0], [0.0], [1.0]]), np.array([[0.9], [0.2], [0.4]]))[i], v, 0.5e-8)
      for i, v in enumerate((0.10536052, 0.22314355, 0.91629073))],
    Claim(L06, "평균 0.4149", "mean 0.4149", lambda: losses.binary_crossentropy(np.array([[1.0], [0.0], [1.0]]), np.array([[0.9], [0.2], [0.4]])).mean(), 0.4149, HALF4),
    Claim(L06, "≈ 16.12", "≈ 16.12", lambda: losses.binary_crossentropy(np.array([[1.0]]), np.array([[0.0]]))[0], 16.12, HALF2),
    *[Claim(L06, "# [0.35667494 2.99573227]", "# [0.35667494 2.99573227]", lambda i=i: losses.categorical_crossentropy(np.eye(4)[[1, 3]], np.array([[0.10, 0.70, 0.15, 0.05]] * 2))[i], v, 0.5e-8)
      for i, v in enumerate((0.35667494, 2.99573227))],
    Claim(L06, "−log(0.70) = 0.357", "−log(0.70) = 0.357", lambda: -math.log(0.70), 0.357, HALF3),
    Claim(L06, "−log(0.05) = 3.00", "−log(0.05) = 3.00", lambda: -math.log(0.05), 3.00, HALF2),
    *[Claim(L06, "# [ 25.   4. 100.]", "# [ 25.   4. 100.]", lambda i=i: losses.mean_squared_error(np.array([[25.0], [40.0], [60.0]]), np.array([[30.0], [38.0], [50.0]]))[i], v, 0.5) for i, v in enumerate((25, 4, 100))],
    # 07: gradient descent on y = x², the learning-rate tables, local minima, initialisers, batches
    *[Claim(L07, f"{step:>3}", f"{step:>3}", lambda s=step, r=r: walk(3.0, r, s), v, tol)
      for step, a, b, ta, tb in X2_ROWS for r, v, tol in ((0.1, a, ta), (0.3, b, tb))],
    Claim(L07, "# 2.4", "# 2.4", lambda: walk(3.0, 0.1, 1), 2.4, 0.05),
    *[Claim(L07, "3, −2.4, 1.92, −1.536", "3, −2.4, 1.92, −1.536", lambda s=s: walk(3.0, 0.9, s), v, HALF3) for s, v in ((1, -2.4), (2, 1.92), (3, -1.536))],
    *[Claim(L07, "3, −3.6, 4.32, −5.184", "3, −3.6, 4.32, −5.184", lambda s=s: walk(3.0, 1.1, s), v, HALF3) for s, v in ((1, -3.6), (2, 4.32), (3, -5.184))],
    Claim(L07, "x는 아직 2.0", "still 2.0", lambda: walk(3.0, 0.01, 20), 2.0, 0.05),
    Claim(L07, "20걸음 뒤에도 2.88", "2.88 after 20 steps", lambda: walk(3.0, 0.001, 20), 2.88, HALF2),
    *[Claim(L07, lit, lit, lambda r=r: exam_linear(r)[0], first, tol) for r, lit, first, _, tol in LR_LINEAR],
    *[Claim(L07, lit, lit, lambda r=r: exam_linear(r)[-1], last, tol) for r, lit, _, last, tol in LR_LINEAR],
    Claim(L07, "0.3460             83.1", "0.3460             83.1", lambda: exam_linear(1.0)[0], 0.3460, HALF4),
    Claim(L07, "0.3460             83.1", "0.3460             83.1", lambda: exam_linear(1.0)[-1], 83.1, 0.05),
    Claim(L07, "8.6e17", "8.6e17", lambda: exam_linear(2.0)[0], 8.6e17, 0.05e17),
    *[Claim(L07, lit, lit, e7("sgd", r, 20, 0), first, HALF4) for r, lit, first, _ in LR_SIGMOID],
    *[Claim(L07, lit, lit, e7("sgd", r, 20, -1), last, HALF4) for r, lit, _, last in LR_SIGMOID],
    Claim(L07, "0.4778까지", "0.4778 (test accuracy 87.3 %)", e7("sgd", 0.0001, 1000, -1), 0.4778, HALF4, slow=True),
    Claim(L07, "테스트 정확도 87.3 %", "test accuracy 87.3 %", lambda: exam_sigmoid("sgd", 0.0001, 1000)["test_acc"], 0.873, HALF3, slow=True),
    Claim(L07, "200 에포크에 0.2443", "0.2443 in 200 epochs", e7("sgd", 0.1, 200, -1), 0.2443, HALF4),
    Claim(L07, "0.2443(테스트 정확도 89.0 %)", "0.2443 in 200 epochs (test accuracy 89.0 %)", lambda: exam_sigmoid("sgd", 0.1, 200)["test_acc"], 0.890, HALF3),
    Claim(L07, "0.6649에서 0.5031로", "0.6649 to 0.5031", e7("adam", 0.001, 20, 0), 0.6649, HALF4),
    Claim(L07, "0.6649에서 0.5031로", "0.6649 to 0.5031", e7("adam", 0.001, 20, -1), 0.5031, HALF4),
    Claim(L07, "200 에포크에 0.2588", "to 0.2588 in 200", e7("adam", 0.001, 200, -1), 0.2588, HALF4),
    Claim(L07, "0.2588(테스트 정확도 89.0 %)", "0.2588 in 200 (test accuracy 89.0 %)", lambda: exam_sigmoid("adam", 0.001, 200)["test_acc"], 0.890, HALF3),
    *[Claim(L07, lit, lit, lambda s=s: quartic_end(s), end, HALF4) for s, lit, end in QUARTIC],
    *[Claim(L07, lit, lit, lambda s=s: quartic(quartic_end(s)), float(lit.split()[-1].replace("−", "-")), HALF4) for s, lit, _ in QUARTIC],
    *[Claim(L07, XOR_SEEDS, XOR_SEEDS, lambda s=s: xor_relu(s)[0], v, HALF3) for s, v in zip(range(1, 11), map(float, XOR_SEEDS.split()), strict=True)],
    *[Claim(L07, XOR_ACCS, XOR_ACCS, lambda s=s: xor_relu(s)[1], v, 0) for s, v in zip(range(1, 11), map(float, XOR_ACCS.split()), strict=True)],
    Claim(L07, "유닛을 16개로 늘리자 10개 seed 모두", "With 16 hidden units instead, all ten", lambda: [xor_relu(s, 16)[1] for s in range(1, 11)], 1.0, 0),
    Claim(L07, "±0.0680", "±0.0680", lambda: np.abs(kernel("glorot_uniform")).max(), 0.0680, HALF4),
    Claim(L07, "0.0393", "0.0393", lambda: kernel("glorot_uniform").std(), 0.0393, HALF4),
    Claim(L07, "he_normal은 표준편차 0.0505", "he_normal gives 0.0505", lambda: kernel("he_normal").std(), 0.0505, HALF4),
    Claim(L07, "0.0356이 나왔습니다", "lecun_normal 0.0356", lambda: kernel("lecun_normal").std(), 0.0356, HALF4),
    *[Claim(L07, lit, lit, e7("sgd", 0.1, 10, i, bs), v, HALF4)
      for bs, lit, vals in ((700, "0.6704 0.6563 0.6430 … 0.5661", (0.6704, 0.6563, 0.6430, 0.5661)),
                            (32, "0.5621 0.4348 0.3783 … 0.2823", (0.5621, 0.4348, 0.3783, 0.2823)),
                            (1, "0.2946 0.2530 0.2518 … 0.2516", (0.2946, 0.2530, 0.2518, 0.2516)))
      for i, v in zip((0, 1, 2, -1), vals, strict=True)],
    Claim(L07, "α = 0.1이면\n0.8을, α = 0.3이면 0.4를", "α = 0.1 that number is 0.8, with α = 0.3 it is 0.4", lambda: [walk(1.0, 0.1, 1), walk(1.0, 0.3, 1) * 2], 0.8, 1e-12),
    Claim(L07, "(0.67과 83 사이를 널뛴다)", "(leaps between 0.67 and 83)", lambda: exam_linear(1.0)[1:], (0.67, 83.1), HALF2),
    Claim(L07, "(2번째 에포크에서 멈춤)", "(stopped in epoch 2)", lambda: [len(exam_linear(2.0)), float(np.isinf(exam_linear(2.0)[-1])) * 2], 2, 0),
    Claim(L07, "(1번째 에포크에서 멈춤)", "(stopped in epoch 1)", lambda: [len(exam_linear(5.0)), float(np.isinf(exam_linear(5.0)[-1]))], 1, 0),
    *[Claim(L07, lit, lit, lambda r=r: exam_sigmoid("sgd", r)["loss"][-1] / exam_sigmoid("sgd", r)["loss"][0], float(ratio), HALF3)
      for (r, lit, _, _), ratio in zip(LR_SIGMOID, ("1.000", "0.991", "0.920", "0.614", "0.460", "0.689"), strict=True)],
    Claim(L07, "1 %도 줄지 않습니다", "drops by less than 1 %", lambda: 1 - exam_sigmoid("sgd", 0.0001)["loss"][-1] / exam_sigmoid("sgd", 0.0001)["loss"][0], (0.0, 0.01), 0),
    *[Claim(L07, "0.2476, 0.2489, 0.2534, 0.2480", "0.2476, 0.2489, 0.2534, 0.2480", e7("sgd", 0.1, 10, i, 1), v, HALF4) for i, v in zip(range(4, 8), (0.2476, 0.2489, 0.2534, 0.2480), strict=True)],
    *[Claim(L07, lit, lit, lambda b=b: math.ceil(700 / b), steps, 0) for b, lit, steps in ((700, "700          1", 1), (32, "32           22", 22), (1, "1            700", 700))],
    # 08: XOR through a linear or a relu hidden layer of 32
    Claim(L08, "손실\n0.6931, 정확도 0.5", "loss 0.6931 and\naccuracy 0.5", lambda: [xor32("linear", s)["loss"] for s in range(1, 6)], 0.6931, HALF4),
    Claim(L08, "손실\n0.6931, 정확도 0.5", "accuracy 0.5 for seeds 1 to 5", lambda: [xor32("linear", s)["acc"] for s in range(1, 6)], 0.5, 0),
    Claim(L08, "seed 1–20 모두\n정확도 1.0", "accuracy 1.0 for all seeds from 1 to 20", lambda: [xor32("relu", s)["acc"] for s in range(1, 21)], 1.0, 0, slow=True),
    *[Claim(L08, "[0.002, 0.998,", "[0.002, 0.998,", lambda i=i: xor32("relu", 777)["out"][i], v, HALF3) for i, v in enumerate((0.002, 0.998, 0.998, 0.002))],
    *[Claim(L08, "# [0. 1. 1. 0.]", "# [0. 1. 1. 0.]", lambda i=i: hand_xor()[i], v, 0.05) for i, v in enumerate((0, 1, 1, 0))],
    Claim(L08, "221 (884.00 B)", "221 (884.00 B)", lambda: sum(w.nbytes for w in Sequential([Dense(12, activation="relu", input_dim=8), Dense(8, activation="relu"), Dense(1, activation="sigmoid")]).get_weights()), 884, 0),
    Claim(L08, "221 (884.00 B)", "221 (884.00 B)", lambda: sum(w.size for w in Sequential([Dense(12, activation="relu", input_dim=8), Dense(8, activation="relu"), Dense(1, activation="sigmoid")]).get_weights()), 221, 0),
    *[Claim(L11, "거의 정확히 lr만큼", "almost exactly lr**, whether the gradient is 0.5 or 30", lambda g=g: adam_first_step(g), 0.001, 0.000005) for g in (0.5, 30.0)],
    Claim(L11, "한 에포크에 45걸음", "1437 digits make 45 steps per epoch", lambda: math.ceil(len(datasets.load("digits")[0][0]) / 32), 45, 0),
    *[Claim(L08, lit, lit, lambda i=i: pima_params()[i], v, 0) for i, (lit, v) in enumerate((("(None, 12)              108", 108), ("(None, 8)               104", 104), ("(None, 1)                 9", 9)))],
    *[Claim(L08, lit, lit, lambda i=i: mnist_params()[i], v, 0) for i, (lit, v) in enumerate((("785 × 512 = 401,920", 401_920), ("513 × 10 = 5,130", 5_130), ("407,050", 407_050)))],
    Claim(L08, "print(Z.shape)  # (3, 3)", "print(Z.shape)  # (3, 3)", lambda: (np.array([[0.0, 1.0], [1.0, 1.0], [2.0, 0.0]]) @ np.ones((2, 3))).shape, 3, 0),
    *[Claim(L08, "print(flat.shape)  # (1437, 64)", "print(flat.shape)  # (1437, 64)", lambda i=i: (lambda x: x.reshape(len(x), -1))(datasets.load("digits")[0][0]).shape[i], v, 0) for i, v in enumerate((1437, 64))],
    # 11: momentum by hand, the optimizer race, the learning rate, the tuning grid
    *[Claim(L11, lit, lit, lambda i=i: momentum_steps()[i], v, HALF2)
      for i, (lit, v) in enumerate([("= −0.2", -0.2), ("= 0.8", 0.8), ("= −0.38", -0.38), ("= 0.42", 0.42)])],
    *[Claim(L11, lit, lit, lambda n=n, e=e: race(n)["loss"][e], v, HALF2) for n, (lit, row, _) in RACE.items() for e, v in enumerate(row)],
    *[Claim(L11, lit, lit, lambda n=n: race(n)["test"], acc, HALF3) for n, (lit, _, acc) in RACE.items()],
    Claim(L11, "(손실 1.90, 46 %)", "(loss 1.90, 46 %)", lambda: race("SGD")["test"], 0.46, HALF2),
    Claim(L11, "86 %까지", "brings it down to 86 %", lambda: race("SGD+momentum")["test"], 0.86, HALF2),
    Claim(L11, "(11 %, 찍는 것과 비슷)", "(11 %, about what guessing gives)", lambda: race("SGD", 0.001)["test"], 0.11, HALF2),
    Claim(L11, "0.1이면\nAdam을 앞지릅니다", "at 0.1 it even passes\nAdam", lambda: race("SGD", 0.1)["test"] - race("Adam", 0.1)["test"], (0.001, 1.0), 0),  # passes: ahead
    *[Claim(L11, lit, lit, lambda n=n, r=r: race(n, r)["test"], v, HALF3) for n, (lit, row) in RATES.items() for r, v in zip((0.001, 0.01, 0.1), row, strict=True)],
    *[Claim(L11, lit, lit, lambda r=r, b=b: race("Adam", r, b, True)["val"], v, HALF3) for r, (lit, row) in GRID.items() for b, v in zip((8, 32, 128), row, strict=True)],
]  # fmt: skip


@pytest.mark.parametrize("claim", CLAIMS, ids=lambda c: c.name)
def test_the_lesson_still_says_it(claim: Claim) -> None:
    """The literal is in the text; runs of spaces count as one (ko tables align Korean headers)."""
    for lang, literal in (("ko", claim.ko), ("en", claim.en)):
        assert spaced(literal) in spaced(text(claim.lesson, lang)), (
            f"{lang}.md no longer says {literal!r}"
        )


def spaced(s: str) -> str:
    return re.sub(r" +", " ", s)


@pytest.mark.parametrize("claim", CLAIMS, ids=lambda c: c.name)
def test_the_engine_still_gives_it(claim: Claim) -> None:
    if claim.slow and not SLOW:
        pytest.skip("slow: run with TUTOR_SLOW_NUMBERS=1")
    assert_agrees(claim)
