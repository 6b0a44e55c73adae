"""What every run shares: the truth table's rows, the `Run` and `Frame` it returns, and the
helpers that draw a model over the plane and print its numbers."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from tutor.i18n import Text

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
        from tutor.course.demos.registry import SCENARIOS

        return SCENARIOS[self.scenario].function(**self.params)


# --- helpers ----------------------------------------------------------------------------------


def plane_grid(
    predict: Callable[[np.ndarray], np.ndarray],
    lo: float = -0.5,
    hi: float = 1.5,
    side: int = 32,
) -> np.ndarray:
    """P(class 1) on a side × side grid over [lo, hi]², row 0 at the top (largest x₂)."""
    centres = lo + (np.arange(side) + 0.5) * (hi - lo) / side
    xs, ys = np.meshgrid(centres, centres[::-1])
    plane = np.column_stack([xs.ravel(), ys.ravel()])
    return np.asarray(predict(plane), dtype=np.float64).reshape(side, side)


def row_label(row: np.ndarray) -> str:
    return f"({row[0]:g}, {row[1]:g})"


def table_targets(targets: Any) -> np.ndarray:
    y = np.asarray(targets)
    if y.shape != (4,) or not np.isin(y, (0, 1)).all():
        raise DemoError("`targets` must be four 0/1 values, for rows 00, 01, 10, 11", "params")
    return y.astype(int)


def weight_pair(value: Any, name: str) -> np.ndarray:
    w = np.asarray(value, dtype=np.float64)
    if w.shape != (2,):
        raise DemoError(f"`{name}` must be two numbers [w1, w2]", "params")
    return w


def fmt(value: float) -> str:
    """A number as a run prints it: at most four decimals, no trailing zeros, no -0."""
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
