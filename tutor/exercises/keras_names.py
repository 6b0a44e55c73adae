"""Which names in a learner's program Keras does not have, so code written here runs in Keras.

The course writes `from tutor.engine import Sequential, Dense, optimizers`; in Keras the same
program imports `from keras import Sequential, optimizers` and `from keras.layers import Dense`
and nothing else changes. That holds only while the program uses names Keras also has. This
module reads the program (its syntax tree, never running it) and lists each use of an engine name
that Keras lacks: an import (`set_seed`, `Perceptron`), an engine-only attribute
(`model.stop_reason`) or a string Keras would not understand (`activation="step"`).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

from tutor.engine.keras_names import KERAS_NAMES
from tutor.i18n import Text, both

# Names the course may import from `tutor.engine` (or its submodules), with their Keras home:
# the engine's own list of what it shares with Keras (tutor.engine.keras_names), by last name.
MODULES = (
    "layers", "optimizers", "losses", "metrics", "activations", "initializers",
    "callbacks", "models", "utils",
)  # fmt: skip
KERAS_HOME = {name.rsplit(".", 1)[-1]: f"keras.{name}" for name in KERAS_NAMES}
KERAS_HOME.update({module: f"keras.{module}" for module in MODULES})
# What to write in Keras instead of an engine-only name, where there is something.
INSTEAD = {
    "set_seed": "keras.utils.set_random_seed",  # the engine has both names
    "gradient_check": None,
    "GradientCheck": None,
    "Perceptron": None,
    "EngineError": None,
}
# Submodules of tutor.engine whose names match Keras modules (`from tutor.engine.layers import`).
SUBMODULES = {*MODULES, "model"}
# Attributes only the engine has.
ENGINE_ONLY_ATTRIBUTES = {
    "stop_reason",
    "stop_code",
    "stop_info",
    "parameters_vector",
    "compute_gradients",
    "trace_step",
    "explanation",
    "metric_names",
}
KERAS_ACTIVATIONS = {
    "relu", "sigmoid", "softmax", "softplus", "softsign", "tanh", "selu", "elu", "exponential",
    "leaky_relu", "relu6", "silu", "swish", "gelu", "hard_sigmoid", "hard_silu", "hard_swish",
    "linear", "mish", "log_softmax",
}  # fmt: skip
KERAS_OPTIMIZERS = {
    "sgd", "adam", "adamw", "rmsprop", "nadam", "adagrad", "adadelta", "adamax", "ftrl", "lion",
}  # fmt: skip
KERAS_OPTIMIZER_CLASSES = {
    name.split(".", 1)[1] for name in KERAS_NAMES if name.startswith("optimizers.")
} | {"Optimizer", "get"}
KERAS_LOSSES = {
    "mse", "mae", "mean_squared_error", "mean_absolute_error", "binary_crossentropy",
    "categorical_crossentropy", "sparse_categorical_crossentropy", "huber", "hinge",
    "kl_divergence", "poisson", "log_cosh",
}  # fmt: skip


@dataclass(frozen=True)
class Foreign:
    """One use of a name Keras does not have."""

    line: int
    name: str
    message: Text


def foreign_names(source: str) -> list[Foreign]:
    """Every use in `source` of an engine name Keras lacks (empty when the code is portable).

    A program that does not parse yields nothing here: the sandbox reports its syntax error.
    """
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return []
    found: list[Foreign] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("tutor.engine"):
            found += _import_from(node)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("tutor.engine.") and not _portable_module(alias.name):
                    found.append(_no_such(node.lineno, alias.name))
        elif isinstance(node, ast.Attribute) and node.attr in ENGINE_ONLY_ATTRIBUTES:
            found.append(_no_such(node.lineno, f".{node.attr}"))
        elif isinstance(node, ast.Attribute) and _is_name(node.value, "optimizers"):
            if node.attr not in KERAS_OPTIMIZER_CLASSES:
                found.append(_no_such(node.lineno, f"optimizers.{node.attr}"))
        elif isinstance(node, ast.Call):
            found += _strings(node)
    return sorted(found, key=lambda f: f.line)


def _portable_module(module: str) -> bool:
    parts = module.split(".")
    return len(parts) == 3 and parts[2] in SUBMODULES


def _import_from(node: ast.ImportFrom) -> list[Foreign]:
    module = node.module or ""
    if module != "tutor.engine" and not _portable_module(module):
        return [_no_such(node.lineno, module)]
    found = []
    for alias in node.names:
        if alias.name == "*":
            found.append(_no_such(node.lineno, f"{module}.*"))
        elif alias.name not in KERAS_HOME and not (
            module == "tutor.engine.optimizers" and alias.name in KERAS_OPTIMIZER_CLASSES
        ):
            found.append(_no_such(node.lineno, alias.name))
    return found


def _is_name(node: ast.AST, name: str) -> bool:
    return (isinstance(node, ast.Name) and node.id == name) or (
        isinstance(node, ast.Attribute) and node.attr == name
    )


def _strings(call: ast.Call) -> list[Foreign]:
    """String settings Keras would not understand: activations, optimizers, losses."""
    checks = {"activation": KERAS_ACTIVATIONS, "optimizer": KERAS_OPTIMIZERS}
    checks["loss"] = KERAS_LOSSES
    found = []
    for keyword in call.keywords:
        allowed = checks.get(keyword.arg or "")
        value = keyword.value
        if allowed is None or not isinstance(value, ast.Constant):
            continue
        if isinstance(value.value, str) and value.value.lower() not in allowed:
            found.append(_no_such(value.lineno, f'{keyword.arg}="{value.value}"'))
    if _is_name(call.func, "Activation") and call.args and isinstance(call.args[0], ast.Constant):
        name = call.args[0].value
        if isinstance(name, str) and name.lower() not in KERAS_ACTIVATIONS:
            found.append(_no_such(call.lineno, f'Activation("{name}")'))
    return found


def _no_such(line: int, name: str) -> Foreign:
    bare = name.rsplit(".", 1)[-1].lstrip(".")
    instead = INSTEAD.get(bare)
    if instead:
        return Foreign(
            line,
            name,
            both(
                f"{line}번째 줄: `{name}`은(는) Keras에 없는 이름입니다. "
                f"Keras에서는 `{instead}`입니다. 여기서는 채점기가 시드를 정하니 지우세요.",
                f"Line {line}: Keras has no `{name}` (in Keras it is `{instead}`). "
                "Here the checker sets the seed: leave it out.",
            ),
        )
    return Foreign(
        line,
        name,
        both(
            f"{line}번째 줄: `{name}`은(는) tutor 엔진에만 있고 Keras에는 없습니다. "
            "Keras에서도 그대로 돌아가도록 Keras에 있는 이름만 쓰세요.",
            f"Line {line}: `{name}` exists in tutor's engine but not in Keras. "
            "Use only names Keras has, so the same code runs in Keras unchanged.",
        ),
    )
