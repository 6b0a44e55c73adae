"""Every number lessons 09 and 10 state, recomputed: the text and the engine must agree."""

from __future__ import annotations

import math
import re
import types
from pathlib import Path

import numpy as np
import pytest

from tutor import datasets
from tutor.course import load_course
from tutor.engine import Dense, Sequential, optimizers, set_seed

LESSONS = Path(__file__).resolve().parents[2] / "lessons"
PREDICTIONS: dict[
    tuple[float, int], list[float]
] = {}  # the last run's predictions, by (rate, steps)


@pytest.fixture(scope="module")
def course():
    return load_course()


def reference(course, exercise_id: str) -> types.ModuleType:
    """An exercise's reference solution as a module."""
    module = types.ModuleType(exercise_id)
    exec(course.exercise(exercise_id).solution, module.__dict__)
    return module


def stated(exercise_id: str, course, lang: str = "en") -> str:
    return course.exercise(exercise_id).explanation[lang]


def xor_losses(backward, rate: float, steps: int) -> list[float]:
    """Losses at steps 1, 10, 100 (and 1000) of lesson 09's loop, from set_seed(2)."""
    (x, y), _ = datasets.load("xor")
    X, Y = x.astype(float), y.reshape(-1, 1).astype(float)
    set_seed(2)
    net = Sequential(
        [Dense(8, activation="relu", input_shape=(2,)), Dense(1, activation="sigmoid")]
    )
    W1, b1, W2, b2 = (w.astype(float) for w in net.get_weights())
    losses = []
    for step in range(1, steps + 1):
        A2 = 1 / (1 + np.exp(-(np.maximum(X @ W1 + b1, 0) @ W2 + b2)))
        if step in (1, 10, 100, 1000):
            losses.append(round(float(-np.mean(Y * np.log(A2) + (1 - Y) * np.log(1 - A2))), 4))
        dW1, db1, dW2, db2 = backward(X, Y, W1, b1, W2, b2)
        W1, b1, W2, b2 = W1 - rate * dW1, b1 - rate * db1, W2 - rate * dW2, b2 - rate * db2
    A2 = 1 / (1 + np.exp(-(np.maximum(X @ W1 + b1, 0) @ W2 + b2)))
    PREDICTIONS[(rate, steps)] = [round(float(p), 3) for p in A2[:, 0]]
    return losses


def test_dz2_is_a_minus_y_for_the_stated_numbers(course) -> None:
    a, y = 0.8, 1.0
    z = math.log(a / (1 - a))
    loss = lambda z: -(y * math.log(1 / (1 + math.exp(-z))))  # noqa: E731
    slope = (loss(z + 1e-6) - loss(z - 1e-6)) / 2e-6
    assert course.exercise("09.dz2").spec.answer == pytest.approx(slope, abs=1e-6)
    assert round(-1 / a, 4) == -1.25 and round(a * (1 - a), 4) == 0.16


def test_missing_one_over_m_equals_a_four_times_larger_rate(course) -> None:
    right = reference(course, "09.backward").backward

    def without_m(X, *weights):
        return tuple(g * len(X) for g in right(X, *weights))

    no_m, at_two, at_half = (
        xor_losses(without_m, 0.5, 100),
        xor_losses(right, 2.0, 100),
        xor_losses(right, 0.5, 100),
    )
    assert no_m == at_two != at_half
    exercise = course.exercise("09.missing-m-rate")
    run = exercise.spec.run.run()
    printed = "\n".join(line["en"] for line in run.lines)
    assert f"no 1/m,   rate 0.5:  {no_m}" in printed and f"rate 2:  {at_two}" in printed
    assert f"rate 0.5:  {at_half}" in printed
    assert run.values["matching_rate"] == exercise.spec.number.answer == 2.0
    for lang, words in (("en", "steps 1, 10, 100: "), ("ko", "1, 10, 100걸음: ")):
        assert words + ", ".join(map(str, no_m)) in stated("09.missing-m-rate", course, lang)


def test_the_lessons_xor_loop_matches_the_engines_fit(course) -> None:
    losses = xor_losses(reference(course, "09.backward").backward, 0.5, 1000)
    (x, y), _ = datasets.load("xor")
    set_seed(2)
    net = Sequential(
        [Dense(8, activation="relu", input_shape=(2,)), Dense(1, activation="sigmoid")]
    )
    net.compile(optimizer=optimizers.SGD(learning_rate=0.5), loss="binary_crossentropy")
    history = net.fit(x.astype(float), y.reshape(-1, 1).astype(float), epochs=1000, batch_size=4)
    fitted = [round(history.history["loss"][i - 1], 4) for i in (1, 10, 100, 1000)]
    assert losses == fitted == [0.6772, 0.645, 0.2466, 0.0036]
    ours = PREDICTIONS[(0.5, 1000)]
    engine = [round(float(p), 3) for p in net.predict(x.astype(float))[:, 0]]
    assert ours == engine == [0.011, 0.999, 0.998, 0.001]
    for lang in ("ko", "en"):
        text = (LESSONS / "09-backpropagation" / f"{lang}.md").read_text(encoding="utf-8")
        assert (
            "1 0.6772\n10 0.645\n100 0.2466\n1000 0.0036\n[0.6772, 0.645, 0.2466, 0.0036]" in text
        )
        assert str(ours) in text


def test_value_reuse_grads_are_as_stated(course) -> None:
    Value = reference(course, "10.backward").Value
    a, b = Value(2.0), Value(-3.0)
    c = a * b
    d = c + a
    d.backward()
    grads = (a.grad, b.grad, c.grad, d.grad)
    for lang in ("ko", "en"):
        text = stated("10.reuse-predict", course, lang)
        assert f">>> a.grad, b.grad, c.grad, d.grad\n  {grads}" in text
    assert course.exercise("10.reuse-predict").spec.number.answer == a.grad


def test_tanh_slope_at_three_is_as_stated(course) -> None:
    Value = reference(course, "10.tanh-local").Value
    assert round(Value(3.0).tanh().local[0], 4) == 0.0099
    assert "0.0099" in stated("10.tanh-local", course)


def test_the_value_neuron_and_dense_agree_as_the_lesson_prints(course) -> None:
    Value = reference(course, "10.backward").Value
    x, w, b, y = [1.0, 2.0], [0.5, -1.0], 0.1, 0.0
    xs, ws, bias = [Value(v) for v in x], [Value(v) for v in w], Value(b)
    out = (ws[0] * xs[0] + ws[1] * xs[1] + bias).tanh()
    error = out + (-y)
    loss = error * error
    loss.backward()
    ours = f"{[round(v.grad, 4) for v in ws]} {round(bias.grad, 4)}"
    model = Sequential([Dense(1, activation="tanh", input_shape=(2,))])
    model.compile(optimizer="sgd", loss="mse")
    model.set_weights([np.array(w).reshape(2, 1), np.array([b])])
    kernel, bias_grad = model.compute_gradients(np.array([x]), np.array([[y]]))
    engine = f"{[round(float(g), 4) for g in kernel.ravel()]} {round(float(bias_grad[0]), 4)}"
    assert ours == engine == "[-0.3827, -0.7655] -0.3827"
    for lang in ("ko", "en"):
        text = (LESSONS / "10-autograd" / f"{lang}.md").read_text(encoding="utf-8")
        assert f"```text\n{ours}\n{engine}\n```" in text
    numbers = re.findall(r"-0\.\d{4}", stated("10.share-ratio", course))
    assert numbers == ["-0.3827", "-0.7655", "-0.3827"] * 2
    assert ws[1].grad / ws[0].grad == pytest.approx(
        course.exercise("10.share-ratio").spec.number.answer
    )


def test_autograd_expected_grads_agree_with_central_differences(course) -> None:
    """What 10.backward's check expects (the reference through the probe) is what central
    differences of the same expressions give."""
    exercise = course.exercise("10.backward")
    probe: dict = {"learner_error": None}
    exec(exercise.spec.probe, probe)
    module = reference(course, "10.backward")
    floats = types.SimpleNamespace(Value=_Number)
    for case in exercise.spec.cases:
        name, *numbers = eval(f"({case},)")
        expected = probe["probe"](module, name, *numbers)
        for index in range(len(numbers)):
            up, down = list(numbers), list(numbers)
            up[index] += 1e-6
            down[index] -= 1e-6
            slope = (_result(probe, floats, name, up) - _result(probe, floats, name, down)) / 2e-6
            leaf = _leaf_names(name)[index]
            if leaf is not None:
                assert expected[f"{leaf}.grad"] == pytest.approx(slope, rel=1e-5, abs=1e-8)


class _Number:
    """Plain numbers with the Value interface (no gradients), for central differences."""

    def __init__(self, data):
        self.data = float(data)

    def __add__(self, other):
        return _Number(self.data + (other.data if isinstance(other, _Number) else other))

    def __mul__(self, other):
        return _Number(self.data * (other.data if isinstance(other, _Number) else other))

    __radd__, __rmul__ = __add__, __mul__

    def tanh(self):
        return _Number(math.tanh(self.data))

    def backward(self):
        pass


def _result(probe: dict, floats, name: str, numbers: list[float]) -> float:
    builders = {key: probe[key] for key in ("chain", "reuse", "diamond", "neuron", "deep")}
    result, _ = builders[name](floats.Value, *numbers)
    return result.data


def _leaf_names(name: str) -> list[str | None]:
    return {
        "chain": ["a", "b", "c"],
        "reuse": ["a", "b"],
        "diamond": ["a", "b"],
        "neuron": ["x1", "x2", "w1", "w2", "b", None],  # y is a plain number, not a Value
        "deep": ["a"],
    }[name]
