"""Time tutor's NumPy engine against PyTorch and scikit-learn on the course's networks.

    python bench/engine.py                 # the full run, ~3 minutes on a quiet 2-core machine
    python bench/engine.py --quick         # fewer epochs and repeats: a smoke test, not a verdict
    python bench/engine.py --repeats 5 --tasks xor,pima --json results.json

Each task trains the same network the same way in every framework: shuffle every epoch, then per
mini-batch forward, loss, backward, optimizer step. Repeats are interleaved (ours, torch,
scikit-learn, in turn) and medians reported. torch and scikit-learn are optional: a comparison
whose framework is not installed is skipped with a note. See bench/README.md for the targets.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _timing import (  # bench/ is a folder of scripts, not a package
    Contender,
    Quiet,
    Stopwatch,
    Trial,
    environment_lines,
    format_table,
    interleave,
    median_accuracy,
    median_seconds,
    most_others,
    spread,
)

DATA = Path(__file__).resolve().parent.parent / "data"
OURS, TORCH, SKLEARN, FLOOR = "ours", "torch", "sklearn", "matmul floor"

Data = tuple[np.ndarray, np.ndarray]  # x: float32 (rows, features); y: int64 labels (rows,)


# --------------------------------------------------------------------------------------------
# The tasks


@dataclass(frozen=True)
class Task:
    """One network, its data, and how long and how often to train it."""

    name: str
    hidden: tuple[tuple[int, str], ...]  # (units, activation) per hidden layer
    classes: int  # 2 -> one sigmoid unit and binary cross-entropy; more -> softmax + sparse CCE
    optimizer: str  # "adam" or "rmsprop"
    learning_rate: float
    batch_size: int
    epochs: int
    repeats: int
    load: Callable[[], Data]
    torch_target: float
    sklearn_target: float = 0.5
    floor_target: float | None = None  # ours / matmul floor, for the tasks that have one
    quick_epochs: int = 1
    quick_rows: int | None = None  # the quick run trains on this many rows only
    flatten: bool = False  # images (n, 28, 28) into Flatten(input_shape=(28, 28)) + Dense

    def shape(self, features: int) -> str:
        units = [features, *(units for units, _ in self.hidden), 1 if self.classes == 2 else 10]
        return "-".join(str(u) for u in units)

    @property
    def output_activation(self) -> str:
        return "sigmoid" if self.classes == 2 else "softmax"

    @property
    def loss(self) -> str:
        return "binary_crossentropy" if self.classes == 2 else "sparse_categorical_crossentropy"


def load_xor() -> Data:
    x = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float32)
    return x, np.array([0, 1, 1, 0], dtype=np.int64)


def load_digits() -> Data:
    """All 1,797 8x8 digits, pixels scaled from 0..16 to 0..1.

    From `tutor.datasets` when it offers them (`load("digits")`, else `digits()`; a Keras-style
    train/test split is joined back together), else straight from data/digits_8x8.csv.
    """
    x, y = _digits_from_tutor() or _read_digits_csv()
    x = x.reshape(len(x), -1)
    if x.shape != (1797, 64):
        x, y = _read_digits_csv()
    return (x / np.float32(16.0) if x.max() > 1.0 else x), y


def _digits_from_tutor() -> Data | None:
    try:
        import tutor.datasets as datasets

        loaded = datasets.load("digits") if hasattr(datasets, "load") else datasets.digits()
    except (ImportError, AttributeError):
        return None
    if hasattr(loaded, "x") and hasattr(loaded, "y"):
        loaded = (loaded.x, loaded.y)
    first, second = loaded
    if isinstance(first, tuple):  # ((x_train, y_train), (x_test, y_test))
        x = np.concatenate([first[0], second[0]])
        y = np.concatenate([first[1], second[1]])
    else:
        x, y = first, second
    return np.asarray(x, dtype=np.float32), np.asarray(y).astype(np.int64).ravel()


def _read_digits_csv() -> Data:
    path = DATA / "digits_8x8.csv"
    header = path.read_text(encoding="utf-8").splitlines()[0].split(",")
    table = np.loadtxt(path, delimiter=",", skiprows=1, dtype=np.float32)
    label = header.index("label")
    pixels = [col for col in range(len(header)) if col != label]
    return table[:, pixels], table[:, label].astype(np.int64)


def load_pima() -> Data:
    """The first 700 rows of the Pima diabetes table, each column standardised."""
    table = np.loadtxt(DATA / "pima_indians_diabetes.csv", delimiter=",", skiprows=1)[:700]
    x, y = table[:, :8], table[:, 8]
    x = (x - x.mean(axis=0)) / x.std(axis=0)
    return x.astype(np.float32), y.astype(np.int64)


def load_mnist() -> Data:
    with np.load(DATA / "mnist.npz") as mnist:
        x, y = mnist["x_train"], mnist["y_train"]
    return x.reshape(len(x), -1).astype(np.float32) / np.float32(255.0), y.astype(np.int64)


def load_mnist_images() -> Data:
    """MNIST as (n, 28, 28) images, for Flatten(input_shape=(28, 28)) as the first layer."""
    x, y = load_mnist()
    return x.reshape(len(x), 28, 28), y


TASKS = (
    Task("xor", ((4, "tanh"),), 2, "adam", 0.01, batch_size=4, epochs=5000, repeats=7,
         load=load_xor, torch_target=0.3, quick_epochs=1000),
    Task("digits", ((128, "relu"),), 10, "adam", 0.001, batch_size=32, epochs=20, repeats=7,
         load=load_digits, torch_target=0.3, quick_epochs=5),
    Task("pima", ((12, "relu"), (8, "relu")), 2, "adam", 0.001, batch_size=64, epochs=1500,
         repeats=5, load=load_pima, torch_target=0.3, quick_epochs=150),
    Task("mnist", ((512, "relu"),), 10, "rmsprop", 0.001, batch_size=128, epochs=1, repeats=5,
         load=load_mnist, torch_target=1.0, floor_target=1.6, quick_epochs=1, quick_rows=12000),
    Task("mnist-flatten", ((512, "relu"),), 10, "rmsprop", 0.001, batch_size=128, epochs=1,
         repeats=5, load=load_mnist_images, torch_target=1.0, quick_epochs=1, quick_rows=12000,
         flatten=True),
)  # fmt: skip


# --------------------------------------------------------------------------------------------
# The contenders: each builds, trains and scores one model, timing only build + training.


def accuracy(scores: np.ndarray, y: np.ndarray) -> float:
    """Share of rows classified right: one sigmoid column (threshold 0.5) or one column a class."""
    scores = np.asarray(scores)
    if scores.ndim == 1 or scores.shape[1] == 1:
        predicted = (scores.reshape(-1) > 0.5).astype(np.int64)
    else:
        predicted = scores.argmax(axis=1)
    return float((predicted == y).mean())


def ours(task: Task, data: Data, epochs: int) -> Contender:
    from tutor.engine import Dense, Flatten, Sequential, optimizers, set_seed

    x, y = data
    targets = y.reshape(-1, 1).astype(np.float32) if task.classes == 2 else y
    make_optimizer = {"adam": optimizers.Adam, "rmsprop": optimizers.RMSprop}[task.optimizer]

    def run(seed: int) -> Trial:
        set_seed(seed)
        with Stopwatch() as watch:
            (first, first_act), *rest = task.hidden
            out_units = 1 if task.classes == 2 else task.classes
            start = [Flatten(input_shape=x.shape[1:])] if task.flatten else []
            model = Sequential(
                [
                    *start,
                    Dense(first, activation=first_act, input_shape=(x[0].size,)),
                    *(Dense(units, activation=act) for units, act in rest),
                    Dense(out_units, activation=task.output_activation),
                ]
            )
            model.compile(
                optimizer=make_optimizer(learning_rate=task.learning_rate),
                loss=task.loss,
                metrics=["accuracy"],
            )
            model.fit(
                x, targets, epochs=epochs, batch_size=task.batch_size, shuffle=True, verbose=0
            )
        return watch.trial(accuracy(model.predict(x, verbose=0), y))

    return run


def torch_contender(task: Task, data: Data, epochs: int) -> Contender:
    """A plain, idiomatic torch loop: tensors sliced per batch (no DataLoader overhead)."""
    import torch
    from torch import nn

    x_all = torch.from_numpy(data[0])
    y_all = torch.from_numpy(
        data[1].astype(np.float32).reshape(-1, 1) if task.classes == 2 else data[1]
    )
    activations = {"relu": nn.ReLU, "tanh": nn.Tanh, "sigmoid": nn.Sigmoid}
    rows, batch = len(x_all), task.batch_size

    def build() -> nn.Module:
        modules: list[nn.Module] = [nn.Flatten()] if task.flatten else []
        width = x_all[0].numel()
        for units, act in task.hidden:
            modules += [nn.Linear(width, units), activations[act]()]
            width = units
        modules.append(nn.Linear(width, 1 if task.classes == 2 else task.classes))
        model = nn.Sequential(*modules)
        for module in model:  # Keras's (and our) start: Glorot-uniform weights, zero biases
            if isinstance(module, nn.Linear):
                nn.init.xavier_uniform_(module.weight)
                nn.init.zeros_(module.bias)
        return model

    def run(seed: int) -> Trial:
        torch.manual_seed(seed)
        with Stopwatch() as watch:
            model = build()
            # Logits into the fused loss is how torch is meant to be used for sigmoid / softmax.
            loss_fn = nn.BCEWithLogitsLoss() if task.classes == 2 else nn.CrossEntropyLoss()
            if task.optimizer == "adam":
                optimizer = torch.optim.Adam(model.parameters(), lr=task.learning_rate, eps=1e-7)
            else:  # Keras's RMSprop defaults: rho 0.9, epsilon 1e-7
                optimizer = torch.optim.RMSprop(
                    model.parameters(), lr=task.learning_rate, alpha=0.9, eps=1e-7
                )
            model.train()
            for _ in range(epochs):
                order = torch.randperm(rows)
                x_epoch, y_epoch = x_all[order], y_all[order]
                epoch_loss = 0.0  # what Keras's History keeps
                for start in range(0, rows, batch):
                    xb, yb = x_epoch[start : start + batch], y_epoch[start : start + batch]
                    optimizer.zero_grad()
                    loss = loss_fn(model(xb), yb)
                    loss.backward()
                    optimizer.step()
                    epoch_loss += loss.item() * len(xb)
        model.eval()
        with torch.no_grad():
            scores = model(x_all)
            scores = torch.sigmoid(scores) if task.classes == 2 else scores
        return watch.trial(accuracy(scores.numpy(), data[1]))

    return run


def sklearn_contender(task: Task, data: Data, epochs: int) -> Contender:
    """MLPClassifier told to run every epoch (no early stop, no tolerance, no L2 penalty)."""
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier

    x, y = data
    activations = {act for _, act in task.hidden}
    if len(activations) != 1:
        raise ValueError(f"{task.name}: scikit-learn needs one activation for all hidden layers")
    activation = activations.pop()

    def run(seed: int) -> Trial:
        model = MLPClassifier(
            hidden_layer_sizes=tuple(units for units, _ in task.hidden),
            activation=activation,
            solver="adam",  # scikit-learn has no RMSprop: the MNIST row uses Adam here
            learning_rate_init=task.learning_rate,
            batch_size=task.batch_size,
            max_iter=epochs,
            shuffle=True,
            tol=0.0,
            n_iter_no_change=epochs + 1,
            early_stopping=False,
            alpha=0.0,
            random_state=seed,
        )
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)  # "max_iter reached": intended
            with Stopwatch() as watch:
                model.fit(x, y)
        if model.n_iter_ != epochs:
            raise RuntimeError(f"scikit-learn stopped after {model.n_iter_} of {epochs} epochs")
        return watch.trial(float(model.score(x, y)))

    return run


def matmul_floor(task: Task, data: Data, epochs: int) -> Contender:
    """Only the matrix products an epoch of a one-hidden-layer net needs, in float32.

    Per batch of m rows: forward X@W1 (m,n)@(n,h) and H@W2 (m,h)@(h,k); backward dW2 = Hᵀ@dZ2,
    dH = dZ2@W2ᵀ, dW1 = Xᵀ@dZ1 (no input gradient for the first layer). Written into
    preallocated outputs, so nothing but BLAS is timed.
    """
    rows, features = data[0].shape
    hidden, classes, batch = task.hidden[0][0], task.classes, task.batch_size
    batches = [min(batch, rows - start) for start in range(0, rows, batch)] * epochs

    def run(seed: int) -> Trial:
        rng = np.random.default_rng(seed)

        def normal(*shape: int) -> np.ndarray:
            return rng.standard_normal(shape, dtype=np.float32)

        x, w1, w2 = normal(batch, features), normal(features, hidden), normal(hidden, classes)
        h, dz1, dz2 = normal(batch, hidden), normal(batch, hidden), normal(batch, classes)
        z1, z2, dh = np.empty_like(h), np.empty_like(dz2), np.empty_like(h)
        dw1, dw2 = np.empty_like(w1), np.empty_like(w2)
        with Stopwatch() as watch:
            for m in batches:
                np.matmul(x[:m], w1, out=z1[:m])
                np.matmul(h[:m], w2, out=z2[:m])
                np.matmul(h[:m].T, dz2[:m], out=dw2)
                np.matmul(dz2[:m], w2.T, out=dh[:m])
                np.matmul(x[:m].T, dz1[:m], out=dw1)
        return watch.trial()

    return run


# --------------------------------------------------------------------------------------------
# Running and reporting


@dataclass
class Outcome:
    task: Task
    shape: str
    epochs: int
    rows: int
    repeats: int
    trials: dict[str, list[Trial]] = field(default_factory=dict)

    def seconds(self, who: str) -> float | None:
        return median_seconds(self.trials[who]) if who in self.trials else None

    def ratio(self, who: str) -> float | None:
        mine, theirs = self.seconds(OURS), self.seconds(who)
        return mine / theirs if mine is not None and theirs else None

    def verdicts(self) -> list[tuple[str, float, float | None]]:
        """(what, target, measured ratio or None) for each target of this task."""
        checks = [(TORCH, self.task.torch_target), (SKLEARN, self.task.sklearn_target)]
        if self.task.floor_target is not None:
            checks.append((FLOOR, self.task.floor_target))
        return [(who, target, self.ratio(who)) for who, target in checks]


def contenders_for(task: Task, data: Data, epochs: int, notes: list[str]) -> dict[str, Contender]:
    makers = {OURS: ours, TORCH: torch_contender, SKLEARN: sklearn_contender}
    if task.flatten:  # scikit-learn takes rows only; the mnist task times it on the same data
        del makers[SKLEARN]
    if task.floor_target is not None:
        makers[FLOOR] = matmul_floor
    found: dict[str, Contender] = {}
    for who, make in makers.items():
        try:
            found[who] = make(task, data, epochs)
        except ImportError as missing:
            note = f"{who}: skipped, cannot import {missing.name or missing} ({missing})"
            if note not in notes:
                notes.append(note)
    return found


def warm_up(contenders: dict[str, Contender], task: Task, data: Data) -> None:
    """One untimed epoch (on at most 10,000 rows), so that first-call costs are not timed."""
    rows = min(len(data[0]), 10_000)
    small = (data[0][:rows], data[1][:rows])
    makers = {OURS: ours, TORCH: torch_contender, SKLEARN: sklearn_contender}
    for who in contenders:
        if who in makers:
            makers[who](task, small, 1)(0)


def run_task(
    task: Task, repeats: int, quick: bool, quiet: Quiet | None, notes: list[str]
) -> Outcome:
    x, y = task.load()
    if quick and task.quick_rows:
        x, y = x[: task.quick_rows], y[: task.quick_rows]
    epochs = task.quick_epochs if quick else task.epochs
    outcome = Outcome(task, task.shape(x[0].size), epochs, len(x), repeats)
    contenders = contenders_for(task, (x, y), epochs, notes)
    print(
        f"\n{task.name} {outcome.shape}: {len(x)} rows, batch {task.batch_size}, "
        f"{epochs} epoch{'s' if epochs > 1 else ''}, {task.optimizer}; "
        f"{repeats} repeat{'s' if repeats > 1 else ''} of {', '.join(contenders)}",
        flush=True,
    )
    warm_up(contenders, task, (x, y))

    def progress(index: int, trials: dict[str, Trial], remark: str) -> None:
        parts = [f"{who} {trial.seconds:.3f}s" for who, trial in trials.items()]
        loads = [trial.others for trial in trials.values() if trial.others is not None]
        load = f" (others used up to {max(loads):.2f} cores)" if loads else ""
        remark = f": {remark}" if remark else ""
        print(f"  repeat {index + 1}/{repeats}: {', '.join(parts)}{load}{remark}", flush=True)

    outcome.trials = interleave(contenders, repeats, quiet=quiet, report=progress)
    return outcome


def results_table(outcomes: list[Outcome]) -> str:
    rows = []
    for out in outcomes:
        targets, verdicts = [], []
        for who, target, ratio in out.verdicts():
            targets.append(f"{'floor' if who == FLOOR else who}≤{target:.1f}")
            verdicts.append("n/a" if ratio is None else "PASS" if ratio <= target else "MISS")
        floor = out.ratio(FLOOR) if out.task.floor_target is not None else None
        rows.append(
            [
                f"{out.task.name} {out.shape}",
                out.seconds(OURS),
                out.seconds(TORCH),
                out.seconds(SKLEARN),
                out.ratio(TORCH),
                out.ratio(SKLEARN),
                floor,
                " ".join(targets),
                " ".join(verdicts),
            ]
        )
    headers = [
        "task",
        "ours (s)",
        "torch (s)",
        "sklearn (s)",
        "ours/torch",
        "ours/sklearn",
        "ours/floor",
        "target",
        "verdict",
    ]
    return format_table(headers, rows)


def details_table(outcomes: list[Outcome]) -> str:
    rows = []
    for out in outcomes:
        for who, trials in out.trials.items():
            rows.append(
                [
                    out.task.name,
                    who,
                    median_seconds(trials),
                    f"{100 * spread(trials):.0f}%",
                    min(t.seconds for t in trials),
                    _percent(median_accuracy(trials)),
                    most_others(trials),
                ]
            )
    headers = [
        "task",
        "who",
        "median (s)",
        "spread",
        "best (s)",
        "train accuracy",
        "others (cores)",
    ]
    return format_table(headers, rows)


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.1f}%"


def as_json(outcomes: list[Outcome], header: list[str], quick: bool) -> dict[str, Any]:
    return {
        "environment": header,
        "quick": quick,
        "tasks": [
            {
                "task": out.task.name,
                "network": out.shape,
                "rows": out.rows,
                "epochs": out.epochs,
                "batch_size": out.task.batch_size,
                "optimizer": out.task.optimizer,
                "repeats": out.repeats,
                "contenders": {
                    who: {
                        "median_seconds": median_seconds(trials),
                        "seconds": [t.seconds for t in trials],
                        "train_accuracy": [t.accuracy for t in trials],
                        "others_cores": [t.others for t in trials],
                    }
                    for who, trials in out.trials.items()
                },
                "targets": [
                    {
                        "ours_over": who,
                        "target": target,
                        "ratio": ratio,
                        "met": None if ratio is None else ratio <= target,
                    }
                    for who, target, ratio in out.verdicts()
                ],
            }
            for out in outcomes
        ],
    }


def torch_threads_line(threads: int | None = None) -> str | None:
    try:
        import torch
    except ImportError:
        return None
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    torch.set_num_threads(threads or cores or 1)
    return f"torch {torch.__version__}: {torch.get_num_threads()} threads"


def sklearn_line() -> str | None:
    try:
        import sklearn
    except ImportError:
        return None
    return f"scikit-learn {sklearn.__version__} (uses numpy's BLAS above)"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--quick",
        action="store_true",
        help="fewer epochs and 3 repeats: checks the benchmark runs, not speed",
    )
    parser.add_argument(
        "--repeats",
        type=int,
        metavar="N",
        help="timed repeats for every task (default: 7 small, 5 MNIST)",
    )
    names = [task.name for task in TASKS]
    parser.add_argument(
        "--tasks", default=",".join(names), help=f"comma-separated subset of {','.join(names)}"
    )
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write the results here")
    parser.add_argument(
        "--torch-threads",
        type=int,
        metavar="N",
        help="torch's thread count (default: one per core; 1 helps on a crowded machine, where "
        "torch's threads otherwise spin waiting for each other)",
    )
    parser.add_argument(
        "--busy-threshold",
        type=float,
        default=0.2,
        metavar="CORES",
        help="other processes using more cores than this count as disturbing (default 0.2)",
    )
    parser.add_argument(
        "--max-wait",
        type=float,
        default=30.0,
        metavar="SECONDS",
        help="before each repeat, wait up to this long for a quiet machine (default 30; 0: never)",
    )
    parser.add_argument(
        "--redos",
        type=int,
        default=2,
        metavar="N",
        help="redo a repeat disturbed by other processes up to N times (default 2; 0: never)",
    )
    args = parser.parse_args(argv)
    args.tasks = [name.strip() for name in args.tasks.split(",") if name.strip()]
    unknown = sorted(set(args.tasks) - set(names))
    if unknown:
        parser.error(f"unknown task(s) {', '.join(unknown)}; expected some of {', '.join(names)}")
    if args.repeats is not None and args.repeats < 1:
        parser.error(f"--repeats must be at least 1, got {args.repeats}")
    if args.redos < 0 or args.max_wait < 0 or args.busy_threshold < 0:
        parser.error("--redos, --max-wait and --busy-threshold cannot be negative")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    header = [line for line in (torch_threads_line(args.torch_threads), sklearn_line()) if line]
    header = [*environment_lines(), *header]  # after torch's import: its libraries show too
    print("\n".join(header))
    notes: list[str] = []
    quiet = None
    if not args.quick and (args.max_wait or args.redos):
        quiet = Quiet(args.busy_threshold, args.max_wait, args.redos)
    outcomes = []
    for task in TASKS:
        if task.name in args.tasks:
            repeats = args.repeats or (3 if args.quick else task.repeats)
            outcomes.append(run_task(task, repeats, args.quick, quiet, notes))
    print()
    for note in notes:
        print(f"note: {note}")
    if args.quick:
        print("note: --quick trains far fewer epochs; its ratios are not the targets' verdict")
    busiest = max((most_others(t) or 0.0 for o in outcomes for t in o.trials.values()), default=0)
    if busiest > args.busy_threshold:
        print(
            f"note: other processes used up to {busiest:.2f} cores during some timed runs; "
            "those timings are inflated (see 'others' below): rerun on a quiet machine"
        )
    print("\n" + results_table(outcomes))
    by_name = {out.task.name: out for out in outcomes}
    if "mnist" in by_name and "mnist-flatten" in by_name:
        flat, rows = by_name["mnist-flatten"].seconds(OURS), by_name["mnist"].seconds(OURS)
        if flat and rows:
            print(f"\nFlatten(input_shape=(28, 28)) vs reshaped rows, ours: {flat / rows:.2f}")
    print("\n" + details_table(outcomes))
    met = [
        ratio <= target
        for out in outcomes
        for _, target, ratio in out.verdicts()
        if ratio is not None
    ]
    print(
        f"\n{sum(met)} of {len(met)} targets met (ratio = ours / other on medians; lower is faster)"
    )
    if args.json:
        args.json.write_text(json.dumps(as_json(outcomes, header, args.quick), indent=2) + "\n")
        print(f"results written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
