"""Activation functions: the values Keras gives, safe at extreme inputs, clear about bad names."""

from __future__ import annotations

import numpy as np
import pytest

from tutor.engine import EngineError, activations

Z = np.array([-3.0, -0.5, 0.0, 0.5, 3.0], dtype=np.float32)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("linear", Z),
        ("sigmoid", 1 / (1 + np.exp(-Z))),
        ("tanh", np.tanh(Z)),
        ("relu", np.maximum(Z, 0)),
        ("leaky_relu", np.where(Z > 0, Z, 0.2 * Z)),
        ("elu", np.where(Z > 0, Z, np.exp(Z) - 1)),
        ("swish", Z / (1 + np.exp(-Z))),
        ("step", (Z > 0).astype(np.float32)),
    ],
)
def test_activation_values_follow_their_formula(name: str, expected: np.ndarray) -> None:
    np.testing.assert_allclose(activations.get(name)(Z), expected, rtol=1e-6, atol=1e-7)


def test_leaky_relu_keeps_a_fifth_of_negative_inputs_like_keras_3() -> None:
    assert activations.leaky_relu(np.array([-10.0]))[0] == pytest.approx(-2.0)
    assert activations.LeakyReLU(negative_slope=0.1)(np.array([-10.0]))[0] == pytest.approx(-1.0)


def test_step_fires_only_above_zero_and_passes_no_gradient() -> None:
    z = np.array([[-1.0, 0.0, 1e-6, 2.0]])
    a = activations.step.forward(z)
    np.testing.assert_array_equal(a, [[0, 0, 1, 1]])
    grad = activations.step.backward(np.ones_like(z), z, a)
    np.testing.assert_array_equal(grad, 0.0)


def test_sigmoid_of_plus_and_minus_1000_is_1_and_0_without_overflow() -> None:
    z = np.array([-1000.0, -100.0, 100.0, 1000.0], dtype=np.float32)
    with np.errstate(over="raise", divide="raise", invalid="raise"):
        a = activations.sigmoid(z)
    np.testing.assert_allclose(a, [0.0, 0.0, 1.0, 1.0], atol=1e-30)
    assert a.dtype == np.float32


def test_swish_and_elu_are_finite_at_extreme_inputs() -> None:
    z = np.array([-1000.0, 1000.0], dtype=np.float32)
    with np.errstate(over="raise", divide="raise", invalid="raise"):
        np.testing.assert_allclose(activations.swish(z), [0.0, 1000.0], atol=1e-30)
        np.testing.assert_allclose(activations.elu(z), [-1.0, 1000.0])


def test_softmax_rows_sum_to_one_even_for_huge_scores() -> None:
    z = np.array([[1000.0, 999.0, -1000.0], [1.0, 2.0, 3.0]], dtype=np.float32)
    with np.errstate(over="raise", divide="raise", invalid="raise"):
        a = activations.softmax(z)
    np.testing.assert_allclose(a.sum(axis=1), 1.0, rtol=1e-6)
    np.testing.assert_allclose(a[0], [1 / (1 + np.exp(-1)), 1 / (1 + np.e), 0.0], rtol=1e-6)


def test_softmax_ignores_a_constant_added_to_every_score() -> None:
    z = np.array([[0.5, -1.0, 2.0]])
    np.testing.assert_allclose(activations.softmax(z), activations.softmax(z + 50.0), rtol=1e-12)


def test_activations_keep_float32_inputs_float32() -> None:
    z = np.linspace(-2, 2, 12, dtype=np.float32).reshape(3, 4)
    for name in activations.NAMES:
        assert activations.get(name)(z).dtype == np.float32, name


def test_unknown_activation_name_lists_the_known_ones() -> None:
    with pytest.raises(EngineError, match="Unknown activation 'rellu'") as error:
        activations.get("rellu")
    for name in ("relu", "sigmoid", "softmax", "step", "leaky_relu"):
        assert name in str(error.value)


def test_none_means_linear_and_names_ignore_case() -> None:
    assert activations.get(None) is activations.linear
    assert activations.get("ReLU") is activations.relu


def test_a_plain_python_function_becomes_an_activation_with_an_estimated_slope() -> None:
    def cube(z):
        return z**3

    activation = activations.get(cube)
    z = np.array([[-1.0, 0.5, 2.0]])
    np.testing.assert_allclose(activation(z), z**3)
    slope = activation.backward(np.ones_like(z), z, activation(z))
    np.testing.assert_allclose(slope, 3 * z**2, rtol=1e-6)
