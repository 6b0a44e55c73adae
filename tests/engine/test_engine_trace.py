"""trace_step: the numbers of one real training step, checked against fit and finite differences."""

from __future__ import annotations

import numpy as np
import pytest

from tutor.engine import (
    Dense,
    EngineError,
    Sequential,
    gradient_check,
    optimizers,
    set_seed,
    trace_step,
)

XOR_X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
XOR_Y = np.array([0, 1, 1, 0])

OPTIMIZERS = {
    "sgd": lambda: optimizers.SGD(learning_rate=0.5),
    "momentum": lambda: optimizers.SGD(learning_rate=0.1, momentum=0.9, nesterov=True),
    "rmsprop": lambda: optimizers.RMSprop(learning_rate=0.01, momentum=0.5, centered=True),
    "adam": lambda: optimizers.Adam(learning_rate=0.05, amsgrad=True),
    "nadam": lambda: optimizers.Nadam(learning_rate=0.05),
}


def xor_net(optimizer="sgd", hidden="tanh", loss="binary_crossentropy", dtype=None, out="sigmoid"):
    set_seed(3)
    model = Sequential()
    if dtype is not None:
        model.dtype = np.dtype(dtype)
    model.add(Dense(2, activation=hidden, input_shape=(2,)))
    model.add(Dense(1, activation=out))
    model.build((None, 2))
    opt = OPTIMIZERS[optimizer]() if isinstance(optimizer, str) else optimizer
    model.compile(optimizer=opt, loss=loss)
    return model


def state_of(model: Sequential) -> tuple[list[np.ndarray], dict[str, np.ndarray]]:
    return model.get_weights(), model.optimizer.get_state()


def assert_same_state(a, b) -> None:
    for left, right in zip(a[0], b[0], strict=True):
        np.testing.assert_array_equal(left, right)
    assert a[1].keys() == b[1].keys()
    for key in a[1]:
        np.testing.assert_array_equal(a[1][key], b[1][key])


@pytest.mark.parametrize("name", sorted(OPTIMIZERS))
def test_the_model_is_unchanged_unless_applied(name: str) -> None:
    model = xor_net(name)
    model.fit(XOR_X, XOR_Y, batch_size=2, epochs=2, shuffle=False, verbose=0)  # slots not zero
    before = state_of(model)
    step = trace_step(model, XOR_X, XOR_Y)
    assert not step.applied and step.finite
    assert_same_state(before, state_of(model))
    assert step.iteration == model.optimizer.iterations + 1
    # and a second trace, from the same state, gives the same numbers
    again = trace_step(model, XOR_X, XOR_Y)
    for one, two in zip(step.layers, again.layers, strict=True):
        np.testing.assert_array_equal(one.update_W, two.update_W)


@pytest.mark.parametrize("name", sorted(OPTIMIZERS))
def test_apply_ends_exactly_where_one_fit_step_ends(name: str) -> None:
    traced, fitted = xor_net(name), xor_net(name)
    for _ in range(3):  # three steps in a row: the optimizer's state carries over the same way
        step = trace_step(traced, XOR_X, XOR_Y, apply=True)
        history = fitted.fit(XOR_X, XOR_Y, batch_size=4, epochs=1, shuffle=False, verbose=0)
        assert step.applied
        assert step.loss == pytest.approx(history.history["loss"][0], rel=1e-6)
        assert_same_state(state_of(traced), state_of(fitted))
    # the update is what the weights moved by
    before = traced.get_weights()
    step = trace_step(traced, XOR_X, XOR_Y, apply=True)
    after = traced.get_weights()
    np.testing.assert_allclose(after[0] - before[0], step.layers[0].update_W, atol=1e-7)
    np.testing.assert_allclose(after[3] - before[3], step.layers[1].update_b, atol=1e-7)


@pytest.mark.parametrize(
    ("hidden", "out", "loss"),
    [
        ("tanh", "sigmoid", "binary_crossentropy"),
        ("relu", "linear", "mse"),
        ("sigmoid", "tanh", "mse"),
    ],
)
def test_gradients_match_the_numerical_check(hidden: str, out: str, loss: str) -> None:
    model = xor_net("sgd", hidden=hidden, loss=loss, dtype=np.float64, out=out)
    rng = np.random.default_rng(0)
    x = rng.normal(size=(6, 2))
    y = rng.integers(0, 2, 6).astype(float)
    step = trace_step(model, x, y)
    check = gradient_check(model, x, y)
    assert check.passed(1e-6)
    traced = [g for layer in step.layers for g in (layer.dL_dW, layer.dL_db)]
    for analytic, numeric in zip(traced, check.numeric, strict=True):
        np.testing.assert_allclose(analytic, numeric, rtol=1e-5, atol=1e-8)


def test_float32_gradients_match_the_numerical_check_too() -> None:
    model = xor_net("adam")
    step = trace_step(model, XOR_X, XOR_Y)
    check = gradient_check(model, XOR_X, XOR_Y)
    traced = [g for layer in step.layers for g in (layer.dL_dW, layer.dL_db)]
    for analytic, numeric in zip(traced, check.numeric, strict=True):
        np.testing.assert_allclose(analytic, numeric, rtol=1e-3, atol=1e-6)


def test_the_layers_numbers_obey_the_chain_rule() -> None:
    model = xor_net("sgd")
    step = trace_step(model, XOR_X, XOR_Y)
    first, last = step.layers
    np.testing.assert_allclose(first.z, XOR_X @ first.W + first.b, rtol=1e-6)
    np.testing.assert_allclose(first.a, np.tanh(first.z), rtol=1e-6)
    np.testing.assert_allclose(last.x, first.a)
    # fused sigmoid + BCE: dL/dz = (a − y)/m
    np.testing.assert_allclose(last.dL_dz, (last.a - XOR_Y[:, None]) / 4, rtol=1e-6)
    np.testing.assert_allclose(last.dL_da * last.a * (1 - last.a), last.dL_dz, rtol=1e-4)
    np.testing.assert_allclose(first.dL_da, last.dL_dz @ last.W.T, rtol=1e-6)
    np.testing.assert_allclose(first.dL_dz, first.dL_da * (1 - first.a**2), rtol=1e-6)
    for layer in step.layers:
        np.testing.assert_allclose(layer.dL_dW, layer.x.T @ layer.dL_dz, rtol=1e-5, atol=1e-8)
        np.testing.assert_allclose(layer.dL_db, layer.dL_dz.sum(axis=0), rtol=1e-5, atol=1e-8)
        # plain SGD: the update is −η·g
        np.testing.assert_allclose(layer.update_W, -0.5 * layer.dL_dW, rtol=1e-5, atol=1e-7)
    assert set(first.arrays()) >= {"z", "a", "dL/da", "dL/dz", "dL/dW", "dL/db", "ΔW", "Δb"}
    assert step.as_dict()["layers"][1]["dL/dz"] is last.dL_dz


def test_adam_update_is_adams_step_not_minus_eta_g() -> None:
    model = xor_net("adam")
    step = trace_step(model, XOR_X, XOR_Y)
    layer = step.layers[0]
    # Adam's first step is about −η·sign(g), whatever the gradient's size
    big = np.abs(layer.dL_dW) > 1e-4
    np.testing.assert_allclose(layer.update_W[big], -0.05 * np.sign(layer.dL_dW[big]), rtol=1e-3)
    assert not np.allclose(layer.update_W, -0.05 * layer.dL_dW)


def test_a_non_finite_loss_stops_before_backward_like_fit() -> None:
    model = xor_net("sgd", hidden="linear", out="linear", loss="mse")
    model.set_weights([w * 1e20 for w in model.get_weights()])
    model.layers[1].kernel[...] = 1e30
    before = model.get_weights()
    step = trace_step(model, XOR_X * 1e10, XOR_Y, apply=True)
    assert not step.finite
    assert any(p.startswith("loss is") for p in step.problems), step.problems
    assert step.layers[0].dL_dW is None and step.layers[0].update_W is None
    for left, right in zip(before, model.get_weights(), strict=True):
        np.testing.assert_array_equal(left, right)


def test_a_step_that_blows_the_weights_up_says_where() -> None:
    model = xor_net(optimizers.SGD(learning_rate=1e38), hidden="linear", out="linear", loss="mse")
    step = trace_step(model, XOR_X * 100, XOR_Y * 1e6)
    assert np.isfinite(step.loss)
    assert not step.finite
    assert any("after the step" in p or "Δ" in p for p in step.problems), step.problems


def test_bad_models_get_a_clear_message() -> None:
    model = Sequential([Dense(1, input_shape=(2,))])
    with pytest.raises(EngineError, match="compiled"):
        trace_step(model, XOR_X, XOR_Y)
    with pytest.raises(EngineError, match="Sequential"):
        trace_step("model", XOR_X, XOR_Y)  # type: ignore[arg-type]
