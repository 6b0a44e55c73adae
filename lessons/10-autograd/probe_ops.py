"""Checking code of exercises 10.add-mul and 10.tanh-local (runs in the sandbox, plain data out).

It builds single operations with the learner's Value class and reports what each new Value
recorded: its number, which Values it was computed from, and the local derivative for each.
"""


def recorded(value, names):
    """What one Value recorded, with its parents called by name ("a", "b", "Value(3.0)")."""
    parents = [names.get(id(p), f"Value({getattr(p, 'data', p)})") for p in value.parents]
    return {"data": value.data, "parents": parents, "local": [float(s) for s in value.local]}


def probe(learner, operation, x, y):
    Value = learner.Value
    try:
        a, b = Value(x), Value(y)
        names = {id(a): "a", id(b): "b"}
        built = {
            "a + b": lambda: a + b,
            "a * b": lambda: a * b,
            "a + 3": lambda: a + 3,
            "2 * a": lambda: 2 * a,
            "a * a": lambda: a * a,
            "a.tanh()": lambda: a.tanh(),
        }[operation]()
        return {operation: recorded(built, names)}
    except Exception as exc:
        return {operation: learner_error(exc)}  # noqa: F821 (given by the runner)
