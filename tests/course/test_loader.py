"""The loader reads a course into plain data and never lets one broken file take it down."""

from __future__ import annotations

from pathlib import Path

from tests.course.course_fixture import EXERCISES_TOML, write_course
from tutor.course import load_course


def test_loads_lessons_exercises_and_parts(course_root: Path) -> None:
    course = load_course(course_root)
    assert course.all_problems() == []
    assert [lesson.id for lesson in course.lessons] == ["01-first"]
    assert [ex.id for ex in course.exercises()] == ["01.year", "01.who", "01.term", "01.or-bias"]
    assert course.parts[0].lesson_ids == ("01-first",)
    assert course.lessons[0].part == 1
    who = course.exercise("01.who")
    assert who is not None and who.points == 2 and who.kind == "choice"
    assert who.mistakes[0].answer == "a"
    assert (
        who.line is not None
        and "[[exercise]]"
        in (course_root / "01-first" / "exercises.toml").read_text().splitlines()[who.line - 1]
    )


def test_lessons_are_found_by_number_or_folder_name(course_root: Path) -> None:
    course = load_course(course_root)
    assert course.lesson("1") is course.lesson("01") is course.lesson("01-first")
    assert course.lesson("7") is None


def test_lesson_text_in_both_languages(course_root: Path) -> None:
    lesson = load_course(course_root).lessons[0]
    assert lesson.markdown("ko").startswith("# 첫 레슨")
    assert lesson.markdown("en").startswith("# First lesson")


def test_broken_toml_marks_only_that_lesson_unavailable_with_its_line(tmp_path: Path) -> None:
    root = write_course(tmp_path / "c")
    write_course(root, '[lesson]\ntitle = { ko = "x", en = "y" \n', folder="02-broken")
    course = load_course(root)
    broken = course.lesson("02")
    assert broken is not None and not broken.available
    problem = broken.problems[0]
    assert problem.path.name == "exercises.toml" and problem.line == 2
    assert "not valid TOML" in problem.message
    assert course.lesson("01") is not None and course.lesson("01").available  # the rest still works


def test_unknown_kind_is_reported_at_its_line(tmp_path: Path) -> None:
    bad = EXERCISES_TOML.replace('kind = "text"', 'kind = "essay"')
    course = load_course(write_course(tmp_path / "c", bad))
    problems = course.all_problems()
    assert len(problems) == 1
    lines = (tmp_path / "c" / "01-first" / "exercises.toml").read_text().splitlines()
    assert lines[problems[0].line - 1].strip() == 'kind = "essay"'
    assert "unknown exercise kind 'essay'" in problems[0].message
    assert "choice" in problems[0].message  # lists what exists


def test_missing_translation_of_a_prompt_is_a_problem(tmp_path: Path) -> None:
    bad = EXERCISES_TOML.replace(
        'prompt = { ko = "역치를 영어로?", en = "Threshold in Korean?" }',
        'prompt = { ko = "역치를 영어로?" }',
    )
    problems = load_course(write_course(tmp_path / "c", bad)).all_problems()
    assert len(problems) == 1 and "`prompt` must be a table with both `ko` and `en`" in str(
        problems[0]
    )


def test_misspelt_key_is_reported(tmp_path: Path) -> None:
    bad = EXERCISES_TOML.replace("accept = [", "acept = [")
    problems = load_course(write_course(tmp_path / "c", bad)).all_problems()
    assert any("unknown keys ['acept']" in p.message for p in problems)


def test_missing_markdown_file_is_a_problem(tmp_path: Path) -> None:
    root = write_course(tmp_path / "c", md={"ko": "# 제목\n"})
    lesson = load_course(root).lessons[0]
    assert not lesson.available
    assert any(p.path.name == "en.md" for p in lesson.problems)
