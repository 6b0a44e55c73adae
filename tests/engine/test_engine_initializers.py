"""Initializers draw Keras 3's distributions from the engine's seeded generator."""

from __future__ import annotations

import math

import numpy as np
import pytest

from tutor.engine import EngineError, initializers, set_seed

SHAPE = (400, 600)  # fan_in 400, fan_out 600: 240 000 draws, enough for 1 % accuracy


@pytest.mark.parametrize(
    ("name", "limit"),
    [
        ("glorot_uniform", math.sqrt(6 / 1000)),
        ("xavier_uniform", math.sqrt(6 / 1000)),
        ("he_uniform", math.sqrt(6 / 400)),
        ("lecun_uniform", math.sqrt(3 / 400)),
        ("random_uniform", 0.05),
    ],
)
def test_uniform_initializers_fill_their_range(name: str, limit: float) -> None:
    values = initializers.get(name)(SHAPE)
    assert values.dtype == np.float32
    assert -limit <= values.min() < -0.99 * limit
    assert 0.99 * limit < values.max() <= limit


@pytest.mark.parametrize(
    ("name", "stddev"),
    [
        ("glorot_normal", math.sqrt(2 / 1000)),
        ("he_normal", math.sqrt(2 / 400)),
        ("lecun_normal", math.sqrt(1 / 400)),
    ],
)
def test_truncated_normal_initializers_have_the_intended_spread(name: str, stddev: float) -> None:
    """Keras cuts at 2σ' with σ' = σ / 0.8796…, so the values keep standard deviation σ."""
    values = initializers.get(name)(SHAPE).astype(np.float64)
    cut = 2 * stddev / 0.87962566103423978
    assert np.abs(values).max() <= cut * (1 + 1e-6)
    assert values.std() == pytest.approx(stddev, rel=0.01)
    assert abs(values.mean()) < 0.01 * stddev


def test_random_normal_has_standard_deviation_0_05() -> None:
    values = initializers.get("random_normal")(SHAPE)
    assert values.std() == pytest.approx(0.05, rel=0.01)


def test_zeros_and_ones() -> None:
    assert not initializers.get("zeros")((3, 2)).any()
    assert (initializers.get("ones")((4,)) == 1).all()


def test_set_seed_repeats_the_same_draws() -> None:
    set_seed(123)
    first = initializers.get("glorot_uniform")((5, 3))
    set_seed(123)
    again = initializers.get("glorot_uniform")((5, 3))
    set_seed(124)
    other = initializers.get("glorot_uniform")((5, 3))
    np.testing.assert_array_equal(first, again)
    assert not np.array_equal(first, other)


def test_unknown_initializer_name_lists_the_known_ones() -> None:
    with pytest.raises(EngineError, match="Unknown initializer 'glorot'") as error:
        initializers.get("glorot")
    assert "glorot_uniform" in str(error.value)
    assert "he_normal" in str(error.value)
