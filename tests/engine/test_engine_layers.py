"""Input, Flatten, Dropout and Activation: shapes, Keras's behaviour, backprop and the model API."""

from __future__ import annotations

import numpy as np
import pytest

from tutor.engine import (
    KERAS_NAMES,
    Activation,
    Dense,
    Dropout,
    EngineError,
    Flatten,
    Input,
    InputLayer,
    Sequential,
    gradient_check,
    keras_names,
    set_seed,
    utils,
)


def images(rows: int = 6, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    return rng.normal(size=(rows, 3, 4)), rng.integers(0, 3, rows)


def test_flatten_with_input_shape_builds_the_model_as_keras() -> None:
    model = Sequential([Flatten(input_shape=(28, 28)), Dense(128, activation="relu"), Dense(10)])
    assert model.built
    assert model.input_shape == (None, 28, 28)
    assert model.output_shape == (None, 10)
    assert [layer.output_shape for layer in model.layers] == [(None, 784), (None, 128), (None, 10)]
    assert model.count_params() == 784 * 128 + 128 + 128 * 10 + 10


def test_keras_input_inside_sequential_is_not_a_layer() -> None:
    model = Sequential([Input(shape=(28, 28)), Flatten(), Dense(10, activation="softmax")])
    assert [type(layer).__name__ for layer in model.layers] == ["Flatten", "Dense"]
    assert model.input_shape == (None, 28, 28)
    assert Input(batch_shape=(None, 3, 4)).shape == (3, 4)  # Keras 3's other spelling
    assert InputLayer(input_shape=(5,)).shape == (5,)  # Keras 2's
    with pytest.raises(EngineError, match=r"Input.*must come first"):
        Sequential([Dense(3, input_shape=(2,)), Input(shape=(3,))])


def test_summary_lists_the_new_layers_with_their_shapes_and_counts() -> None:
    model = Sequential(
        [
            Input(shape=(28, 28)),
            Flatten(name="flatten"),
            Dense(512, activation="relu", name="dense"),
            Dropout(0.2, name="dropout"),
            Dense(10, name="dense_1"),
            Activation("softmax", name="activation"),
        ]
    )
    lines: list[str] = []
    model.summary(print_fn=lines.append)
    text = "\n".join(lines)
    for row in (
        ("flatten (Flatten)", "(None, 784)", " 0 "),
        ("dense (Dense)", "(None, 512)", "401,920"),
        ("dropout (Dropout)", "(None, 512)", " 0 "),
        ("activation (Activation)", "(None, 10)", " 0 "),
    ):
        line = next(line for line in lines if row[0] in line)
        assert row[1] in line and row[2] in line, line
    assert "Total params: 407,050" in text


def test_flatten_then_dense_computes_exactly_what_reshaped_data_does() -> None:
    x, y = images()
    set_seed(4)
    flat = Sequential([Flatten(input_shape=(3, 4)), Dense(5, activation="tanh"), Dense(3)])
    plain = Sequential([Dense(5, activation="tanh", input_shape=(12,)), Dense(3)])
    plain.set_weights(flat.get_weights())
    for model in (flat, plain):
        model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    flat.fit(x, y, epochs=3, batch_size=4, shuffle=False, verbose=0)
    plain.fit(x.reshape(len(x), -1), y, epochs=3, batch_size=4, shuffle=False, verbose=0)
    for a, b in zip(flat.get_weights(), plain.get_weights(), strict=True):
        np.testing.assert_array_equal(a, b)


def test_dropout_is_active_in_fit_only_with_inverted_scaling() -> None:
    layer = Dropout(0.25, seed=3)
    layer.build((1000,))
    x = np.ones((20, 1000), np.float32)
    np.testing.assert_array_equal(layer.forward(x), x)  # predict / evaluate: untouched
    out = layer.forward(x, training=True)
    assert set(np.unique(out)) == {0.0, np.float32(1 / 0.75)}
    assert np.mean(out == 0) == pytest.approx(0.25, abs=0.01)
    grad = layer.backward(np.ones_like(x))
    np.testing.assert_array_equal(grad, out)  # the same mask and scale on the way back


def test_dropout_repeats_under_a_seed_and_differs_without() -> None:
    x = np.ones((4, 50), np.float32)

    def mask(seed_layer: int | None, global_seed: int) -> np.ndarray:
        set_seed(global_seed)
        layer = Dropout(0.5, seed=seed_layer)
        layer.build((50,))
        return layer.forward(x, training=True)

    np.testing.assert_array_equal(mask(None, 1), mask(None, 1))
    assert not np.array_equal(mask(None, 1), mask(None, 2))
    np.testing.assert_array_equal(mask(7, 1), mask(7, 2))  # its own seed wins


def test_dropout_rejects_a_rate_outside_0_to_1() -> None:
    for rate in (1.0, -0.1, "half"):
        with pytest.raises(EngineError, match="Dropout rate"):
            Dropout(rate)


def test_an_activation_layer_after_a_linear_dense_layer_equals_the_dense_activation() -> None:
    x, y = images()
    x = x.reshape(len(x), -1)
    set_seed(5)
    split = Sequential([Dense(3, input_shape=(12,)), Activation("softmax")])
    joined = Sequential([Dense(3, activation="softmax", input_shape=(12,))])
    joined.set_weights(split.get_weights())
    for model in (split, joined):
        model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy")
        model.fit(x, y, epochs=2, batch_size=3, shuffle=False, verbose=0)
    for a, b in zip(split.get_weights(), joined.get_weights(), strict=True):
        np.testing.assert_allclose(a, b, rtol=1e-6)


@pytest.mark.parametrize("training", [False, True])
def test_backprop_through_every_new_layer_matches_finite_differences(training: bool) -> None:
    x, y = images()
    set_seed(9)
    model = Sequential(
        [
            Input(shape=(3, 4)),
            Flatten(),
            Dropout(0.3, seed=1),
            Dense(5),
            Activation("tanh"),
            Dropout(0.5, seed=2),
            Dense(3),
            Activation("softmax"),
        ]
    )
    model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy")
    report = gradient_check(model, x, y, training=training)
    assert report.passed(1e-6), str(report)
    assert list(report.errors) == [
        f"{model.layers[i].name}/{part}" for i in (2, 5) for part in ("kernel", "bias")
    ]


def test_the_check_notices_a_wrong_flatten_backward() -> None:
    class Scrambled(Flatten):
        def backward(self, grad, input_gradient=True):
            return grad[:, ::-1].reshape(self._input_batch_shape)

    x, y = images()
    model = Sequential([Dense(4, input_shape=(12,)), Scrambled(), Dense(3, activation="softmax")])
    model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy")
    assert not gradient_check(model, x.reshape(len(x), -1), y).passed(1e-6)


def test_metrics_names_input_and_output_shape() -> None:
    model = Sequential([Dense(4, input_shape=(8,)), Dense(1, activation="sigmoid")])
    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    assert model.metrics_names == ["loss", "accuracy"]
    assert (model.input_shape, model.output_shape) == ((None, 8), (None, 1))


def test_shapes_of_a_model_without_an_input_shape_come_from_the_first_data() -> None:
    model = Sequential([Flatten(), Dense(2)])
    with pytest.raises(EngineError, match="does not know its input shape"):
        _ = model.input_shape
    model.predict(np.zeros((3, 2, 5)))
    assert model.input_shape == (None, 2, 5)
    assert model.layers[1].kernel.shape == (10, 2)


def test_images_into_a_flatten_model_of_the_wrong_size_get_a_clear_message() -> None:
    model = Sequential([Flatten(input_shape=(28, 28)), Dense(10)])
    with pytest.raises(EngineError, match=r"expects samples of shape \(28, 28\).*\(5, 8, 8\)"):
        model.predict(np.zeros((5, 8, 8)))


def test_dense_after_images_says_to_flatten() -> None:
    with pytest.raises(EngineError, match=r"Flatten\(input_shape=\(28, 28\)\)"):
        Sequential([Dense(3, input_shape=(28, 28))])


def test_to_categorical_as_keras() -> None:
    np.testing.assert_array_equal(
        utils.to_categorical([0, 2, 1]), [[1, 0, 0], [0, 0, 1], [0, 1, 0]]
    )
    assert utils.to_categorical(np.array([[1], [0]]), num_classes=4).shape == (2, 4)
    assert utils.to_categorical([1]).dtype == np.float32
    with pytest.raises(EngineError, match="num_classes=2 but a label is 3"):
        utils.to_categorical([3], num_classes=2)


def test_set_random_seed_repeats_weights_and_numpy() -> None:
    utils.set_random_seed(12)
    first = (Sequential([Dense(3, input_shape=(2,))]).get_weights()[0], np.random.rand())
    utils.set_random_seed(12)
    second = (Sequential([Dense(3, input_shape=(2,))]).get_weights()[0], np.random.rand())
    np.testing.assert_array_equal(first[0], second[0])
    assert first[1] == second[1]


def test_every_keras_name_is_offered() -> None:
    import tutor.engine as engine

    assert keras_names() == sorted(KERAS_NAMES)
    for dotted in KERAS_NAMES:
        target = engine
        for part in dotted.split("."):
            target = getattr(target, part, None)
            assert target is not None, f"{dotted} is listed but tutor.engine has no {part}"
