"""Running a code exercise without grading (F5, `tutor run`) runs it the way its check does:
through the exercise's probe, or by training the learner's `build_model()`."""

from __future__ import annotations

from tutor.course import load_course
from tutor.exercises import get_kind
from tutor.grading import try_out


def test_a_class_checked_through_a_probe_runs_through_the_probe() -> None:
    exercise = load_course().exercise("10.add-mul")
    trial = try_out(exercise, exercise.solution)
    assert trial.status == "ok" and trial.calls and all(call.ok for call in trial.calls)
    assert "a + b" in trial.calls[0].call and "data" in trial.calls[0].result


def test_build_model_is_trained_and_its_loss_shown_without_a_score() -> None:
    exercise = load_course().exercise("12.build-cancer-model")
    trial = try_out(exercise, exercise.solution)
    assert trial.status == "ok" and len(trial.calls) == 1
    result = trial.calls[0].result
    assert "Dense" in result and "loss" in result and "epochs" in result
    assert "accuracy" not in result  # the held-out rows are scored by a check only


def test_a_wrong_count_is_not_called_close() -> None:
    course = load_course()
    exercise = next(
        ex
        for ex in course.exercises()
        if ex.kind == "numeric" and ex.spec.answer.is_integer() and ex.spec.answer > 100
    )
    verdict = get_kind("numeric").check(exercise, str(int(exercise.spec.answer) - 11))
    assert verdict.status == "failed"
    assert "close" not in verdict.message["en"]
