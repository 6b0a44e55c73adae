"""Checking code of exercise 10.backward (runs in the sandbox; returns plain data).

Each case builds one expression with the learner's Value class, calls backward() on its result
and reports every node's .grad, from the result back to the leaves: the first wrong one, read in
that order, is where the backward sweep first went wrong.
"""


def chain(V, a, b, c):
    a, b, c = V(a), V(b), V(c)
    ab = a * b
    s = ab + c
    out = s.tanh()
    return out, {"out = tanh(s)": out, "s = ab + c": s, "ab = a * b": ab, "c": c, "a": a, "b": b}


def reuse(V, a, b):
    a, b = V(a), V(b)
    c = a * b
    d = c + a
    return d, {"d = c + a": d, "c = a * b": c, "a": a, "b": b}


def diamond(V, a, b):
    a, b = V(a), V(b)
    e = a + b
    f = e * e
    g = f + e
    return g, {"g = f + e": g, "f = e * e": f, "e = a + b": e, "a": a, "b": b}


def neuron(V, x1, x2, w1, w2, b, y):
    x1, x2, w1, w2, b = V(x1), V(x2), V(w1), V(w2), V(b)
    n = w1 * x1 + w2 * x2 + b
    o = n.tanh()
    d = o + (-y)
    loss = d * d
    nodes = {"loss = d * d": loss, "d = o - y": d, "o = tanh(n)": o, "n = w1*x1 + w2*x2 + b": n}
    nodes.update({"w1": w1, "w2": w2, "b": b, "x1": x1, "x2": x2})
    return loss, nodes


def deep(V, start):
    a = V(start)
    z = a
    for _ in range(30):
        z = (z * 0.9 + 0.1).tanh()
    return z, {"z (after 30 steps)": z, "a": a}


def _label(name):
    """"ab = a * b" -> "ab.grad (ab = a * b)", "a" -> "a.grad"."""
    node = name.split(" ")[0]
    return f"{node}.grad" if node == name else f"{node}.grad ({name})"


def probe(learner, expression, *numbers):
    build = {"chain": chain, "reuse": reuse, "diamond": diamond, "neuron": neuron, "deep": deep}
    try:
        result, nodes = build[expression](learner.Value, *numbers)
        result.backward()
        return {_label(name): node.grad for name, node in nodes.items()}
    except Exception as exc:
        return learner_error(exc)  # noqa: F821 (given by the runner)
