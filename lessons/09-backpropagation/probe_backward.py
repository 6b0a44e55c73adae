"""Checking code of exercise 09.backward (runs in the sandbox; returns plain data).

For one random network it hands the learner's own numerical_gradient a loss of ours for each of
W1, b1, W2 and b2, then calls the learner's backward. The parent compares both with what the
reference solution gives through this same probe, and says which gradient is wrong, and how.
"""

import numpy as np

NAMES = ("dW1", "db1", "dW2", "db2")


def network_loss(X, Y, W1, b1, W2, b2):
    """Mean binary crossentropy of X -> Dense(relu) -> Dense(1, sigmoid), as the weights are now."""
    A1 = np.maximum(X @ W1 + b1, 0.0)
    A2 = 1 / (1 + np.exp(-(A1 @ W2 + b2)))
    return float(-np.mean(Y * np.log(A2) + (1 - Y) * np.log(1 - A2)))


def probe(learner, X, Y, W1, b1, W2, b2):
    weights = (W1, b1, W2, b2)
    numerical = {}
    for name, w in zip(NAMES, weights):
        try:
            numerical[name] = learner.numerical_gradient(
                lambda: network_loss(X, Y, *weights), w, 1e-5
            )
        except Exception as exc:
            numerical[name] = learner_error(exc)  # noqa: F821 (given by the runner)
            break
    try:
        grads = learner.backward(X.copy(), Y.copy(), *(w.copy() for w in weights))
    except Exception as exc:
        grads = learner_error(exc)  # noqa: F821
    if isinstance(grads, tuple | list) and len(grads) == len(NAMES):
        grads = dict(zip(NAMES, grads))
    return {"numerical_gradient": numerical, "backward": grads}
