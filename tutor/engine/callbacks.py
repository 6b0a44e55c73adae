"""Callbacks: code that `fit` calls at fixed moments, as in Keras.

Subclass `Callback` and override the moments you need; `self.model` is the model being trained.
Setting `self.model.stop_training = True` stops training after the current batch, and
`self.model.stop_reason` can say why in plain words.

The training loop only builds per-batch `logs` when some callback overrides a batch method, so
callbacks that watch epochs cost nothing per batch.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable
from typing import Any

from tutor.engine.errors import EngineError

Logs = dict[str, float]


class Callback:
    """Base class: every method does nothing until a subclass overrides it."""

    def __init__(self) -> None:
        self.model: Any = None
        self.params: dict[str, Any] = {}

    def set_model(self, model: Any) -> None:
        self.model = model

    def set_params(self, params: dict[str, Any]) -> None:
        self.params = params

    def on_train_begin(self, logs: Logs | None = None) -> None:
        """Before the first epoch."""

    def on_train_end(self, logs: Logs | None = None) -> None:
        """After the last epoch (also when training stopped early)."""

    def on_epoch_begin(self, epoch: int, logs: Logs | None = None) -> None:
        """Before epoch `epoch` (counted from 0)."""

    def on_epoch_end(self, epoch: int, logs: Logs | None = None) -> None:
        """After epoch `epoch`; `logs` has that epoch's loss, metrics and val_ values."""

    def on_batch_begin(self, batch: int, logs: Logs | None = None) -> None:
        """Before each training batch (counted from 0 within the epoch)."""

    def on_batch_end(self, batch: int, logs: Logs | None = None) -> None:
        """After each training batch; `logs` has the running means of the epoch so far."""

    def on_train_batch_begin(self, batch: int, logs: Logs | None = None) -> None:
        self.on_batch_begin(batch, logs)

    def on_train_batch_end(self, batch: int, logs: Logs | None = None) -> None:
        self.on_batch_end(batch, logs)

    @property
    def wants_batch_events(self) -> bool:
        """True when this callback overrides a batch method (so the loop must call it)."""
        cls = type(self)
        return any(
            getattr(cls, name) is not getattr(Callback, name)
            for name in (
                "on_batch_begin",
                "on_batch_end",
                "on_train_batch_begin",
                "on_train_batch_end",
            )
        )


class History(Callback):
    """Records each epoch's logs: `history["loss"]` is the list of epoch losses.

    `fit` returns it. `stop_reason` says in plain words why training ended early, or is None.
    """

    def __init__(self) -> None:
        super().__init__()
        self.history: dict[str, list[float]] = {}
        self.epoch: list[int] = []
        self.stop_reason: str | None = None

    def on_train_begin(self, logs=None):
        self.epoch = []

    def on_epoch_end(self, epoch, logs=None):
        self.epoch.append(epoch)
        for key, value in (logs or {}).items():
            self.history.setdefault(key, []).append(value)

    def on_train_end(self, logs=None):
        if self.model is not None:
            self.stop_reason = self.model.stop_reason
            self.model.history = self

    def __repr__(self) -> str:
        epochs = len(self.epoch)
        return f"<History: {epochs} epoch{'s' if epochs != 1 else ''}, keys {list(self.history)}>"


class LambdaCallback(Callback):
    """A callback made from plain functions, e.g. `LambdaCallback(on_epoch_end=print_loss)`."""

    def __init__(
        self,
        on_epoch_begin: Callable | None = None,
        on_epoch_end: Callable | None = None,
        on_batch_begin: Callable | None = None,
        on_batch_end: Callable | None = None,
        on_train_begin: Callable | None = None,
        on_train_end: Callable | None = None,
    ):
        super().__init__()
        for name, function in (
            ("on_epoch_begin", on_epoch_begin),
            ("on_epoch_end", on_epoch_end),
            ("on_batch_begin", on_batch_begin),
            ("on_batch_end", on_batch_end),
            ("on_train_begin", on_train_begin),
            ("on_train_end", on_train_end),
        ):
            if function is not None:
                setattr(self, name, function)
        self._batch_functions = on_batch_begin is not None or on_batch_end is not None

    @property
    def wants_batch_events(self) -> bool:
        return self._batch_functions


class EarlyStopping(Callback):
    """Stops training when `monitor` has stopped improving for `patience` epochs (Keras 3 rules).

    An epoch improves on the best so far when the value is lower by more than `min_delta`
    (higher, for accuracies). `restore_best_weights=True` puts back the best epoch's weights.
    """

    def __init__(
        self,
        monitor: str = "val_loss",
        min_delta: float = 0.0,
        patience: int = 0,
        verbose: int = 0,
        mode: str = "auto",
        baseline: float | None = None,
        restore_best_weights: bool = False,
        start_from_epoch: int = 0,
    ):
        super().__init__()
        if mode not in ("auto", "min", "max"):
            raise EngineError(f"EarlyStopping mode must be 'auto', 'min' or 'max', got {mode!r}.")
        if mode == "auto":
            mode = "max" if monitor.endswith(("acc", "accuracy", "auc")) else "min"
        self.monitor = monitor
        self.mode = mode
        self.min_delta = abs(float(min_delta))
        self.patience = int(patience)
        self.verbose = verbose
        self.baseline = baseline
        self.restore_best_weights = restore_best_weights
        self.start_from_epoch = start_from_epoch
        self.best_weights: list | None = None

    def _improves(self, value: float, reference: float) -> bool:
        if self.mode == "min":
            return value + self.min_delta < reference
        return value - self.min_delta > reference

    def on_train_begin(self, logs=None):
        self.wait = 0
        self.stopped_epoch = 0
        self.best = math.inf if self.mode == "min" else -math.inf
        self.best_weights = None
        self.best_epoch = 0

    def on_epoch_end(self, epoch, logs=None):
        current = (logs or {}).get(self.monitor)
        if current is None:
            known = ", ".join(sorted(logs or {}))
            print(
                f"EarlyStopping watches {self.monitor!r}, which this training does not "
                f"report (it reports: {known}).",
                file=sys.stderr,
            )
            return
        if epoch < self.start_from_epoch:
            return
        if self.restore_best_weights and self.best_weights is None:
            self.best_weights = self.model.get_weights()
        self.wait += 1
        if self._improves(current, self.best):
            self.best = current
            self.best_epoch = epoch
            if self.restore_best_weights:
                self.best_weights = self.model.get_weights()
            if self.baseline is None or self._improves(current, self.baseline):
                self.wait = 0
            return
        if self.wait >= self.patience and epoch > 0:
            self.stopped_epoch = epoch
            self.model.stop_training = True
            self.model.stop_code = "early_stopping"
            self.model.stop_info = {
                "epoch": epoch + 1,
                "monitor": self.monitor,
                "wait": self.wait,
                "best": float(self.best),
                "best_epoch": self.best_epoch + 1,
            }
            self.model.stop_reason = (
                f"early stopping at epoch {epoch + 1}: {self.monitor} did not improve for "
                f"{self.wait} epoch{'s' if self.wait != 1 else ''} (best {self.best:.4f} at "
                f"epoch {self.best_epoch + 1})"
            )

    def on_train_end(self, logs=None):
        if self.stopped_epoch > 0 and self.verbose > 0:
            print(f"Epoch {self.stopped_epoch + 1}: early stopping")
        if self.restore_best_weights and self.best_weights is not None:
            if self.verbose > 0:
                print(
                    f"Restoring model weights from the end of the best epoch: "
                    f"{self.best_epoch + 1}."
                )
            self.model.set_weights(self.best_weights)
