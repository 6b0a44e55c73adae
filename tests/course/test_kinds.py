"""Every kind's pass and fail paths, through `tutor.grading.check` as the app and CLI use it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tutor.course import Course, load_course
from tutor.exercises.numeric import parse_number
from tutor.exercises.text import normalise
from tutor.grading import check


@pytest.fixture
def course(course_root: Path) -> Course:
    return load_course(course_root)


def verdict(course: Course, exercise_id: str, answer: str):
    exercise = course.exercise(exercise_id)
    assert exercise is not None
    return check(exercise, answer)


@pytest.mark.parametrize("text", ["0.5", ".5", "1/2", "5e-1", "  0.5  ", "+0.5", "50e-2"])
def test_numeric_spellings_of_one_half(text: str) -> None:
    assert parse_number(text) == 0.5


@pytest.mark.parametrize("text", ["−0.25", "-1/4"])
def test_negative_numbers_with_either_minus(text: str) -> None:
    assert parse_number(text) == -0.25


@pytest.mark.parametrize("text", ["half", "0,5", "1/0", "", "2+2", "__import__('os')"])
def test_unreadable_numbers_are_none(text: str) -> None:
    assert parse_number(text) is None


def test_numeric_within_tolerance_passes(course: Course) -> None:
    assert verdict(course, "01.year", "1958").passed
    assert verdict(course, "01.year", "1958.4").passed


def test_numeric_outside_tolerance_fails_with_the_value_named(course: Course) -> None:
    result = verdict(course, "01.year", "1969")
    assert result.status == "failed"
    assert "1969" in result.message["en"]


def test_numeric_unreadable_answer_is_invalid_not_failed(course: Course) -> None:
    result = verdict(course, "01.year", "nineteen fifty-eight")
    assert result.status == "invalid"
    assert "not a number I can read" in result.message["en"]


def test_choice_right_option_passes_in_any_case(course: Course) -> None:
    assert verdict(course, "01.who", "B").passed


def test_choice_wrong_option_with_a_targeted_message(course: Course) -> None:
    result = verdict(course, "01.who", "a")
    assert result.status == "failed"
    assert result.message["en"].startswith("Rosenblatt built the perceptron.")
    assert result.message["ko"].startswith("로젠블랫은")


def test_choice_unknown_option_lists_the_options(course: Course) -> None:
    result = verdict(course, "01.who", "d")
    assert result.status == "invalid" and "a, b, c" in result.message["en"]


def test_choice_single_answer_rejects_two_options(course: Course) -> None:
    assert verdict(course, "01.who", "b, c").status == "invalid"


@pytest.mark.parametrize("answer", ["threshold", "Threshold", " THRESHOLD. ", "역치", "임계 값"])
def test_text_accepts_variants(course: Course, answer: str) -> None:
    assert verdict(course, "01.term", answer).passed


def test_text_rejects_another_term(course: Course) -> None:
    assert verdict(course, "01.term", "bias").status == "failed"


def test_text_normalises_full_width_and_hyphens() -> None:
    assert normalise("Ｂａｃｋ-propagation") == normalise("backpropagation")


def test_weights_right_bias_makes_every_row_right(course: Course) -> None:
    result = verdict(course, "01.or-bias", "b=-0.5")
    assert result.passed
    assert [row.ok for row in result.details] == [True, True, True, True]


def test_weights_wrong_bias_shows_which_rows_are_wrong(course: Course) -> None:
    result = verdict(course, "01.or-bias", "b=-1.5")  # that is AND, not OR
    assert result.status == "failed"
    assert [row.ok for row in result.details] == [True, False, False, True]
    assert "Rows still wrong: 2 of 4" in result.message["en"]


def test_weights_fixed_parameter_cannot_be_set(course: Course) -> None:
    result = verdict(course, "01.or-bias", "w1=5, b=-0.5")
    assert result.status == "invalid" and "'w1' is fixed" in result.message["en"]


def test_weights_missing_parameter_is_named(course: Course) -> None:
    result = verdict(course, "01.or-bias", "")
    assert result.status == "invalid"
    result = verdict(course, "01.or-bias", "c=1")
    assert result.status == "invalid" and "no parameter 'c'" in result.message["en"]
