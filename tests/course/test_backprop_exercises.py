"""Lessons 09 and 10 as a learner meets them: code checked through probes (our checking code run
in the sandbox against the learner's module), with feedback that names the wrong gradient."""

from __future__ import annotations

import pytest

from tutor.course import Course, load_course
from tutor.grading import check
from tutor.sandbox import Call, run_functions


@pytest.fixture(scope="module")
def course() -> Course:
    return load_course()


def solution(course: Course, exercise_id: str) -> str:
    exercise = course.exercise(exercise_id)
    assert exercise is not None, exercise_id
    return exercise.solution


def answer(course: Course, exercise_id: str, old: str, new: str) -> str:
    """The reference solution with one line changed, as a learner's mistake."""
    text = solution(course, exercise_id)
    assert old in text, old
    return text.replace(old, new)


def test_a_missing_one_over_m_written_another_way_gets_the_known_message(course) -> None:
    exercise = course.exercise("09.backward")
    learner = answer(course, "09.backward", "dZ2 = (A2 - Y) / m  # (m, 1)", "dZ2 = (A2 - Y) * 1")
    verdict = check(exercise, learner)
    text = verdict.message["en"]
    assert not verdict.passed
    assert text.startswith("All four gradients are exactly m times too large")
    assert "backward: dW1:" in text and "exactly 4 times" in text and "m = 4" in text
    assert "Traceback" not in text


def test_a_crash_names_the_learners_line_and_the_shapes_of_the_case(course) -> None:
    exercise = course.exercise("09.backward")
    learner = answer(course, "09.backward", "dW1 = X.T @ dZ1  # (n, k)", "dW1 = X @ dZ1")
    text = check(exercise, learner).message["ko"]
    assert 'File "learner.py"' in text and "dW1 = X @ dZ1" in text
    assert "이 사례의 입력: X (4, 3), Y (4, 1), W1 (3, 5)" in text
    assert "probe" not in text and "runner" not in text  # no frame of ours


def test_a_wrong_numerical_gradient_is_reported_before_backward(course) -> None:
    exercise = course.exercise("09.backward")
    learner = answer(course, "09.backward", "(above - below) / (2 * eps)", "(above - below) / eps")
    text = check(exercise, learner).message["en"]
    assert text.splitlines()[1].startswith("numerical_gradient: dW1:")
    assert "exactly 2 times" in text


def test_backward_checked_against_the_learners_own_numerical_gradient_passes(course) -> None:
    exercise = course.exercise("09.backward")
    # Another correct way to write both functions: it must pass too.
    learner = """import numpy as np


def numerical_gradient(f, w, eps=1e-5):
    grad = np.zeros(w.shape)
    flat, out = w.reshape(-1), grad.reshape(-1)
    for i in range(flat.size):
        keep = flat[i]
        flat[i] = keep + eps
        up = f()
        flat[i] = keep - eps
        out[i] = (up - f()) / (2 * eps)
        flat[i] = keep
    return grad


def backward(X, Y, W1, b1, W2, b2):
    Z1 = X @ W1 + b1
    A1 = np.where(Z1 > 0, Z1, 0.0)
    A2 = 1 / (1 + np.exp(-(A1 @ W2 + b2)))
    dZ2 = (A2 - Y) / X.shape[0]
    dZ1 = dZ2 @ W2.T * (Z1 > 0)
    return X.T @ dZ1, np.sum(dZ1, axis=0), A1.T @ dZ2, np.sum(dZ2, axis=0)
"""
    verdict = check(exercise, learner)
    assert verdict.passed, verdict.message["en"]


def test_train_xor_is_judged_in_the_parent_by_what_the_weights_do(course) -> None:
    exercise = course.exercise("09.train-xor")
    learner = answer(course, "09.train-xor", "return W1, b1, W2, b2\n", "return W1.T, b1, W2, b2\n")
    text = check(exercise, learner).message["en"]
    assert "The shapes do not fit: W1 (8, 2)" in text


def test_autograd_backward_names_the_first_wrong_node(course) -> None:
    exercise = course.exercise("10.backward")
    learner = answer(
        course, "10.backward", "parent.grad += slope * node.grad", "parent.grad += node.grad"
    )
    text = check(exercise, learner).message["en"]
    assert "Case 1 of 5" in text and "s.grad (s = ab + c): The value is wrong" in text


def test_the_neuron_is_held_against_the_engine(course) -> None:
    exercise = course.exercise("10.neuron")
    learner = answer(
        course, "10.neuron", "(other.data, self.data))", "(self.data, other.data))"
    )  # the Value's product with its local derivatives swapped
    text = check(exercise, learner).message["en"]
    assert text.splitlines()[1].startswith("dL/dw[0]: your Value gives")
    assert "tutor.engine gives -0.382742" in text


def test_a_broken_probe_is_reported_as_the_lessons_bug_not_the_learners() -> None:
    result = run_functions(
        "def f():\n    return 1\n", [Call("f")], probe="def not_a_probe(learner):\n    pass\n"
    )
    assert result.status == "error"
    assert "bug in the lesson" in result.message["en"]
