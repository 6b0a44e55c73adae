"""Short runs of our own engine that settle a prediction: "predict, then run".

A run is trusted course code, named in `exercises.toml` (`run = "perceptron"`) with its
parameters (`params = { targets = [0, 0, 0, 1], alpha = 0.1 }`). Each scenario returns a `Run`:

- `values`: what it measured (a number such as `passes`, or an outcome such as `broken = "01"`),
  which an exercise compares with its recorded answer (and `tutor lint` with the run itself);
- `lines`: what it printed, in both languages;
- `frames`: decision boundaries over the plane (the line of one neuron after each wrong row, the
  XOR boundary of several networks), drawn by the app's `DecisionBoundary` and by `frame_text`.

No Textual here: the CLI and the linter use this module headless.
"""

from __future__ import annotations

import inspect
import math
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

from tutor.i18n import Text, both, pick

TABLE = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float64)
ROW_IDS = ("00", "01", "10", "11")
GATES: dict[tuple[int, ...], str] = {
    (0, 0, 0, 1): "and",
    (0, 1, 1, 1): "or",
    (1, 1, 1, 0): "nand",
    (1, 0, 0, 0): "nor",
    (0, 1, 1, 0): "xor",
    (1, 0, 0, 1): "xnor",
    (0, 0, 0, 0): "never",
    (1, 1, 1, 1): "always",
}
XOR = (0, 1, 1, 0)
UNSURE = 1e-3
"""A model whose output is this close to 0.5 has not decided (drawn as `?`)."""


class DemoError(ValueError):
    """A run named or parametrised wrongly in `exercises.toml`; `key` points at the line."""

    def __init__(self, message: str, key: str = "run") -> None:
        super().__init__(message)
        self.key = key


@dataclass(frozen=True)
class Frame:
    """One picture: P(class 1) over the square [lo, hi]² (row 0 at the top) and the points."""

    caption: Text
    grid: np.ndarray
    points: np.ndarray
    labels: np.ndarray
    lo: float = -0.5
    hi: float = 1.5
    outputs: np.ndarray | None = None  # the model's own output at each point, where known

    def right(self) -> np.ndarray:
        """Which points the picture's model gets right (its outputs, else the grid there)."""
        if self.outputs is not None:
            return (np.asarray(self.outputs) > 0.5).astype(int) == self.labels.astype(int)
        rows, cols = self.grid.shape
        span = self.hi - self.lo
        col = np.clip(((self.points[:, 0] - self.lo) / span * cols).astype(int), 0, cols - 1)
        row = np.clip(((self.hi - self.points[:, 1]) / span * rows).astype(int), 0, rows - 1)
        return (self.grid[row, col] >= 0.5).astype(int) == self.labels.astype(int)


@dataclass(frozen=True)
class Run:
    """What a run measured, printed and drew. `animated`: the frames are steps in time."""

    values: dict[str, float | str]
    lines: tuple[Text, ...] = ()
    frames: tuple[Frame, ...] = ()
    animated: bool = False


@dataclass(frozen=True)
class Scenario:
    """A named run: its function and what it measures (`number` or `outcome` per value)."""

    name: str
    function: Callable[..., Run]
    measures: dict[str, str]
    summary: str = ""

    def defaults(self) -> dict[str, Any]:
        return {
            name: p.default
            for name, p in inspect.signature(self.function).parameters.items()
            if p.default is not inspect.Parameter.empty
        }


@dataclass(frozen=True)
class RunSpec:
    """A run as an exercise names it: scenario, parameters, and the value that settles it."""

    scenario: str
    params: dict[str, Any] = field(default_factory=dict)
    measure: str = ""

    def run(self) -> Run:
        return SCENARIOS[self.scenario].function(**self.params)


# --- helpers ----------------------------------------------------------------------------------


def _grid(predict: Callable[[np.ndarray], np.ndarray], lo=-0.5, hi=1.5, side=32) -> np.ndarray:
    """P(class 1) on a side × side grid over [lo, hi]², row 0 at the top (largest x₂)."""
    centres = lo + (np.arange(side) + 0.5) * (hi - lo) / side
    xs, ys = np.meshgrid(centres, centres[::-1])
    plane = np.column_stack([xs.ravel(), ys.ravel()])
    return np.asarray(predict(plane), dtype=np.float64).reshape(side, side)


def _row_label(row: np.ndarray) -> str:
    return f"({row[0]:g}, {row[1]:g})"


def _targets(targets: Any) -> np.ndarray:
    y = np.asarray(targets)
    if y.shape != (4,) or not np.isin(y, (0, 1)).all():
        raise DemoError("`targets` must be four 0/1 values, for rows 00, 01, 10, 11", "params")
    return y.astype(int)


def _pair(value: Any, name: str) -> np.ndarray:
    w = np.asarray(value, dtype=np.float64)
    if w.shape != (2,):
        raise DemoError(f"`{name}` must be two numbers [w1, w2]", "params")
    return w


def _num(value: float) -> str:
    """A number as a run prints it: at most four decimals, no trailing zeros, no -0."""
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


# --- one step neuron --------------------------------------------------------------------------


def neuron(w: Any = (1.0, 1.0), b: float = -0.5, targets: Any = None) -> Run:
    """A step neuron (1 when w·x + b > 0) on the four rows of a two-input truth table."""
    weights = _pair(w, "w")
    sums = TABLE @ weights + float(b)
    out = (sums > 0).astype(int)
    y = _targets(targets) if targets is not None else None
    lines: list[Text] = [both("x₁ x₂   Σ = w·x + b   출력", "x₁ x₂   Σ = w·x + b   output")]
    for row, total, o, i in zip(TABLE, sums, out, range(4), strict=True):
        mark = ""
        if y is not None:
            mark = "  ✓" if o == y[i] else f"  ✗ ({y[i]})"
        text = f"{row[0]:g}  {row[1]:g}    {_num(total):>8}       {o}{mark}"
        lines.append(both(text, text))
    wrong = [ROW_IDS[i] for i in range(4) if y is not None and out[i] != y[i]]
    gate = GATES.get(tuple(int(v) for v in out), "other")
    values: dict[str, float | str] = {
        "ones": float(out.sum()),
        "gate": gate,
        "wrong": float(len(wrong)),
        "broken": wrong[0] if len(wrong) == 1 else ("none" if not wrong else "several"),
    }
    labels = y if y is not None else out
    caption = both(
        f"w = ({_num(weights[0])}, {_num(weights[1])}), b = {_num(float(b))}",
        f"w = ({_num(weights[0])}, {_num(weights[1])}), b = {_num(float(b))}",
    )
    grid = _grid(lambda p: (p @ weights + float(b) > 0).astype(float))
    return Run(values, tuple(lines), (Frame(caption, grid, TABLE, labels, outputs=out),))


# --- the perceptron rule, one wrong row at a time ---------------------------------------------


def perceptron(
    targets: Any = (0, 0, 0, 1),
    w: Any = (0.2, 0.3),
    t: float = 1.0,
    alpha: float = 0.01,
    learn_threshold: bool = True,
    max_epochs: int = 100,
) -> Run:
    """The engine's `Perceptron`, one row at a time, with a frame after every wrong row.

    A pass of `Perceptron.fit` applies the rule to each row in order; fitting one row for one
    epoch is exactly one application, so the rule here is the engine's own."""
    from tutor.engine import Perceptron

    y = _targets(targets)
    if not 1 <= int(max_epochs) <= 1000:
        raise DemoError("`max_epochs` must be from 1 to 1000", "params")
    p = Perceptron(
        2,
        learning_rate=float(alpha),
        learn_threshold=bool(learn_threshold),
        threshold=float(t),
        seed=0,
    )
    p.weights = _pair(w, "w").copy()

    def picture(caption: Text) -> Frame:
        weights, threshold = p.weights.copy(), p.threshold
        grid = _grid(lambda q: (q @ weights > threshold).astype(float))
        return Frame(caption, grid, TABLE, y, outputs=p.predict(TABLE))

    def state() -> str:
        return f"w = ({_num(p.weights[0])}, {_num(p.weights[1])}), t = {_num(p.threshold)}"

    frames = [picture(both(f"시작: {state()}", f"start: {state()}"))]
    lines: list[Text] = [both(f"시작   {state()}", f"start   {state()}")]
    first_wrong = "none"
    updates = 0
    passes = 0
    converged = False
    for epoch in range(1, int(max_epochs) + 1):
        for i in range(4):
            before = int(p.predict(TABLE[i : i + 1])[0])
            if before == y[i]:
                continue
            if first_wrong == "none":
                first_wrong = ROW_IDS[i]
            p.fit(TABLE[i : i + 1], y[i : i + 1], max_epochs=1)
            updates += 1
            right = int((p.predict(TABLE) == y).sum())
            if len(frames) < 60:
                frames.append(
                    picture(
                        both(
                            f"{epoch}바퀴, {_row_label(TABLE[i])} 틀림 → {state()}: {right}/4 맞음",
                            f"pass {epoch}, {_row_label(TABLE[i])} wrong → {state()}: "
                            f"{right}/4 right",
                        )
                    )
                )
            lines.append(
                both(
                    f"{epoch}바퀴  {_row_label(TABLE[i])} 예측 {before}, 정답 {y[i]}"
                    f"  → {state()}  ({right}/4 맞음)",
                    f"pass {epoch}  {_row_label(TABLE[i])} predicted {before}, target {y[i]}"
                    f"  → {state()}  ({right}/4 right)",
                )
            )
        passes = epoch
        if (p.predict(TABLE) == y).all():
            converged = True
            break
    if converged:
        lines.append(
            both(
                f"{passes}바퀴 만에 네 줄 모두 맞음 (고친 횟수 {updates})",
                f"every row right after {passes} passes ({updates} corrections)",
            )
        )
    else:
        lines.append(
            both(f"{passes}바퀴를 돌아도 끝나지 않음", f"not converged after {passes} passes")
        )
    values: dict[str, float | str] = {
        "passes": float(passes),
        "updates": float(updates),
        "first_wrong": first_wrong,
        "converged": "yes" if converged else "no",
        "t": float(p.threshold),
        "w1": float(p.weights[0]),
        "w2": float(p.weights[1]),
    }
    return Run(values, tuple(lines), tuple(frames), animated=True)


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
        outputs = " ".join(_num(float(v)) for v in out)
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
        grid = _grid(_predictor(model), side=32)
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
            f"h{j + 1}: w = ({_num(float(weights[0][0, j]))}, {_num(float(weights[0][1, j]))}), "
            f"b = {_num(float(weights[1][j]))}"
            for j in range(2)
        ]

    grid = _grid(lambda p: model.predict(p, verbose=0).reshape(-1))
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
            f"[{' '.join(_num(float(v)) for v in out)}]",
            f"after {epochs} epochs loss {loss:.4f}, accuracy {accuracy:.2f}, outputs "
            f"[{' '.join(_num(float(v)) for v in out)}]",
        ),
    )
    caption = both(
        f"{activation} 은닉 유닛 {k}개: 정확도 {accuracy:.2f}",
        f"{k} hidden {activation} units: accuracy {accuracy:.2f}",
    )
    grid = _grid(lambda p: model.predict(p, verbose=0).reshape(-1))
    values: dict[str, float | str] = {
        "hidden_shape": f"{m}x{k}",
        "kernel_shape": f"{w1.shape[0]}x{w1.shape[1]}",
        "params": float(params),
        "accuracy": accuracy,
    }
    return Run(values, lines, (Frame(caption, grid, TABLE, y, outputs=out),))


# --- walking down y = x² with the engine's optimizers -----------------------------------------


def descent(
    x0: float = 3.0,
    learning_rate: float = 0.1,
    steps: int = 10,
    optimizer: str = "sgd",
    momentum: float = 0.0,
) -> Run:
    """Minimise y = x² (slope 2x) from x0 with one of the engine's optimizers."""
    from tutor.engine import optimizers

    makers = {
        "sgd": lambda: optimizers.SGD(learning_rate=learning_rate, momentum=momentum),
        "rmsprop": lambda: optimizers.RMSprop(learning_rate=learning_rate),
        "adam": lambda: optimizers.Adam(learning_rate=learning_rate),
    }
    if optimizer not in makers:
        raise DemoError(f"`optimizer` must be one of {sorted(makers)}", "params")
    if not 1 <= int(steps) <= 200:
        raise DemoError("`steps` must be from 1 to 200", "params")
    opt = makers[optimizer]()
    x = np.array([float(x0)])
    lines: list[Text] = [
        both(
            f"시작      x = {_num(x[0])}, y = {_num(x[0] ** 2)}",
            f"start     x = {_num(x[0])}, y = {_num(x[0] ** 2)}",
        )
    ]
    start = abs(float(x0))
    crosses = False
    for step in range(1, int(steps) + 1):
        before = float(x[0])
        opt.update(x, 2 * x)
        crosses = crosses or before * float(x[0]) < 0
        if not np.isfinite(x[0]) or abs(x[0]) > 1e12:
            break
        lines.append(
            both(
                f"{step:>3}걸음    x = {_num(x[0])}, y = {_num(x[0] ** 2)}",
                f"step {step:>3}  x = {_num(x[0])}, y = {_num(x[0] ** 2)}",
            )
        )
    end = float(x[0])
    if not math.isfinite(end) or abs(end) > start * 1.01:
        outcome = "diverges"
    elif abs(end) > start * 0.99:
        outcome = "stays"
    else:
        outcome = "converges"
    values: dict[str, float | str] = {
        "x": end,
        "loss": end * end,
        "outcome": outcome,
        "crosses": "yes" if crosses else "no",
    }
    return Run(values, tuple(lines))


# --- losses -----------------------------------------------------------------------------------


def loss(name: str = "mse", y_true: Any = (0.0,), y_pred: Any = (0.0,)) -> Run:
    """One of the engine's losses on the given targets and predictions."""
    from tutor.engine import losses

    functions = {
        "mse": losses.mean_squared_error,
        "binary_crossentropy": losses.binary_crossentropy,
        "categorical_crossentropy": losses.categorical_crossentropy,
        "sparse_categorical_crossentropy": losses.sparse_categorical_crossentropy,
    }
    if name not in functions:
        raise DemoError(f"`name` must be one of {sorted(functions)}", "params")
    truth, guess = np.asarray(y_true, float), np.asarray(y_pred, float)
    if name in ("mse", "binary_crossentropy") and guess.ndim == 1:
        truth, guess = truth.reshape(-1, 1), guess.reshape(-1, 1)  # one number per sample
    if name == "sparse_categorical_crossentropy":
        truth = truth.astype(int)
    per_sample = np.asarray(functions[name](truth, guess), float)
    value = float(per_sample.mean())
    per = " ".join(_num(float(v)) for v in per_sample.reshape(-1))
    lines = (
        both(
            f"{name}(y_true={list(y_true)}, y_pred={list(y_pred)})",
            f"{name}(y_true={list(y_true)}, y_pred={list(y_pred)})",
        ),
        both(f"표본마다: [{per}]", f"per sample: [{per}]"),
        both(f"평균 (Keras가 보고하는 값): {value:.4f}", f"mean (what Keras reports): {value:.4f}"),
    )
    return Run({"loss": value}, lines)


SCENARIOS: dict[str, Scenario] = {
    s.name: s
    for s in (
        Scenario(
            "neuron",
            neuron,
            {"ones": "number", "wrong": "number", "gate": "outcome", "broken": "outcome"},
        ),
        Scenario(
            "perceptron",
            perceptron,
            {
                "passes": "number",
                "updates": "number",
                "t": "number",
                "w1": "number",
                "w2": "number",
                "first_wrong": "outcome",
                "converged": "outcome",
            },
        ),
        Scenario(
            "gate-nets",
            gate_nets,
            {
                **{
                    f"{v}_{n}{u}": "number"
                    for v in ("loss", "accuracy")
                    for n in NETS
                    for u in ("", *map(str, range(1, 17)))
                },
                "unsolved": "outcome",
            },
        ),
        Scenario(
            "symmetry",
            symmetry,
            {
                "gap": "number",
                "accuracy": "number",
                "gap_random": "number",
                "accuracy_random": "number",
                "units": "outcome",
            },
        ),
        Scenario(
            "shapes",
            shapes,
            {
                "hidden_shape": "outcome",
                "kernel_shape": "outcome",
                "params": "number",
                "accuracy": "number",
            },
        ),
        Scenario(
            "descent",
            descent,
            {"x": "number", "loss": "number", "outcome": "outcome", "crosses": "outcome"},
        ),
        Scenario("loss", loss, {"loss": "number"}),
    )
}


def _some(names: list[str]) -> str:
    return ", ".join(names[:12]) + (f", … ({len(names)} in all)" if len(names) > 12 else "")


def parse_run(scenario: Any, params: Any, measure: Any) -> RunSpec:
    """A `RunSpec` from an exercise's `run`, `params` and `measure`, or a DemoError."""
    if scenario not in SCENARIOS:
        raise DemoError(f"`run` must name one of the runs: {', '.join(sorted(SCENARIOS))}")
    found = SCENARIOS[scenario]
    params = params if params is not None else {}
    if not isinstance(params, dict):
        raise DemoError("`params` must be a table of name = value", "params")
    unknown = sorted(set(params) - set(found.defaults()))
    if unknown:
        raise DemoError(
            f"run {scenario!r} has no parameters {unknown}; it takes "
            f"{', '.join(sorted(found.defaults()))}",
            "params",
        )
    if measure not in found.measures:
        raise DemoError(
            f"`measure` must be one of what run {scenario!r} measures: "
            f"{_some(sorted(found.measures))}",
            "measure",
        )
    return RunSpec(scenario, dict(params), str(measure))


# --- as text ----------------------------------------------------------------------------------


def frame_text(frame: Frame, width: int = 16, height: int = 8) -> list[str]:
    """A frame as characters: `#` where the model says 1, `·` where it says 0, each point as its
    target (1 or 0) on top. Rows from the top (largest x₂)."""
    rows, cols = frame.grid.shape
    r_index = np.minimum((np.arange(height) * rows) // height, rows - 1)
    c_index = np.minimum((np.arange(width) * cols) // width, cols - 1)
    cells = [[_cell(float(frame.grid[r, c])) for c in c_index] for r in r_index]
    span = frame.hi - frame.lo
    for point, label in zip(frame.points, frame.labels, strict=True):
        c = int(np.clip((point[0] - frame.lo) / span * width, 0, width - 1))
        r = int(np.clip((frame.hi - point[1]) / span * height, 0, height - 1))
        cells[r][c] = str(int(label))
    return ["".join(row) for row in cells]


def _cell(p: float) -> str:
    if not math.isfinite(p) or abs(p - 0.5) < UNSURE:
        return "?"
    return "#" if p > 0.5 else "·"


def run_text(run: Run, lang: str, columns: int = 78) -> str:
    """What the run printed and drew, as plain text (the CLI prints it after an answer)."""
    out = [pick(line, lang) for line in run.lines]
    frames = run.frames
    if run.animated and len(frames) > 6:  # a long run: its start, two middle steps and its end
        frames = (frames[0], frames[len(frames) // 3], frames[2 * len(frames) // 3], frames[-1])
    if frames:
        out.append("")
        per_row = max(1, columns // 26)
        for start in range(0, len(frames), per_row):
            group = frames[start : start + per_row]
            for frame in group:
                out.append(f"[{start + group.index(frame) + 1}] {pick(frame.caption, lang)}")
            drawings = [frame_text(frame) for frame in group]
            for lines in zip(*drawings, strict=True):
                out.append("   ".join(f"│{line}│" for line in lines))
            out.append("")
        out.append(
            "# = 1이라고 답함, · = 0이라고 답함, ? = 0.5 (못 정함); 숫자는 표의 정답"
            if lang == "ko"
            else "# = says 1, · = says 0, ? = 0.5 (undecided); digits are the table's targets"
        )
    return "\n".join(out).rstrip()
