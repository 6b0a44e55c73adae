"""Text answers: the same idea in other words (an article, other variable names) is accepted."""

from __future__ import annotations

import pytest

from tutor.exercises.text import TextSpec, normalise


@pytest.mark.parametrize("answer", ["the threshold", "The Threshold.", "a threshold", "threshold"])
def test_a_leading_article_does_not_matter(answer: str) -> None:
    assert TextSpec(("threshold",)).accepts(answer)


def test_an_article_inside_a_korean_answer_is_left_alone() -> None:
    assert normalise("the 역치") == normalise("역치")
    assert normalise("theta") == "theta"  # only a whole word is an article


@pytest.mark.parametrize(
    "answer", ["model.fit(x, y)", "model.fit( X , Y )", "model.fit(x_train,y_train)", "fit(a, b)"]
)
def test_the_names_of_the_variables_passed_do_not_matter(answer: str) -> None:
    assert TextSpec(("model.fit(x_train, y_train)", "fit(x_train, y_train)")).accepts(answer)


def test_keyword_names_values_and_the_number_of_arguments_still_matter() -> None:
    spec = TextSpec(("model.fit(x_train, y_train, epochs=5)",))
    assert spec.accepts("model.fit(x, y, epochs=5)")
    assert not spec.accepts("model.fit(x, y, epochs=50)")
    assert not spec.accepts("model.fit(x, y, batch_size=5)")
    assert not spec.accepts("model.fit(x)")


def test_spacing_hyphens_and_case_still_do_not_matter() -> None:
    assert normalise("Back-propagation") == normalise("backpropagation")
    assert normalise("역 전파") == normalise("역전파")
