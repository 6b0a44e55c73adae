"""What the commands share: the one-line usage error, the course, the progress store, the
language, and finding a lesson or an exercise from what the learner typed."""

from __future__ import annotations

import difflib
import sys
from typing import TYPE_CHECKING

from tutor.i18n import LANGS, Text, choose_lang, pick, t, tt

if TYPE_CHECKING:
    from tutor.course import Course, Exercise, Lesson
    from tutor.progress import ProgressStore


class UsageError(Exception):
    """Bad usage or input: a bilingual message on stderr, exit 2."""

    def __init__(self, message: Text) -> None:
        super().__init__(message.get("en", ""))
        self.text = message


def resolve_lang(explicit: str | None) -> str:
    """`--lang` on this command, else the learner's saved choice, else TUTOR_LANG and the locale
    (Korean unless the locale names another language)."""
    if explicit:
        return explicit
    from tutor.progress import saved_language

    return choose_lang(None, saved_language())


def load_course() -> Course:
    from tutor.course import load_course as load

    return load()


def open_store(lang: str) -> ProgressStore:
    """The learner's progress store, or a UsageError that says why it cannot be opened."""
    from tutor.course.renames import course_renames
    from tutor.progress import ProgressError
    from tutor.progress import open_store as open_progress

    try:
        store = open_progress(renames=course_renames())
    except ProgressError as error:
        raise UsageError(error.message) from None
    if store.notice:
        print(f"tutor: {pick(store.notice, lang)}", file=sys.stderr)
    return store


def find_lesson(course: Course, key: str) -> Lesson:
    """The lesson `key` names (number or folder), or a UsageError that lists the lessons."""
    lesson = course.lesson(key)
    if lesson is not None:
        return lesson
    raise UsageError(
        {
            lang: t("cli_unknown_lesson", lang, key=key, lessons=lesson_list(course, lang))
            for lang in LANGS
        }
    )


def lesson_list(course: Course, lang: str) -> str:
    """One line per lesson: its number and title."""
    return "\n".join(
        f"  {lesson.number:02d}  {pick(lesson.title, lang)}" for lesson in course.lessons
    )


def find_exercise(course: Course, key: str) -> Exercise:
    """The exercise `key` names; else a UsageError that says which file and line is broken (if
    it failed to load) or suggests ids of the same lesson."""
    exercise = course.exercise(key)
    if exercise is not None:
        return exercise
    key = key.strip()
    for problem in course.all_problems():
        if problem.exercise == key:
            raise UsageError(tt("cli_exercise_broken", key=key, problem=str(problem)))
    lesson_key, dot, _ = key.partition(".")
    lesson = course.lesson(lesson_key) if dot else None
    if lesson is not None and not lesson.available:
        raise UsageError(
            tt("cli_lesson_broken", key=key, lesson=lesson.id, problem=str(lesson.problems[0]))
        )
    if lesson is not None:
        ids = [ex.id for ex in lesson.exercises]
        near = difflib.get_close_matches(key, ids, n=3, cutoff=0.5)
        listed = near + [i for i in ids if i not in near]
        raise UsageError(
            tt("cli_unknown_exercise_in_lesson", key=key, lesson=lesson.id, ids=", ".join(listed))
        )
    ids = [ex.id for ex in course.exercises()]
    locals_ = {ex.local_id: ex.id for ex in course.exercises()}
    near = difflib.get_close_matches(key, ids, n=5, cutoff=0.6) or [
        locals_[name]
        for name in difflib.get_close_matches(key.rpartition(".")[2], list(locals_), n=5)
    ]
    if near:
        raise UsageError(tt("cli_unknown_exercise", key=key, near=", ".join(near)))
    raise UsageError(tt("cli_unknown_exercise_no_match", key=key))


def status_label(status: str, lang: str) -> str:
    return t(f"status_{status}", lang)
