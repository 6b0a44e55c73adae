"""`fit`: the training loop of `Sequential`, one epoch and one batch at a time.

For each batch: forward (with Dropout active), the loss and its gradient (from the logits where
the loss fuses with the output activation), backward, one optimizer step. The history keeps, per
epoch, the batch-size-weighted mean of the batch losses and of the metrics, as Keras does.
`Trainer` is mixed into `Sequential`; it relies on the model's `_prepare_xy`, `_forward`,
`_backward`, `_loss_functions`, `_resolve_metrics`, `_fused` and `_evaluate_arrays`.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Sequence
from typing import Any

import numpy as np

from tutor.engine import data
from tutor.engine.callbacks import Callback, History
from tutor.engine.data import plural
from tutor.engine.errors import EngineError
from tutor.engine.progress import ProgressLogger
from tutor.engine.seeding import generator


def batch_size_of(batch_size: Any) -> int:
    """32 for None (Keras's default), else a whole number >= 1."""
    if batch_size is None:
        return 32
    if isinstance(batch_size, bool) or not isinstance(batch_size, (int, np.integer)):
        raise EngineError(f"batch_size must be a whole number >= 1, got {batch_size!r}.")
    if batch_size < 1:
        raise EngineError(f"batch_size must be a whole number >= 1, got {batch_size!r}.")
    return int(batch_size)


class Trainer:
    """`fit` and its helpers (a mixin of `Sequential`)."""

    def fit(
        self,
        x: Any = None,
        y: Any = None,
        batch_size: int | None = None,
        epochs: int = 1,
        verbose: int | str = "auto",
        callbacks: Sequence[Callback] | None = None,
        validation_split: float = 0.0,
        validation_data: tuple[Any, Any] | None = None,
        shuffle: bool = True,
        class_weight: dict[int, float] | None = None,
        sample_weight: Any = None,
        initial_epoch: int = 0,
    ) -> History:
        """Train for `epochs` passes over (x, y) in batches of `batch_size` (default 32).

        Returns a `History` whose `.history` dict holds, per epoch, the mean loss and metrics
        over that epoch's batches (each batch weighted by its size, as Keras does) and the
        `val_` values on the validation data. `validation_split=0.2` holds out the LAST 20 % of
        the rows (before any shuffling). With `shuffle=True` the rows are visited in a new random
        order each epoch; when all rows fit in one batch the order cannot change the step, so
        no shuffling is done. Training stops early, without an exception, when the loss becomes
        NaN or infinite or a callback sets `model.stop_training = True`; `stop_reason` says why.

        `sample_weight` (one number per row) or `class_weight` ({class: weight}) make some rows
        count more: each batch's loss is the mean of weight × per-sample loss. The metrics stay
        unweighted, as Keras's `compile(metrics=...)` (Keras weighs only `weighted_metrics`).
        """
        if self.optimizer is None:
            raise EngineError(
                "fit needs a compiled model: call model.compile(optimizer='adam', loss=...) first."
            )
        verbose = 1 if verbose == "auto" else int(verbose)
        batch_size = batch_size_of(batch_size)
        epochs, initial_epoch = int(epochs), int(initial_epoch)
        x, y = self._prepare_xy(x, y)
        if class_weight is not None and sample_weight is not None:
            raise EngineError(
                "Give fit either class_weight or sample_weight, not both (as in Keras)."
            )
        weights = None
        if sample_weight is not None:
            weights = data.sample_weights(sample_weight, len(x))
        elif class_weight is not None:
            weights = data.class_weights_for(class_weight, y)
        validation = self._validation_arrays(x, y, validation_split, validation_data)
        if validation is not None and validation_data is None:
            split_at = len(x) - len(validation[0])
            x, y = x[:split_at], y[:split_at]
            weights = None if weights is None else weights[:split_at]

        metric_list = self._resolve_metrics()
        fused = self._fused()
        history = History()
        if isinstance(callbacks, Callback):
            callbacks = [callbacks]
        for callback in callbacks or []:
            if not isinstance(callback, Callback):
                raise EngineError(
                    f"callbacks must be Callback objects (subclasses of tutor.engine.Callback), "
                    f"got {callback!r}."
                )
        callback_list: list[Callback] = [history, *(callbacks or [])]
        if verbose:
            callback_list.append(ProgressLogger(verbose))
        n = len(x)
        steps = -(-n // batch_size)
        params = {"epochs": epochs, "steps": steps, "verbose": verbose, "steps_done": steps}
        for callback in callback_list:
            callback.set_model(self)
            callback.set_params(params)
        batch_callbacks = [c for c in callback_list if c.wants_batch_events]

        self.stop_training = False
        self.stop_reason = None
        self.stop_code, self.stop_info = None, {}
        shuffled = shuffle and steps > 1
        x_batch = np.empty((min(batch_size, n), *x.shape[1:]), self.dtype) if shuffled else None
        logs: dict[str, float] = {}
        epoch = steps_done = 0

        for callback in callback_list:
            callback.on_train_begin({})
        for epoch in range(initial_epoch, epochs):
            for callback in callback_list:
                callback.on_epoch_begin(epoch, {})
            order = generator().permutation(n) if shuffled else None
            loss_total, totals, seen, steps_done = self._train_epoch(
                epoch,
                x,
                y,
                weights,
                batch_size,
                order,
                x_batch,
                metric_list,
                fused,
                batch_callbacks,
                verbose,
            )
            params["steps_done"] = steps_done
            logs = self._logs(loss_total, totals, seen, metric_list)
            if validation is not None and math.isfinite(logs["loss"]):
                val_loss, val_values = self._evaluate_arrays(*validation, batch_size, metric_list)
                logs["val_loss"] = val_loss
                for (name, _), val in zip(metric_list, val_values, strict=True):
                    logs[f"val_{name}"] = val
                logs = dict(sorted(logs.items()))
            for callback in callback_list:
                callback.on_epoch_end(epoch, logs)
            if self.stop_training:
                break

        if self.stop_training and self.stop_reason is None:
            self.stop_code, self.stop_info = "requested", {"epoch": epoch + 1, "batch": steps_done}
            self.stop_reason = (
                f"training was stopped on request (model.stop_training = True) at epoch "
                f"{epoch + 1}, batch {steps_done}"
            )
        for callback in callback_list:
            callback.on_train_end(logs)
        return history

    def _train_epoch(
        self,
        epoch,
        x,
        y,
        weights,
        batch_size,
        order,
        x_batch,
        metric_list,
        fused,
        batch_callbacks,
        verbose,
    ) -> tuple[float, list[float], int, int]:
        """One pass over the rows, a batch at a time: forward, loss, backward, update.

        Returns the batch-size-weighted sums of the loss and of each metric, the number of
        samples seen and the number of steps run (fewer when training was stopped).
        """
        train_step = self._train_step
        loss_and_gradient, per_sample = self._loss_functions(fused)
        metric_totals = [metric.total for _, metric in metric_list]
        totals = [0.0] * len(metric_totals)
        loss_total, seen, step = 0.0, 0, 0
        wb = None
        for step, start in enumerate(range(0, len(x), batch_size)):
            if order is None:
                xb, yb = x[start : start + batch_size], y[start : start + batch_size]
                if weights is not None:
                    wb = weights[start : start + batch_size]
            else:
                rows = order[start : start + batch_size]
                xb = np.take(x, rows, axis=0, out=x_batch[: len(rows)])
                yb = y[rows]
                if weights is not None:
                    wb = weights[rows]
            for callback in batch_callbacks:
                callback.on_train_batch_begin(step, {})

            value, output = train_step(xb, yb, loss_and_gradient, per_sample, fused, wb)
            m = len(xb)
            loss_total += value * m
            seen += m
            for i, total in enumerate(metric_totals):
                totals[i] += total(yb, output)
            if not math.isfinite(value):
                self._stop_for_bad_loss(value, epoch, step, verbose)
                break

            if batch_callbacks:
                logs = self._logs(loss_total, totals, seen, metric_list)
                for callback in batch_callbacks:
                    callback.on_train_batch_end(step, logs)
            if self.stop_training:
                break
        return loss_total, totals, seen, step + 1

    def _train_step(self, xb, yb, loss_and_gradient, per_sample, fused, wb=None, watch=None):
        """One step on one batch: forward (training), loss, backward, update; (L, outputs).

        A NaN or infinite loss skips backward and update (fit then stops). `fit` and
        `tutor.engine.trace_step` both run this, so a traced step is a real training step.
        """
        output = self._forward(xb, True)
        value, grad = loss_and_gradient(yb, output)
        if wb is not None:  # mean of weight × loss; each row's gradient scaled by its weight
            value = float(np.dot(per_sample(yb, output), wb)) / len(xb)
            grad *= wb.reshape(-1, *([1] * (grad.ndim - 1)))
        if math.isfinite(value):
            self._backward(grad, fused, watch)
            self.optimizer.update(self._params, self._grads)
        return value, output

    @staticmethod
    def _logs(loss_total, totals, seen, metric_list) -> dict[str, float]:
        logs = {"loss": loss_total / seen}
        for (name, _), total in zip(metric_list, totals, strict=True):
            logs[name] = total / seen
        return dict(sorted(logs.items()))

    def _validation_arrays(self, x, y, validation_split, validation_data):
        if validation_data is not None:
            if not isinstance(validation_data, (tuple, list)) or len(validation_data) != 2:
                raise EngineError(
                    "validation_data must be a pair (x_val, y_val), got "
                    f"{type(validation_data).__name__}."
                )
            return self._prepare_xy(*validation_data, what="validation ")
        if not validation_split:
            return None
        if not 0.0 < validation_split < 1.0:
            raise EngineError(
                f"validation_split must be between 0 and 1, e.g. 0.2; got {validation_split}."
            )
        split_at = math.floor(len(x) * (1.0 - validation_split))
        if split_at in (0, len(x)):
            raise EngineError(
                f"validation_split={validation_split} of {plural(len(x), 'row')} leaves no rows "
                "for training or none for validation: use more data or another split."
            )
        return x[split_at:], y[split_at:]

    def _stop_for_bad_loss(self, value: float, epoch: int, step: int, verbose: int) -> None:
        lr = getattr(self.optimizer, "learning_rate", None)
        self.stop_training = True
        self.stop_code = "bad_loss"
        self.stop_info = {"loss": value, "epoch": epoch + 1, "batch": step + 1, "learning_rate": lr}
        self.stop_reason = (
            f"the loss became {value} at epoch {epoch + 1}, batch {step + 1}: "
            f"the learning rate {lr} is probably too high (or the inputs are not scaled), "
            "so the weights overshot and grew without bound. Training stopped; the weights "
            "are those from before this batch."
        )
        if verbose:
            print(f"\n{self.stop_reason}", file=sys.stderr)
