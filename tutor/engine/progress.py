"""Keras-style progress lines for `fit(verbose=1)` and `fit(verbose=2)`.

verbose=1 prints "Epoch 3/10", then a bar that fills while the epoch runs (redrawn in place at
most every 0.05 s, and only on a terminal), ending as

    4/4 ━━━━━━━━━━━━━━━━━━━━ 0s 2ms/step - accuracy: 1.0000 - loss: 0.1164

verbose=2 prints the same figures once per epoch without the bar.
"""

from __future__ import annotations

import math
import sys
import time
from typing import TextIO

from tutor.engine.callbacks import Callback

BAR_WIDTH = 20
REDRAW_INTERVAL = 0.05


def format_value(value: float) -> str:
    """Four decimals, or scientific notation for tiny values, as Keras prints them."""
    return f"{value:.4f}" if abs(value) > 1e-3 or not math.isfinite(value) else f"{value:.4e}"


def format_step_time(seconds: float) -> str:
    if seconds >= 1 or seconds == 0:
        return f"{seconds:.0f}s/step"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.0f}ms/step"
    return f"{seconds * 1e6:.0f}us/step"


def format_logs(logs: dict[str, float]) -> str:
    return "".join(f" - {key}: {format_value(value)}" for key, value in logs.items())


class ProgressLogger(Callback):
    """Prints training progress the way Keras's ProgbarLogger does."""

    def __init__(self, verbose: int = 1, stream: TextIO | None = None):
        super().__init__()
        self.verbose = verbose
        self.stream = stream or sys.stdout
        self.dynamic = verbose == 1 and getattr(self.stream, "isatty", lambda: False)()
        self._epoch_start = 0.0
        self._last_draw = 0.0
        self._width = 0

    @property
    def wants_batch_events(self) -> bool:
        return self.dynamic

    def on_epoch_begin(self, epoch, logs=None):
        if self.verbose == 1:
            self.stream.write(f"Epoch {epoch + 1}/{self.params.get('epochs', '?')}\n")
            self.stream.flush()
        self._epoch_start = time.perf_counter()
        self._last_draw = 0.0
        self._width = 0

    def _line(self, steps_done: int, logs: dict[str, float], final: bool) -> str:
        steps = self.params.get("steps", steps_done) or steps_done
        elapsed = time.perf_counter() - self._epoch_start
        per_step = elapsed / max(steps_done, 1)
        count = f"{steps_done:>{len(str(steps))}}/{steps}"
        if self.verbose == 2:
            return f"{count} - {elapsed:.0f}s - {format_step_time(per_step)}{format_logs(logs)}"
        filled = int(BAR_WIDTH * steps_done / steps)
        bar = "━" * filled + " " * (BAR_WIDTH - filled) if not final else "━" * BAR_WIDTH
        timing = f"{elapsed:.0f}s" if final else f"{per_step * (steps - steps_done):.0f}s"
        return f"{count} {bar} {timing} {format_step_time(per_step)}{format_logs(logs)}"

    def on_train_batch_end(self, batch, logs=None):
        now = time.perf_counter()
        if now - self._last_draw < REDRAW_INTERVAL:
            return
        self._last_draw = now
        line = self._line(batch + 1, logs or {}, final=False)
        self.stream.write("\r" + line + " " * max(0, self._width - len(line)))
        self.stream.flush()
        self._width = len(line)

    def on_epoch_end(self, epoch, logs=None):
        steps_done = self.params.get("steps_done", self.params.get("steps", 1))
        line = self._line(steps_done, logs or {}, final=True)
        prefix = "\r" if self.dynamic else ""
        self.stream.write(prefix + line + " " * max(0, self._width - len(line)) + "\n")
        self.stream.flush()
