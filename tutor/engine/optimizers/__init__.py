"""Optimizers: how each step walks the weights downhill, given the gradient g = dL/dw.

The update rules, defaults and order of operations are Keras 3's, so the same starting weights
and the same batches give the same numbers. Every optimizer works on ONE flat vector holding all
the model's parameters (and one holding all gradients), so a step is a handful of whole-vector
NumPy operations however many layers there are. t counts steps from 1.

    SGD       w ← w − lr·g                       (momentum: v ← μ·v − lr·g;  w ← w + v)
    RMSprop   s ← ρ·s + (1−ρ)·g²;  w ← w − lr·g / √(s + ε)
    Adam      m ← m + (1−β₁)(g − m);  v ← v + (1−β₂)(g² − v)
              w ← w − lr·√(1−β₂ᵗ)/(1−β₁ᵗ) · m / (√v + ε)
    Nadam     Adam with Nesterov momentum and the momentum schedule μₜ = β₁(1 − ½·0.96ᵗ)
    Adagrad   a ← a + g²;  w ← w − lr·g / √(a + ε)
    Adamax    m as Adam;  u ← max(β₂·u, |g|);  w ← w − lr·m / ((1 − β₁ᵗ)(u + ε))
    AdamW     w ← w − lr·λ·w, then Adam's step

One file each (`sgd`, `rmsprop`, `adam`, ...), with its formulas in its docstring; `base` holds
what they share.

`learning_rate` can be read and changed at any time, also while a model trains.
"""

from __future__ import annotations

from typing import Any

from tutor.engine.errors import EngineError, unknown_name
from tutor.engine.optimizers.adagrad import Adagrad
from tutor.engine.optimizers.adam import Adam
from tutor.engine.optimizers.adamax import Adamax
from tutor.engine.optimizers.adamw import AdamW
from tutor.engine.optimizers.base import Optimizer
from tutor.engine.optimizers.nadam import Nadam
from tutor.engine.optimizers.rmsprop import RMSprop
from tutor.engine.optimizers.sgd import SGD

_BY_NAME: dict[str, type[Optimizer]] = {
    "sgd": SGD,
    "rmsprop": RMSprop,
    "adam": Adam,
    "nadam": Nadam,
    "adagrad": Adagrad,
    "adamax": Adamax,
    "adamw": AdamW,
}
NAMES = sorted(_BY_NAME)


def get(identifier: str | Optimizer | dict) -> Optimizer:
    """An optimizer for a name (defaults, as Keras: `"adam"` is `Adam()`) or an object."""
    if isinstance(identifier, Optimizer):
        return identifier
    if isinstance(identifier, dict):
        config = dict(identifier)
        cls = _BY_NAME.get(str(config.pop("name", "")).lower())
        if cls is None:
            raise unknown_name("optimizer", identifier, NAMES)
        return cls(**config)
    if isinstance(identifier, str):
        cls = _BY_NAME.get(identifier.lower())
        if cls is None:
            raise unknown_name("optimizer", identifier, NAMES)
        return cls()
    if isinstance(identifier, type) and issubclass(identifier, Optimizer):
        return identifier()
    raise EngineError(
        f"An optimizer must be a name ({', '.join(NAMES)}) or an optimizer object such as "
        f"Adam(learning_rate=0.01); got {identifier!r}."
    )


def config_of(optimizer: Optimizer) -> dict[str, Any]:
    """The dict `get` turns back into an equal optimizer."""
    return {"name": type(optimizer).__name__.lower(), **optimizer.get_config()}


__all__ = [
    "NAMES",
    "SGD",
    "Adagrad",
    "Adam",
    "AdamW",
    "Adamax",
    "Nadam",
    "Optimizer",
    "RMSprop",
    "config_of",
    "get",
]
