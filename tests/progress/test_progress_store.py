"""Recording attempts and events, deriving progress from them, UI state, regrades and resets."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import threading
from datetime import UTC, datetime, timedelta

import pytest

from tutor import __version__
from tutor.progress import ExerciseProgress, ProgressStore, open_store


@pytest.fixture
def store(tmp_path, monkeypatch):
    monkeypatch.setenv("TUTOR_HOME", str(tmp_path / "home"))
    with open_store() as opened:
        yield opened


def test_open_store_creates_the_file_in_tutor_home(tmp_path, monkeypatch):
    home = tmp_path / "nested" / "home"
    monkeypatch.setenv("TUTOR_HOME", str(home))
    with open_store() as store:
        assert store.path == home / "progress.sqlite3"
        assert store.path.is_file()
        assert store.notice is None


def test_attempt_round_trips_every_field(store):
    before = datetime.now(UTC)
    recorded = store.record_attempt(
        "xor", "04-gates", "w = [1, 2]", "failed", 0.5, 2, feedback="almost", duration_s=1.25
    )
    (stored,) = store.attempts()
    assert stored == recorded
    assert (stored.exercise_id, stored.lesson_id, stored.answer) == (
        "xor",
        "04-gates",
        "w = [1, 2]",
    )
    assert (stored.verdict, stored.points, stored.max_points) == ("failed", 0.5, 2.0)
    assert (stored.feedback, stored.duration_s, stored.tutor_version) == (
        "almost",
        1.25,
        __version__,
    )
    assert before - timedelta(seconds=1) <= stored.created_at <= datetime.now(UTC)
    assert stored.created_at.tzinfo is not None


@pytest.mark.parametrize(
    "answer",
    [
        "가중치를 3으로 바꾸면 폭풍을 맞힌다 🌩",
        "def f(x):\n    return {\"a\": [x[0], (x[1],)]}['a'] if x else \\\n        None\n",
        "'; DROP TABLE attempts; --",
        "",
        "x = 1\n" * 100_000,
    ],
    ids=["korean", "code-with-brackets", "sql-injection", "empty", "big"],
)
def test_any_answer_text_comes_back_unchanged(store, answer):
    store.record_attempt("e1", "l1", answer, "failed", 0, 1)
    assert store.attempts()[0].answer == answer


def test_bilingual_feedback_comes_back_as_a_dict(store):
    store.record_attempt(
        "e1", "l1", "1", "failed", 0, 1, feedback={"ko": "틀렸어요", "en": "wrong"}
    )
    assert store.attempts()[0].feedback == {"ko": "틀렸어요", "en": "wrong"}


def test_attempts_are_listed_oldest_first_and_filter_by_exercise_and_lesson(store):
    store.record_attempt("a", "l1", "1", "failed", 0, 1)
    store.record_attempt("b", "l2", "2", "failed", 0, 1)
    store.record_attempt("a", "l1", "3", "passed", 1, 1)
    assert [a.answer for a in store.attempts()] == ["1", "2", "3"]
    assert [a.answer for a in store.attempts(exercise_id="a")] == ["1", "3"]
    assert [a.answer for a in store.attempts(lesson_id="l2")] == ["2"]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("points", -1),
        ("points", 3),
        ("points", float("nan")),
        ("max_points", float("inf")),
        ("verdict", ""),
        ("exercise_id", " "),
        ("answer", 42),
        ("duration_s", -0.1),
        ("feedback", ["not", "text"]),
    ],
)
def test_invalid_attempt_is_refused_and_nothing_is_stored(store, field, value):
    args = {
        "exercise_id": "e1",
        "lesson_id": "l1",
        "answer": "1",
        "verdict": "failed",
        "points": 0,
        "max_points": 2,
    }
    args[field] = value
    with pytest.raises(ValueError, match=field):
        store.record_attempt(**args)
    assert store.attempts() == []


def test_exercise_with_nothing_stored_is_not_started(store):
    assert store.exercise_progress("nope") == ExerciseProgress("nope")
    assert store.exercise_progress("nope").status == "not_started"


def test_a_failed_attempt_puts_the_exercise_in_progress(store):
    store.record_attempt("e1", "l1", "1", "failed", 0, 2)
    progress = store.exercise_progress("e1")
    assert (progress.status, progress.attempts, progress.last_verdict) == (
        "in_progress",
        1,
        "failed",
    )


def test_failed_then_passed_is_passed_and_keeps_the_best_points(store):
    store.record_attempt("e1", "l1", "1", "failed", 1, 4)
    store.record_attempt("e1", "l1", "2", "passed", 4, 4)
    store.record_attempt("e1", "l1", "3", "failed", 2, 4)  # a later worse try changes nothing
    progress = store.exercise_progress("e1")
    assert progress.status == "passed"
    assert (progress.best_points, progress.max_points, progress.best_fraction) == (4.0, 4.0, 1.0)
    assert (progress.attempts, progress.last_verdict) == (3, "failed")


def test_last_attempt_time_is_the_newest_attempt(store):
    store.record_attempt("e1", "l1", "1", "failed", 0, 1)
    last = store.record_attempt("e1", "l1", "2", "error", 0, 1)
    assert store.exercise_progress("e1").last_attempt_at == last.created_at


def test_hints_are_counted_once_per_hint_number(store):
    store.record_event("e1", "l1", "hint", 1)
    store.record_event("e1", "l1", "hint", 2)
    store.record_event("e1", "l1", "hint", 1)  # shown again after reopening the exercise
    progress = store.exercise_progress("e1")
    assert (progress.hints_shown, progress.solution_shown) == (2, False)
    assert progress.status == "in_progress"


def test_revealed_solution_is_remembered_and_listed_as_an_event(store):
    store.record_event("e1", "l1", "solution")
    assert store.exercise_progress("e1").solution_shown is True
    assert [(e.kind, e.detail) for e in store.events()] == [("solution", None)]


@pytest.mark.parametrize(("kind", "detail"), [("peek", None), ("hint", None), ("hint", 0)])
def test_unknown_event_or_hint_without_number_is_refused(store, kind, detail):
    with pytest.raises(ValueError, match=r"event kind|hint's number"):
        store.record_event("e1", "l1", kind, detail)
    assert store.events() == []


def test_all_progress_has_one_entry_per_touched_exercise(store):
    store.record_attempt("a", "l1", "1", "passed", 1, 1)
    store.record_attempt("b", "l1", "1", "failed", 0, 1)
    store.record_event("c", "l2", "hint", 1)
    progress = store.all_progress()
    assert {k: v.status for k, v in progress.items()} == {
        "a": "passed",
        "b": "in_progress",
        "c": "in_progress",
    }
    assert progress["c"].lesson_id == "l2"
    assert progress == {k: store.exercise_progress(k) for k in "abc"}


def test_state_values_round_trip_as_json(store):
    store.set_state("layout", {"split": [30, 70], "dark": True, "이름": "학습자"})
    assert store.get_state("layout") == {"split": [30, 70], "dark": True, "이름": "학습자"}
    store.set_state("layout", 3)
    assert store.get_state("layout") == 3


def test_missing_state_gives_the_default_and_none_deletes(store):
    assert store.get_state("missing", "fallback") == "fallback"
    store.set_state("k", "v")
    store.set_state("k", None)
    assert store.get_state("k", "gone") == "gone"


def test_state_that_is_not_json_serialisable_is_refused(store):
    with pytest.raises(ValueError, match="JSON"):
        store.set_state("k", {1, 2})


def test_typed_ui_state_helpers_round_trip(store):
    assert (store.ui.last_lesson, store.ui.language, store.ui.welcome_shown) == (None, None, False)
    store.ui.last_lesson = "03-perceptron"
    store.ui.open_exercise = "and-gate"
    store.ui.language = "en"
    store.ui.welcome_shown = True
    store.ui.set_reading_position("03-perceptron", 12)
    assert store.ui.last_lesson == "03-perceptron"
    assert store.ui.open_exercise == "and-gate"
    assert store.ui.language == "en"
    assert store.ui.welcome_shown is True
    assert store.ui.reading_position("03-perceptron") == 12
    assert store.ui.reading_position("04-gates") == 0


def test_ui_state_of_the_wrong_type_reads_as_the_default(store):
    store.set_state("ui.welcome_shown", "yes")
    store.set_state("ui.reading_position.l1", True)
    assert store.ui.welcome_shown is False
    assert store.ui.reading_position("l1") == 0


def test_state_survives_reopening(tmp_path):
    path = tmp_path / "p.sqlite3"
    with ProgressStore(path) as store:
        store.ui.last_lesson = "05-xor"
    with ProgressStore(path) as store:
        assert store.ui.last_lesson == "05-xor"


def test_regrade_is_stored_beside_the_original_attempt(store):
    attempt = store.record_attempt("e1", "l1", "0.5", "passed", 1, 1)
    returned = store.record_regrade(attempt.id, "failed", 0, feedback="tolerance is tighter now")
    (regrade,) = store.regrades()
    assert regrade == returned
    assert regrade.attempt == attempt
    assert (regrade.verdict, regrade.points, regrade.feedback) == (
        "failed",
        0.0,
        "tolerance is tighter now",
    )
    assert regrade.changed
    assert store.attempts() == [attempt]
    assert store.exercise_progress("e1").status == "passed"


def test_a_second_regrade_of_an_attempt_replaces_the_first(store):
    attempt = store.record_attempt("e1", "l1", "0.5", "passed", 1, 1)
    store.record_regrade(attempt.id, "failed", 0)
    store.record_regrade(attempt.id, "passed", 1)
    (regrade,) = store.regrades()
    assert (regrade.verdict, regrade.changed) == ("passed", False)


def test_regrade_of_an_unknown_attempt_is_refused(store):
    with pytest.raises(ValueError, match="no stored attempt with id 99"):
        store.record_regrade(99, "passed", 1)


def _fill(store):
    store.record_attempt("a1", "A", "1", "failed", 0, 1)
    store.record_attempt("a1", "A", "2", "passed", 1, 1)
    store.record_event("a1", "A", "hint", 1)
    store.record_attempt("a2", "A", "1", "failed", 0, 1)
    store.record_attempt("b1", "B", "1", "passed", 1, 1)
    store.record_event("b1", "B", "solution")


def test_reset_of_one_exercise_leaves_the_others(store):
    _fill(store)
    assert store.reset(exercise_id="a1") == 3
    assert set(store.all_progress()) == {"a2", "b1"}


def test_reset_of_one_lesson_leaves_the_other_lessons(store):
    _fill(store)
    assert store.reset(lesson_id="A") == 4
    assert set(store.all_progress()) == {"b1"}


def test_reset_of_everything_removes_attempts_events_and_regrades_but_not_state(store):
    _fill(store)
    store.record_regrade(store.attempts()[0].id, "passed", 1)
    store.ui.last_lesson = "B"
    assert store.reset() == 6
    assert (store.attempts(), store.events(), store.regrades()) == ([], [], [])
    assert store.ui.last_lesson == "B"


def test_records_from_many_threads_all_arrive(store):
    def work(n: int) -> None:
        for i in range(25):
            store.record_attempt(f"e{n}", "l1", str(i), "failed", 0, 1)
            store.all_progress()

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(store.attempts()) == 100
    assert {p.attempts for p in store.all_progress().values()} == {25}


def test_two_stores_on_one_file_see_each_others_records(tmp_path):
    path = tmp_path / "p.sqlite3"
    with ProgressStore(path) as app, ProgressStore(path) as cli:
        app.record_attempt("e1", "l1", "1", "passed", 1, 1)
        assert cli.exercise_progress("e1").status == "passed"


def test_the_database_keeps_no_derived_grade_column(store):
    conn = sqlite3.connect(store.path)
    columns = {
        row[1]
        for table in ("attempts", "events", "regrades", "state")
        for row in conn.execute(f"PRAGMA table_info({table})")
    }
    conn.close()
    assert not columns & {"status", "grade", "best_points", "percent", "passed"}


def test_feedback_is_stored_as_json_text(store):
    store.record_attempt("e1", "l1", "1", "failed", 0, 1, feedback={"ko": "가", "en": "a"})
    conn = sqlite3.connect(store.path)
    (raw,) = conn.execute("SELECT feedback FROM attempts").fetchone()
    conn.close()
    assert json.loads(raw) == {"ko": "가", "en": "a"}


def test_importing_the_store_pulls_in_neither_textual_nor_pandas():
    code = (
        "import sys, tutor.progress; "
        "print(sorted(m for m in ('textual', 'pandas') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
