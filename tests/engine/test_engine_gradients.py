"""Backpropagation agrees with finite differences for every activation and every loss."""

from __future__ import annotations

import numpy as np
import pytest

from tutor.engine import (
    Dense,
    EngineError,
    Sequential,
    activations,
    gradient_check,
    losses,
    set_seed,
)

HIDDEN = ["linear", "sigmoid", "tanh", "relu", "leaky_relu", "elu", "swish", "softmax"]
# (output activation, loss, output units); each loss with the outputs it is used with, plus a
# few unusual pairs that take the long way through the chain rule.
OUTPUTS = [
    ("linear", "mse", 2),
    ("sigmoid", "binary_crossentropy", 1),
    ("sigmoid", "binary_crossentropy", 3),
    ("softmax", "categorical_crossentropy", 3),
    ("softmax", "sparse_categorical_crossentropy", 3),
    ("sigmoid", "mse", 1),
    ("tanh", "mse", 2),
    ("softmax", "mse", 3),
    ("sigmoid", "categorical_crossentropy", 3),
]


def data_for(loss: str, units: int, rows: int = 6) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(5)
    x = rng.normal(size=(rows, 4))
    if loss == "sparse_categorical_crossentropy":
        return x, rng.integers(0, units, rows)
    if loss == "categorical_crossentropy":
        return x, np.eye(units)[rng.integers(0, units, rows)]
    if loss == "binary_crossentropy":
        return x, rng.integers(0, 2, (rows, units)).astype(float)
    return x, rng.normal(size=(rows, units))


def network(hidden: str, output: str, units: int) -> Sequential:
    set_seed(11)
    return Sequential(
        [
            Dense(5, activation=hidden, input_shape=(4,)),
            Dense(3, activation="tanh"),
            Dense(units, activation=output),
        ]
    )


@pytest.mark.parametrize(("output", "loss", "units"), OUTPUTS)
@pytest.mark.parametrize("hidden", HIDDEN)
def test_backprop_matches_finite_differences(hidden: str, output: str, loss: str, units: int):
    model = network(hidden, output, units)
    model.compile(optimizer="sgd", loss=loss)
    x, y = data_for(loss, units)
    report = gradient_check(model, x, y)
    assert report.passed(1e-6), f"{hidden} -> {output} with {loss}:\n{report}"


@pytest.mark.parametrize(
    ("output", "loss", "units"),
    [
        ("sigmoid", "binary_crossentropy", 2),
        ("softmax", "categorical_crossentropy", 3),
        ("softmax", "sparse_categorical_crossentropy", 3),
    ],
)
@pytest.mark.parametrize("fused", [True, False])
def test_fused_and_step_by_step_chain_rule_both_match_finite_differences(
    output, loss, units, fused
):
    model = network("relu", output, units)
    model.compile(optimizer="sgd", loss=loss)
    model.use_fused_gradients = fused
    x, y = data_for(loss, units)
    report = gradient_check(model, x, y)
    assert report.passed(1e-6), f"fused={fused}:\n{report}"


def saturated_model(output: str, units: int) -> Sequential:
    """A one-layer model whose outputs are pushed to exactly 0 or 1 in float32."""
    model = Sequential([Dense(units, activation=output, input_shape=(1,))])
    kernel = np.full((1, units), 0.0, np.float32)
    kernel[0, 0] = 60.0  # z = 60 for the first unit: sigmoid(60) and softmax both round to 1.0
    model.set_weights([kernel, np.zeros(units, np.float32)])
    return model


@pytest.mark.parametrize("fused", [True, False])
def test_on_probabilities_a_clipped_sigmoid_output_gets_no_gradient(fused: bool) -> None:
    """p = 1.0 exactly for a sample labelled 0: p is clipped to float32(1 − 1e-7), the loss to
    −log(1.19e-7) ≈ 15.94, and a clipped value does not move with p, so dL/dw is 0 (as on
    Keras's JAX, PyTorch and NumPy backends)."""
    model = saturated_model("sigmoid", 1)
    model.compile(optimizer="sgd", loss="binary_crossentropy")
    model.crossentropy_from_logits = False
    model.use_fused_gradients = fused
    x, y = np.array([[1.0], [1.0]]), np.array([0.0, 1.0])
    assert model.predict(x)[0, 0] == 1.0
    gradients = model.compute_gradients(x, y)
    assert all(np.all(g == 0) for g in gradients)
    top = np.float32(1 - 1e-7)
    expected = (-np.log(np.float32(1) - top) - np.log(top)) / 2
    assert model.evaluate(x, y) == pytest.approx(expected, rel=1e-5)


@pytest.mark.parametrize("fused", [True, False])
def test_on_probabilities_a_clipped_softmax_probability_gets_no_gradient(fused: bool) -> None:
    model = saturated_model("softmax", 3)
    model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy")
    model.crossentropy_from_logits = False
    model.use_fused_gradients = fused
    x = np.array([[1.0], [0.0]])
    y = np.array([1, 1])  # row 0: class 1 has probability ~e^-60 (clipped); row 1: 1/3
    gradients = model.compute_gradients(x, y)
    only_row_1 = model.compute_gradients(x[1:], y[1:])
    # Row 0 contributes nothing, so the batch mean is half of row 1's gradient.
    for both, one in zip(gradients, only_row_1, strict=True):
        np.testing.assert_allclose(both, one / 2, rtol=1e-6, atol=1e-7)


def test_from_logits_a_saturated_sigmoid_output_still_gets_its_gradient() -> None:
    """As Keras on TensorFlow: z = 60 for a sample labelled 0 costs softplus(60) = 60 (not the
    clipped 15.94), and dL/dz = (sigmoid(60) − 0) / 2 = 0.5, so dL/dkernel = 0.5 · x = 0.5."""
    model = saturated_model("sigmoid", 1)
    model.compile(optimizer="sgd", loss="binary_crossentropy")
    x, y = np.array([[1.0], [1.0]]), np.array([0.0, 1.0])
    kernel_gradient, bias_gradient = model.compute_gradients(x, y)
    np.testing.assert_allclose(kernel_gradient, [[0.5]], rtol=1e-6)
    np.testing.assert_allclose(bias_gradient, [0.5], rtol=1e-6)
    assert model.evaluate(x, y) == pytest.approx((60.0 + np.log1p(np.exp(-60.0))) / 2, rel=1e-6)


def test_from_logits_a_saturated_softmax_output_still_gets_its_gradient() -> None:
    model = saturated_model("softmax", 3)
    model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy")
    x, y = np.array([[1.0]]), np.array([1])  # class 1 has probability e^-60: cost ≈ 60
    kernel_gradient, _ = model.compute_gradients(x, y)
    np.testing.assert_allclose(kernel_gradient, [[1.0, -1.0, 0.0]], atol=1e-6)
    assert model.evaluate(x, y) == pytest.approx(60.0, rel=1e-6)


@pytest.mark.parametrize(
    ("output", "loss", "units"),
    [
        ("sigmoid", "binary_crossentropy", 2),
        ("softmax", "categorical_crossentropy", 3),
        ("softmax", "sparse_categorical_crossentropy", 3),
    ],
)
def test_from_logits_gradients_match_finite_differences_of_the_logit_loss(output, loss, units):
    model = network("relu", output, units)
    model.compile(optimizer="sgd", loss=loss)
    assert model.crossentropy_from_logits
    x, y = data_for(loss, units)
    report = gradient_check(model, x * 30, y)  # large inputs: outputs near saturation
    assert report.passed(1e-5), str(report)


def test_fused_and_unfused_training_give_the_same_weights() -> None:
    x, y = data_for("sparse_categorical_crossentropy", 3, rows=12)
    results = []
    for fused in (True, False):
        model = network("relu", "softmax", 3)
        model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
        model.use_fused_gradients = fused
        model.fit(x, y, epochs=5, batch_size=4, shuffle=False, verbose=0)
        results.append(model.get_weights())
    for fused_weights, unfused_weights in zip(*results, strict=True):
        np.testing.assert_allclose(fused_weights, unfused_weights, rtol=1e-5, atol=1e-6)


def test_gradient_check_catches_a_wrong_derivative() -> None:
    class WrongSigmoid(activations.Sigmoid):
        def backward(self, grad, z, a):
            grad *= a  # forgot the (1 − a) factor
            return grad

    set_seed(3)
    model = Sequential([Dense(3, activation=WrongSigmoid(), input_shape=(4,)), Dense(1)])
    model.compile(optimizer="sgd", loss="mse")
    x, y = data_for("mse", 1)
    report = gradient_check(model, x, y)
    assert not report.passed(1e-6)
    assert report.relative_errors[0] > 1e-2  # the first layer's kernel is wrong
    assert report.relative_errors[-1] < 1e-6  # the last layer's bias does not pass through it


def test_compute_gradients_are_aligned_with_get_weights() -> None:
    model = network("tanh", "sigmoid", 1)
    model.compile(optimizer="sgd", loss="binary_crossentropy")
    x, y = data_for("binary_crossentropy", 1)
    gradients = model.compute_gradients(x, y)
    assert [g.shape for g in gradients] == [w.shape for w in model.get_weights()]
    assert all(g.dtype == np.float32 for g in gradients)


def test_gradient_check_leaves_the_model_untouched() -> None:
    model = network("relu", "linear", 2)
    model.compile(optimizer="sgd", loss="mse")
    before = model.get_weights()
    gradient_check(model, *data_for("mse", 2))
    for old, new in zip(before, model.get_weights(), strict=True):
        np.testing.assert_array_equal(old, new)


def test_gradient_check_refuses_a_model_too_big_to_check() -> None:
    model = Sequential([Dense(512, input_shape=(784,)), Dense(10)])
    model.compile(optimizer="sgd", loss="mse")
    with pytest.raises(EngineError, match="this one has 407,050 weights"):
        gradient_check(model, np.zeros((2, 784)), np.zeros((2, 10)))


def test_gradient_check_names_each_weight_array() -> None:
    model = network("tanh", "linear", 2)
    model.compile(optimizer="sgd", loss="mse")
    report = gradient_check(model, *data_for("mse", 2))
    names = [layer.name for layer in model.layers]
    assert list(report.errors) == [f"{n}/{part}" for n in names for part in ("kernel", "bias")]
    assert "relative error" in str(report)


@pytest.mark.parametrize(
    ("loss", "units", "labels"),
    [
        (losses.BinaryCrossentropy(from_logits=True), 2, "binary_crossentropy"),
        (losses.CategoricalCrossentropy(from_logits=True), 3, "categorical_crossentropy"),
        (
            losses.SparseCategoricalCrossentropy(from_logits=True),
            3,
            "sparse_categorical_crossentropy",
        ),
        (losses.MeanAbsoluteError(), 2, "mse"),
        (losses.Huber(delta=0.5), 2, "mse"),
    ],
)
def test_new_losses_backprop_matches_finite_differences(loss, units, labels) -> None:
    model = network("tanh", "linear", units)
    model.compile(optimizer="sgd", loss=loss)
    x, y = data_for(labels, units)
    report = gradient_check(model, x, y * 3 if labels == "mse" else y)  # both Huber regimes
    assert report.passed(1e-6), f"{loss!r}:\n{report}"
