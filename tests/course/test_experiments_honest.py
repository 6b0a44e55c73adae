"""No experiment in the shipped course can be passed without doing what it asks, and none is
graded on the test set.

For every experiment: leaving every field at its default (doing nothing) fails, and so does the
laziest run the form allows (the fewest epochs on offer). Runs are deterministic and the kind
caches them, so what lint already trained is not trained again here.
"""

from __future__ import annotations

import pytest

from tutor.course import load_course
from tutor.exercises.base import SpecError
from tutor.exercises.experiment import ExperimentKind
from tutor.grading import check

COURSE = load_course()
EXPERIMENTS = [ex for ex in COURSE.exercises() if ex.kind == "experiment"]
# Where training less IS what the experiment asks for, the fewest epochs are not lazy.
FEWER_EPOCHS_IS_THE_TASK = {"14.pima-experiment"}  # "stop the memorising"


def lazy_answers(exercise) -> list[str]:
    """Doing nothing, and doing the least: the defaults, then the fewest epochs allowed."""
    spec = exercise.spec
    answers = [""]
    if "epochs" in spec.form and exercise.id not in FEWER_EPOCHS_IS_THE_TASK:
        fewest = spec.form["epochs"][0] if "epochs" in spec.ranges else min(spec.form["epochs"])
        answers.append(f"epochs={int(fewest)}")
    return answers


@pytest.mark.parametrize("exercise", EXPERIMENTS, ids=lambda ex: ex.id)
def test_doing_nothing_or_the_least_does_not_pass(exercise) -> None:
    assert check(exercise, exercise.solution).passed, exercise.id
    for answer in lazy_answers(exercise):
        verdict = check(exercise, answer)
        assert not verdict.passed, f"{exercise.id} passes with {answer or 'the defaults'!r}"


def test_the_common_default_rate_does_not_count_as_too_slow() -> None:
    exercise = COURSE.exercise("07.too-slow-rate")
    assert not check(exercise, "learning_rate=0.001").passed  # lesson 7: a common default
    assert check(exercise, "learning_rate=0.0001").passed


def test_the_one_unit_xor_run_must_train_to_its_floor() -> None:
    exercise = COURSE.exercise("04.xor-one-unit")
    assert not check(exercise, "epochs=1").passed
    assert check(exercise, "optimizer=adam learning_rate=0.1 epochs=200").passed


@pytest.mark.parametrize("exercise", EXPERIMENTS, ids=lambda ex: ex.id)
def test_no_goal_is_on_the_test_set(exercise) -> None:
    goals = exercise.spec.goals or (exercise.spec.goal,)
    assert all(goal.on in ("train", "val") for goal in goals)
    # a goal on a real split's training rows would grade memorising: only tiny gates may
    if any(goal.on == "train" and not (goal.diverges or goal.stalls) for goal in goals):
        assert exercise.spec.dataset == "xor", exercise.id


def test_a_goal_on_the_test_set_is_refused_when_the_course_loads(tmp_path) -> None:
    raw = {
        "dataset": "xor",
        "form": {"epochs": [1, 10]},
        "goal": {"metric": "accuracy", "on": "test", "at_least": 0.9},
    }
    with pytest.raises(SpecError, match="val"):
        ExperimentKind().parse_spec(raw, tmp_path)
