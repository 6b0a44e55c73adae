"""Every neuron's own picture: its output at each point of a grid over the 2-D input plane.

    frame = neuron_frame(model, bounds=(-6, 6, -6, 6), side=16, data=x_train)
    frame.layers[0].grids[3]     # (16, 16): hidden neuron 4's output, row 0 at the top
    frame.layers[0].dead         # which ReLUs output 0 on every data point

The weights are copied first and the grid is pushed through them with the engine's own
activation functions (`layer.activation.forward`), so a frame can be computed from any thread,
e.g. the training thread between epochs, without touching the layers' working buffers. A
16 × 16 grid through a 2-8-8-8-8-1 network takes well under a millisecond.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

MAX_DRAWN_NEURONS = 48
"""More neurons than this (hidden and output together) are shown in summary, not drawn."""


@dataclass(frozen=True)
class LayerPicture:
    """One layer: its weights, and per neuron a grid of outputs and the range on the data."""

    name: str
    activation: str
    W: np.ndarray  # (inputs, units)
    b: np.ndarray  # (units,)
    grids: np.ndarray | None  # (units, rows, cols) over the plane, None when not 2-D
    low: np.ndarray  # (units,) smallest output on the data (or the grid when no data)
    high: np.ndarray  # (units,) largest
    dead: np.ndarray  # (units,) bool: a ReLU whose z ≤ 0 on every data point

    @property
    def units(self) -> int:
        return self.W.shape[1]


@dataclass(frozen=True)
class NeuronFrame:
    """All layers of one network at one moment."""

    layers: list[LayerPicture]
    bounds: tuple[float, float, float, float]  # x0, x1, y0, y1 of the plane
    inputs: int
    epoch: int = 0

    @property
    def drawable(self) -> bool:
        """True when the network has 2 inputs and few enough neurons to draw each one."""
        return self.inputs == 2 and self.neurons <= MAX_DRAWN_NEURONS

    @property
    def neurons(self) -> int:
        return sum(layer.units for layer in self.layers)


def plane_points(bounds: tuple[float, float, float, float], cols: int, rows: int) -> np.ndarray:
    """Centres of a cols × rows grid over the plane, row by row from the top (largest x2)."""
    x0, x1, y0, y1 = bounds
    xs = x0 + (np.arange(cols) + 0.5) / cols * (x1 - x0)
    ys = y1 - (np.arange(rows) + 0.5) / rows * (y1 - y0)
    gx, gy = np.meshgrid(xs, ys)
    return np.column_stack([gx.ravel(), gy.ravel()])


def _outputs(weights, activations, x: np.ndarray) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """(z, a) of every layer for inputs x, through copied weights."""
    zs, outs = [], []
    with np.errstate(all="ignore"):
        for (kernel, bias), activation in zip(weights, activations, strict=True):
            z = x @ kernel
            if bias is not None:
                z = z + bias
            x = activation.forward(z.copy())
            zs.append(z)
            outs.append(x)
    return zs, outs


def neuron_frame(
    model,
    bounds: tuple[float, float, float, float] = (-6.0, 6.0, -6.0, 6.0),
    side: int = 16,
    data: np.ndarray | None = None,
    epoch: int = 0,
) -> NeuronFrame:
    """Each neuron's output on a side × side grid over `bounds`, and on `data` when given."""
    layers = [layer for layer in model.layers if getattr(layer, "kernel", None) is not None]
    weights = [
        (layer.kernel.copy(), layer.bias.copy() if layer.use_bias else None) for layer in layers
    ]
    activations = [layer.activation for layer in layers]
    inputs = weights[0][0].shape[0] if weights else 0
    grids: list[np.ndarray | None] = [None] * len(layers)
    if inputs == 2 and sum(layer.units for layer in layers) <= MAX_DRAWN_NEURONS:
        points = plane_points(bounds, side, side).astype(weights[0][0].dtype)
        _, outs = _outputs(weights, activations, points)
        grids = [out.T.reshape(-1, side, side) for out in outs]
    if data is not None and len(data):
        zs, seen = _outputs(weights, activations, np.asarray(data, dtype=weights[0][0].dtype))
    else:
        zs, seen = (
            [None] * len(layers),
            [g.reshape(g.shape[0], -1).T for g in grids if g is not None],
        )
        if len(seen) != len(layers):
            seen = [np.zeros((1, layer.units)) for layer in layers]
    pictures = []
    for i, layer in enumerate(layers):
        out = seen[i]
        relu = layer.activation.name == "relu"
        dead = (
            np.all(zs[i] <= 0, axis=0)
            if relu and zs[i] is not None
            else np.zeros(layer.units, bool)
        )
        kernel, bias = weights[i]
        pictures.append(
            LayerPicture(
                name=layer.name,
                activation=layer.activation.name,
                W=kernel,
                b=bias if bias is not None else np.zeros(layer.units, kernel.dtype),
                grids=grids[i],
                low=np.nanmin(out, axis=0) if len(out) else np.zeros(layer.units),
                high=np.nanmax(out, axis=0) if len(out) else np.zeros(layer.units),
                dead=dead,
            )
        )
    return NeuronFrame(pictures, tuple(float(v) for v in bounds), inputs, epoch)


LEVELS = 12
"""Shades per sign, as in the playground's decision boundary."""


def shade(values: np.ndarray) -> np.ndarray:
    """Signed shade levels −LEVELS..LEVELS for a neuron's outputs (0 exactly where output is 0).

    The playground's scale is [−1, 1]; a neuron whose outputs go beyond that (ReLU, linear) is
    scaled by its own largest |output| so that its picture keeps its shape. NaN counts as 0.
    """
    return shade_many(np.asarray(values)[None])[0]


def shade_many(grids: np.ndarray) -> np.ndarray:
    """`shade` for a stack of pictures (n, rows, cols), each scaled on its own, in one go."""
    values = np.asarray(grids, dtype=np.float64)
    if not np.isfinite(values).all():
        values = np.nan_to_num(values, nan=0.0, posinf=1e300, neginf=-1e300)
    size = np.abs(values)
    top = size.reshape(len(size), -1).max(axis=1) if size.size else np.zeros(len(size))
    scale = np.maximum(top, 1.0).reshape((-1,) + (1,) * (values.ndim - 1))
    magnitude = np.ceil(np.minimum(size / scale, 1.0) * LEVELS)
    return (np.sign(values) * magnitude).astype(np.int64)
