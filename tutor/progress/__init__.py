"""The learner's progress, kept in one SQLite file: `tutor_home()/progress.sqlite3`.

    from tutor.progress import open_store, grade

    with open_store() as store:              # or open_store(path); creates folders and file
        if store.notice:                     # a damaged/foreign file was moved aside
            show(store.notice["ko"])         # {"ko": ..., "en": ...}, says where the old file is
        store.record_attempt("xor", "04-gates", answer, "failed", 0, 2,
                             feedback=verdict.message, duration_s=0.8)    # -> Attempt
        store.record_event("xor", "04-gates", "hint", 1)                  # hint number 1
        store.record_event("xor", "04-gates", "solution")
        store.attempts(exercise_id=None, lesson_id=None)   # -> list[Attempt], oldest first
        store.events(exercise_id=None, lesson_id=None)     # -> list[Event], oldest first
        store.exercise_progress("xor")       # -> ExerciseProgress (status, best_points, ...)
        store.all_progress()                 # -> {exercise_id: ExerciseProgress}, one query
        store.get_state("key", default) / store.set_state("key", json_value)  # None deletes
        store.ui.last_lesson / .open_exercise / .language / .welcome_shown     # typed helpers
        store.ui.reading_position(lesson) / .set_reading_position(lesson, n)
        store.record_regrade(attempt.id, "passed", 2.0)   # -> Regrade; original attempt kept
        store.regrades()                     # -> list[Regrade] (attempt + new verdict, .changed)
        store.reset(lesson_id=None, exercise_id=None)   # no argument: everything; -> rows removed

    report = grade(store.all_progress(), [(exercise_id, lesson_id, max_points), ...])
    report.exercises[id].points, report.lessons[lesson].percent, report.course.status

Statuses: "not_started", "in_progress" (any attempt, hint or solution shown), "passed" (any
attempt with verdict "passed"). Grades and statuses are derived on every call, never stored.

Errors: a file that cannot be opened or written (permissions, locked too long, disk full) raises
`ProgressError`, whose `message` is bilingual; a file from a newer tutor raises
`NewerProgressFileError` and is left untouched. A damaged or foreign file is never deleted: it is
renamed to `progress.sqlite3.broken-YYYYmmdd-HHMMSS` (with its -wal/-shm) and `notice` is set.
Wrong arguments (negative points, unknown event kind) raise ValueError.

Threads: one store may be shared by all threads (one connection behind a lock). Every record is
its own transaction, synced to disk (WAL, synchronous=FULL) before the call returns.
"""

from tutor.progress.errors import NewerProgressFileError, ProgressError
from tutor.progress.grading import ExerciseGrade, GradeReport, Score, grade
from tutor.progress.models import PASSED, Attempt, Event, ExerciseProgress, Regrade
from tutor.progress.state import UiState, saved_language
from tutor.progress.store import FILENAME, ProgressStore, default_path, open_store

__all__ = [
    "FILENAME",
    "PASSED",
    "Attempt",
    "Event",
    "ExerciseGrade",
    "ExerciseProgress",
    "GradeReport",
    "NewerProgressFileError",
    "ProgressError",
    "ProgressStore",
    "Regrade",
    "Score",
    "UiState",
    "default_path",
    "grade",
    "open_store",
    "saved_language",
]
