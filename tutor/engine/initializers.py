"""Initializers: the small random numbers a layer's weights start from.

Keras 3's rules. A kernel of shape (fan_in, fan_out) connects fan_in inputs to fan_out units.
The variance-scaling family keeps the signal's size steady from layer to layer:

    name            distribution        spread                         scale, fan
    glorot_uniform  uniform(−l, l)      l = √(3·scale / fan)            1, (fan_in + fan_out)/2
    glorot_normal   truncated normal    σ = √(scale / fan) / 0.8796…    1, (fan_in + fan_out)/2
    he_uniform      uniform             as above                        2, fan_in
    he_normal       truncated normal    as above                        2, fan_in
    lecun_uniform   uniform             as above                        1, fan_in
    lecun_normal    truncated normal    as above                        1, fan_in

A truncated normal redraws every value more than 2σ from the mean; dividing σ by 0.8796…
(the standard deviation of a unit normal cut at ±2) makes the result's spread the intended one.
`glorot_uniform` is the default for kernels and is also called `xavier_uniform`; biases start
at `zeros`. All draws come from the engine's generator, so `set_seed` repeats them.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from tutor.engine.errors import EngineError, unknown_name
from tutor.engine.seeding import generator

TRUNCATED_NORMAL_STDDEV_CORRECTION = 0.87962566103423978


def _fans(shape: tuple[int, ...]) -> tuple[int, int]:
    if len(shape) == 1:
        return shape[0], shape[0]
    return shape[0], shape[1]


def _truncated_normal(mean: float, stddev: float, shape: tuple[int, ...]) -> np.ndarray:
    rng = generator()
    values = rng.standard_normal(shape)
    outside = np.abs(values) > 2.0
    while outside.any():
        values[outside] = rng.standard_normal(np.count_nonzero(outside))
        outside = np.abs(values) > 2.0
    return mean + stddev * values


class Initializer:
    """`initializer(shape, dtype)` gives a new array of starting values."""

    name = "initializer"

    def __call__(self, shape: tuple[int, ...], dtype: Any = np.float32) -> np.ndarray:
        return np.asarray(self.draw(tuple(shape)), dtype=dtype)

    def draw(self, shape: tuple[int, ...]) -> np.ndarray:
        raise NotImplementedError

    def get_config(self) -> dict[str, Any]:
        return {}

    def config(self) -> dict[str, Any]:
        return {"name": self.name, **self.get_config()}

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in self.get_config().items())
        return f"{type(self).__name__}({args})"


class Zeros(Initializer):
    name = "zeros"

    def draw(self, shape):
        return np.zeros(shape)


class Ones(Initializer):
    name = "ones"

    def draw(self, shape):
        return np.ones(shape)


class Constant(Initializer):
    name = "constant"

    def __init__(self, value: float = 0.0):
        self.value = float(value)

    def draw(self, shape):
        return np.full(shape, self.value)

    def get_config(self):
        return {"value": self.value}


class RandomUniform(Initializer):
    """Uniform in [minval, maxval); Keras's default range is ±0.05."""

    name = "random_uniform"

    def __init__(self, minval: float = -0.05, maxval: float = 0.05):
        self.minval, self.maxval = float(minval), float(maxval)

    def draw(self, shape):
        return generator().uniform(self.minval, self.maxval, shape)

    def get_config(self):
        return {"minval": self.minval, "maxval": self.maxval}


class RandomNormal(Initializer):
    """Normal with mean 0 and standard deviation 0.05 by default."""

    name = "random_normal"

    def __init__(self, mean: float = 0.0, stddev: float = 0.05):
        self.mean, self.stddev = float(mean), float(stddev)

    def draw(self, shape):
        return generator().normal(self.mean, self.stddev, shape)

    def get_config(self):
        return {"mean": self.mean, "stddev": self.stddev}


class TruncatedNormal(RandomNormal):
    """Normal, with every value more than 2 standard deviations from the mean redrawn."""

    name = "truncated_normal"

    def draw(self, shape):
        return _truncated_normal(self.mean, self.stddev, shape)


class VarianceScaling(Initializer):
    """The family behind Glorot, He and LeCun: spread chosen from the layer's fan-in/fan-out."""

    name = "variance_scaling"

    def __init__(
        self, scale: float = 1.0, mode: str = "fan_in", distribution: str = "truncated_normal"
    ):
        if mode not in ("fan_in", "fan_out", "fan_avg"):
            raise EngineError(f"mode must be 'fan_in', 'fan_out' or 'fan_avg', got {mode!r}.")
        if distribution not in ("uniform", "truncated_normal", "untruncated_normal"):
            raise EngineError(
                "distribution must be 'uniform', 'truncated_normal' or 'untruncated_normal', "
                f"got {distribution!r}."
            )
        self.scale, self.mode, self.distribution = float(scale), mode, distribution

    def draw(self, shape):
        fan_in, fan_out = _fans(shape)
        fan = {"fan_in": fan_in, "fan_out": fan_out, "fan_avg": (fan_in + fan_out) / 2.0}
        scale = self.scale / max(1.0, fan[self.mode])
        if self.distribution == "uniform":
            limit = math.sqrt(3.0 * scale)
            return generator().uniform(-limit, limit, shape)
        if self.distribution == "untruncated_normal":
            return generator().normal(0.0, math.sqrt(scale), shape)
        return _truncated_normal(0.0, math.sqrt(scale) / TRUNCATED_NORMAL_STDDEV_CORRECTION, shape)

    def get_config(self):
        if type(self) is not VarianceScaling:
            return {}
        return {"scale": self.scale, "mode": self.mode, "distribution": self.distribution}


class GlorotUniform(VarianceScaling):
    """Uniform in ±√(6 / (fan_in + fan_out)); the default for Dense kernels (Xavier uniform)."""

    name = "glorot_uniform"

    def __init__(self) -> None:
        super().__init__(1.0, "fan_avg", "uniform")


class GlorotNormal(VarianceScaling):
    """Truncated normal with σ = √(2 / (fan_in + fan_out)) (Xavier normal)."""

    name = "glorot_normal"

    def __init__(self) -> None:
        super().__init__(1.0, "fan_avg", "truncated_normal")


class HeUniform(VarianceScaling):
    """Uniform in ±√(6 / fan_in); suits ReLU layers."""

    name = "he_uniform"

    def __init__(self) -> None:
        super().__init__(2.0, "fan_in", "uniform")


class HeNormal(VarianceScaling):
    """Truncated normal with σ = √(2 / fan_in); suits ReLU layers."""

    name = "he_normal"

    def __init__(self) -> None:
        super().__init__(2.0, "fan_in", "truncated_normal")


class LecunUniform(VarianceScaling):
    """Uniform in ±√(3 / fan_in)."""

    name = "lecun_uniform"

    def __init__(self) -> None:
        super().__init__(1.0, "fan_in", "uniform")


class LecunNormal(VarianceScaling):
    """Truncated normal with σ = √(1 / fan_in)."""

    name = "lecun_normal"

    def __init__(self) -> None:
        super().__init__(1.0, "fan_in", "truncated_normal")


_BY_NAME: dict[str, type[Initializer]] = {
    "zeros": Zeros,
    "ones": Ones,
    "constant": Constant,
    "random_uniform": RandomUniform,
    "random_normal": RandomNormal,
    "truncated_normal": TruncatedNormal,
    "variance_scaling": VarianceScaling,
    "glorot_uniform": GlorotUniform,
    "xavier_uniform": GlorotUniform,
    "glorot_normal": GlorotNormal,
    "xavier_normal": GlorotNormal,
    "he_uniform": HeUniform,
    "he_normal": HeNormal,
    "lecun_uniform": LecunUniform,
    "lecun_normal": LecunNormal,
}
NAMES = sorted(_BY_NAME)


def get(identifier: str | Initializer | dict) -> Initializer:
    """An initializer for a name (`"he_normal"`), a config dict or an initializer object."""
    if isinstance(identifier, Initializer):
        return identifier
    if isinstance(identifier, dict):
        config = dict(identifier)
        name = str(config.pop("name", ""))
        cls = _BY_NAME.get(name.lower())
        if cls is None:
            raise unknown_name("initializer", name, NAMES)
        return cls(**config)
    if isinstance(identifier, str):
        cls = _BY_NAME.get(identifier.lower())
        if cls is None:
            raise unknown_name("initializer", identifier, NAMES)
        return cls()
    if isinstance(identifier, type) and issubclass(identifier, Initializer):
        return identifier()
    raise EngineError(
        f"An initializer must be a name such as 'glorot_uniform' or an initializer object; "
        f"got {identifier!r}."
    )
