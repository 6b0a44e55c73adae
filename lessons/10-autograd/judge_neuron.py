"""Judge of exercise 10.neuron (runs in the parent, on the numbers the probe brought back).

The learner's gradients are held against tutor.engine: a Dense(1, activation="tanh") layer with
the same weights, loss "mse", one row, computing in float64. dL/dx, which a Dense layer keeps to
itself, is held against central differences; so is everything else, as a second opinion.
"""

import math

import numpy as np

from tutor.engine import Dense, Sequential
from tutor.engine.gradcheck import float64_copy

GOAL = "= tutor.engine Dense(1, tanh) + mse"
TOLERANCE = 1e-6


def loss_of(x, w, b, y):
    return (math.tanh(sum(wi * xi for wi, xi in zip(w, x)) + b) - y) ** 2


def central(f, point, i, eps=1e-6):
    up, down = list(point), list(point)
    up[i] += eps
    down[i] -= eps
    return (f(up) - f(down)) / (2 * eps)


def engine_gradients(x, w, b, y):
    model = Sequential([Dense(1, activation="tanh", input_shape=(len(x),))])
    model.compile(optimizer="sgd", loss="mse")
    model.set_weights([np.array(w, dtype=float).reshape(-1, 1), np.array([b], dtype=float)])
    kernel, bias = float64_copy(model).compute_gradients(np.array([x], float), np.array([[y]]))
    return [float(g) for g in kernel[:, 0]], float(bias[0])


def wrong(name, got, engine, numeric):
    where = "tutor.engine" if engine is not None else "central differences"
    want = engine if engine is not None else numeric
    return {
        "ko": f"{name}: 여러분의 Value는 {got:.6g}, {where}은(는) {want:.6g}입니다 "
        f"(중앙 차분: {numeric:.6g}). 이 값으로 이어지는 연산의 국소 미분과 backward를 확인하세요.",
        "en": f"{name}: your Value gives {got:.6g}, {where} gives {want:.6g} "
        f"(central difference: {numeric:.6g}). Check the local derivatives on the way to it, "
        "and backward.",
    }


def judge(value, x, w, b, y):
    try:
        return _judge(value, x, w, b, y)
    except (TypeError, ValueError, IndexError, KeyError) as error:
        return {
            "ko": f"기울기가 숫자가 아닙니다(.grad가 float이어야 합니다): {error}",
            "en": f"The gradients are not numbers (each .grad must be a float): {error}",
        }


def _judge(value, x, w, b, y):
    keys = ("out", "loss", "dL/dw", "dL/db", "dL/dx")
    if not isinstance(value, dict) or any(k not in value for k in keys):
        return {"ko": f"probe가 값을 읽지 못했습니다: {value!r:.200}",
                "en": f"The probe could not read the results: {value!r:.200}"}  # fmt: skip
    out = math.tanh(sum(wi * xi for wi, xi in zip(w, x)) + b)
    if not math.isclose(float(value["out"]), out, rel_tol=TOLERANCE, abs_tol=1e-12):
        return {
            "ko": f"neuron의 출력이 {value['out']:.6g}인데 tanh(w·x + b) = {out:.6g}이어야 합니다.",
            "en": f"neuron's output is {value['out']:.6g}; tanh(w·x + b) = {out:.6g}.",
        }
    engine_w, engine_b = engine_gradients(x, w, b, y)
    checks = [("dL/dw", i, value["dL/dw"][i], engine_w[i],
               central(lambda v: loss_of(x, v, b, y), w, i)) for i in range(len(w))]  # fmt: skip
    checks.append(("dL/db", None, value["dL/db"], engine_b,
                   central(lambda v: loss_of(x, w, v[0], y), [b], 0)))  # fmt: skip
    checks += [("dL/dx", i, value["dL/dx"][i], None,
                central(lambda v: loss_of(v, w, b, y), x, i)) for i in range(len(x))]  # fmt: skip
    for name, index, got, engine, numeric in checks:
        want = engine if engine is not None else numeric
        tolerance = TOLERANCE if engine is not None else 1e-5
        if not math.isclose(float(got), want, rel_tol=tolerance, abs_tol=1e-9):
            label = f"{name}[{index}]" if index is not None else name
            return wrong(label, float(got), engine, numeric)
    return None
