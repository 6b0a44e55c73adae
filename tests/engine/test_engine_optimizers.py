"""Optimizer steps against Keras 3's update rules, worked out by hand for two steps."""

from __future__ import annotations

import math

import numpy as np
import pytest

from tutor.engine import EngineError, optimizers

W0 = [1.0, -2.0]
G1 = [0.5, -1.5]
G2 = [-0.25, 2.0]


def run(optimizer: optimizers.Optimizer, gradients: list[list[float]]) -> np.ndarray:
    w = np.array(W0, dtype=np.float32)
    for g in gradients:
        optimizer.update(w, np.array(g, dtype=np.float32))
    assert w.dtype == np.float32
    return w


def each(function, *columns):
    return np.array([function(*values) for values in zip(*columns, strict=True)])


def test_sgd_steps_against_the_gradient() -> None:
    w = run(optimizers.SGD(learning_rate=0.1), [G1, G2])
    expected = each(lambda w, g1, g2: w - 0.1 * g1 - 0.1 * g2, W0, G1, G2)
    np.testing.assert_allclose(w, expected, rtol=1e-6)


def test_sgd_momentum_keeps_a_velocity() -> None:
    w = run(optimizers.SGD(learning_rate=0.1, momentum=0.9), [G1, G2])

    def by_hand(w, g1, g2):
        v1 = -0.1 * g1
        v2 = 0.9 * v1 - 0.1 * g2
        return w + v1 + v2

    np.testing.assert_allclose(w, each(by_hand, W0, G1, G2), rtol=1e-6)


def test_sgd_nesterov_looks_ahead_along_the_velocity() -> None:
    w = run(optimizers.SGD(learning_rate=0.1, momentum=0.9, nesterov=True), [G1, G2])

    def by_hand(w, g1, g2):
        v1 = -0.1 * g1
        w1 = w + 0.9 * v1 - 0.1 * g1
        v2 = 0.9 * v1 - 0.1 * g2
        return w1 + 0.9 * v2 - 0.1 * g2

    np.testing.assert_allclose(w, each(by_hand, W0, G1, G2), rtol=1e-6)


def test_rmsprop_reproduces_the_keras_docstring_example() -> None:
    """keras.optimizers.RMSprop(learning_rate=0.1) on loss var²/2 from var = 10 gives 9.683772."""
    var = np.array([10.0], dtype=np.float32)
    optimizers.RMSprop(learning_rate=0.1).update(var, var.copy())
    assert var[0] == pytest.approx(9.683772, abs=1e-6)


def test_rmsprop_divides_by_the_running_root_mean_square() -> None:
    w = run(optimizers.RMSprop(learning_rate=0.01), [G1, G2])

    def by_hand(w, g1, g2):
        s1 = 0.1 * g1**2
        w1 = w - 0.01 * g1 / math.sqrt(s1 + 1e-7)
        s2 = 0.9 * s1 + 0.1 * g2**2
        return w1 - 0.01 * g2 / math.sqrt(s2 + 1e-7)

    np.testing.assert_allclose(w, each(by_hand, W0, G1, G2), rtol=1e-6)


def test_rmsprop_centered_with_momentum() -> None:
    w = run(optimizers.RMSprop(learning_rate=0.01, momentum=0.5, centered=True), [G1, G2])

    def by_hand(w, g1, g2):
        s1, mean1 = 0.1 * g1**2, 0.1 * g1
        v1 = 0.01 * g1 / math.sqrt(s1 - mean1**2 + 1e-7)
        s2, mean2 = 0.9 * s1 + 0.1 * g2**2, 0.9 * mean1 + 0.1 * g2
        v2 = 0.5 * v1 + 0.01 * g2 / math.sqrt(s2 - mean2**2 + 1e-7)
        return w - v1 - v2

    np.testing.assert_allclose(w, each(by_hand, W0, G1, G2), rtol=1e-6)


def adam_by_hand(w, g1, g2, lr=0.01, b1=0.9, b2=0.999, eps=1e-7, amsgrad=False):
    m = v = v_max = 0.0
    for t, g in enumerate((g1, g2), start=1):
        m = m + (1 - b1) * (g - m)
        v = v + (1 - b2) * (g * g - v)
        v_max = max(v_max, v)
        alpha = lr * math.sqrt(1 - b2**t) / (1 - b1**t)
        w = w - alpha * m / (math.sqrt(v_max if amsgrad else v) + eps)
    return w


def test_adam_first_two_steps() -> None:
    w = run(optimizers.Adam(learning_rate=0.01), [G1, G2])
    np.testing.assert_allclose(w, each(adam_by_hand, W0, G1, G2), rtol=1e-6)


def test_adam_first_step_moves_each_weight_by_about_the_learning_rate() -> None:
    w = run(optimizers.Adam(learning_rate=0.01), [G1])
    np.testing.assert_allclose(w, np.array(W0) - 0.01 * np.sign(G1), rtol=1e-5)


def test_adam_amsgrad_uses_the_largest_second_moment_so_far() -> None:
    gradients = [[3.0, 0.1], [0.1, 0.1]]
    w = run(optimizers.Adam(learning_rate=0.01, amsgrad=True), gradients)
    expected = each(lambda w, a, b: adam_by_hand(w, a, b, amsgrad=True), W0, *gradients)
    np.testing.assert_allclose(w, expected, rtol=1e-6)


def test_nadam_first_two_steps_follow_the_momentum_schedule() -> None:
    w = run(optimizers.Nadam(learning_rate=0.01), [G1, G2])

    def by_hand(w, g1, g2, lr=0.01, b1=0.9, b2=0.999, eps=1e-7):
        m = v = 0.0
        product = 1.0
        for t, g in enumerate((g1, g2), start=1):
            u_t = b1 * (1 - 0.5 * 0.96**t)
            u_next = b1 * (1 - 0.5 * 0.96 ** (t + 1))
            product *= u_t
            m = m + (1 - b1) * (g - m)
            v = v + (1 - b2) * (g * g - v)
            m_hat = u_next * m / (1 - product * u_next) + (1 - u_t) * g / (1 - product)
            v_hat = v / (1 - b2**t)
            w = w - lr * m_hat / (math.sqrt(v_hat) + eps)
        return w

    np.testing.assert_allclose(w, each(by_hand, W0, G1, G2), rtol=1e-6)


def test_a_changed_learning_rate_is_used_from_the_next_step() -> None:
    optimizer = optimizers.SGD(learning_rate=0.1)
    w = np.array([1.0], dtype=np.float32)
    optimizer.update(w, np.array([1.0], dtype=np.float32))
    optimizer.learning_rate = 0.5
    optimizer.update(w, np.array([1.0], dtype=np.float32))
    assert w[0] == pytest.approx(1.0 - 0.1 - 0.5)
    assert optimizer.learning_rate == 0.5
    assert optimizer.iterations == 2


@pytest.mark.parametrize(
    ("name", "cls", "learning_rate"),
    [
        ("sgd", optimizers.SGD, 0.01),
        ("rmsprop", optimizers.RMSprop, 0.001),
        ("adam", optimizers.Adam, 0.001),
        ("nadam", optimizers.Nadam, 0.001),
    ],
)
def test_names_give_optimizers_with_keras_defaults(name, cls, learning_rate) -> None:
    optimizer = optimizers.get(name)
    assert type(optimizer) is cls
    assert optimizer.learning_rate == learning_rate


def test_keras_default_hyperparameters() -> None:
    adam = optimizers.Adam()
    assert (adam.beta_1, adam.beta_2, adam.epsilon, adam.amsgrad) == (0.9, 0.999, 1e-7, False)
    rmsprop = optimizers.RMSprop()
    assert (rmsprop.rho, rmsprop.momentum, rmsprop.epsilon, rmsprop.centered) == (
        0.9,
        0.0,
        1e-7,
        False,
    )
    sgd = optimizers.SGD()
    assert (sgd.momentum, sgd.nesterov) == (0.0, False)


def test_unknown_optimizer_name_lists_the_known_ones() -> None:
    with pytest.raises(
        EngineError, match=r"Unknown optimizer 'adamz'.*adagrad, adam, adamax, adamw, nadam"
    ):
        optimizers.get("adamz")


def test_a_learning_rate_of_zero_or_less_is_refused() -> None:
    with pytest.raises(EngineError, match="learning_rate must be a number greater than 0"):
        optimizers.Adam(learning_rate=0)
    optimizer = optimizers.SGD()
    with pytest.raises(EngineError, match="greater than 0"):
        optimizer.learning_rate = -1.0
