"""One view per exercise kind, and `view_for` to pick one."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tutor.app.widgets.exercises.base import ExerciseView
    from tutor.course import Exercise


def view_class(kind: str) -> type[ExerciseView]:
    """The view class for an exercise kind (each kind's module is imported when first needed)."""
    if kind == "choice":
        from tutor.app.widgets.exercises.choice import ChoiceView as view
    elif kind == "numeric":
        from tutor.app.widgets.exercises.numeric import NumericView as view
    elif kind == "text":
        from tutor.app.widgets.exercises.text import TextView as view
    elif kind == "weights":
        from tutor.app.widgets.exercises.weights import WeightsView as view
    elif kind == "code":
        from tutor.app.widgets.exercises.code import CodeView as view
    elif kind == "experiment":
        from tutor.app.widgets.exercises.experiment import ExperimentView as view
    elif kind == "predict":
        from tutor.app.widgets.exercises.predict import PredictView as view
    else:  # a kind newer than the app: the answer is typed as text, as `tutor check` takes it
        from tutor.app.widgets.exercises.text import TextView as view
    return view


def view_for(exercise: Exercise, number: int, total: int, **kwargs: Any) -> ExerciseView:
    return view_class(exercise.kind)(exercise, number, total, **kwargs)


__all__ = ["view_class", "view_for"]
