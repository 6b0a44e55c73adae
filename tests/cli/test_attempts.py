"""Only answers are attempts: an empty, unreadable or ill-formed answer gets its message and
leaves no record (so it cannot unlock the solution)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tutor.cli import main
from tutor.progress import open_store


def attempts(home: Path, exercise_id: str) -> int:
    with open_store(home / "progress.sqlite3") as store:
        return store.exercise_progress(exercise_id).attempts


def test_three_empty_answers_do_not_unlock_the_solution(capsys, learner: Path) -> None:
    for _ in range(3):
        assert main(["check", "01.year", "--answer", ""]) == 1
        assert "The answer is empty" in capsys.readouterr().out
    assert attempts(learner, "01.year") == 0
    assert main(["solution", "01.year"]) == 1
    assert "you have made 0" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("exercise_id", "answer"),
    [
        ("01.year", "nineteen fifty"),  # not a number
        ("01.who", "z"),  # no such option
        ("01.or-bias", "b=banana"),  # a rejected form value
        ("02.double", "def double(x):\n    return 2 *\n"),  # not Python
    ],
)
def test_an_ill_formed_answer_is_told_and_not_counted(
    capsys, learner: Path, exercise_id: str, answer: str
) -> None:
    assert main(["check", exercise_id, "--answer", answer]) == 1
    out = capsys.readouterr().out
    assert "does not count as an attempt" in out
    assert attempts(learner, exercise_id) == 0


def test_a_wrong_answer_still_counts(capsys, learner: Path) -> None:
    assert main(["check", "01.year", "--answer", "1900"]) == 1
    assert "does not count" not in capsys.readouterr().out
    assert attempts(learner, "01.year") == 1
