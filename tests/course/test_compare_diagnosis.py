"""How the code kind says what is wrong with a value: the usual reasons a gradient is off."""

from __future__ import annotations

import numpy as np
import pytest

from tutor.exercises.compare import compare

RNG = np.random.default_rng(0)
GRADIENT = RNG.normal(size=(3, 5))


def message(expected, got, rows=None) -> str:
    problem = compare(expected, got, 1e-7, 1e-12, rows)
    assert problem is not None, "a wrong value was accepted"
    assert set(problem) == {"ko", "en"} and all(problem.values())
    return problem["en"]


def test_a_right_value_passes() -> None:
    assert compare(GRADIENT, GRADIENT.copy(), 1e-7, 1e-12, 4) is None


def test_a_transposed_gradient_is_called_transposed() -> None:
    text = message(GRADIENT, GRADIENT.T)
    assert "shape (3, 5)" in text and "shape (5, 3)" in text and "transpose" in text


def test_a_square_transposed_gradient_is_called_transposed_too() -> None:
    square = RNG.normal(size=(4, 4))
    assert "transpose" in message(square, square.T)


def test_a_flipped_sign_is_named() -> None:
    assert "sign is flipped" in message(GRADIENT, -GRADIENT)


def test_a_missing_one_over_m_names_m() -> None:
    text = message(GRADIENT, 4 * GRADIENT, rows=4)
    assert "exactly 4 times" in text and "m = 4" in text and "1/m" in text


def test_dividing_by_m_twice_is_named() -> None:
    assert "divided by m twice" in message(GRADIENT, GRADIENT / 6, rows=6)


def test_another_constant_factor_is_named_as_a_fraction() -> None:
    assert "exactly 1/2 times" in message(GRADIENT, GRADIENT / 2, rows=4)


def test_one_number_is_not_called_a_multiple_of_another() -> None:
    assert "times" not in message(np.float64(-2.0), np.float64(-3.0))


def test_a_bias_gradient_not_summed_over_the_rows() -> None:
    per_row = RNG.normal(size=(4, 3))
    assert ".sum(axis=0)" in message(per_row.sum(axis=0), per_row)


def test_a_bias_gradient_with_an_extra_axis() -> None:
    bias = RNG.normal(size=3)
    text = message(bias, bias.reshape(1, 3))
    assert "keepdims" in text and "shape (3,)" in text


def test_nan_is_called_by_its_name_and_place() -> None:
    got = GRADIENT.copy()
    got[1, 2] = np.nan
    text = message(GRADIENT, got)
    assert "nan at index [1, 2]" in text and "log(0)" in text


def test_all_zeros_are_called_zeros() -> None:
    assert "Every value is 0" in message(GRADIENT, np.zeros_like(GRADIENT))


@pytest.mark.parametrize(
    ("got", "words"),
    [
        ((GRADIENT, GRADIENT), "4 values (dW1, db1, dW2, db2), but returned 2"),
        ("nothing", "4 values (dW1, db1, dW2, db2), but returned a str"),
    ],
)
def test_named_results_say_which_names_are_expected(got, words) -> None:
    expected = {"dW1": GRADIENT, "db1": GRADIENT[0], "dW2": GRADIENT, "db2": GRADIENT[0]}
    assert words in message(expected, got)


def test_a_named_result_is_reported_by_its_name() -> None:
    expected = {"backward": {"dW1": GRADIENT, "db1": GRADIENT[0]}}
    got = {"backward": {"dW1": GRADIENT, "db1": -GRADIENT[0]}}
    assert message(expected, got).startswith("backward: db1: ")


def test_an_error_the_probe_caught_is_shown_as_the_learners() -> None:
    got = {"$learner_error": {"type": "ValueError", "traceback": "ValueError: matmul"}}
    assert "Your function raised:\nValueError: matmul" in message(GRADIENT, got)
