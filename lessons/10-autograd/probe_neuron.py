"""Checking code of exercise 10.neuron (runs in the sandbox; returns plain data).

It gives the learner's neuron() inputs, weights and a bias made with the learner's own Value
class, puts the squared error (out − y)² on top, calls backward(), and reports every number.
The parent's judge holds them against tutor.engine and against central differences.
"""


def probe(learner, x, w, b, y):
    Value = learner.Value
    try:
        xs = [Value(v) for v in x]
        ws = [Value(v) for v in w]
        bias = Value(b)
        out = learner.neuron(xs, ws, bias)
        error = out + (-y)
        loss = error * error
        loss.backward()
        return {
            "out": out.data,
            "loss": loss.data,
            "dL/dw": [v.grad for v in ws],
            "dL/db": bias.grad,
            "dL/dx": [v.grad for v in xs],
        }
    except Exception as exc:
        return learner_error(exc)  # noqa: F821 (given by the runner)
