"""The workspace (one file per code exercise), `tutor next [--open]` with the learner's editor,
and `tutor run`, which runs code without grading it."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from tests.cli.conftest import DOUBLE, fake_editor
from tutor.cli import main
from tutor.course import load_course
from tutor.progress import open_store
from tutor.workspace import WorkspaceError, exercise_file, prepare, read_answer, save_over


def attempts(home: Path) -> int:
    with open_store(home / "progress.sqlite3") as store:
        return len(store.attempts())


def solve_lesson_one() -> None:
    for exercise_id, answer in (
        ("01.year", "1958"),
        ("01.who", "b"),
        ("01.term", "threshold"),
        ("01.or-bias", "b=-0.5"),
    ):
        assert main(["check", exercise_id, "--answer", answer]) == 0


def test_files_are_named_after_lesson_and_function(workspace: Path) -> None:
    course = load_course()
    assert exercise_file(course.exercise("02.double")) == workspace / "02_double.py"


def test_prepare_writes_the_starter_once_and_never_overwrites(workspace: Path) -> None:
    exercise = load_course().exercise("02.double")
    path = prepare(exercise)
    assert "raise NotImplementedError" in path.read_text(encoding="utf-8")
    path.write_text("my own work\n", encoding="utf-8")
    assert prepare(exercise) == path
    assert path.read_text(encoding="utf-8") == "my own work\n"


def test_save_over_refuses_to_replace_a_file_changed_meanwhile(workspace: Path) -> None:
    path = prepare(load_course().exercise("02.double"))
    seen = read_answer(path)
    path.write_text("changed in another editor\n", encoding="utf-8")
    with pytest.raises(WorkspaceError, match="changed meanwhile"):
        save_over(path, DOUBLE, last_seen=seen)
    assert path.read_text(encoding="utf-8") == "changed in another editor\n"
    save_over(path, DOUBLE, last_seen="changed in another editor\n")
    assert path.read_text(encoding="utf-8") == DOUBLE


def test_a_file_that_is_not_utf8_names_its_line(workspace: Path) -> None:
    path = prepare(load_course().exercise("02.double"))
    path.write_bytes(b"def double(x):\n    return x  # caf\xe9\n")
    with pytest.raises(WorkspaceError, match=r"Line 2 of .*02_double.py is not UTF-8"):
        read_answer(path)


def test_next_prints_the_first_unsolved_exercise(capsys) -> None:
    assert main(["next"]) == 0
    assert capsys.readouterr().out.startswith("01.year")
    solve_lesson_one()
    capsys.readouterr()
    assert main(["next"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("02.double · Double it")
    assert "02_double.py" in out and "tutor check 02.double" in out


def test_next_open_edits_in_the_learners_editor_and_checks_on_return(
    capsys, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, learner: Path
) -> None:
    solve_lesson_one()
    body = "printf 'def double(x):\\n    return 2 * x\\n' > \"$1\""
    monkeypatch.setenv("VISUAL", fake_editor(tmp_path, body))
    capsys.readouterr()
    assert main(["next", "--open"]) == 0
    out = capsys.readouterr().out
    assert "All 2 cases pass" in out
    with open_store(learner / "progress.sqlite3") as store:
        assert store.exercise_progress("02.double").passed


def test_an_editor_that_fails_is_one_line_and_loses_nothing(
    capsys, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workspace: Path, learner: Path
) -> None:
    solve_lesson_one()
    path = workspace / "02_double.py"
    workspace.mkdir()
    path.write_text("half done\n", encoding="utf-8")
    monkeypatch.setenv("EDITOR", fake_editor(tmp_path, "exit 3"))
    before = attempts(learner)
    capsys.readouterr()
    assert main(["next", "--open"]) == 2
    err = capsys.readouterr().err
    assert "exited with status 3, so nothing was checked" in err and err.count("\n") == 1
    assert path.read_text(encoding="utf-8") == "half done\n"
    assert attempts(learner) == before


def test_no_editor_set_says_how_to_set_one(capsys, workspace: Path) -> None:
    solve_lesson_one()
    capsys.readouterr()
    assert main(["next", "--open"]) == 2
    err = capsys.readouterr().err
    assert "set VISUAL or EDITOR" in err and str(workspace / "02_double.py") in err


def test_a_read_only_workspace_is_one_clear_line(
    capsys, monkeypatch: pytest.MonkeyPatch, workspace: Path
) -> None:
    solve_lesson_one()

    mkdir = Path.mkdir

    def read_only(self: Path, *args: object, **kwargs: object) -> None:
        if self.is_relative_to(workspace):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(self))
        mkdir(self, *args, **kwargs)

    monkeypatch.setattr(Path, "mkdir", read_only)
    capsys.readouterr()
    assert main(["next"]) == 2
    err = capsys.readouterr().err
    assert f"Cannot write {workspace / '02_double.py'}: Read-only file system" in err
    assert "TUTOR_WORKSPACE" in err and err.count("\n") == 1


def test_check_without_a_file_reads_the_workspace_file(capsys, workspace: Path) -> None:
    assert main(["check", "02.double"]) == 2
    assert "02_double.py does not exist yet" in capsys.readouterr().err
    workspace.mkdir()
    (workspace / "02_double.py").write_text(DOUBLE, encoding="utf-8")
    assert main(["check", "02.double"]) == 0


def test_run_shows_what_the_code_returns_and_prints_without_recording(
    capsys, tmp_path: Path, learner: Path
) -> None:
    answer = tmp_path / "mine.py"
    answer.write_text(
        "def double(x):\n    print('got', x.shape)\n    return x + x\n", encoding="utf-8"
    )
    assert main(["run", "02.double", "--file", str(answer)]) == 0
    out = capsys.readouterr().out
    assert "double([1., 2., 3.])" in out and "[2., 4., 6.]" in out
    assert "got (3,)" in out and "got (8,)" in out
    assert "Not graded and not recorded" in out
    assert attempts(learner) == 0


def test_run_shows_the_error_and_its_line(capsys, tmp_path: Path) -> None:
    answer = tmp_path / "mine.py"
    answer.write_text("def double(x):\n    return x + y\n", encoding="utf-8")
    assert main(["run", "02.double", "--file", str(answer)]) == 1
    out = " ".join(capsys.readouterr().out.split())
    assert "NameError: name 'y' is not defined (line 2)" in out


def test_run_is_for_code_exercises(capsys) -> None:
    assert main(["run", "01.year", "--answer", "1958"]) == 2
    assert "not a code exercise" in capsys.readouterr().err


def test_next_open_on_a_question_says_it_has_no_file(capsys) -> None:
    assert main(["next", "--open"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("01.year") and "01.year is not a code exercise" in out
