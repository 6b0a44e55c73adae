"""The real data shipped in data/: splits, shapes, dtypes and the facts the lessons quote."""

from __future__ import annotations

import numpy as np
import pytest

from tutor import datasets
from tutor.datasets import files

FILE_SETS = ("exam_scores", "pima", "breast_cancer", "digits", "mnist")


@pytest.fixture
def empty_cache():
    """Read files afresh in this test and leave no trace of its (fake) data folder behind."""
    files.clear_cache()
    yield
    files.clear_cache()


def test_exam_scores_split_first_700_rows_train_last_300_test():
    (x_train, y_train), (x_test, y_test) = datasets.load("exam_scores")
    assert x_train.shape == (700, 2) and x_test.shape == (300, 2)
    assert y_train.shape == (700,) and y_test.shape == (300,)
    assert x_train.dtype == np.float32 and y_train.dtype.kind == "i"
    assert x_train[0].tolist() == pytest.approx([84.2, 60.7])


def test_exam_scores_are_raw_scores_between_30_and_100():
    (x_train, _), (x_test, _) = datasets.load("exam_scores")
    scores = np.concatenate([x_train, x_test])
    assert scores.min() >= 30 and scores.max() <= 100


def test_exam_scores_follow_the_recipe_in_the_data_readme():
    rng = np.random.default_rng(42)
    x = rng.uniform(30, 100, (1000, 2)).round(1)
    logit = 0.18 * (x[:, 0] - 65) + 0.12 * (x[:, 1] - 65)
    passed = rng.random(1000) < 1 / (1 + np.exp(-logit))
    (x_train, y_train), (x_test, y_test) = datasets.load("exam_scores")
    np.testing.assert_allclose(np.concatenate([x_train, x_test]), x, atol=1e-4)
    np.testing.assert_array_equal(np.concatenate([y_train, y_test]), passed.astype(int))


def test_pima_keeps_the_tutorials_700_68_split():
    (x_train, y_train), (x_test, y_test) = datasets.load("pima")
    assert x_train.shape == (700, 8) and x_test.shape == (68, 8)
    assert y_train.shape == (700,) and y_test.shape == (68,)
    assert x_train.dtype == np.float32 and y_test.dtype.kind == "i"


def test_pima_first_row_is_the_classic_first_patient_with_diabetes():
    (x_train, y_train), _ = datasets.load("pima")
    assert x_train[0].tolist() == pytest.approx([6, 148, 72, 35, 0, 33.6, 0.627, 50])
    assert y_train[0] == 1


def test_pima_test_part_has_27_positives():
    _, (_, y_test) = datasets.load("pima")
    assert int(y_test.sum()) == 27


def test_breast_cancer_split_is_469_100_and_keeps_the_class_balance():
    (x_train, y_train), (x_test, y_test) = datasets.load("breast_cancer")
    assert x_train.shape == (469, 30) and x_test.shape == (100, 30)
    assert x_train.dtype == np.float32 and y_train.dtype.kind == "i"
    assert int(y_test.sum()) == 37  # 212 of 569 malignant is 37.3 %
    assert int(y_train.sum()) == 212 - 37


def test_breast_cancer_split_is_the_same_every_time():
    (first, _), _ = datasets.load("breast_cancer")
    (again, _), _ = datasets.load("breast_cancer")
    np.testing.assert_array_equal(first, again)


def test_breast_cancer_split_uses_every_row_exactly_once():
    (x_train, _), (x_test, _) = datasets.load("breast_cancer")
    table = np.loadtxt(files.data_file(files.BREAST_CANCER), delimiter=",", skiprows=1)
    both = np.concatenate([x_train, x_test])
    expected = table[:, :-1].astype(np.float32)
    assert len(np.unique(both, axis=0)) == len(expected)
    np.testing.assert_array_equal(np.unique(both, axis=0), np.unique(expected, axis=0))


def test_digits_are_8x8_images_of_values_0_to_16():
    (x_train, y_train), (x_test, _) = datasets.load("digits")
    assert x_train.shape == (1437, 8, 8) and x_test.shape == (360, 8, 8)
    assert x_train.dtype == np.float32 and y_train.dtype.kind == "i"
    assert x_train.min() == 0 and x_train.max() == 16


def test_digits_test_part_holds_every_digit():
    _, (_, y_test) = datasets.load("digits")
    counts = np.bincount(y_test, minlength=10)
    assert len(counts) == 10 and counts.min() >= 33


def test_mnist_has_keras_shapes_and_dtypes():
    (x_train, y_train), (x_test, y_test) = datasets.load("mnist")
    assert x_train.shape == (60000, 28, 28) and x_train.dtype == np.uint8
    assert x_test.shape == (10000, 28, 28) and x_test.dtype == np.uint8
    assert y_train.shape == (60000,) and y_test.shape == (10000,)
    assert y_train.dtype == np.uint8 and set(np.unique(y_test).tolist()) == set(range(10))


def test_first_mnist_test_digit_is_a_7():
    _, (x_test, y_test) = datasets.load("mnist")
    assert y_test[0] == 7
    assert x_test[0].max() == 255  # raw pixels: scaling is the learner's job


@pytest.mark.parametrize("name", FILE_SETS)
def test_changing_loaded_arrays_does_not_change_the_next_load(name):
    (x_train, y_train), (x_test, y_test) = datasets.load(name)
    originals = [array.copy() for array in (x_train, y_train, x_test, y_test)]
    for array in (x_train, y_train, x_test, y_test):
        array[...] = 3
    for again, original in zip(
        (value for part in datasets.load(name) for value in part), originals, strict=True
    ):
        np.testing.assert_array_equal(again, original)


def test_missing_data_file_names_the_file_and_the_folder(monkeypatch, tmp_path):
    monkeypatch.setattr(files, "data_dir", lambda: tmp_path)
    with pytest.raises(FileNotFoundError, match=r"has no mnist\.npz") as caught:
        files.data_file(files.MNIST)
    assert str(tmp_path) in str(caught.value)


def test_damaged_data_file_is_reported_as_damaged(monkeypatch, tmp_path, empty_cache):
    real = files.data_file(files.PIMA).read_text().splitlines()
    (tmp_path / files.PIMA).write_text("\n".join(real[:100]) + "\n")
    monkeypatch.setattr(files, "data_dir", lambda: tmp_path)
    with pytest.raises(RuntimeError, match=r"damaged: found shape \(99, 9\), expected \(768, 9\)"):
        datasets.load("pima")
