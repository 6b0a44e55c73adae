"""`Sequential`: layers in a row, trained with `compile` and `fit` exactly as in Keras.

The whole training step, for one batch (x, y):

    a = x; for each layer: a = layer.forward(a)            # forward pass
    L, dL/da = loss(y, a)                                   # how wrong, and which way is worse
    for each layer, last first: dL/da = layer.backward(..)  # backpropagation (chain rule)
    optimizer.update(all weights, all gradients)           # one step downhill

All weights live in one flat vector (`model.parameters_vector`) and all gradients in another;
every `layer.kernel` and `layer.bias` is a view into them. That keeps the optimizer step to a few
whole-vector NumPy operations, however many layers the model has.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

from tutor.engine import activations, losses, optimizers
from tutor.engine import metrics as metric_lib
from tutor.engine.callbacks import Callback, History
from tutor.engine.errors import EngineError
from tutor.engine.layers import Dense, unique_name
from tutor.engine.progress import ProgressLogger
from tutor.engine.seeding import generator


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


class Sequential:
    """A stack of `Dense` layers: the output of each is the input of the next.

    Computes in float32, as Keras does; set `model.dtype = np.dtype("float64")` before the model
    is built to compute in float64 (the gradient checker does that on a copy).
    `use_fused_gradients = False` makes training take the long way through the chain rule for
    sigmoid + binary cross-entropy and softmax + cross-entropy (same result, see `losses`).
    """

    def __init__(self, layers: Iterable[Dense] | None = None, name: str | None = None):
        self.name = name or unique_name("sequential")
        self.layers: list[Dense] = []
        self.dtype = np.dtype(np.float32)
        self.optimizer: optimizers.Optimizer | None = None
        self.loss: losses.Loss | None = None
        self.metric_names: list[str] = []
        self._metric_specs: list[Any] = []
        self.stop_training = False
        self.stop_reason: str | None = None
        self.history: History | None = None
        # Use the short form dL/dz = (a − y)/m for sigmoid+BCE and softmax+CCE (see losses).
        self.use_fused_gradients = True
        self._params: np.ndarray | None = None
        self._grads: np.ndarray | None = None
        self._packed = False
        for layer in layers or []:
            self.add(layer)

    # ---- structure ------------------------------------------------------------------------

    def add(self, layer: Dense) -> None:
        """Append a layer; it is built at once if its input size is already known."""
        if not isinstance(layer, Dense):
            raise EngineError(
                f"Sequential takes Dense layers, e.g. Dense(8, activation='relu'); got {layer!r}."
            )
        if self.layers:
            previous = self.layers[-1]
            if layer.input_dim is not None and layer.input_dim != previous.units:
                raise EngineError(
                    f"Dense layer {len(self.layers) + 1} was given {layer.input_dim} inputs, but "
                    f"the layer before it has {previous.units} units. Only the first layer needs "
                    "input_shape; leave it out on the others."
                )
            if previous.built and not layer.built:
                layer.build(previous.units, self.dtype)
        elif layer.input_dim is not None and not layer.built:
            layer.build(layer.input_dim, self.dtype)
        self.layers.append(layer)
        self._packed = False

    def build(self, input_shape: Sequence[Any] | int | None = None) -> None:
        """Build every layer for inputs of this shape, e.g. `model.build((None, 8))`."""
        if isinstance(input_shape, (int, np.integer)):
            features = int(input_shape)
        elif input_shape is not None:
            features = int(tuple(input_shape)[-1])
        elif self.layers and self.layers[0].input_dim is not None:
            features = self.layers[0].input_dim
        else:
            raise EngineError("build needs the input shape, e.g. model.build((None, 8)).")
        self._ensure_built(features)

    @property
    def built(self) -> bool:
        return bool(self.layers) and all(layer.built for layer in self.layers)

    def _ensure_built(self, features: int, initialize: bool = True) -> None:
        if not self.layers:
            raise EngineError("The model has no layers yet: add one with model.add(Dense(...)).")
        size = features
        for layer in self.layers:
            if not layer.built:
                layer.build(size, self.dtype, initialize=initialize)
            size = layer.units
        if not self._packed:
            self._pack()

    def _pack(self) -> None:
        """Move all weights into one flat vector; layers keep views into it."""
        shapes = [p.shape for layer in self.layers for p in layer.parameters()]
        total = sum(math.prod(shape) for shape in shapes)
        params = np.empty(total, self.dtype)
        grads = np.zeros(total, self.dtype)
        offset = 0
        for layer in self.layers:
            views, grad_views = [], []
            for p in layer.parameters():
                view = params[offset : offset + p.size].reshape(p.shape)
                view[...] = p
                views.append(view)
                grad_views.append(grads[offset : offset + p.size].reshape(p.shape))
                offset += p.size
            layer.bind(views, grad_views)
        self._params, self._grads = params, grads
        self._packed = True

    @property
    def parameters_vector(self) -> np.ndarray:
        """All weights as one flat vector (a live view: changing it changes the model)."""
        if not self.built:
            raise EngineError(
                "The model has no weights yet: give the first layer input_shape=(n,) or call "
                "fit, predict or build first."
            )
        if not self._packed:
            self._pack()
        return self._params

    @property
    def weights(self) -> list[np.ndarray]:
        """The live weight arrays in Keras order [kernel0, bias0, kernel1, bias1, ...]."""
        return [p for layer in self.layers if layer.built for p in layer.parameters()]

    def get_weights(self) -> list[np.ndarray]:
        """Copies of the weights in Keras order [kernel0, bias0, kernel1, bias1, ...]."""
        return [p.copy() for p in self.weights]

    def set_weights(self, weights: Sequence[Any]) -> None:
        """Copy these arrays into the weights (same order and shapes as `get_weights`)."""
        expected = [p.shape for p in self.weights]
        got = [np.shape(w) for w in weights]
        if got != expected:
            raise EngineError(
                f"set_weights expects {len(expected)} arrays of shapes {expected} "
                f"(kernel, bias for each layer), got {len(got)} of shapes {got}."
            )
        for target, value in zip(self.weights, weights, strict=True):
            target[...] = value

    def count_params(self) -> int:
        return sum(layer.count_params() for layer in self.layers)

    # ---- compile --------------------------------------------------------------------------

    def compile(
        self,
        optimizer: str | optimizers.Optimizer = "rmsprop",
        loss: str | losses.Loss | Any = None,
        metrics: Sequence[str | metric_lib.Metric] | None = None,
    ) -> None:
        """Choose how to learn: the optimizer, the loss to minimise, the metrics to report."""
        self.optimizer = optimizers.get(optimizer)
        self.loss = losses.get(loss) if loss is not None else None
        if isinstance(metrics, (str, metric_lib.Metric)):
            metrics = [metrics]
        self._metric_specs = list(metrics or [])
        self.metric_names = [m if isinstance(m, str) else m.name for m in self._metric_specs]

    def _require_loss(self, action: str) -> losses.Loss:
        if self.loss is None:
            raise EngineError(
                f"{action} needs a loss: call model.compile(optimizer='adam', loss='mse') "
                "(or another loss) first."
            )
        return self.loss

    # ---- data -----------------------------------------------------------------------------

    def _prepare_x(self, x: Any, what: str = "x") -> np.ndarray:
        array = np.asarray(x)
        if array.dtype == object or not (
            np.issubdtype(array.dtype, np.number) or array.dtype == bool
        ):
            raise EngineError(f"{what} must hold numbers, got an array of {array.dtype}.")
        if array.ndim == 1:
            raise EngineError(
                f"{what} needs one row per sample and one column per feature, got shape "
                f"{array.shape}. For a single feature use {what}.reshape(-1, 1)."
            )
        if array.ndim > 2:
            flat = (array.shape[0], math.prod(array.shape[1:]))
            raise EngineError(
                f"Dense layers take one row of numbers per sample, got {what} with shape "
                f"{array.shape}. Flatten it first: {what}.reshape(len({what}), -1) gives "
                f"shape {flat}."
            )
        if len(array) == 0:
            raise EngineError(f"{what} has no rows.")
        first = self.layers[0] if self.layers else None
        if first is not None and first.input_dim is not None and array.shape[1] != first.input_dim:
            raise EngineError(
                f"Dense layer 1 expects inputs with {_plural(first.input_dim, 'feature')}, got "
                f"{what} with shape {array.shape}."
            )
        self._ensure_built(array.shape[1])
        array = np.ascontiguousarray(array, dtype=self.dtype)
        low, high = array.min(), array.max()
        if not (math.isfinite(low) and math.isfinite(high)):
            bad = np.count_nonzero(~np.isfinite(array))
            raise EngineError(
                f"{what} contains {_plural(bad, 'missing or infinite value')} (NaN or inf); "
                "fill or drop them before training."
            )
        return array

    def _prepare_xy(self, x: Any, y: Any, what: str = "") -> tuple[np.ndarray, np.ndarray]:
        loss = self._require_loss("Training and evaluating")
        x = self._prepare_x(x, f"{what}x")
        if y is None:
            raise EngineError(f"{what}y is missing: fit and evaluate need the labels too.")
        y = loss.prepare_targets(y, self.layers[-1].units)
        if len(y) != len(x):
            raise EngineError(
                f"{what}x has {_plural(len(x), 'row')} but {what}y has {len(y)}: "
                "each sample needs exactly one label."
            )
        return x, y

    def _resolve_metrics(self) -> list[tuple[str, metric_lib.Metric]]:
        sparse = isinstance(self.loss, losses.SparseCategoricalCrossentropy)
        units = self.layers[-1].units
        return [metric_lib.resolve(spec, units, sparse) for spec in self._metric_specs]

    def _fused(self) -> bool:
        fuses_with = self.loss.fuses_with if self.loss is not None else None
        if not (self.use_fused_gradients and fuses_with):
            return False
        return type(self.layers[-1].activation) is type(activations.get(fuses_with))

    # ---- the computation ------------------------------------------------------------------

    def _forward(self, x: np.ndarray) -> np.ndarray:
        for layer in self.layers:
            x = layer.forward(x)
        return x

    def _loss_and_gradient(self, y: np.ndarray, output: np.ndarray, fused: bool):
        """(L, dL/dz of the last layer) when fused, else (L, dL/da)."""
        if fused:
            return self.loss.value_and_logit_gradient(y, output)
        return self.loss.value_and_gradient(y, output)

    def _backward(self, grad: np.ndarray, fused: bool, watch: Any = None) -> None:
        """Fill every layer's gradients from the loss gradient, last layer first.

        `watch(i, dL/da)` (optional, see `tutor.engine.trace`) sees the gradient each layer
        receives before it runs backward (None for the last layer when fused).
        """
        layers = self.layers
        last = len(layers) - 1
        if watch is not None:
            watch(last, None if fused else grad)
        if fused:
            grad = layers[last].backward_from_z(grad, last > 0)
        else:
            grad = layers[last].backward(grad, last > 0)
        for i in range(last - 1, -1, -1):
            if watch is not None:
                watch(i, grad)
            grad = layers[i].backward(grad, i > 0)  # the first layer's dL/dx is never needed

    def _train_step(self, xb, yb, loss_and_gradient, fused, watch=None) -> tuple[float, Any]:
        """One step on one batch: forward, loss, backward, update; returns (L, outputs).

        A NaN or infinite loss skips backward and update (fit then stops). `fit` and
        `tutor.engine.trace_step` both run this, so a traced step is a real training step.
        """
        output = self._forward(xb)
        value, grad = loss_and_gradient(yb, output)
        if math.isfinite(value):
            self._backward(grad, fused, watch)
            self.optimizer.update(self._params, self._grads)
        return value, output

    def compute_gradients(self, x: Any, y: Any) -> list[np.ndarray]:
        """dL/dw for every weight array (Keras order), with the whole of (x, y) as one batch."""
        x, y = self._prepare_xy(x, y)
        fused = self._fused()
        output = self._forward(x)
        _, grad = self._loss_and_gradient(y, output, fused)
        self._backward(grad, fused)
        return [g.copy() for layer in self.layers for g in layer.gradients()]

    def _loss_value(self, x: np.ndarray, y: np.ndarray) -> float:
        """L for prepared arrays, as the loss's per-sample formula gives it (no shortcuts)."""
        return float(np.mean(type(self.loss).function(y, self._forward(x))))

    # ---- predict and evaluate -------------------------------------------------------------

    def predict(self, x: Any, batch_size: int | None = None, verbose: int = 0) -> np.ndarray:
        """The model's outputs for x, shape (m, units), as float32."""
        x = self._prepare_x(x)
        batch_size = _batch_size(batch_size)
        result = np.empty((len(x), self.layers[-1].units), self.dtype)
        for start in range(0, len(x), batch_size):
            result[start : start + batch_size] = self._forward(x[start : start + batch_size])
        return result

    def __call__(self, x: Any) -> np.ndarray:
        return self.predict(x)

    def evaluate(
        self, x: Any = None, y: Any = None, batch_size: int | None = None, verbose: int = 0
    ) -> float | list[float]:
        """The loss on (x, y), or [loss, metric, ...] when metrics were compiled."""
        x, y = self._prepare_xy(x, y)
        loss, values = self._evaluate_arrays(x, y, _batch_size(batch_size), self._resolve_metrics())
        if verbose:
            names = ["loss", *self.metric_names]
            print(" - ".join(f"{n}: {v:.4f}" for n, v in zip(names, [loss, *values], strict=True)))
        return [loss, *values] if values else loss

    def _evaluate_arrays(self, x, y, batch_size, metric_list) -> tuple[float, list[float]]:
        loss_total = 0.0
        totals = [0.0] * len(metric_list)
        per_sample = type(self.loss).function
        for start in range(0, len(x), batch_size):
            xb, yb = x[start : start + batch_size], y[start : start + batch_size]
            output = self._forward(xb)
            loss_total += float(np.sum(per_sample(yb, output)))
            for i, (_, metric) in enumerate(metric_list):
                totals[i] += metric.total(yb, output)
        n = len(x)
        return loss_total / n, [total / n for total in totals]

    # ---- fit ------------------------------------------------------------------------------

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
        """
        if self.optimizer is None:
            raise EngineError(
                "fit needs a compiled model: call model.compile(optimizer='adam', loss=...) first."
            )
        verbose = 1 if verbose == "auto" else int(verbose)
        batch_size = _batch_size(batch_size)
        epochs, initial_epoch = int(epochs), int(initial_epoch)
        x, y = self._prepare_xy(x, y)
        validation = self._validation_arrays(x, y, validation_split, validation_data)
        if validation is not None and validation_data is None:
            split_at = len(x) - len(validation[0])
            x, y = x[:split_at], y[:split_at]

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
        shuffled = shuffle and steps > 1
        x_batch = np.empty((min(batch_size, n), x.shape[1]), self.dtype) if shuffled else None
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
            self.stop_reason = (
                f"training was stopped on request (model.stop_training = True) at epoch "
                f"{epoch + 1}, batch {steps_done}"
            )
        for callback in callback_list:
            callback.on_train_end(logs)
        return history

    def _train_epoch(
        self, epoch, x, y, batch_size, order, x_batch, metric_list, fused, batch_callbacks, verbose
    ) -> tuple[float, list[float], int, int]:
        """One pass over the rows, a batch at a time: forward, loss, backward, update.

        Returns the batch-size-weighted sums of the loss and of each metric, the number of
        samples seen and the number of steps run (fewer when training was stopped).
        """
        train_step = self._train_step
        if fused:
            loss_and_gradient = self.loss.value_and_logit_gradient
        else:
            loss_and_gradient = self.loss.value_and_gradient
        metric_totals = [metric.total for _, metric in metric_list]
        totals = [0.0] * len(metric_totals)
        loss_total, seen, step = 0.0, 0, 0
        for step, start in enumerate(range(0, len(x), batch_size)):
            if order is None:
                xb, yb = x[start : start + batch_size], y[start : start + batch_size]
            else:
                rows = order[start : start + batch_size]
                xb = np.take(x, rows, axis=0, out=x_batch[: len(rows)])
                yb = y[rows]
            for callback in batch_callbacks:
                callback.on_train_batch_begin(step, {})

            value, output = train_step(xb, yb, loss_and_gradient, fused)
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
                f"validation_split={validation_split} of {_plural(len(x), 'row')} leaves no rows "
                "for training or none for validation: use more data or another split."
            )
        return x[split_at:], y[split_at:]

    def _stop_for_bad_loss(self, value: float, epoch: int, step: int, verbose: int) -> None:
        lr = getattr(self.optimizer, "learning_rate", None)
        self.stop_training = True
        self.stop_reason = (
            f"the loss became {value} at epoch {epoch + 1}, batch {step + 1}: "
            f"the learning rate {lr} is probably too high (or the inputs are not scaled), "
            "so the weights overshot and grew without bound. Training stopped; the weights "
            "are those from before this batch."
        )
        if verbose:
            print(f"\n{self.stop_reason}", file=sys.stderr)

    # ---- describing and saving ------------------------------------------------------------

    def summary(self, print_fn: Any = None) -> None:
        """Print the layers with their output shapes and parameter counts, like Keras."""
        from tutor.engine.summary import summary_lines

        for line in summary_lines(self):
            (print_fn or print)(line)

    def save(self, path: Any) -> None:
        """Write architecture, weights, compile settings and optimizer state to one .npz file."""
        from tutor.engine.saving import save_model

        save_model(self, path)

    def get_config(self) -> dict[str, Any]:
        return {"name": self.name, "layers": [layer.get_config() for layer in self.layers]}

    def __repr__(self) -> str:
        return f"<Sequential {self.name!r}: {', '.join(map(repr, self.layers)) or 'no layers'}>"


def _batch_size(batch_size: Any) -> int:
    if batch_size is None:
        return 32
    if isinstance(batch_size, bool) or not isinstance(batch_size, (int, np.integer)):
        raise EngineError(f"batch_size must be a whole number >= 1, got {batch_size!r}.")
    if batch_size < 1:
        raise EngineError(f"batch_size must be a whole number >= 1, got {batch_size!r}.")
    return int(batch_size)
