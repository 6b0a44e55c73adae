"""Beginner snippets from Keras's and TensorFlow's own tutorials, with only the imports changed.

The code inside each test is the tutorial's, line for line, except that the data is a
subsample (2,000 training and 500 test images) and there are fewer epochs, to stay fast.
"""

from __future__ import annotations

from functools import cache

import numpy as np
import pytest

import tutor.engine as keras  # the one changed line (was: from tensorflow import keras)
from tutor.datasets.files import mnist as load_mnist

TRAIN, TEST = 2000, 500


@cache
def mnist_subsample():
    (x_train, y_train), (x_test, y_test) = load_mnist()
    return (x_train[:TRAIN], y_train[:TRAIN]), (x_test[:TEST], y_test[:TEST])


def test_tensorflow_beginner_quickstart_flatten_dropout_from_logits(capsys) -> None:
    """tensorflow.org/tutorials/quickstart/beginner (the Keras part)."""
    keras.utils.set_random_seed(42)
    (x_train, y_train), (x_test, y_test) = mnist_subsample()
    x_train, x_test = x_train / 255.0, x_test / 255.0

    model = keras.Sequential(
        [
            keras.layers.Flatten(input_shape=(28, 28)),
            keras.layers.Dense(128, activation="relu"),
            keras.layers.Dropout(0.2),
            keras.layers.Dense(10),
        ]
    )
    predictions = model(x_train[:1])
    loss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
    first_loss = loss_fn(y_train[:1], predictions)
    model.compile(optimizer="adam", loss=loss_fn, metrics=["accuracy"])
    model.fit(x_train, y_train, epochs=2)
    loss, accuracy = model.evaluate(x_test, y_test, verbose=2)

    assert predictions.shape == (1, 10)
    assert first_loss == pytest.approx(np.log(10), abs=1.0)  # an untrained model guesses ~1/10
    assert accuracy > 0.8 and loss < first_loss, (loss, accuracy)
    printed = capsys.readouterr().out
    assert "Epoch 2/2" in printed and "accuracy" in printed


def test_keras_mnist_mlp_with_dropout_to_categorical_and_rmsprop(capsys) -> None:
    """Keras's examples/mnist_mlp.py: 784-512-512-10, Dropout(0.2), one-hot labels, RMSprop."""
    keras.utils.set_random_seed(1)
    batch_size = 128
    num_classes = 10
    epochs = 2
    (x_train, y_train), (x_test, y_test) = mnist_subsample()
    x_train = x_train.reshape(TRAIN, 784)
    x_test = x_test.reshape(TEST, 784)
    x_train = x_train.astype("float32")
    x_test = x_test.astype("float32")
    x_train /= 255
    x_test /= 255
    y_train = keras.utils.to_categorical(y_train, num_classes)
    y_test = keras.utils.to_categorical(y_test, num_classes)

    model = keras.Sequential()
    model.add(keras.layers.Dense(512, activation="relu", input_shape=(784,)))
    model.add(keras.layers.Dropout(0.2))
    model.add(keras.layers.Dense(512, activation="relu"))
    model.add(keras.layers.Dropout(0.2))
    model.add(keras.layers.Dense(num_classes, activation="softmax"))
    model.summary()
    model.compile(
        loss="categorical_crossentropy",
        optimizer=keras.optimizers.RMSprop(),
        metrics=["accuracy"],
    )
    history = model.fit(
        x_train,
        y_train,
        batch_size=batch_size,
        epochs=epochs,
        verbose=1,
        validation_data=(x_test, y_test),
    )
    score = model.evaluate(x_test, y_test, verbose=0)
    print("Test loss:", score[0])
    print("Test accuracy:", score[1])

    printed = capsys.readouterr().out
    assert "Total params: 669,706" in printed  # as Keras's summary reports it
    assert sorted(history.history) == ["accuracy", "loss", "val_accuracy", "val_loss"]
    assert score[1] > 0.8, score


def test_keras_3_style_input_then_flatten_with_metrics_names(capsys) -> None:
    """keras.Input inside Sequential, Flatten, metrics_names and evaluate(return_dict=True)."""
    keras.utils.set_random_seed(7)
    (x_train, y_train), (x_test, y_test) = mnist_subsample()
    model = keras.Sequential(
        [
            keras.Input(shape=(28, 28)),
            keras.layers.Flatten(),
            keras.layers.Dense(64, activation="relu"),
            keras.layers.Dense(10, activation="softmax"),
        ]
    )
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    model.fit(x_train / 255.0, y_train, epochs=2, batch_size=64, validation_split=0.1)
    print(model.metrics_names)
    results = model.evaluate(x_test / 255.0, y_test, return_dict=True)
    assert model.metrics_names == ["loss", "accuracy"]
    assert set(results) == {"loss", "accuracy"} and results["accuracy"] > 0.75
    assert model.input_shape == (None, 28, 28) and model.output_shape == (None, 10)
    for one_image in (x_test[0], x_test[0].reshape(-1)):
        with pytest.raises(ValueError, match=r"ONE sample.*reshape\(1, 28, 28\)"):
            model.predict(one_image)
    assert model.predict(x_test[0].reshape(1, 28, 28)).shape == (1, 10)
