"""One random number generator for the whole engine, so that `set_seed(n)` makes runs repeatable.

Initializers draw starting weights from it and `fit(shuffle=True)` draws the order of the rows
from it. `set_seed` also seeds Python's `random` and NumPy's legacy global generator, as
`keras.utils.set_random_seed` does, so a learner's own `np.random` calls repeat too.
"""

from __future__ import annotations

import random as _python_random

import numpy as np

_generator = np.random.default_rng()


def set_seed(seed: int) -> None:
    """Make every later random draw of the engine repeat exactly from this seed."""
    global _generator
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        from tutor.engine.errors import EngineError

        raise EngineError(f"set_seed expects a whole number >= 0, got {seed!r}.")
    _generator = np.random.default_rng(int(seed))
    _python_random.seed(int(seed))
    np.random.seed(int(seed) % 2**32)


def generator() -> np.random.Generator:
    """The engine's current generator (replaced by each `set_seed`)."""
    return _generator
