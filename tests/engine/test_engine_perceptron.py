"""The perceptron rule: the storm table, the 'every row is 1' trap, and XOR."""

from __future__ import annotations

import numpy as np
import pytest

from tutor.engine import EngineError, Perceptron

TABLE = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])  # (dark_clouds, temperature_drop)
STORM = [0, 0, 0, 1]  # a storm only when both are 1
ALL_ONES = [1, 1, 1, 1]
XOR = [0, 1, 1, 0]


@pytest.mark.parametrize(("weights", "wrong"), [((2, 0.5), 1), ((3, 3), 2), ((0.6, 0.8), 0)])
def test_hand_picked_weights_from_seed_001_get_the_storm_table_this_wrong(weights, wrong) -> None:
    neuron = Perceptron(2, threshold=1.0, learn_threshold=False, seed=0)
    neuron.weights = np.array(weights, dtype=float)
    assert np.count_nonzero(neuron.predict(TABLE) != STORM) == wrong


def test_the_rule_learns_the_storm_table() -> None:
    neuron = Perceptron(2, learning_rate=0.01, seed=7)
    result = neuron.fit(TABLE, STORM)
    assert result.converged, result.explanation
    assert neuron.predict(TABLE).tolist() == STORM
    assert result.history[-1].wrong == 0
    assert result.epochs == len(result.history)


def test_the_number_of_passes_depends_on_the_random_start() -> None:
    passes = {Perceptron(2, seed=seed).fit(TABLE, STORM).epochs for seed in range(8)}
    assert len(passes) > 1, f"every start took {passes} passes"


def test_with_a_fixed_threshold_of_1_every_target_1_never_converges() -> None:
    """Input (0, 0) gives w·x = 0, which can never exceed 1: the loop must end by its cap."""
    neuron = Perceptron(2, threshold=1.0, learn_threshold=False, seed=0)
    result = neuron.fit(TABLE, ALL_ONES, max_epochs=500)
    assert not result.converged
    assert result.epochs == 500 == len(result.history)
    assert all(record.wrong >= 1 for record in result.history)
    assert neuron.threshold == 1.0
    assert "Not converged: after 500 passes 1 row is still wrong" in result.explanation


def test_a_learnable_threshold_makes_every_target_1_learnable() -> None:
    neuron = Perceptron(2, threshold=1.0, learn_threshold=True, seed=0)
    result = neuron.fit(TABLE, ALL_ONES)
    assert result.converged
    assert neuron.threshold < 0  # the threshold had to come down below w·(0, 0) = 0
    assert neuron.predict(TABLE).tolist() == ALL_ONES


def test_xor_is_beyond_one_perceptron() -> None:
    result = Perceptron(2, seed=1).fit(TABLE, XOR, max_epochs=300)
    assert not result.converged
    assert min(record.wrong for record in result.history) >= 1


def test_each_pass_records_a_copy_of_the_weights() -> None:
    neuron = Perceptron(2, seed=3)
    result = neuron.fit(TABLE, STORM)
    assert result.epochs > 1
    assert [record.epoch for record in result.history] == list(range(1, result.epochs + 1))
    first, last = result.history[0], result.history[-1]
    np.testing.assert_array_equal(last.weights, neuron.weights)
    neuron.weights[:] = 99.0
    assert not (last.weights == 99.0).any()
    assert not np.array_equal(first.weights, last.weights)


def test_one_update_follows_the_rule_by_hand() -> None:
    neuron = Perceptron(2, learning_rate=0.1, threshold=0.5, seed=0)
    neuron.weights = np.array([0.0, 0.0])
    neuron.fit([[1, 1]], [1], max_epochs=1)
    # prediction 0, target 1: error −1, so w ← w + 0.1·x and t ← t − 0.1
    np.testing.assert_allclose(neuron.weights, [0.1, 0.1])
    assert neuron.threshold == pytest.approx(0.4)


def test_targets_other_than_0_and_1_are_refused() -> None:
    with pytest.raises(EngineError, match="must be 0 or 1"):
        Perceptron(2, seed=0).fit(TABLE, [0, 1, 2, 1])


def test_inputs_of_the_wrong_width_are_refused() -> None:
    with pytest.raises(EngineError, match=r"has 2 inputs, so x needs shape \(rows, 2\)"):
        Perceptron(2, seed=0).predict([[1, 0, 1]])
