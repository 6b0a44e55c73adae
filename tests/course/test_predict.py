"""The `predict` kind and the runs that settle predictions (`tutor.course.demos`)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from tests.course.course_fixture import write_course
from tutor.course import load_course
from tutor.course.demos import descent, frame_text, gate_nets, perceptron, run_text, symmetry
from tutor.course.lint import lint_exercise
from tutor.exercises import get_kind
from tutor.grading import check

HEADER = """\
[lesson]
title = { ko = "예측", en = "Predict" }
summary = { ko = "요약", en = "Summary" }
"""

PASSES = """
[[exercise]]
id = "passes"
kind = "predict"
prompt = { ko = "몇 바퀴?", en = "How many passes?" }
hints = [{ ko = "힌트", en = "Hint" }]
solution = "%(answer)s"
run = "perceptron"
params = { targets = [0, 0, 0, 1], w = [0.2, 0.3], t = 1.0, alpha = 0.1 }
measure = "passes"
answer = %(answer)s
abs_tol = 0
"""

FIRST_WRONG = """
[[exercise]]
id = "first"
kind = "predict"
prompt = { ko = "어느 줄?", en = "Which row?" }
hints = [{ ko = "힌트", en = "Hint" }]
solution = "01"
run = "perceptron"
params = { targets = [0, 1, 1, 1], w = [0.2, 0.3], t = 1.0, alpha = 0.1 }
measure = "first_wrong"
options = [
  { id = "00", ko = "(0, 0)", en = "(0, 0)" },
  { id = "01", ko = "(0, 1)", en = "(0, 1)" },
]
correct = ["01"]
"""


def course_with(tmp_path: Path, body: str):
    return load_course(write_course(tmp_path / "c", HEADER + body))


def test_a_number_prediction_passes_and_fails_like_a_numeric(tmp_path: Path) -> None:
    exercise = course_with(tmp_path, PASSES % {"answer": 2}).exercise("01.passes")
    assert exercise is not None
    assert check(exercise, "2").passed
    assert not check(exercise, "3").passed
    assert check(exercise, "two").status == "invalid"


def test_an_outcome_prediction_is_picked_like_a_choice(tmp_path: Path) -> None:
    exercise = course_with(tmp_path, FIRST_WRONG).exercise("01.first")
    assert exercise is not None
    assert check(exercise, "01").passed
    assert not check(exercise, "00").passed


def test_lint_reruns_the_run_and_rejects_a_recorded_answer_it_does_not_give(
    tmp_path: Path,
) -> None:
    exercise = course_with(tmp_path, PASSES % {"answer": 5}).exercise("01.passes")
    assert exercise is not None
    problems = [p.message for p in lint_exercise(exercise)]
    assert any("the run gives passes = 2" in message for message in problems), problems


def test_lint_accepts_a_prediction_the_run_agrees_with(tmp_path: Path) -> None:
    exercise = course_with(tmp_path, FIRST_WRONG).exercise("01.first")
    assert exercise is not None
    assert lint_exercise(exercise) == []


@pytest.mark.parametrize(
    ("change", "complaint"),
    [
        (('run = "perceptron"', 'run = "nonsense"'), "`run` must name one of the runs"),
        (("alpha = 0.1", "alpha = 0.1, speed = 2"), "has no parameters ['speed']"),
        (('measure = "passes"', 'measure = "first_wrong"'), "is an outcome"),
    ],
)
def test_a_wrongly_named_run_is_a_problem_with_its_line(
    tmp_path: Path, change: tuple[str, str], complaint: str
) -> None:
    course = course_with(tmp_path, (PASSES % {"answer": 2}).replace(*change))
    problems = course.all_problems()
    assert len(problems) == 1 and complaint in problems[0].message, problems
    assert problems[0].line is not None


def test_the_run_is_revealed_in_the_learners_language(tmp_path: Path) -> None:
    exercise = course_with(tmp_path, PASSES % {"answer": 2}).exercise("01.passes")
    assert exercise is not None
    kind = get_kind("predict")
    assert "every row right after 2 passes" in kind.revealed(exercise, "en")
    assert "2바퀴 만에" in kind.revealed(exercise, "ko")


def test_the_perceptron_run_draws_a_frame_after_every_wrong_row() -> None:
    run = perceptron(targets=(0, 1, 1, 1), w=(0.2, 0.3), t=1.0, alpha=0.1)
    assert run.values["updates"] == 6
    assert len(run.frames) == 1 + 6  # the start, then one per correction
    assert run.frames[-1].right().all() and not run.frames[0].right()[1:].any()


def test_xor_needs_a_non_linear_hidden_layer() -> None:
    run = gate_nets(nets=("unit", "linear", "tanh", "relu"))
    assert run.values["unsolved"] == "unit,linear"
    assert run.values["loss_unit"] == pytest.approx(0.25, abs=1e-3)
    assert run.values["accuracy_tanh"] == 1.0 and run.values["accuracy_relu"] == 1.0


def test_two_hidden_units_that_start_equal_stay_equal() -> None:
    values = symmetry().values
    assert values["gap"] == 0.0 and values["units"] == "equal" and values["accuracy"] < 1.0
    assert values["gap_random"] > 1.0 and values["accuracy_random"] == 1.0


def test_a_rate_of_one_on_x_squared_jumps_between_three_and_minus_three() -> None:
    run = descent(x0=3.0, learning_rate=1.0, steps=5)
    assert run.values["x"] == -3.0 and run.values["outcome"] == "stays"


def test_a_frame_as_text_marks_each_row_with_its_target() -> None:
    frame = perceptron(targets=(0, 0, 0, 1), w=(0.4, 0.5), t=0.8).frames[0]
    lines = frame_text(frame)
    assert lines[2][12] == "1" and lines[6][4] == "0"  # (1, 1) top right, (0, 0) bottom left
    assert "#" in "".join(lines) and "·" in "".join(lines)
    assert "# = says 1" in run_text(perceptron(), "en")


def test_an_undecided_model_is_drawn_as_question_marks() -> None:
    frame = gate_nets(nets=("linear",)).frames[0]
    assert np.allclose(frame.grid, 0.5, atol=1e-3)
    assert set("".join(frame_text(frame))) <= {"?", "0", "1"}


def test_lint_checks_every_value_the_text_quotes_from_the_run(tmp_path: Path) -> None:
    body = (PASSES % {"answer": 2}).replace(
        'measure = "passes"', 'measure = "passes"\nshows = { updates = 3 }'
    )
    exercise = course_with(tmp_path, body).exercise("01.passes")
    assert exercise is not None
    problems = [p.message for p in lint_exercise(exercise)]
    assert any("`shows` says updates = 3.0, but the run gives 2.0" in m for m in problems), problems


def test_the_cli_shows_the_run_after_a_committed_answer_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from tutor.cli import main

    monkeypatch.setenv("TUTOR_COURSE", str(write_course(tmp_path / "c", HEADER + FIRST_WRONG)))
    assert main(["--lang", "en", "show", "01.first"]) == 0
    assert "The run:" not in capsys.readouterr().out  # nothing given away before answering
    assert main(["--lang", "en", "check", "01.first", "--answer", "zz"]) == 1
    assert "The run:" not in capsys.readouterr().out  # an unreadable answer commits nothing
    assert main(["--lang", "ko", "check", "01.first", "--answer", "00"]) == 1
    out = capsys.readouterr().out
    assert "실행해 보면:" in out and "3바퀴 만에 네 줄 모두 맞음" in out and "│" in out
    assert main(["--lang", "en", "show", "01.first"]) == 0
    assert "every row right after 3 passes" in capsys.readouterr().out
