"""fit(class_weight=, sample_weight=), evaluate(return_dict=), predict on one sample, new names:
clear messages for what a learner can get wrong (the numbers are checked against Keras in
test_keras_parity_round2.py)."""

from __future__ import annotations

import numpy as np
import pytest

from tutor.engine import Dense, EngineError, Sequential, losses, optimizers

X = np.random.default_rng(0).normal(size=(10, 8)).astype(np.float32)
Y = (X[:, 0] > 0).astype(np.float32)


def model(loss="binary_crossentropy", metrics=("accuracy",)) -> Sequential:
    m = Sequential([Dense(4, activation="relu", input_shape=(8,)), Dense(1, activation="sigmoid")])
    m.compile(optimizer="adam", loss=loss, metrics=list(metrics))
    return m


def test_predict_on_one_1d_sample_says_what_was_given_and_expected() -> None:
    with pytest.raises(EngineError, match=r"shape \(8,\): that is ONE sample.*reshape\(1, 8\)"):
        model().predict(X[0])


def test_class_weight_and_sample_weight_together_are_refused() -> None:
    with pytest.raises(EngineError, match="either class_weight or sample_weight"):
        model().fit(X, Y, class_weight={0: 1, 1: 2}, sample_weight=np.ones(10), verbose=0)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"sample_weight": np.ones(9)}, r"one number per sample, shape \(10,\), got shape \(9,\)"),
        ({"sample_weight": -np.ones(10)}, "finite numbers >= 0"),
        ({"class_weight": [1.0, 2.0]}, r"class_weight must be a dict"),
        ({"class_weight": {"a": 1.0}}, "keys must be class numbers"),
    ],
)
def test_bad_weights_get_a_clear_message(options, message) -> None:
    with pytest.raises(EngineError, match=message):
        model().fit(X, Y, verbose=0, **options)


def test_zero_weights_make_rows_count_for_nothing() -> None:
    """Rows of weight 0 contribute no gradient: training equals training without them
    except for the loss's divisor (Keras divides by the batch size, not the weight sum)."""
    weights = np.r_[np.ones(5), np.zeros(5)].astype(np.float32)
    a, b = model(), model()
    b.set_weights(a.get_weights())
    a.compile(optimizer=optimizers.SGD(0.1), loss="binary_crossentropy")
    b.compile(optimizer=optimizers.SGD(0.05), loss="binary_crossentropy")  # half: /10, not /5
    a.fit(X, Y, sample_weight=weights, batch_size=10, epochs=3, verbose=0)
    b.fit(X[:5], Y[:5], batch_size=5, epochs=3, verbose=0)
    for wa, wb in zip(a.get_weights(), b.get_weights(), strict=True):
        np.testing.assert_allclose(wa, wb, rtol=1e-5, atol=1e-6)


def test_evaluate_return_dict() -> None:
    m = model()
    as_list = m.evaluate(X, Y)
    as_dict = m.evaluate(X, Y, return_dict=True)
    assert as_dict == {"loss": as_list[0], "accuracy": as_list[1]}
    assert model(metrics=()).evaluate(X, Y, return_dict=True).keys() == {"loss"}


def test_new_loss_names_and_options() -> None:
    assert isinstance(losses.get("mae"), losses.MeanAbsoluteError)
    assert isinstance(losses.get("mean_absolute_error"), losses.MeanAbsoluteError)
    assert isinstance(losses.get("huber"), losses.Huber)
    assert losses.get({"name": "huber", "delta": 0.5}).delta == 0.5
    assert losses.get({"name": "binary_crossentropy", "from_logits": True}).from_logits
    with pytest.raises(EngineError, match="delta must be a number > 0"):
        losses.Huber(delta=0)
    with pytest.raises(EngineError, match="does not support label_smoothing"):
        losses.BinaryCrossentropy(label_smoothing=0.1)


def test_loss_functions_by_hand() -> None:
    y, p = np.array([[0.0], [1.0]]), np.array([[0.5], [3.0]])
    assert losses.MeanAbsoluteError()(y, p) == pytest.approx((0.5 + 2.0) / 2)
    assert losses.Huber()(y, p) == pytest.approx((0.5 * 0.25 + (2.0 - 0.5)) / 2)
    z = np.array([[2.0], [-1.0]])
    by_hand = np.mean([np.log1p(np.exp(2.0)), np.log1p(np.exp(1.0))])
    assert losses.BinaryCrossentropy(from_logits=True)(y, z) == pytest.approx(by_hand)
