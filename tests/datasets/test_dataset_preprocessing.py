"""train_test_split, standardize and one_hot: the helpers every lesson leans on."""

from __future__ import annotations

import numpy as np
import pytest

from tutor import datasets


def numbered(n=20):
    x = np.arange(n * 2, dtype=np.float32).reshape(n, 2)
    return x, (x[:, 0] // 2).astype(int)  # y is the row number


def test_split_fraction_rounds_the_test_part_up():
    x, y = numbered(10)
    (x_train, _), (x_test, _) = datasets.train_test_split(x, y, test_size=0.25, seed=0)
    assert (len(x_train), len(x_test)) == (7, 3)


def test_split_accepts_a_row_count():
    x, y = numbered(10)
    (x_train, _), (x_test, _) = datasets.train_test_split(x, y, test_size=4, seed=0)
    assert (len(x_train), len(x_test)) == (6, 4)


def test_split_keeps_each_sample_with_its_label_and_uses_every_row_once():
    x, y = numbered()
    (x_train, y_train), (x_test, y_test) = datasets.train_test_split(x, y, seed=3)
    np.testing.assert_array_equal(x_train[:, 0] // 2, y_train)
    np.testing.assert_array_equal(x_test[:, 0] // 2, y_test)
    assert sorted(np.concatenate([y_train, y_test]).tolist()) == list(range(20))


def test_split_with_a_seed_is_repeatable_and_shuffled():
    x, y = numbered()
    first = datasets.train_test_split(x, y, seed=5)
    again = datasets.train_test_split(x, y, seed=5)
    np.testing.assert_array_equal(first[0][1], again[0][1])
    assert first[0][1].tolist() != sorted(first[0][1].tolist())


def test_split_without_shuffle_puts_the_last_rows_in_the_test_part():
    x, y = numbered(8)
    (_, y_train), (_, y_test) = datasets.train_test_split(x, y, test_size=2, shuffle=False)
    assert y_train.tolist() == [0, 1, 2, 3, 4, 5] and y_test.tolist() == [6, 7]


def test_stratified_split_keeps_the_class_balance():
    x = np.zeros((100, 1))
    y = np.array([0] * 80 + [1] * 20)
    (_, y_train), (_, y_test) = datasets.train_test_split(x, y, test_size=0.25, seed=1, stratify=y)
    assert int(y_test.sum()) == 5 and int(y_train.sum()) == 15


def test_split_returns_copies():
    x, y = numbered()
    (x_train, _), _ = datasets.train_test_split(x, y, seed=0)
    x_train[:] = -1
    assert x.min() >= 0


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"y": np.arange(3)}, r"x has 20 rows, y has 3"),
        ({"test_size": 0.0}, r"test_size=0\.0 is not a fraction strictly between 0 and 1"),
        ({"test_size": 1.0}, r"test_size=1\.0 is not a fraction"),
        ({"test_size": 20}, r"expected a count from 1 to 19 for 20 rows"),
        ({"test_size": "half"}, r"test_size must be a fraction between 0 and 1 or a row count"),
        ({"shuffle": False, "stratify": np.zeros(20)}, r"stratify needs shuffle=True"),
        ({"stratify": np.zeros(5)}, r"one label per sample \(20\)"),
        ({"seed": 1.5}, r"seed must be a whole number"),
    ],
)
def test_split_refuses_bad_arguments_clearly(kwargs, message):
    x, y = numbered()
    arguments = {"x": x, "y": y, **kwargs}
    with pytest.raises(ValueError, match=message):
        datasets.train_test_split(**arguments)


def test_standardize_gives_training_features_mean_0_and_std_1():
    x_train = np.array([[1.0, 100.0], [3.0, 300.0], [5.0, 500.0]])
    scaled = datasets.standardize(x_train)
    np.testing.assert_allclose(scaled.mean(axis=0), [0, 0], atol=1e-6)
    np.testing.assert_allclose(scaled.std(axis=0), [1, 1], atol=1e-6)
    assert scaled.dtype == np.float32


def test_standardize_scales_test_data_with_the_training_statistics():
    x_train = np.array([[0.0], [2.0]])  # mean 1, std 1
    _, x_test = datasets.standardize(x_train, np.array([[3.0], [1.0]]))
    assert x_test.ravel().tolist() == [2.0, 0.0]


def test_standardize_shifts_a_constant_feature_without_dividing_by_zero():
    x_train = np.array([[7.0, 1.0], [7.0, 3.0]])
    train, test = datasets.standardize(x_train, np.array([[9.0, 2.0]]))
    assert np.isfinite(train).all() and train[:, 0].tolist() == [0.0, 0.0]
    assert test[0].tolist() == [2.0, 0.0]


def test_standardize_can_return_its_statistics():
    scaled, stats = datasets.standardize(np.array([[0.0], [4.0]]), return_stats=True)
    assert stats.mean.tolist() == [2.0] and stats.std.tolist() == [2.0]
    assert scaled.ravel().tolist() == [-1.0, 1.0]


def test_standardize_leaves_its_inputs_alone():
    x_train = np.array([[1.0], [3.0]])
    datasets.standardize(x_train)
    assert x_train.ravel().tolist() == [1.0, 3.0]


def test_standardize_refuses_arrays_with_other_features():
    with pytest.raises(ValueError, match=r"array 2 has samples of shape \(3,\), but x_train's"):
        datasets.standardize(np.zeros((4, 2)), np.zeros((4, 3)))


def test_one_hot_puts_a_single_1_in_each_row():
    encoded = datasets.one_hot([0, 2, 1])
    assert encoded.tolist() == [[1, 0, 0], [0, 0, 1], [0, 1, 0]]
    assert encoded.dtype == np.float32


def test_one_hot_can_be_wider_than_the_largest_label():
    assert datasets.one_hot(np.array([[1], [0]]), num_classes=4).shape == (2, 4)


def test_to_categorical_is_kerass_name_for_one_hot():
    np.testing.assert_array_equal(datasets.to_categorical([3, 1]), datasets.one_hot([3, 1]))


@pytest.mark.parametrize(
    ("labels", "num_classes", "message"),
    [
        ([0, 10], 10, r"label 10 does not fit num_classes=10: expected labels from 0 to 9"),
        ([0, -1], None, r"labels must be 0 or more, got -1"),
        ([0.5, 1.0], None, r"whole-number labels .* got fractions"),
        ([[0, 1], [1, 0]], None, r"1-D array of integer labels, got shape \(2, 2\)"),
        (["a", "b"], None, r"whole-number labels"),
        ([0, 1], 0, r"num_classes must be a whole number 1 or more"),
    ],
)
def test_one_hot_refuses_labels_it_cannot_encode(labels, num_classes, message):
    with pytest.raises(ValueError, match=message):
        datasets.one_hot(labels, num_classes=num_classes)
