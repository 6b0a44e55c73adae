"""Sequential: building, the Keras workflow, callbacks, stopping, saving and clear errors."""

from __future__ import annotations

import numpy as np
import pytest

from tutor.engine import (
    Callback,
    Dense,
    EarlyStopping,
    EngineError,
    LambdaCallback,
    Sequential,
    load_model,
    optimizers,
    set_seed,
)

RNG = np.random.default_rng(2024)
X = RNG.normal(size=(40, 3)).astype(np.float32)
Y_BINARY = (X[:, 0] + X[:, 1] > 0).astype(int)
Y_REGRESSION = X @ np.array([1.0, -2.0, 0.5]) + 0.3


def binary_model(seed: int = 1, metrics=("accuracy",)) -> Sequential:
    set_seed(seed)
    model = Sequential(
        [Dense(4, activation="relu", input_shape=(3,)), Dense(1, activation="sigmoid")]
    )
    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=list(metrics))
    return model


# ---- building ----------------------------------------------------------------------------


def test_weights_exist_as_soon_as_the_input_shape_is_known() -> None:
    model = Sequential([Dense(12, input_dim=8, activation="relu"), Dense(1)])
    shapes = [w.shape for w in model.get_weights()]
    assert shapes == [(8, 12), (12,), (12, 1), (1,)]
    assert model.count_params() == 8 * 12 + 12 + 12 + 1


def test_a_model_without_input_shape_is_built_by_its_first_fit() -> None:
    model = Sequential()
    model.add(Dense(2, activation="tanh"))
    model.add(Dense(1))
    assert model.get_weights() == []
    model.compile(optimizer="sgd", loss="mse")
    model.fit(X, Y_REGRESSION, epochs=1, verbose=0)
    assert [w.shape for w in model.get_weights()] == [(3, 2), (2,), (2, 1), (1,)]


def test_biases_start_at_zero_and_kernels_are_small() -> None:
    model = binary_model()
    kernel, bias, _, _ = model.get_weights()
    assert not bias.any()
    assert np.abs(kernel).max() <= np.sqrt(6 / (3 + 4))


def test_get_weights_returns_copies_and_set_weights_copies_in() -> None:
    model = binary_model()
    weights = model.get_weights()
    weights[0][...] = 7.0
    assert not (model.get_weights()[0] == 7.0).any()
    model.set_weights(weights)
    assert (model.layers[0].kernel == 7.0).all()
    assert model.layers[0].kernel.dtype == np.float32


def test_set_weights_with_wrong_shapes_says_what_it_expected() -> None:
    model = binary_model()
    with pytest.raises(EngineError, match=r"expects 4 arrays of shapes \[\(3, 4\), \(4,\)"):
        model.set_weights([np.zeros((3, 4))])


def test_summary_lists_layers_output_shapes_and_parameter_counts() -> None:
    model = Sequential(
        [Dense(12, input_dim=8, activation="relu"), Dense(8, activation="relu"), Dense(1)],
        name="pima",
    )
    lines: list[str] = []
    assert model.summary(print_fn=lines.append) is None
    text = "\n".join(lines)
    assert 'Model: "pima"' in text
    assert "(None, 12)" in text and "108" in text and "104" in text
    assert "Total params: 221 (884.00 B)" in text


# ---- errors a learner can make -----------------------------------------------------------


def test_x_with_the_wrong_number_of_features_is_refused_clearly() -> None:
    model = Sequential([Dense(12, input_dim=8, activation="relu"), Dense(1)])
    model.compile(optimizer="adam", loss="mse")
    with pytest.raises(
        EngineError,
        match=r"Dense layer 1 expects inputs with 8 features, got x with shape \(700, 9\)",
    ):
        model.fit(np.zeros((700, 9)), np.zeros(700), verbose=0)


def test_images_must_be_flattened_first() -> None:
    model = Sequential([Dense(10, input_shape=(784,))])
    with pytest.raises(EngineError, match=r"x.reshape\(len\(x\), -1\) gives shape \(5, 784\)"):
        model.predict(np.zeros((5, 28, 28)))


def test_a_single_column_must_be_a_column() -> None:
    model = Sequential([Dense(1, input_shape=(1,))])
    with pytest.raises(EngineError, match=r"x.reshape\(-1, 1\)"):
        model.predict(np.arange(5.0))


def test_x_and_y_must_have_the_same_number_of_rows() -> None:
    with pytest.raises(EngineError, match="x has 40 rows but y has 39"):
        binary_model().fit(X, Y_BINARY[:39], verbose=0)


def test_missing_values_in_x_are_refused() -> None:
    x = X.copy()
    x[3, 1] = np.nan
    with pytest.raises(EngineError, match="x contains 1 missing or infinite value"):
        binary_model().fit(x, Y_BINARY, verbose=0)


def test_fit_before_compile_says_to_compile() -> None:
    model = Sequential([Dense(1, input_shape=(3,))])
    with pytest.raises(EngineError, match=r"model.compile\("):
        model.fit(X, Y_REGRESSION, verbose=0)


def test_a_second_input_shape_that_contradicts_the_first_layer_is_refused() -> None:
    model = Sequential([Dense(4, input_shape=(3,))])
    with pytest.raises(EngineError, match="given 5 inputs, but the layer before it has 4 units"):
        model.add(Dense(1, input_dim=5))


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"optimizer": "adamm", "loss": "mse"}, "Unknown optimizer 'adamm'.*adam"),
        ({"optimizer": "adam", "loss": "mae_loss"}, "Unknown loss 'mae_loss'.*mean_squared_error"),
    ],
)
def test_unknown_compile_names_list_what_exists(settings, message) -> None:
    with pytest.raises(EngineError, match=message):
        Sequential([Dense(1, input_shape=(3,))]).compile(**settings)


def test_unknown_metric_names_list_what_exists() -> None:
    model = Sequential([Dense(1, input_shape=(3,))])
    model.compile(optimizer="adam", loss="mse", metrics=["precision"])
    with pytest.raises(EngineError, match=r"Unknown metric 'precision'.*accuracy"):
        model.fit(X, Y_REGRESSION, verbose=0)


def test_bad_dense_arguments_are_refused() -> None:
    with pytest.raises(EngineError, match="units >= 1"):
        Dense(0)
    with pytest.raises(EngineError, match=r"input_shape must look like \(n,\)"):
        Dense(3, input_shape=(28, 28))


# ---- predict, evaluate and fit -----------------------------------------------------------


def test_predict_gives_float32_rows_of_outputs() -> None:
    predictions = binary_model().predict(X.astype(np.float64), batch_size=7)
    assert predictions.shape == (40, 1)
    assert predictions.dtype == np.float32
    assert ((predictions > 0) & (predictions < 1)).all()


def test_evaluate_gives_the_loss_alone_or_with_the_metrics() -> None:
    plain = binary_model(metrics=())
    assert isinstance(plain.evaluate(X, Y_BINARY), float)
    loss, accuracy = binary_model().evaluate(X, Y_BINARY, batch_size=7)
    assert loss > 0 and 0 <= accuracy <= 1
    assert isinstance(accuracy, float)


def test_history_has_one_entry_per_epoch_under_the_names_written() -> None:
    for written in ("accuracy", "acc"):
        history = binary_model(metrics=(written,)).fit(X, Y_BINARY, epochs=3, verbose=0)
        assert sorted(history.history) == sorted(["loss", written])
        assert len(history.history["loss"]) == 3
        assert history.epoch == [0, 1, 2]
        assert history.stop_reason is None


def test_the_epoch_loss_weighs_each_batch_by_its_size() -> None:
    """With a vanishing learning rate the weights stay put, so the mean over batches of 16, 16
    and 8 rows must equal the loss over all 40 rows (an unweighted mean would not)."""
    model = binary_model()
    model.optimizer = optimizers.SGD(learning_rate=1e-12)
    history = model.fit(X, Y_BINARY, batch_size=16, shuffle=False, epochs=1, verbose=0)
    loss, accuracy = model.evaluate(X, Y_BINARY)
    assert history.history["loss"][0] == pytest.approx(loss, rel=1e-6)
    assert history.history["accuracy"][0] == pytest.approx(accuracy)


def test_training_stays_in_float32() -> None:
    model = binary_model()
    model.fit(X.astype(np.float64), Y_BINARY, epochs=2, verbose=0)
    assert all(w.dtype == np.float32 for w in model.get_weights())


def test_labels_shaped_n_and_n_by_1_train_the_same_for_regression() -> None:
    histories = []
    for y in (Y_REGRESSION, Y_REGRESSION.reshape(-1, 1)):
        set_seed(5)
        model = Sequential([Dense(1, input_shape=(3,))])
        model.compile(optimizer="sgd", loss="mse")
        histories.append(model.fit(X, y, epochs=4, batch_size=8, verbose=0).history["loss"])
    assert histories[0] == histories[1]


def test_accuracy_is_categorical_for_one_hot_labels() -> None:
    set_seed(2)
    model = Sequential([Dense(3, activation="softmax", input_shape=(3,))])
    model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])
    labels = np.argmax(X, axis=1)
    _, accuracy = model.evaluate(X, np.eye(3)[labels])
    predicted = model.predict(X).argmax(axis=1)
    assert accuracy == pytest.approx(np.mean(predicted == labels))


def test_validation_split_holds_out_the_last_rows() -> None:
    model = binary_model()
    model.optimizer = optimizers.SGD(learning_rate=1e-12)
    history = model.fit(X, Y_BINARY, validation_split=0.25, epochs=2, verbose=0)
    assert sorted(history.history) == ["accuracy", "loss", "val_accuracy", "val_loss"]
    loss, accuracy = model.evaluate(X[30:], Y_BINARY[30:])
    assert history.history["val_loss"][-1] == pytest.approx(loss, rel=1e-6)
    assert history.history["val_accuracy"][-1] == pytest.approx(accuracy)


def test_validation_data_gives_val_keys() -> None:
    history = binary_model().fit(
        X[:30], Y_BINARY[:30], validation_data=(X[30:], Y_BINARY[30:]), epochs=2, verbose=0
    )
    assert len(history.history["val_loss"]) == 2
    assert len(history.history["val_accuracy"]) == 2


def test_a_validation_split_that_leaves_nothing_is_refused() -> None:
    with pytest.raises(EngineError, match="leaves no rows"):
        binary_model().fit(X[:2], Y_BINARY[:2], validation_split=0.6, verbose=0)


def test_set_seed_makes_a_shuffled_run_repeat_exactly() -> None:
    runs = []
    for _ in range(2):
        model = binary_model(seed=42)
        history = model.fit(X, Y_BINARY, epochs=5, batch_size=8, verbose=0)
        runs.append((history.history["loss"], model.get_weights()))
    assert runs[0][0] == runs[1][0]
    for a, b in zip(runs[0][1], runs[1][1], strict=True):
        np.testing.assert_array_equal(a, b)


def test_different_seeds_start_from_different_weights() -> None:
    a, b = binary_model(seed=1).get_weights()[0], binary_model(seed=2).get_weights()[0]
    assert not np.array_equal(a, b)


def test_fit_goes_on_from_where_it_stopped() -> None:
    model = binary_model()
    model.fit(X, Y_BINARY, epochs=2, verbose=0)
    assert model.optimizer.iterations == 4  # 2 epochs of 2 batches (32 + 8 rows)
    history = model.fit(X, Y_BINARY, epochs=5, initial_epoch=3, verbose=0)
    assert history.epoch == [3, 4]


# ---- stopping ----------------------------------------------------------------------------


def test_a_huge_learning_rate_stops_training_with_a_plain_reason() -> None:
    set_seed(0)
    model = Sequential([Dense(1, input_shape=(3,))])
    model.compile(optimizer=optimizers.SGD(learning_rate=10.0), loss="mse")
    history = model.fit(X * 100, Y_REGRESSION, epochs=50, batch_size=40, verbose=0)
    losses = history.history["loss"]
    assert len(losses) < 50
    assert all(np.isfinite(losses[:-1])) and not np.isfinite(losses[-1])
    reason = history.stop_reason
    assert reason == model.stop_reason
    assert f"at epoch {len(losses)}, batch 1" in reason
    assert "the learning rate 10.0 is probably too high" in reason
    assert all(np.isfinite(w).all() for w in model.get_weights())


def test_the_stop_reason_is_printed_when_verbose(capsys) -> None:
    set_seed(0)
    model = Sequential([Dense(1, input_shape=(3,))])
    model.compile(optimizer=optimizers.SGD(learning_rate=10.0), loss="mse")
    model.fit(X * 100, Y_REGRESSION, epochs=50, batch_size=40, verbose=2)
    assert "the loss became" in capsys.readouterr().err


def test_a_callback_can_stop_training_within_a_batch() -> None:
    class StopAtThirdBatch(Callback):
        def on_batch_end(self, batch, logs=None):
            self.batches_seen = batch + 1
            if batch == 2:
                self.model.stop_training = True

    stopper = StopAtThirdBatch()
    model = binary_model()
    history = model.fit(X, Y_BINARY, epochs=10, batch_size=4, callbacks=[stopper], verbose=0)
    assert stopper.batches_seen == 3
    assert model.optimizer.iterations == 3
    assert len(history.history["loss"]) == 1
    assert history.stop_reason == (
        "training was stopped on request (model.stop_training = True) at epoch 1, batch 3"
    )


def test_batch_logs_are_running_means_of_the_epoch() -> None:
    seen: list[dict] = []
    model = binary_model()
    history = model.fit(
        X,
        Y_BINARY,
        epochs=1,
        batch_size=16,
        callbacks=[LambdaCallback(on_batch_end=lambda batch, logs: seen.append(dict(logs)))],
        verbose=0,
    )
    assert len(seen) == 3
    assert seen[-1] == {k: v[0] for k, v in history.history.items()}


def test_callbacks_see_every_epoch_and_the_model() -> None:
    class Recorder(Callback):
        def on_train_begin(self, logs=None):
            self.events = ["begin"]

        def on_epoch_end(self, epoch, logs=None):
            self.events.append((epoch, round(logs["loss"], 6), self.model is model))

        def on_train_end(self, logs=None):
            self.events.append("end")

    recorder = Recorder()
    model = binary_model()
    history = model.fit(X, Y_BINARY, epochs=2, callbacks=[recorder], verbose=0)
    assert recorder.events[0] == "begin" and recorder.events[-1] == "end"
    assert [e[0] for e in recorder.events[1:-1]] == [0, 1]
    assert all(e[2] for e in recorder.events[1:-1])
    assert [e[1] for e in recorder.events[1:-1]] == [round(v, 6) for v in history.history["loss"]]


def test_early_stopping_restores_the_best_weights() -> None:
    model = binary_model()
    model.optimizer = optimizers.SGD(learning_rate=5.0)  # too high: validation loss wobbles
    stopper = EarlyStopping(monitor="val_loss", patience=2, restore_best_weights=True)
    history = model.fit(
        X, Y_BINARY, validation_split=0.25, epochs=200, callbacks=[stopper], verbose=0
    )
    val_losses = history.history["val_loss"]
    assert len(val_losses) < 200
    assert "early stopping" in history.stop_reason
    best = min(val_losses)
    assert model.evaluate(X[30:], Y_BINARY[30:])[0] == pytest.approx(best, rel=1e-5)


# ---- output ------------------------------------------------------------------------------


def test_verbose_1_prints_keras_style_epoch_lines(capsys) -> None:
    binary_model().fit(X, Y_BINARY, epochs=2, batch_size=16, verbose=1)
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Epoch 1/2"
    assert lines[1].startswith("3/3 ━━━━━━━━━━━━━━━━━━━━ ")
    assert "/step - accuracy: " in lines[1] and " - loss: " in lines[1]
    assert lines[2] == "Epoch 2/2"


def test_verbose_2_prints_one_line_per_epoch(capsys) -> None:
    binary_model().fit(X, Y_BINARY, epochs=3, verbose=2)
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3
    assert all(line.startswith("2/2 - ") and " - loss: " in line for line in lines)


def test_verbose_0_prints_nothing(capsys) -> None:
    binary_model().fit(X, Y_BINARY, epochs=3, verbose=0)
    assert capsys.readouterr() == ("", "")


# ---- saving ------------------------------------------------------------------------------


def test_a_saved_model_predicts_identically_after_loading(tmp_path) -> None:
    model = binary_model()
    model.fit(X, Y_BINARY, epochs=3, verbose=0)
    path = tmp_path / "model.npz"
    model.save(path)
    loaded = load_model(path)
    np.testing.assert_array_equal(loaded.predict(X), model.predict(X))
    assert [layer.activation.name for layer in loaded.layers] == ["relu", "sigmoid"]
    assert loaded.evaluate(X, Y_BINARY) == model.evaluate(X, Y_BINARY)


def test_a_loaded_model_goes_on_training_exactly_as_the_original(tmp_path) -> None:
    model = binary_model()
    model.fit(X, Y_BINARY, epochs=2, shuffle=False, verbose=0)
    model.save(tmp_path / "halfway.keras")
    loaded = load_model(tmp_path / "halfway.keras")
    model.fit(X, Y_BINARY, epochs=2, shuffle=False, verbose=0)
    loaded.fit(X, Y_BINARY, epochs=2, shuffle=False, verbose=0)
    for a, b in zip(model.get_weights(), loaded.get_weights(), strict=True):
        np.testing.assert_array_equal(a, b)


def test_loading_a_file_that_is_not_a_model_says_so(tmp_path) -> None:
    path = tmp_path / "notes.npz"
    path.write_text("hello")
    with pytest.raises(EngineError, match="is not a model saved by tutor's engine"):
        load_model(path)
    with pytest.raises(EngineError, match="There is no model file"):
        load_model(tmp_path / "missing.npz")


def test_engine_errors_are_value_errors() -> None:
    with pytest.raises(ValueError, match="Dense layer 1 expects inputs with 3 features"):
        binary_model().predict(np.zeros((2, 4)))
