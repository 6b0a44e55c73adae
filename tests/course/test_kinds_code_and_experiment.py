"""The `code` kind (learner functions run in the sandbox, compared in the parent) and the
`experiment` kind (train with the engine under a seed, judge a stated goal)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.course.course_fixture import write_course
from tutor.course import Course, load_course
from tutor.grading import check

EXERCISES = '''
[lesson]
title = { ko = "코드", en = "Code" }
summary = { ko = "코드", en = "Code" }

[[exercise]]
id = "sigmoid"
kind = "code"
prompt = { ko = "sigmoid", en = "sigmoid" }
hints = [{ ko = "e", en = "e" }]
function = "sigmoid"
starter = """
def sigmoid(z):
    raise NotImplementedError
"""
cases = ["0.0", "np.array([-1000.0, 0.0, 1000.0])", "np.zeros((2, 3))"]
timeout_s = 2
numpy_errors = "raise"
solution = """
import numpy as np

def sigmoid(z):
    return 0.5 * (1 + np.tanh(0.5 * np.asarray(z, dtype=float)))
"""

[[exercise]]
id = "xor"
kind = "experiment"
prompt = { ko = "XOR", en = "XOR" }
hints = [{ ko = "은닉층", en = "a hidden layer" }]
solution = "hidden_layers=1 units=4 activation=tanh learning_rate=0.1"
dataset = "xor"
loss = "binary_crossentropy"
seed = 1
budget_s = 30
counterexample = ["hidden_layers=0"]
[exercise.form]
hidden_layers = [0, 1]
units = [2, 4, 8]
activation = ["relu", "tanh"]
learning_rate = { min = 0.001, max = 1.0 }
[exercise.defaults]
optimizer = "adam"
epochs = 300
batch_size = 4
[exercise.goal]
metric = "accuracy"
on = "train"
at_least = 1.0

[[exercise]]
id = "diverge"
kind = "experiment"
prompt = { ko = "발산", en = "Diverge" }
hints = [{ ko = "큰 학습률", en = "a big learning rate" }]
solution = "learning_rate=100"
dataset = "exam_scores"
loss = "mse"
output = { units = 1, activation = "linear" }
seed = 1
counterexample = ["learning_rate=0.00001"]
[exercise.form]
learning_rate = { min = 0.00001, max = 1000 }
[exercise.defaults]
hidden_layers = 0
optimizer = "sgd"
epochs = 5
batch_size = 32
[exercise.goal]
diverges = true
'''


@pytest.fixture(scope="module")
def course(tmp_path_factory: pytest.TempPathFactory) -> Course:
    return load_course(write_course(tmp_path_factory.mktemp("c") / "course", EXERCISES))


def run(course: Course, exercise_id: str, answer: str):
    exercise = course.exercise(exercise_id)
    assert exercise is not None, course.all_problems()
    return check(exercise, answer)


def test_correct_function_passes_every_case(course: Course) -> None:
    learner = "import numpy as np\ndef sigmoid(z):\n    return np.exp(-np.logaddexp(0, -z))\n"
    result = run(course, "01.sigmoid", learner)
    assert result.passed, result.message
    assert len(result.details) == 3 and all(row.ok for row in result.details)


def test_overflow_fails_when_the_exercise_makes_numpy_errors_raise(course: Course) -> None:
    learner = "import numpy as np\ndef sigmoid(z):\n    return 1 / (1 + np.exp(-np.asarray(z)))\n"
    result = run(course, "01.sigmoid", learner)
    assert result.status == "failed"
    assert "FloatingPointError: overflow encountered in exp" in result.message["en"]


def test_starter_fails_with_the_learners_exception(course: Course) -> None:
    result = run(course, "01.sigmoid", course.exercise("01.sigmoid").spec.starter)
    assert result.status == "failed"
    assert "NotImplementedError" in result.message["en"]
    assert "Case 1 of 3" in result.message["en"]


def test_wrong_sign_reports_the_first_failing_case_as_a_compact_diff(course: Course) -> None:
    learner = "import numpy as np\ndef sigmoid(z):\n    return np.exp(-np.logaddexp(0, z))\n"
    result = run(course, "01.sigmoid", learner)
    assert result.status == "failed"
    lines = [line.split() for line in result.message["en"].splitlines()]
    assert lines[0][:4] == ["Case", "2", "of", "3:"]
    assert "2 of 3 values differ (shape (3,)):" in result.message["en"]
    assert lines[2] == ["index", "expected", "got"]
    assert lines[3:] == [["[0]", "0", "1"], ["[2]", "1", "0"]]  # only the entries that differ


def test_wrong_shape_is_said_in_plain_words(course: Course) -> None:
    learner = "import numpy as np\ndef sigmoid(z):\n    return 0.5 + 0 * np.ravel(z)\n"
    result = run(course, "01.sigmoid", learner)
    assert "expected a single number, got shape (1,)" in result.message["en"]


def test_missing_return_is_named(course: Course) -> None:
    result = run(course, "01.sigmoid", "def sigmoid(z):\n    z + 1\n")
    assert "did you forget `return`" in result.message["en"]


def test_infinite_loop_times_out_with_a_clear_verdict(course: Course) -> None:
    result = run(course, "01.sigmoid", "def sigmoid(z):\n    while True:\n        pass\n")
    assert result.status == "timeout"
    assert result.message["en"] and result.message["ko"]


def test_printed_output_comes_back(course: Course) -> None:
    learner = "def sigmoid(z):\n    print('looking at', z)\n    return 0.5\n"
    assert "looking at 0.0" in run(course, "01.sigmoid", learner).output


def test_xor_needs_a_hidden_layer(course: Course) -> None:
    with_hidden = run(course, "01.xor", "hidden_layers=1 units=4 activation=tanh learning_rate=0.1")
    without = run(course, "01.xor", "hidden_layers=0 learning_rate=0.1")
    assert with_hidden.passed, with_hidden.message
    assert without.status == "failed"
    assert without.details[0].label == "train accuracy"


def test_experiment_values_outside_the_form_are_invalid(course: Course) -> None:
    result = run(course, "01.xor", "units=3")
    assert result.status == "invalid" and "Allowed: 2, 4, 8" in result.message["en"]
    result = run(course, "01.xor", "learning_rate=5")
    assert result.status == "invalid" and "0.001 … 1" in result.message["en"]
    result = run(course, "01.xor", "epochs=10")
    assert (
        result.status == "invalid"
        and "not something this experiment lets you set" in (result.message["en"])
    )


def test_a_huge_learning_rate_diverges_without_crashing(course: Course) -> None:
    result = run(course, "01.diverge", "learning_rate=100")
    assert result.passed, result.message
    assert run(course, "01.diverge", "learning_rate=0.00001").status == "failed"


def test_lint_passes_on_this_course(course: Course) -> None:
    from tutor.course.lint import lint

    assert [str(p) for p in lint(course.root)] == []


def test_lint_catches_a_check_that_accepts_the_starter(tmp_path: Path) -> None:
    from tutor.course.lint import lint

    loose = EXERCISES.replace(
        'cases = ["0.0", "np.array([-1000.0, 0.0, 1000.0])", "np.zeros((2, 3))"]', "cases = []"
    )
    root = write_course(tmp_path / "c", loose)
    problems = [str(p) for p in lint(root)]
    assert any("`cases` needs at least one" in p for p in problems)
