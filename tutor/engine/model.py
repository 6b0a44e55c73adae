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
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

from tutor.engine import activations, data, losses, optimizers
from tutor.engine import metrics as metric_lib
from tutor.engine.callbacks import History
from tutor.engine.data import plural as _plural
from tutor.engine.errors import EngineError
from tutor.engine.layers import Dense, InputLayer, Layer, unique_name
from tutor.engine.training import Trainer, batch_size_of


class Sequential(Trainer):
    """A stack of layers: the output of each is the input of the next.

    `Sequential([Input(shape=(28, 28)), Flatten(), Dense(10, activation="softmax")])`, or give
    the first layer `input_shape=`. Computes in float32, as Keras does; set
    `model.dtype = np.dtype("float64")` before the model is built to compute in float64 (the
    gradient checker does that on a copy).

    With a sigmoid or softmax output and a crossentropy loss, the loss and its gradient are
    computed from the output layer's logits, as Keras on TensorFlow does, so a saturated output
    still learns (`crossentropy_from_logits = False`: from clipped probabilities, as Keras on
    PyTorch and JAX). `use_fused_gradients = False` takes the long way through the chain rule
    instead, on clipped probabilities (see `losses.crossentropy`).
    """

    def __init__(self, layers: Iterable[Layer] | None = None, name: str | None = None):
        self.name = name or unique_name("sequential")
        self.layers: list[Layer] = []
        self._input_shape: tuple[int, ...] | None = None  # one sample's shape
        self.dtype = np.dtype(np.float32)
        self.optimizer: optimizers.Optimizer | None = None
        self.loss: losses.Loss | None = None
        self.metric_names: list[str] = []
        self._metric_specs: list[Any] = []
        self.stop_training = False
        self.stop_reason: str | None = None
        # The same, as data for programs that word it themselves (in another language):
        # "bad_loss" | "requested" | "early_stopping" | None, and the numbers behind it.
        self.stop_code: str | None = None
        self.stop_info: dict[str, Any] = {}
        self.history: History | None = None
        # Use the short form dL/dz = (a − y)/m for sigmoid+BCE and softmax+CCE (see losses).
        self.use_fused_gradients = True
        self.crossentropy_from_logits = True
        self._needs_input_gradient: list[bool] = []
        self._params: np.ndarray | None = None
        self._grads: np.ndarray | None = None
        self._packed = False
        for layer in layers or []:
            self.add(layer)

    # ---- structure ------------------------------------------------------------------------

    def add(self, layer: Layer | InputLayer) -> None:
        """Append a layer; it is built at once if its input shape is already known."""
        if isinstance(layer, InputLayer):
            if self.layers or self._input_shape is not None:
                raise EngineError(
                    "Input(shape=...) must come first, before every other layer, and only once."
                )
            self._input_shape = layer.shape
            return
        if not isinstance(layer, Layer):
            raise EngineError(
                "Sequential takes layers such as Dense(8, activation='relu'), Flatten() or "
                f"Dropout(0.2); got {layer!r}."
            )
        if self.layers:
            previous = self.layers[-1]
            gives = previous.output_sample_shape
            if gives is None and isinstance(previous, Dense):
                gives = (previous.units,)
            declared = getattr(layer, "input_dim", None)
            if declared is not None and gives is not None and (declared,) != gives:
                what = (
                    f"has {previous.units} units"
                    if isinstance(previous, Dense)
                    else f"gives samples of shape {gives}"
                )
                raise EngineError(
                    f"Dense layer {len(self.layers) + 1} was given {declared} inputs, "
                    f"but the layer before it {what}. Only the first layer needs "
                    "input_shape; leave it out on the others."
                )
            if previous.built and not layer.built:
                layer.build(previous.output_sample_shape, self.dtype)
        else:
            if self._input_shape is None:
                self._input_shape = layer.declared_input_shape
            if self._input_shape is not None and not layer.built:
                layer.build(self._input_shape, self.dtype)
        self.layers.append(layer)
        self._packed = False

    def build(self, input_shape: Sequence[Any] | int | None = None) -> None:
        """Build every layer for inputs of this shape, e.g. `model.build((None, 8))`."""
        if isinstance(input_shape, (int, np.integer)):
            shape: tuple[int, ...] | None = (int(input_shape),)
        elif input_shape is not None:
            full = tuple(input_shape)
            shape = tuple(int(n) for n in (full[1:] if len(full) > 1 else full))
        else:
            shape = self._input_shape
        if shape is None:
            raise EngineError("build needs the input shape, e.g. model.build((None, 8)).")
        self._ensure_built(shape)

    @property
    def built(self) -> bool:
        return bool(self.layers) and all(layer.built for layer in self.layers)

    def _ensure_built(self, shape: tuple[int, ...] | int, initialize: bool = True) -> None:
        if not self.layers:
            raise EngineError("The model has no layers yet: add one with model.add(Dense(...)).")
        if isinstance(shape, (int, np.integer)):
            shape = (int(shape),)
        shape = tuple(shape)
        if self._input_shape is None:
            self._input_shape = shape
        for layer in self.layers:
            if not layer.built:
                layer.build(shape, self.dtype, initialize=initialize)
            shape = layer.output_sample_shape
        if not self._packed:
            self._pack()

    @property
    def input_shape(self) -> tuple:
        """(None, *one sample's shape), e.g. (None, 28, 28), as Keras gives it."""
        if self._input_shape is None:
            raise EngineError(
                "The model does not know its input shape yet: start it with Input(shape=...) "
                "or give the first layer input_shape=..., or call fit, predict or build first."
            )
        return (None, *self._input_shape)

    @property
    def output_shape(self) -> tuple:
        """(None, *one output's shape), e.g. (None, 10)."""
        if not self.built:
            self.input_shape  # noqa: B018 (raises the clear error)
            self._ensure_built(self._input_shape)
        return self.layers[-1].output_shape

    @property
    def metrics_names(self) -> list[str]:
        """["loss", then the compiled metrics], the order of `evaluate`'s list.

        (Keras 2 gave this; Keras 3 gives ["loss", "compile_metrics"] instead, which no tutorial
        expects.)
        """
        return ["loss", *self.metric_names] if self.loss is not None else []

    def _output_units(self) -> int:
        shape = self.layers[-1].output_sample_shape
        if shape is None or len(shape) != 1:
            raise EngineError(
                f"The last layer must give one row of numbers per sample (end with a Dense layer); "
                f"it gives samples of shape {shape}."
            )
        return shape[0]

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
        # Layer i passes dL/dx down only if a layer below it has weights to learn.
        seen_weights = False
        self._needs_input_gradient = []
        for layer in self.layers:
            self._needs_input_gradient.append(seen_weights)
            seen_weights = seen_weights or bool(layer.parameters())

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
        return [p for layer in self.layers for p in layer.weights]

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
                f"(kernel, bias for each Dense layer), got {len(got)} of shapes {got}."
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
        array = data.numeric_array(x, what)
        first_is_dense = bool(self.layers) and isinstance(self.layers[0], Dense)
        data.check_batch_shape(array, self._input_shape, first_is_dense, what)
        if len(array) == 0:
            raise EngineError(f"{what} has no rows.")
        self._ensure_built(array.shape[1:])
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
        y = loss.prepare_targets(y, self._output_units())
        if len(y) != len(x):
            raise EngineError(
                f"{what}x has {_plural(len(x), 'row')} but {what}y has {len(y)}: "
                "each sample needs exactly one label."
            )
        return x, y

    def _resolve_metrics(self) -> list[tuple[str, metric_lib.Metric]]:
        sparse = isinstance(self.loss, losses.SparseCategoricalCrossentropy)
        units = self._output_units()
        return [metric_lib.resolve(spec, units, sparse) for spec in self._metric_specs]

    def _fused(self) -> bool:
        """Does the loss give dL/dz of the last layer directly (sigmoid/softmax + crossentropy)?"""
        fuses_with = self.loss.fuses_with if self.loss is not None else None
        if not (self.use_fused_gradients and fuses_with):
            return False
        last = self.layers[-1]
        activation = getattr(last, "activation", None)
        return hasattr(last, "backward_from_z") and type(activation) is type(
            activations.get(fuses_with)
        )

    def _loss_functions(self, fused: bool):
        """(value_and_gradient(y, output), per_sample(y, output)) for this model's loss.

        Fused and from logits (as TensorFlow): computed from the last layer's logits.
        """
        loss, last = self.loss, self.layers[-1]
        if fused and self.crossentropy_from_logits:

            def value_and_gradient(y, p):
                return loss.value_and_logit_gradient(y, last.logits, p)

            def per_sample(y, p):
                return loss.per_sample_from_logits(y, last.logits)

            return value_and_gradient, per_sample
        if fused:
            return loss.value_and_clipped_logit_gradient, loss.per_sample
        return loss.value_and_gradient, loss.per_sample

    # ---- the computation ------------------------------------------------------------------

    def _forward(self, x: np.ndarray, training: bool = False) -> np.ndarray:
        for layer in self.layers:
            x = layer.forward(x, training)
        return x

    def _backward(self, grad: np.ndarray, fused: bool, watch: Any = None) -> None:
        """Fill every layer's gradients from the loss gradient, last layer first.

        Stops below the lowest layer with weights: nothing there has anything to learn.
        `watch(i, dL/da)` (optional, see `tutor.engine.trace`) sees the gradient each layer
        receives before it runs backward (None for the last layer when fused).
        """
        layers, needs = self.layers, self._needs_input_gradient
        last = len(layers) - 1
        if watch is not None:
            watch(last, None if fused else grad)
        if fused:
            grad = layers[last].backward_from_z(grad, needs[last])
        else:
            grad = layers[last].backward(grad, needs[last])
        for i in range(last - 1, -1, -1):
            if grad is None:
                break
            if watch is not None:
                watch(i, grad)
            grad = layers[i].backward(grad, needs[i])

    def compute_gradients(self, x: Any, y: Any, training: bool = False) -> list[np.ndarray]:
        """dL/dw for every weight array (Keras order), with the whole of (x, y) as one batch."""
        x, y = self._prepare_xy(x, y)
        fused = self._fused()
        value_and_gradient, _ = self._loss_functions(fused)
        output = self._forward(x, training)
        _, grad = value_and_gradient(y, output)
        self._backward(grad, fused)
        return [g.copy() for layer in self.layers for g in layer.gradients()]

    def _loss_value(self, x: np.ndarray, y: np.ndarray, training: bool = False) -> float:
        """L for prepared arrays, from the loss's per-sample formula (no shortcuts)."""
        _, per_sample = self._loss_functions(self._fused())
        return float(np.mean(per_sample(y, self._forward(x, training))))

    # ---- predict and evaluate -------------------------------------------------------------

    def predict(self, x: Any, batch_size: int | None = None, verbose: int = 0) -> np.ndarray:
        """The model's outputs for x, shape (m, units), as float32."""
        x = self._prepare_x(x)
        batch_size = batch_size_of(batch_size)
        result = np.empty((len(x), *self.layers[-1].output_sample_shape), self.dtype)
        for start in range(0, len(x), batch_size):
            result[start : start + batch_size] = self._forward(x[start : start + batch_size])
        return result

    def __call__(self, x: Any) -> np.ndarray:
        return self.predict(x)

    def evaluate(
        self,
        x: Any = None,
        y: Any = None,
        batch_size: int | None = None,
        verbose: int = 0,
        sample_weight: Any = None,
        return_dict: bool = False,
    ) -> float | list[float] | dict[str, float]:
        """The loss on (x, y), or [loss, metric, ...] when metrics were compiled.

        `return_dict=True` gives {"loss": ..., "accuracy": ...} instead.
        """
        x, y = self._prepare_xy(x, y)
        weights = None if sample_weight is None else data.sample_weights(sample_weight, len(x))
        loss, values = self._evaluate_arrays(
            x, y, batch_size_of(batch_size), self._resolve_metrics(), weights
        )
        names = ["loss", *self.metric_names]
        if verbose:
            print(" - ".join(f"{n}: {v:.4f}" for n, v in zip(names, [loss, *values], strict=True)))
        if return_dict:
            return dict(zip(names, [loss, *values], strict=True))
        return [loss, *values] if values else loss

    def _evaluate_arrays(
        self, x, y, batch_size, metric_list, weights=None
    ) -> tuple[float, list[float]]:
        loss_total = 0.0
        totals = [0.0] * len(metric_list)
        _, per_sample = self._loss_functions(self._fused())
        for start in range(0, len(x), batch_size):
            xb, yb = x[start : start + batch_size], y[start : start + batch_size]
            wb = None if weights is None else weights[start : start + batch_size]
            output = self._forward(xb)
            losses_b = per_sample(yb, output)
            loss_total += float(np.sum(losses_b) if wb is None else np.dot(losses_b, wb))
            for i, (_, metric) in enumerate(metric_list):
                totals[i] += metric.total(yb, output)
        n = len(x)
        return loss_total / n, [total / n for total in totals]

    # ---- describing and saving ------------------------------------------------------------

    def summary(self, print_fn: Any = None) -> None:
        """Print the layers with their output shapes and parameter counts, like Keras."""
        from tutor.engine.summary import summary_lines

        for line in summary_lines(self):
            (print_fn or print)(line)

    def save(self, path: Any) -> None:
        """Write architecture, weights, compile settings and optimizer state to one file:
        `model.keras` (Keras 3's format, which Keras loads) or `model.npz` (this engine's)."""
        from tutor.engine.saving import save_model

        save_model(self, path)

    def save_weights(self, path: Any) -> None:
        """Write the weights alone to `name.weights.h5`, in Keras 3's layout."""
        from tutor.engine.saving import save_weights

        save_weights(self, path)

    def load_weights(self, path: Any) -> None:
        """Read weights written by `save_weights` (here or in Keras) into this model."""
        from tutor.engine.saving import load_weights

        load_weights(self, path)

    def get_config(self) -> dict[str, Any]:
        return {"name": self.name, "layers": [layer.get_config() for layer in self.layers]}

    def __repr__(self) -> str:
        return f"<Sequential {self.name!r}: {', '.join(map(repr, self.layers)) or 'no layers'}>"
