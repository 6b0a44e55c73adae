"""Loss values against hand computation, Keras's clipping, and clear errors for unfit labels."""

from __future__ import annotations

import math

import numpy as np
import pytest

from tutor.engine import Dense, EngineError, Sequential, losses

LOG_EPSILON = -math.log(1e-7)  # 16.118..., the most one sample can cost


def test_mse_is_the_mean_of_squared_differences() -> None:
    y = np.array([[1.0, 2.0], [0.0, 0.0]])
    p = np.array([[1.5, 2.0], [1.0, -1.0]])
    np.testing.assert_allclose(losses.mse(y, p), [0.125, 1.0])
    assert losses.MeanSquaredError()(y, p) == pytest.approx(0.5625)


def test_mse_accepts_labels_shaped_n_for_one_output() -> None:
    assert losses.mean_squared_error([1.0, 3.0], [[2.0], [3.0]]).tolist() == [1.0, 0.0]


def test_binary_crossentropy_by_hand() -> None:
    y = np.array([[1.0], [0.0]])
    p = np.array([[0.8], [0.3]])
    expected = -(math.log(0.8) + math.log(0.7)) / 2
    assert losses.BinaryCrossentropy()(y, p) == pytest.approx(expected, rel=1e-12)


def test_binary_crossentropy_clips_p_of_0_and_1_to_a_finite_cost() -> None:
    y = np.array([[1.0], [0.0], [1.0], [0.0]])
    p = np.array([[0.0], [1.0], [1.0], [0.0]])
    per_sample = losses.binary_crossentropy(y, p)
    np.testing.assert_allclose(per_sample[:2], LOG_EPSILON, rtol=1e-6)
    np.testing.assert_allclose(per_sample[2:], 1e-7, rtol=1e-3)  # −log(1 − 1e-7)


def test_binary_crossentropy_takes_the_mean_over_several_outputs() -> None:
    y = np.array([[1.0, 0.0]])
    p = np.array([[0.9, 0.2]])
    expected = -(math.log(0.9) + math.log(0.8)) / 2
    assert losses.binary_crossentropy(y, p)[0] == pytest.approx(expected)


def test_categorical_crossentropy_by_hand() -> None:
    y = np.array([[0.0, 1.0, 0.0], [1.0, 0.0, 0.0]])
    p = np.array([[0.2, 0.7, 0.1], [0.5, 0.25, 0.25]])
    np.testing.assert_allclose(
        losses.categorical_crossentropy(y, p), [-math.log(0.7), -math.log(0.5)]
    )


def test_categorical_crossentropy_rescales_rows_to_sum_1_like_keras() -> None:
    y = np.array([[1.0, 0.0]])
    assert losses.categorical_crossentropy(y, [[2.0, 2.0]])[0] == pytest.approx(math.log(2))


def test_categorical_crossentropy_clips_a_zero_probability() -> None:
    y = np.array([[1.0, 0.0]])
    assert losses.categorical_crossentropy(y, [[0.0, 1.0]])[0] == pytest.approx(LOG_EPSILON)


def test_sparse_categorical_crossentropy_equals_the_one_hot_version() -> None:
    rng = np.random.default_rng(0)
    p = rng.random((5, 4))
    p /= p.sum(axis=1, keepdims=True)
    labels = np.array([0, 3, 1, 1, 2])
    np.testing.assert_allclose(
        losses.sparse_categorical_crossentropy(labels, p),
        losses.categorical_crossentropy(np.eye(4)[labels], p),
    )


def test_loss_objects_and_training_values_agree_with_the_functions() -> None:
    rng = np.random.default_rng(1)
    p = rng.random((6, 3)).astype(np.float32)
    p /= p.sum(axis=1, keepdims=True)
    labels = rng.integers(0, 3, 6)
    one_hot = np.eye(3, dtype=np.float32)[labels]
    for loss, y in [
        (losses.MeanSquaredError(), one_hot),
        (losses.BinaryCrossentropy(), one_hot),
        (losses.CategoricalCrossentropy(), one_hot),
        (losses.SparseCategoricalCrossentropy(), labels),
    ]:
        value, _ = loss.value_and_gradient(y, p)
        assert value == pytest.approx(float(np.mean(type(loss).function(y, p))), rel=1e-6)


def test_names_functions_and_objects_all_select_a_loss() -> None:
    assert isinstance(losses.get("mse"), losses.MeanSquaredError)
    assert isinstance(losses.get("mean_squared_error"), losses.MeanSquaredError)
    assert isinstance(losses.get(losses.mse), losses.MeanSquaredError)
    assert isinstance(losses.get(losses.BinaryCrossentropy), losses.BinaryCrossentropy)
    sparse = losses.SparseCategoricalCrossentropy()
    assert losses.get(sparse) is sparse


def test_unknown_loss_name_lists_the_known_ones() -> None:
    with pytest.raises(EngineError, match="Unknown loss 'cross_entropy'") as error:
        losses.get("cross_entropy")
    assert "binary_crossentropy" in str(error.value)
    assert "sparse_categorical_crossentropy" in str(error.value)


def classifier(units: int, loss: str) -> Sequential:
    model = Sequential([Dense(units, activation="softmax", input_shape=(2,))])
    model.compile(optimizer="adam", loss=loss)
    return model


X = np.zeros((4, 2))


def test_sparse_labels_beyond_the_last_unit_are_refused() -> None:
    with pytest.raises(EngineError, match="class numbers from 0 to 2") as error:
        classifier(3, "sparse_categorical_crossentropy").fit(X, [0, 1, 2, 3], verbose=0)
    assert "got labels from 0 to 3" in str(error.value)
    assert "Give the last layer 4 units" in str(error.value)


def test_one_hot_labels_with_the_sparse_loss_are_refused() -> None:
    with pytest.raises(EngineError, match="categorical_crossentropy") as error:
        classifier(3, "sparse_categorical_crossentropy").fit(X, np.eye(3)[[0, 1, 2, 0]], verbose=0)
    assert "shape (4, 3)" in str(error.value)
    assert "one-hot" in str(error.value)


def test_class_numbers_with_the_categorical_loss_are_refused() -> None:
    with pytest.raises(EngineError, match="sparse_categorical_crossentropy") as error:
        classifier(3, "categorical_crossentropy").fit(X, [0, 1, 2, 0], verbose=0)
    assert "one-hot labels of shape (m, 3)" in str(error.value)


def test_binary_labels_outside_0_and_1_are_refused() -> None:
    model = Sequential([Dense(1, activation="sigmoid", input_shape=(2,))])
    model.compile(optimizer="adam", loss="binary_crossentropy")
    with pytest.raises(EngineError, match=r"between 0 and 1.*from -1 to 1"):
        model.fit(X, [-1, 1, 1, -1], verbose=0)


def test_labels_of_the_wrong_width_are_refused() -> None:
    model = Sequential([Dense(2, input_shape=(2,))])
    model.compile(optimizer="sgd", loss="mse")
    with pytest.raises(EngineError, match=r"needs shape \(m, 2\), got y with shape \(4, 3\)"):
        model.fit(X, np.zeros((4, 3)), verbose=0)
