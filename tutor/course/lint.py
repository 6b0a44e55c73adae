"""`tutor lint`: proves that a course is sound, like rustlings' `dev check`.

Every file parses; both languages have the same sections; ids are unique; every reference solution
passes its own check; every exercise rejects plainly wrong answers and its own known mistakes.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from tutor.course.loader import load_course
from tutor.course.model import Course, Exercise, Lesson, Problem
from tutor.exercises import get_kind
from tutor.grading import INTERNAL_ERROR, check

_HEADING = re.compile(r"^(#{1,3}) \S", re.MULTILINE)
_FENCE = re.compile(r"^```", re.MULTILINE)
_FENCED_BLOCK = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)


def lint(root: Path | None = None, progress: Callable[[str], None] | None = None) -> list[Problem]:
    """Every problem in the course under `root`, as `file:line: message` problems."""
    course = load_course(root)
    problems = course.all_problems()
    if not course.lessons:
        problems.append(Problem(course.root, None, "no lesson folders (NN-slug) found"))
    problems += _duplicate_ids(course)
    for lesson in course.lessons:
        problems += _sections(lesson)
    # Code checks spend their time waiting for sandbox processes, so they run side by side;
    # the others train in this process under a global seed and stay one at a time.
    exercises = course.exercises()
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        pending = {ex.id: pool.submit(lint_exercise, ex) for ex in exercises if ex.kind == "code"}
        for exercise in exercises:
            if progress:
                progress(exercise.id)
            if exercise.id in pending:
                problems += pending[exercise.id].result()
            else:
                problems += lint_exercise(exercise)
    return problems


def _duplicate_ids(course: Course) -> list[Problem]:
    seen: dict[str, Exercise] = {}
    problems = []
    for exercise in course.exercises():
        if exercise.id in seen:
            problems.append(
                Problem(
                    exercise.path,
                    exercise.line,
                    f"exercise id {exercise.id} is also used in {seen[exercise.id].where()}",
                )
            )
        seen[exercise.id] = exercise
    numbers = [lesson.number for lesson in course.lessons]
    for lesson in course.lessons:
        if numbers.count(lesson.number) > 1:
            problems.append(
                Problem(
                    lesson.path,
                    None,
                    f"lesson number {lesson.number:02d} is used by more than one folder",
                )
            )
    return problems


def _sections(lesson: Lesson) -> list[Problem]:
    """ko.md and en.md must have the same headings (by level) and the same number of code blocks."""
    texts = {lang: (lesson.path / f"{lang}.md") for lang in ("ko", "en")}
    if not all(path.is_file() for path in texts.values()):
        return []  # the loader already reported the missing file
    ko, en = (texts[lang].read_text(encoding="utf-8") for lang in ("ko", "en"))
    ko, en = (_FENCED_BLOCK.sub(_blank_lines, text) for text in (ko, en))  # `# comments` in code
    problems = []
    ko_levels = [len(m.group(1)) for m in _HEADING.finditer(ko)]
    en_levels = [len(m.group(1)) for m in _HEADING.finditer(en)]
    if ko_levels != en_levels:
        problems.append(
            Problem(
                texts["en"],
                _first_difference(ko, en, ko_levels, en_levels),
                f"headings differ from ko.md: ko.md has {len(ko_levels)} "
                f"({_levels(ko_levels)}), en.md has {len(en_levels)} "
                f"({_levels(en_levels)})",
            )
        )
    if len(_FENCE.findall(ko)) != len(_FENCE.findall(en)):
        problems.append(
            Problem(
                texts["en"],
                None,
                "the number of code blocks differs from ko.md "
                f"({len(_FENCE.findall(ko)) // 2} vs "
                f"{len(_FENCE.findall(en)) // 2})",
            )
        )
    if not ko_levels:
        problems.append(Problem(texts["ko"], None, "the lesson has no headings"))
    for path in texts.values():
        problems += _unclosed_emphasis(path)
    return problems


def _unclosed_emphasis(path: Path) -> list[Problem]:
    """`**` that Markdown shows literally: in CommonMark a closing `**` right after punctuation
    and right before a letter does not close (`**⊙**는`), which Korean particles often trigger."""
    from markdown_it import MarkdownIt

    problems = []
    for token in MarkdownIt("commonmark").parse(path.read_text(encoding="utf-8")):
        if token.type != "inline" or not token.children:
            continue
        for child in token.children:
            if child.type == "text" and "**" in child.content:
                line = token.map[0] + 1 if token.map else None
                problems.append(
                    Problem(
                        path,
                        line,
                        "`**` is shown literally: a closing `**` "
                        "after punctuation needs a space or punctuation after "
                        f"it ({child.content.strip()[:40]!r})",
                    )
                )
    return problems


def _blank_lines(block: re.Match[str]) -> str:
    """A fenced block reduced to its fences and line breaks, so line numbers stay right."""
    return "```" + "\n" * block.group(0).count("\n") + "```"


def _levels(levels: list[int]) -> str:
    return " ".join("#" * level for level in levels) or "none"


def _first_difference(ko: str, en: str, ko_levels: list[int], en_levels: list[int]) -> int | None:
    for index, match in enumerate(_HEADING.finditer(en)):
        if index >= len(ko_levels) or ko_levels[index] != en_levels[index]:
            return en.count("\n", 0, match.start()) + 1
    return None


def lint_exercise(exercise: Exercise) -> list[Problem]:
    """The reference solution passes; plainly wrong answers and known mistakes are rejected."""
    problems = []
    where = (exercise.path, exercise.line)
    verdict = check(exercise, exercise.solution)
    if not verdict.passed:
        problems.append(
            Problem(
                *where,
                f"exercise {exercise.id}: the reference solution does "
                f"not pass its own check ({verdict.status}: "
                f"{verdict.message.get('en', '')})",
            )
        )
    kind = get_kind(exercise.kind)
    wrong = [*kind.plainly_wrong(exercise), *(m.answer for m in exercise.mistakes)]
    for answer in wrong:
        result = check(exercise, answer)
        shown = answer if len(answer) < 60 else answer[:57] + "..."
        if result.passed:
            problems.append(
                Problem(*where, f"exercise {exercise.id}: accepts a wrong answer: {shown!r}")
            )
        elif result.status == INTERNAL_ERROR:
            message = result.message.get("en", "")
            problems.append(
                Problem(
                    *where,
                    f"exercise {exercise.id}: the check broke on the wrong answer "
                    f"{shown!r}: {message}",
                )
            )
    try:
        findings = kind.verify(exercise)
    except Exception as error:  # a run that breaks is a problem of the course, not a crash
        findings = [f"its run broke: {type(error).__name__}: {error}"]
    for message in findings:
        problems.append(Problem(*where, f"exercise {exercise.id}: {message}"))
    if not exercise.hints:
        problems.append(
            Problem(
                *where,
                f"exercise {exercise.id}: has no hints (give at least one, in both languages)",
            )
        )
    return problems
