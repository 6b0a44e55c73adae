"""The one kind of error the engine raises for things a learner can get wrong."""

from __future__ import annotations


class EngineError(ValueError):
    """A clear, plain-English message about a shape, a name or a label that does not fit.

    It is a `ValueError`, so `except ValueError` catches it as it would in Keras.
    """


def unknown_name(kind: str, name: object, known: list[str]) -> EngineError:
    """The error for a string that names nothing, listing the names that exist."""
    return EngineError(f"Unknown {kind} {name!r}. Known {kind}s: {', '.join(sorted(known))}.")
