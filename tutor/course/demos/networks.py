"""Small networks on a gate's truth table: the XOR boundary of one unit versus hidden layers,
two hidden units that start equal, and the shapes through a hidden layer."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import numpy as np

from tutor.course.demos.base import (
    GATES,
    TABLE,
    XOR,
    DemoError,
    Frame,
    Run,
    fmt,
    plane_grid,
)
from tutor.i18n import Text, both

# --- small networks on a gate's truth table ---------------------------------------------------

NETS = ("unit", "linear", "tanh", "relu", "sigmoid")


def _train_net(kind: str, y: np.ndarray, units: int, epochs: int, seed: int, lr: float):
    """One network on the four rows, with fixed starting weights from `seed`.

    `unit`: one linear unit, mse, SGD (lesson 4's setting). Others: a hidden layer of `units`
    units with that activation, then one sigmoid unit, binary crossentropy, Adam."""
    from tutor.engine import Dense, Sequential
    from tutor.engine.optimizers import SGD, Adam

    rng = np.random.default_rng(seed)
    if kind == "unit":
        model = Sequential([Dense(1, activation="linear", input_shape=(2,))])
        model.compile(optimizer=SGD(learning_rate=lr), loss="mse")
        model.set_weights([rng.uniform(-0.5, 0.5, (2, 1)), np.zeros(1)])
    else:
        model = Sequential(
            [Dense(units, activation=kind, input_shape=(2,)), Dense(1, activation="sigmoid")]
        )
        model.compile(optimizer=Adam(learning_rate=lr), loss="binary_crossentropy")
        limit = math.sqrt(6 / (2 + units))
        model.set_weights(
            [
                rng.uniform(-limit, limit, (2, units)),
                np.zeros(units),
                rng.uniform(-limit, limit, (units, 1)) * 2,
                np.zeros(1),
            ]
        )
    history = model.fit(
        TABLE, y.astype(float), epochs=epochs, batch_size=4, verbose=0, shuffle=False
    )
    return model, float(history.history["loss"][-1])


def _predictor(model: Any) -> Callable[[np.ndarray], np.ndarray]:
    """The model's output for every row of a (n, 2) array, as one flat array."""
    return lambda points: model.predict(points, verbose=0).reshape(-1)


def _net(entry: str, units: int) -> tuple[str, int, str]:
    """ "tanh" or "tanh:1" → (activation, hidden units, label): ("tanh", 1, "tanh1")."""
    name, _, size = entry.partition(":")
    if name not in NETS or (size and not (size.isdigit() and 1 <= int(size) <= 16)):
        raise DemoError(
            f"`nets` entries are a network from {list(NETS)}, optionally with its hidden "
            f'units ("tanh:2"); got {entry!r}',
            "params",
        )
    return name, int(size) if size else units, f"{name}{size}"


def _net_title(name: str, units: int) -> Text:
    if name == "unit":
        return both("선형 유닛 하나", "one linear unit")
    return both(f"{name} 은닉 유닛 {units}개", f"{units} hidden {name} units")


def gate_nets(
    gate: str = "xor",
    nets: Any = ("unit", "tanh"),
    units: int = 4,
    epochs: int = 500,
    seed: int = 1,
    lr: float = 0.05,
    unit_lr: float = 0.1,
) -> Run:
    """Train each named network on a gate's table and draw where it says 1."""
    tables = {name: np.array(row) for row, name in GATES.items()}
    if gate not in tables:
        raise DemoError(f"`gate` must be one of {sorted(tables)}", "params")
    if not 1 <= int(epochs) <= 3000 or not 1 <= int(units) <= 16:
        raise DemoError("`epochs` must be 1..3000 and `units` 1..16", "params")
    chosen = [_net(str(entry), int(units)) for entry in nets]
    if not chosen:
        raise DemoError("`nets` must name at least one network", "params")
    y = tables[gate]
    values: dict[str, float | str] = {}
    lines: list[Text] = []
    frames: list[Frame] = []
    unsolved = []
    for name, size, label in chosen:
        model, loss = _train_net(
            name, y, size, int(epochs), int(seed), unit_lr if name == "unit" else lr
        )
        out = np.round(model.predict(TABLE, verbose=0).reshape(-1), 6)  # 0.5 stays 0.5
        accuracy = float(((out > 0.5).astype(int) == y).mean())
        values[f"loss_{label}"] = loss
        values[f"accuracy_{label}"] = accuracy
        if accuracy < 1.0:
            unsolved.append(label)
        title = _net_title(name, size)
        loss_name = "mse" if name == "unit" else "bce"
        outputs = " ".join(fmt(float(v)) for v in out)
        lines.append(
            both(
                f"{title['ko']}: 손실({loss_name}) {loss:.4f}, 정확도 {accuracy:.2f},"
                f" 출력 [{outputs}]",
                f"{title['en']}: loss ({loss_name}) {loss:.4f}, accuracy {accuracy:.2f},"
                f" outputs [{outputs}]",
            )
        )
        caption = both(
            f"{title['ko']}: 손실 {loss:.2f}, 정확도 {accuracy:.2f}",
            f"{title['en']}: loss {loss:.2f}, accuracy {accuracy:.2f}",
        )
        grid = plane_grid(_predictor(model), side=32)
        frames.append(Frame(caption, grid, TABLE, y, outputs=out))
    values["unsolved"] = ",".join(unsolved) if unsolved else "none"
    return Run(values, tuple(lines), tuple(frames))


# --- two hidden units that start equal --------------------------------------------------------


def symmetry(epochs: int = 500, seed: int = 3, lr: float = 0.05) -> Run:
    """Two tanh hidden units on XOR, trained twice: starting equal, then starting different.

    Equal units get equal gradients, so they take equal steps and stay equal: the layer acts as
    one unit. The second run starts from the same numbers except that unit 2 keeps its own."""
    values: dict[str, float | str] = {}
    lines: list[Text] = []
    frames: list[Frame] = []
    for equal in (True, False):
        gap, accuracy, loss, start, end, frame = _two_units(equal, int(epochs), int(seed), lr)
        key = "" if equal else "_random"
        values[f"gap{key}"] = gap
        values[f"accuracy{key}"] = accuracy
        if equal:
            values["units"] = "equal" if gap < 1e-6 else "apart"
        head = both("같게 시작", "equal start") if equal else both("다르게 시작", "random start")
        lines += [
            both(f"[{head['ko']}]", f"[{head['en']}]"),
            both("  시작", "  start"),
            *(both(f"    {unit}", f"    {unit}") for unit in start),
            both(f"  {epochs}에포크 뒤", f"  after {epochs} epochs"),
            *(both(f"    {unit}", f"    {unit}") for unit in end),
            both(
                f"  두 유닛의 차이 {gap:.4f}, 손실 {loss:.4f}, 정확도 {accuracy:.2f}",
                f"  difference between the units {gap:.4f}, loss {loss:.4f}, "
                f"accuracy {accuracy:.2f}",
            ),
        ]
        frames.append(
            replace(
                frame,
                caption=both(
                    f"{head['ko']}: 정확도 {accuracy:.2f}", f"{head['en']}: accuracy {accuracy:.2f}"
                ),
            )
        )
    return Run(values, tuple(lines), tuple(frames))


def _two_units(equal: bool, epochs: int, seed: int, lr: float):
    from tutor.engine import Dense, Sequential
    from tutor.engine.optimizers import Adam

    rng = np.random.default_rng(seed)
    model = Sequential(
        [Dense(2, activation="tanh", input_shape=(2,)), Dense(1, activation="sigmoid")]
    )
    model.compile(optimizer=Adam(learning_rate=lr), loss="binary_crossentropy")
    kernel = rng.uniform(-1, 1, (2, 2))
    out_kernel = rng.uniform(-1, 1, (2, 1))
    if equal:
        kernel[:, 1] = kernel[:, 0]
        out_kernel[1] = out_kernel[0]
    model.set_weights([kernel, np.zeros(2), out_kernel, np.zeros(1)])
    y = np.array(XOR)
    start = [w.copy() for w in model.get_weights()]
    history = model.fit(
        TABLE, y.astype(float), epochs=epochs, batch_size=4, verbose=0, shuffle=False
    )
    k, b, _, _ = model.get_weights()
    gap = float(max(np.abs(k[:, 0] - k[:, 1]).max(), abs(b[0] - b[1])))
    out = model.predict(TABLE, verbose=0).reshape(-1)
    accuracy = float(((out > 0.5).astype(int) == y).mean())

    def units(weights: list[np.ndarray]) -> list[str]:
        return [
            f"h{j + 1}: w = ({fmt(float(weights[0][0, j]))}, {fmt(float(weights[0][1, j]))}), "
            f"b = {fmt(float(weights[1][j]))}"
            for j in range(2)
        ]

    grid = plane_grid(lambda p: model.predict(p, verbose=0).reshape(-1))
    frame = Frame({}, grid, TABLE, y, outputs=out)
    loss = float(history.history["loss"][-1])
    return gap, accuracy, loss, units(start), units([k, b]), frame


# --- shapes through a hidden layer -----------------------------------------------------------


def shapes(units: int = 8, activation: str = "relu", epochs: int = 500, seed: int = 2) -> Run:
    """XOR through Dense(units, activation) → Dense(1, sigmoid): every shape on the way, the
    parameter count, and the trained boundary."""
    if activation not in ("relu", "tanh", "sigmoid", "linear") or not 1 <= int(units) <= 64:
        raise DemoError("`activation` must be relu, tanh, sigmoid or linear; `units` 1..64")
    y = np.array(XOR)
    model, loss = _train_net(activation, y, int(units), int(epochs), int(seed), 0.05)
    w1, b1, w2, b2 = model.get_weights()
    m, k = len(TABLE), int(units)
    out = np.round(model.predict(TABLE, verbose=0).reshape(-1), 6)
    accuracy = float(((out > 0.5).astype(int) == y).mean())
    params = int(model.count_params())
    lines = (
        both(
            f"X {TABLE.shape} @ W1 {w1.shape} + b1 {b1.shape} → {activation} → H ({m}, {k})",
            f"X {TABLE.shape} @ W1 {w1.shape} + b1 {b1.shape} → {activation} → H ({m}, {k})",
        ),
        both(
            f"H ({m}, {k}) @ W2 {w2.shape} + b2 {b2.shape} → sigmoid → ŷ ({m}, 1)",
            f"H ({m}, {k}) @ W2 {w2.shape} + b2 {b2.shape} → sigmoid → ŷ ({m}, 1)",
        ),
        both(
            f"매개변수 {w1.size} + {b1.size} + {w2.size} + {b2.size} = {params}",
            f"parameters {w1.size} + {b1.size} + {w2.size} + {b2.size} = {params}",
        ),
        both(
            f"{epochs}에포크 뒤 손실 {loss:.4f}, 정확도 {accuracy:.2f}, 출력 "
            f"[{' '.join(fmt(float(v)) for v in out)}]",
            f"after {epochs} epochs loss {loss:.4f}, accuracy {accuracy:.2f}, outputs "
            f"[{' '.join(fmt(float(v)) for v in out)}]",
        ),
    )
    caption = both(
        f"{activation} 은닉 유닛 {k}개: 정확도 {accuracy:.2f}",
        f"{k} hidden {activation} units: accuracy {accuracy:.2f}",
    )
    grid = plane_grid(lambda p: model.predict(p, verbose=0).reshape(-1))
    values: dict[str, float | str] = {
        "hidden_shape": f"{m}x{k}",
        "kernel_shape": f"{w1.shape[0]}x{w1.shape[1]}",
        "params": float(params),
        "accuracy": accuracy,
    }
    return Run(values, lines, (Frame(caption, grid, TABLE, y, outputs=out),))
