"""The engine reports why it stopped as a code and numbers; tutor.engine_text words it in Korean
and English, so a Korean lesson or verdict never shows the engine's English sentence."""

from __future__ import annotations

import numpy as np

from tutor.engine import Dense, EarlyStopping, Perceptron, Sequential, optimizers, set_seed
from tutor.engine_text import explain, perceptron_text, stop_text


def diverging_model() -> Sequential:
    set_seed(777)
    rng = np.random.default_rng(0)
    x = rng.normal(0, 50, size=(64, 3)).astype(np.float32)
    y = x.sum(axis=1)
    model = Sequential([Dense(1, input_shape=(3,))])
    model.compile(optimizer=optimizers.SGD(learning_rate=5.0), loss="mse")
    model.fit(x, y, epochs=20, batch_size=16, verbose=0)
    return model


def test_a_nan_stop_is_a_code_with_numbers_worded_in_both_languages() -> None:
    model = diverging_model()
    assert model.stop_code == "bad_loss"
    assert model.stop_info["learning_rate"] == 5.0 and model.stop_info["epoch"] >= 1
    text = stop_text(model.stop_code, model.stop_info)
    assert text is not None
    assert "학습률 5.0" in text["ko"] and "learning rate 5.0" in text["en"]
    assert "the loss" not in text["ko"].lower()  # no English sentence inside the Korean
    assert explain(model, "ko") == text["ko"]


def test_a_model_that_ran_to_the_end_has_no_stop_code() -> None:
    set_seed(1)
    model = Sequential([Dense(1, input_shape=(1,))])
    model.compile(optimizer="sgd", loss="mse")
    model.fit(np.zeros((4, 1)), np.zeros(4), epochs=2, verbose=0)
    assert model.stop_code is None and stop_text(model.stop_code, model.stop_info) is None
    assert explain(model, "ko") and explain(model, "en") != explain(model, "ko")


def test_early_stopping_reports_its_numbers() -> None:
    set_seed(2)
    x = np.linspace(-1, 1, 32, dtype=np.float32)[:, None]
    model = Sequential([Dense(1, input_shape=(1,))])
    model.compile(optimizer=optimizers.SGD(learning_rate=1e-9), loss="mse")
    stop = EarlyStopping(monitor="loss", patience=1, min_delta=1.0)
    model.fit(x, x[:, 0], epochs=10, verbose=0, callbacks=[stop])
    assert model.stop_code == "early_stopping"
    text = stop_text(model.stop_code, model.stop_info)
    assert text is not None and "조기 종료" in text["ko"] and "Early stopping" in text["en"]


def test_a_perceptron_that_never_converges_is_explained_in_korean() -> None:
    x = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])
    perceptron = Perceptron(2, learn_threshold=False, threshold=1.0, seed=3)
    result = perceptron.fit(x, np.ones(4), max_epochs=1000)
    assert not result.converged and result.history[-1].wrong == 1  # the row (0, 0), as lesson 3
    text = perceptron_text(result)
    assert "1000바퀴" in text["ko"] and "1줄" in text["ko"]
    assert text["en"].startswith("Not converged: after 1000 passes 1 row is still wrong")
    assert text["en"] == result.explanation  # the engine's own English is the same sentence
    done = Perceptron(2, seed=3).fit(x, np.array([0, 0, 0, 1]), max_epochs=1000)
    assert done.converged and explain(done, "en") == done.explanation


def test_odd_numbers_do_not_break_the_wording() -> None:
    assert stop_text("bad_loss", {}) is not None
    assert stop_text("unknown", {"epoch": 1}) is None
