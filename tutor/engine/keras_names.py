"""The names this engine offers that Keras also has, spelled as under `keras.`.

For code that checks learner programs: `"layers.Dense" in KERAS_NAMES` means
`keras.layers.Dense` exists here as `tutor.engine.layers.Dense`, with Keras's arguments.
Top-level names (`Sequential`, `Input`) are also importable as `tutor.engine.Sequential`.
"""

from __future__ import annotations

KERAS_NAMES: frozenset[str] = frozenset(
    {
        "Sequential",
        "Input",
        "layers.Dense",
        "layers.Flatten",
        "layers.Dropout",
        "layers.Activation",
        "layers.Input",
        "layers.InputLayer",
        "layers.Layer",
        "models.Sequential",
        "models.load_model",
        "utils.to_categorical",
        "utils.set_random_seed",
        "callbacks.Callback",
        "callbacks.EarlyStopping",
        "callbacks.History",
        "callbacks.LambdaCallback",
        *(
            f"optimizers.{name}"
            for name in ("SGD", "RMSprop", "Adam", "Nadam", "Adagrad", "Adamax", "AdamW")
        ),
        *(
            f"losses.{name}"
            for name in (
                "MeanSquaredError",
                "MeanAbsoluteError",
                "Huber",
                "BinaryCrossentropy",
                "CategoricalCrossentropy",
                "SparseCategoricalCrossentropy",
                "mean_squared_error",
                "mean_absolute_error",
                "huber",
                "binary_crossentropy",
                "categorical_crossentropy",
                "sparse_categorical_crossentropy",
            )
        ),
        *(
            f"activations.{name}"
            for name in ("linear", "sigmoid", "tanh", "relu", "softmax", "elu", "swish")
        ),
        *(
            f"initializers.{name}"
            for name in ("GlorotUniform", "GlorotNormal", "HeNormal", "HeUniform", "Zeros", "Ones")
        ),
    }
)


def keras_names() -> list[str]:
    """KERAS_NAMES, sorted."""
    return sorted(KERAS_NAMES)
