"""Logic gates and the storm table: four rows each, the truth a single neuron learns (or not)."""

from __future__ import annotations

import operator

import numpy as np
import pytest

from tutor import datasets

RULES = {
    "and": operator.and_,
    "or": operator.or_,
    "nand": lambda a, b: 1 - (a & b),
    "xor": operator.xor,
}


@pytest.mark.parametrize("name", sorted(RULES))
def test_gate_follows_its_truth_table(name):
    x, y = datasets.gate(name)
    expected = [RULES[name](int(a), int(b)) for a, b in x]
    assert y.tolist() == expected


def test_gate_inputs_come_in_the_order_00_01_10_11():
    x, _ = datasets.gate("and")
    assert x.tolist() == [[0, 0], [0, 1], [1, 0], [1, 1]]
    assert x.dtype == np.float32


def test_gate_labels_are_integers():
    _, y = datasets.gate("xor")
    assert y.dtype.kind == "i" and y.shape == (4,)


def test_gate_names_ignore_case():
    np.testing.assert_array_equal(datasets.gate("XOR")[1], datasets.gate("xor")[1])


def test_load_gate_gives_the_same_table_as_train_and_test():
    (x_train, y_train), (x_test, y_test) = datasets.load("or")
    np.testing.assert_array_equal(x_train, x_test)
    np.testing.assert_array_equal(y_train, y_test)
    assert x_train is not x_test and y_train is not y_test


def test_unknown_gate_lists_the_gates():
    with pytest.raises(ValueError, match=r"no logic gate 'nor'.*'and', 'or', 'nand' or 'xor'"):
        datasets.gate("nor")


def test_storm_comes_only_when_both_inputs_are_1():
    x, y = datasets.storm()
    assert y.tolist() == [int(clouds and drop) for clouds, drop in x]
    assert y.sum() == 1


def test_storm_rows_keep_the_tutorials_order():
    x, _ = datasets.storm()
    assert x.tolist() == [[1, 1], [1, 0], [0, 1], [0, 0]]
    assert x.dtype == np.float32


def test_storm_all_ones_makes_every_target_1_with_an_all_zero_input_row():
    x, y = datasets.storm(all_ones=True)
    assert y.tolist() == [1, 1, 1, 1]
    # Row (0, 0): no weight can lift w1*0 + w2*0 above a fixed threshold of 1.
    assert x[3].tolist() == [0, 0]


def test_load_storm_passes_all_ones_on():
    (_, y_train), (_, y_test) = datasets.load("storm", all_ones=True)
    assert y_train.tolist() == y_test.tolist() == [1, 1, 1, 1]


def test_storm_accepts_targets_of_your_own():
    _, y = datasets.storm(targets=[1, 0, 1, 0])
    assert y.tolist() == [1, 0, 1, 0]


@pytest.mark.parametrize("targets", [[1, 0, 0], [1, 2, 0, 0], [[1, 0], [0, 0]]])
def test_storm_rejects_targets_that_are_not_four_zeros_or_ones(targets):
    with pytest.raises(ValueError, match="four values, each 0 or 1"):
        datasets.storm(targets=targets)


def test_storm_rejects_all_ones_together_with_targets():
    with pytest.raises(ValueError, match="either all_ones=True or targets"):
        datasets.storm(all_ones=True, targets=[1, 1, 1, 1])


def test_storm_all_ones_must_be_true_or_false():
    with pytest.raises(ValueError, match="all_ones must be True or False, got 'yes'"):
        datasets.storm(all_ones="yes")
