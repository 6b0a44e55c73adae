"""grade(): points per exercise, lesson and course, derived from progress and the course's list."""

from __future__ import annotations

import pytest

from tutor.progress import ExerciseProgress, grade

COURSE = [
    ("neuron-sum", "02-neuron", 2),
    ("storm-weights", "02-neuron", 3),
    ("perceptron-rule", "03-perceptron", 5),
    ("xor-hidden", "04-gates", 4),
]


def _passed(exercise_id, points, max_points):
    return ExerciseProgress(
        exercise_id,
        status="passed",
        attempts=1,
        best_points=points,
        max_points=max_points,
        best_fraction=points / max_points,
    )


def _tried(exercise_id, points, max_points):
    return ExerciseProgress(
        exercise_id,
        status="in_progress",
        attempts=2,
        best_points=points,
        max_points=max_points,
        best_fraction=points / max_points,
    )


def test_exercise_points_are_the_best_attempts_points():
    report = grade({"storm-weights": _tried("storm-weights", 1.5, 3)}, COURSE)
    exercise = report.exercises["storm-weights"]
    assert (exercise.points, exercise.max_points, exercise.status) == (1.5, 3.0, "in_progress")
    assert exercise.percent == 50.0


def test_lesson_sums_its_exercises():
    progress = {
        "neuron-sum": _passed("neuron-sum", 2, 2),
        "storm-weights": _tried("storm-weights", 1, 3),
    }
    lesson = grade(progress, COURSE).lessons["02-neuron"]
    assert (lesson.points, lesson.max_points, lesson.exercises, lesson.passed) == (3.0, 5.0, 2, 1)
    assert lesson.percent == 60.0
    assert lesson.status == "in_progress"


def test_lesson_with_no_attempts_is_not_started_with_zero_points():
    lesson = grade({}, COURSE).lessons["03-perceptron"]
    assert (lesson.points, lesson.max_points, lesson.percent) == (0.0, 5.0, 0.0)
    assert lesson.status == "not_started"


def test_lesson_is_passed_only_when_every_exercise_passed():
    progress = {
        "neuron-sum": _passed("neuron-sum", 2, 2),
        "storm-weights": _passed("storm-weights", 3, 3),
    }
    report = grade(progress, COURSE)
    assert report.lessons["02-neuron"].status == "passed"
    assert report.lessons["02-neuron"].percent == 100.0
    assert report.course.status == "in_progress"


def test_course_totals_cover_every_exercise_in_course_order():
    progress = {
        "neuron-sum": _passed("neuron-sum", 2, 2),
        "xor-hidden": _tried("xor-hidden", 1, 4),
    }
    report = grade(progress, COURSE)
    assert list(report.lessons) == ["02-neuron", "03-perceptron", "04-gates"]
    assert list(report.exercises) == [e[0] for e in COURSE]
    course = report.course
    assert (course.points, course.max_points, course.exercises, course.passed) == (3.0, 14.0, 4, 1)
    assert course.percent == pytest.approx(100 * 3 / 14)


def test_empty_course_is_not_started():
    course = grade({}, []).course
    assert (course.points, course.max_points, course.percent, course.status) == (
        0.0,
        0,
        0.0,
        "not_started",
    )


def test_points_scale_when_the_course_changes_an_exercises_worth():
    # Solved fully when it was worth 2; the course now says 4.
    report = grade({"neuron-sum": _passed("neuron-sum", 2, 2)}, [("neuron-sum", "02-neuron", 4)])
    assert report.exercises["neuron-sum"].points == 4.0


def test_progress_for_exercises_the_course_no_longer_has_is_listed_as_unknown():
    report = grade({"retired": _passed("retired", 1, 1)}, COURSE)
    assert report.unknown == ("retired",)
    assert report.course.points == 0.0


def test_an_exercise_listed_twice_is_an_error():
    with pytest.raises(ValueError, match="'neuron-sum' is listed twice"):
        grade({}, [*COURSE, ("neuron-sum", "09-other", 1)])


def test_grade_of_real_store_progress(tmp_path):
    from tutor.progress import ProgressStore

    with ProgressStore(tmp_path / "p.sqlite3") as store:
        store.record_attempt("neuron-sum", "02-neuron", "3", "failed", 0, 2)
        store.record_attempt("neuron-sum", "02-neuron", "5", "passed", 2, 2)
        store.record_attempt("storm-weights", "02-neuron", "(2, .5)", "failed", 1, 3)
        store.record_event("perceptron-rule", "03-perceptron", "hint", 1)
        report = grade(store.all_progress(), COURSE)
    assert report.lessons["02-neuron"].points == 3.0
    assert report.lessons["03-perceptron"].status == "in_progress"
    assert report.lessons["04-gates"].status == "not_started"
