"""The `code` kind's training mode (the learner writes `build_model()`, the checker trains it in
the sandbox and judges it on held-out rows) and the check that a program uses only Keras names."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.course.course_fixture import write_course
from tutor.course import Course, load_course
from tutor.exercises import training
from tutor.exercises.keras_names import foreign_names
from tutor.grading import check

EXERCISES = '''
[lesson]
title = { ko = "모델", en = "Model" }
summary = { ko = "모델", en = "Model" }

[[exercise]]
id = "gauss-model"
kind = "code"
prompt = { ko = "build_model", en = "build_model" }
hints = [{ ko = "시그모이드", en = "a sigmoid" }]
function = "build_model"
timeout_s = 20
starter = """
from tutor.engine import Dense, Sequential

def build_model():
    return Sequential([])
"""
solution = """
from tutor.engine import Dense, Sequential

def build_model():
    model = Sequential([Dense(1, activation="sigmoid", input_shape=(2,))])
    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    return model
"""
[exercise.train]
dataset = "gauss"
dataset_options = { noise = 0.1, seed = 1 }
validation = 0.4
epochs = 30
batch_size = 10
loss = "binary_crossentropy"
output_activation = "sigmoid"
goal = { metric = "val_accuracy", at_least = 0.95 }
'''

SOLUTION_BODY = """
from tutor.engine import Dense, Sequential

def build_model():
    model = Sequential([{layers}])
    {compile}
    return model
"""
GOOD_COMPILE = 'model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])'


def program(layers: str, compile_line: str = GOOD_COMPILE) -> str:
    return SOLUTION_BODY.format(layers=layers, compile=compile_line)


@pytest.fixture(scope="module")
def course(tmp_path_factory: pytest.TempPathFactory) -> Course:
    root = write_course(tmp_path_factory.mktemp("course") / "course", EXERCISES)
    return load_course(root)


def exercise(course: Course):
    return course.exercise("01.gauss-model")


def test_the_reference_model_passes_on_held_out_rows(course: Course) -> None:
    verdict = check(exercise(course), exercise(course).solution)
    assert verdict.passed, verdict.message["en"]
    labels = [row.label for row in verdict.details]
    assert "val_accuracy" in labels and "val_loss" in labels


def test_the_empty_starter_fails_with_the_engines_message(course: Course) -> None:
    verdict = check(exercise(course), exercise(course).spec.starter)
    assert not verdict.passed
    assert "no layers" in verdict.message["en"] and "Dense" in verdict.message["ko"]


def test_a_wrong_output_activation_is_named(course: Course) -> None:
    answer = program('Dense(1, activation="relu", input_shape=(2,))')
    verdict = check(exercise(course), answer)
    assert not verdict.passed
    assert "relu" in verdict.message["en"] and "sigmoid" in verdict.message["en"]
    assert "relu" in verdict.message["ko"]


def test_a_wrong_loss_is_named(course: Course) -> None:
    compile_line = 'model.compile(optimizer="adam", loss="mse")'
    verdict = check(exercise(course), program('Dense(1, activation="sigmoid")', compile_line))
    assert not verdict.passed and "binary_crossentropy" in verdict.message["en"]


def test_an_uncompiled_model_and_a_non_model_are_explained(course: Course) -> None:
    verdict = check(exercise(course), program('Dense(1, activation="sigmoid")', "pass"))
    assert not verdict.passed and "not compiled" in verdict.message["en"]
    verdict = check(exercise(course), "def build_model():\n    return 42\n")
    assert not verdict.passed and "int" in verdict.message["en"]


def test_too_many_outputs_are_refused_with_the_shape(course: Course) -> None:
    verdict = check(exercise(course), program('Dense(3, activation="sigmoid")', "pass"))
    assert not verdict.passed


def test_a_model_that_learns_nothing_misses_the_validation_goal(course: Course) -> None:
    compile_line = (
        "from tutor.engine import optimizers\n    model.compile("
        "optimizer=optimizers.SGD(learning_rate=1e-7), loss='binary_crossentropy')"
    )
    verdict = check(exercise(course), program('Dense(1, activation="sigmoid")', compile_line))
    assert not verdict.passed
    goal = next(row for row in verdict.details if row.label == "val_accuracy")
    assert not goal.ok


def test_the_child_never_receives_the_held_out_labels(course: Course) -> None:
    spec = exercise(course).spec.train
    x_fit, y_fit, x_val, settings = training.job_arguments(spec, "build_model")
    _, _, _, y_val = training.data(spec)
    assert len(x_fit) == len(y_fit) and len(x_val) == len(y_val) > 0
    assert set(settings) == {"function", "seed", "epochs", "batch_size", "compile"}


def test_a_program_faking_predictions_cannot_know_the_labels(course: Course) -> None:
    cheat = """
def __tutor_train__(x, y, x_val, settings):
    import numpy as np
    return {"loss": [0.1], "predictions": np.ones((len(x_val), 1)), "layers": [],
            "params": 1, "loss_name": "binary_crossentropy"}

def build_model():
    return None
"""
    verdict = check(exercise(course), cheat)
    assert not verdict.passed  # the parent scores against labels the child never had


@pytest.mark.parametrize(
    ("source", "name"),
    [
        ("from tutor.engine import Dense, set_seed\n", "set_seed"),
        ("from tutor.engine import Perceptron\n", "Perceptron"),
        ("from tutor.engine.gradcheck import gradient_check\n", "tutor.engine.gradcheck"),
        ("import tutor.engine.seeding\n", "tutor.engine.seeding"),
        ("print(model.stop_reason)\n", ".stop_reason"),
        ('Dense(1, activation="step")\n', 'activation="step"'),
        ('model.compile(optimizer="momentum", loss="mse")\n', 'optimizer="momentum"'),
        ("optimizers.Momentum(0.1)\n", "optimizers.Momentum"),
    ],
)
def test_names_keras_does_not_have_are_found(source: str, name: str) -> None:
    found = foreign_names(source)
    assert [f.name for f in found] == [name]
    assert found[0].line == 1 and "Keras" in found[0].message["en"] and found[0].message["ko"]


def test_portable_programs_have_no_foreign_names() -> None:
    source = """
from tutor.engine import Dense, Flatten, Sequential, optimizers, LambdaCallback, set_random_seed
from tutor.engine.layers import Dense as D

model = Sequential([Dense(8, activation="relu", input_dim=8), D(1, activation="sigmoid")])
model.compile(optimizer=optimizers.Adam(learning_rate=0.01), loss="binary_crossentropy")
model.fit(x, y, epochs=1, callbacks=[LambdaCallback(on_batch_end=print)])
"""
    assert foreign_names(source) == []
    assert foreign_names("def broken(:\n") == []  # the sandbox reports syntax errors


def test_a_foreign_name_fails_the_check_before_anything_runs(course: Course) -> None:
    answer = exercise(course).solution.replace(
        "import Dense, Sequential", "import Dense, Sequential, set_seed"
    )
    verdict = check(exercise(course), answer)
    assert not verdict.passed and "set_seed" in verdict.message["en"]
    assert "set_random_seed" in verdict.message["en"]


def test_lint_passes_on_this_course(course: Course, tmp_path: Path) -> None:
    from tutor.course.lint import lint_exercise

    assert lint_exercise(exercise(course)) == []
