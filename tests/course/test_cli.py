"""The command line: exit codes, messages in both languages, and every verdict recorded."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tutor.cli import main
from tutor.progress import open_store


@pytest.fixture(autouse=True)
def use_fixture_course(course_root: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TUTOR_COURSE", str(course_root))
    return course_root


def run(*args: str) -> int:
    return main(list(args))


def test_check_passing_answer_exits_0_and_is_recorded(capsys, learner_home: Path) -> None:
    assert run("check", "01.who", "--answer", "b") == 0
    assert "Correct" in capsys.readouterr().out
    with open_store(learner_home / "progress.sqlite3") as store:
        [attempt] = store.attempts()
    assert (attempt.exercise_id, attempt.answer, attempt.verdict) == ("01.who", "b", "passed")


def test_check_wrong_answer_exits_1_and_is_recorded(capsys, learner_home: Path) -> None:
    assert run("check", "01.year", "--answer", "1969") == 1
    with open_store(learner_home / "progress.sqlite3") as store:
        assert [a.verdict for a in store.attempts()] == ["failed"]


def test_check_unknown_exercise_exits_2_and_names_what_exists(capsys) -> None:
    assert run("check", "01.nope", "--answer", "1") == 2
    err = capsys.readouterr().err
    assert "no exercise '01.nope'" in err and "01." in err


def test_check_unreadable_file_exits_2(capsys, tmp_path: Path) -> None:
    assert run("check", "01.year", "--file", str(tmp_path / "missing.py")) == 2
    err = capsys.readouterr().err
    assert "missing.py does not exist" in err and err.count("\n") == 1


def test_messages_follow_the_language_option(capsys) -> None:
    run("--lang", "ko", "check", "01.year", "--answer", "1958")
    assert "정답입니다" in capsys.readouterr().out


def test_hints_come_one_at_a_time_and_stop_at_the_last(capsys) -> None:
    outputs = []
    for _ in range(3):
        run("hint", "01.year")
        outputs.append(capsys.readouterr().out)
    assert outputs[0].startswith("Hint 1 of 2") and outputs[1].startswith("Hint 2 of 2")
    assert outputs[2].startswith("Hint 2 of 2")


def test_solution_is_locked_until_enough_attempts(capsys) -> None:
    assert run("solution", "01.year") == 1
    assert "unlocks after 2 attempts" in capsys.readouterr().out
    run("check", "01.year", "--answer", "1")
    run("check", "01.year", "--answer", "2")
    capsys.readouterr()
    assert run("solution", "01.year") == 0
    assert "1958" in capsys.readouterr().out


def test_progress_json_holds_exercises_lessons_and_course(capsys, tmp_path: Path) -> None:
    run("check", "01.who", "--answer", "b")
    out = tmp_path / "grades.json"
    assert run("progress", "--format", "json", "--output", str(out)) == 0
    rows = json.loads(out.read_text(encoding="utf-8"))
    who = next(r for r in rows if r["exercise"] == "01.who")
    assert who["status"] == "passed" and who["points"] == 2 and who["attempts"] == 1
    course = next(r for r in rows if r["level"] == "course")
    assert course["points"] == 2 and course["max_points"] == 6


def test_progress_csv_to_stdout(capsys) -> None:
    assert run("progress", "--format", "csv") == 0
    header = capsys.readouterr().out.splitlines()[0]
    assert header.startswith("level,lesson,exercise,title,status,points,max_points")


def test_regrade_confirms_stored_verdicts(capsys) -> None:
    run("check", "01.who", "--answer", "b")
    run("check", "01.year", "--answer", "1900")
    capsys.readouterr()
    assert run("regrade") == 0
    assert "Regraded 2 answers: 0 verdicts changed" in capsys.readouterr().out


def test_reset_needs_yes_then_forgets_one_exercise(capsys, learner_home: Path) -> None:
    run("check", "01.who", "--answer", "b")
    run("check", "01.year", "--answer", "1958")
    assert run("reset", "01.who") == 2
    assert run("reset", "01.who", "--yes") == 0
    with open_store(learner_home / "progress.sqlite3") as store:
        assert [a.exercise_id for a in store.attempts()] == ["01.year"]


def test_lessons_lists_status_and_grade(capsys) -> None:
    run("check", "01.who", "--answer", "b")
    capsys.readouterr()
    assert run("lessons") == 0
    out = capsys.readouterr().out
    assert "First lesson" in out and "in progress" in out and "2/6" in out


def test_show_exercise_lists_choice_options(capsys) -> None:
    assert run("show", "01.who") == 0
    out = capsys.readouterr().out
    assert "b) Minsky and Papert" in out


def test_show_lesson_renders_markdown_and_lists_exercises(capsys) -> None:
    assert run("--lang", "ko", "show", "1") == 0
    out = capsys.readouterr().out
    assert "첫 레슨" in out and "01.or-bias" in out


def test_lint_passes_on_a_sound_course(capsys, course_root: Path) -> None:
    assert run("lint", str(course_root)) == 0


def test_lint_fails_with_file_and_line(capsys, course_root: Path) -> None:
    toml = course_root / "01-first" / "exercises.toml"
    toml.write_text(toml.read_text().replace('correct = ["b"]', 'correct = ["a", "b"]'))
    assert run("lint", str(course_root)) == 1
    out = capsys.readouterr().out
    assert f"{toml}:" in out and "reference solution does not pass" in out


def test_errors_never_show_a_traceback(course_root: Path, tmp_path: Path) -> None:
    env = {
        "TUTOR_COURSE": str(course_root),
        "TUTOR_HOME": str(tmp_path / "h"),
        "TUTOR_LANG": "en",
        "PATH": "/usr/bin:/bin",
    }
    done = subprocess.run(
        [sys.executable, "-m", "tutor", "check", "9.x", "--answer", "1"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1


def test_lint_flags_bold_that_markdown_would_show_literally(capsys, course_root: Path) -> None:
    ko = course_root / "01-first" / "ko.md"
    ko.write_text(
        ko.read_text(encoding="utf-8") + "\n**⊙**는 칸끼리 곱하기입니다.\n", encoding="utf-8"
    )
    assert run("lint", str(course_root)) == 1
    out = capsys.readouterr().out
    assert f"{ko}:" in out and "`**` is shown literally" in out
