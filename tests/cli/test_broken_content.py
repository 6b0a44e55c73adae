"""Broken content is loud: the file and line are named, never a silently missing exercise."""

from __future__ import annotations

from pathlib import Path

from tutor.cli import main


def break_file(course_root: Path, old: str, new: str) -> tuple[Path, int]:
    """Replace `old` by `new` in lesson 01's exercises.toml; the file and the changed line."""
    toml = course_root / "01-first" / "exercises.toml"
    text = toml.read_text(encoding="utf-8")
    assert old in text
    toml.write_text(text.replace(old, new, 1), encoding="utf-8")
    return toml, text[: text.index(old)].count("\n") + 1


def test_lessons_names_the_broken_file_and_line_and_fails(capsys, course_root: Path) -> None:
    toml, line = break_file(
        course_root, 'id = "term"\nkind = "text"', 'id = "term"\nkind = "text"\npoints = 0'
    )
    assert main(["lessons"]) == 1
    err = capsys.readouterr().err
    assert f"{toml}:{line + 2}: exercise term: `points` must be a whole number" in err


def test_check_on_an_exercise_that_failed_to_load_names_file_and_line(
    capsys, course_root: Path
) -> None:
    toml, line = break_file(
        course_root, 'id = "term"\nkind = "text"', 'id = "term"\nkind = "text"\npoints = 0'
    )
    assert main(["check", "01.term", "--answer", "threshold"]) == 2
    err = capsys.readouterr().err
    assert "Exercise 01.term could not be loaded" in err and f"{toml}:{line + 2}:" in err


def test_a_toml_syntax_error_is_named_for_every_exercise_of_its_lesson(
    capsys, course_root: Path
) -> None:
    toml, line = break_file(course_root, "abs_tol = 0.5", "abs_tol = = 0.5")
    assert main(["check", "01.year", "--answer", "1958"]) == 2
    err = capsys.readouterr().err
    assert f"{toml}:{line}: not valid TOML" in err
    assert main(["lessons"]) == 1
