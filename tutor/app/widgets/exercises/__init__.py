"""One view per exercise kind, and `view_for` to pick one."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tutor.app.widgets.exercises.base import ExerciseView
    from tutor.course import Exercise


def view_class(kind: str) -> type[ExerciseView]:
    """The view class for an exercise kind (each kind's module is imported when first needed)."""
    if kind == "choice":
        from tutor.app.widgets.exercises.choice import ChoiceView

        return ChoiceView
    elif kind == "numeric":
        from tutor.app.widgets.exercises.numeric import NumericView

        return NumericView
    elif kind == "text":
        from tutor.app.widgets.exercises.text import TextView

        return TextView
    elif kind == "weights":
        from tutor.app.widgets.exercises.weights import WeightsView

        return WeightsView
    elif kind == "code":
        from tutor.app.widgets.exercises.code import CodeView

        return CodeView
    elif kind == "experiment":
        from tutor.app.widgets.exercises.experiment import ExperimentView

        return ExperimentView
    elif kind == "predict":
        from tutor.app.widgets.exercises.predict import PredictView

        return PredictView
    else:  # a kind newer than the app: the answer is typed as text, as `tutor check` takes it
        from tutor.app.widgets.exercises.text import TextView

        return TextView


def view_for(exercise: Exercise, number: int, total: int, **kwargs: Any) -> ExerciseView:
    return view_class(exercise.kind)(exercise, number, total, **kwargs)


__all__ = ["view_class", "view_for"]
