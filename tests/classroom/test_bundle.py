"""`tutor export --bundle`: one file with every attempt, the versions and the course's checksum;
reading it back refuses anything cut short, changed by hand or foreign, with a reason."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tutor.classroom import bundle
from tutor.cli import main
from tutor.progress import open_store


@pytest.fixture
def exported(course_root: Path, learner_home: Path, tmp_path: Path) -> Path:
    with open_store(learner_home / "progress.sqlite3") as store:
        store.record_attempt("01.year", "01-first", "1969", "failed", 0.0, 2.0)
        store.record_attempt("01.year", "01-first", "1958", "passed", 2.0, 2.0)
    path = tmp_path / "out" / "kim.json"
    assert main(["export", "--bundle", str(path), "--learner", "kim"]) == 0
    return path


def test_export_writes_every_attempt_with_versions_and_the_course_checksum(exported, course_root):
    read = bundle.read(exported)
    assert read.learner == "kim"
    assert [(a.exercise_id, a.answer, a.verdict) for a in read.attempts] == [
        ("01.year", "1969", "failed"),
        ("01.year", "1958", "passed"),
    ]
    assert read.course_checksum == bundle.course_checksum(course_root)
    assert read.tutor_version and read.attempts[0].created_at and read.exported_at


def test_the_course_checksum_changes_with_any_course_file(course_root):
    before = bundle.course_checksum(course_root)
    (course_root / "01-first" / "en.md").write_text("# changed\n", encoding="utf-8")
    assert bundle.course_checksum(course_root) != before


def _with_attempts(text: str, count: int) -> str:
    data = json.loads(text)
    data["attempts"] = data["attempts"][:1] * count
    data["checksum"] = bundle._checksum(data)
    return json.dumps(data)


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (lambda text: text[: len(text) // 2], "not valid JSON"),
        (lambda text: text.replace('"1958"', '"1959"'), "checksum"),
        (lambda text: "name,grade\nkim,100\n", "not a tutor bundle"),
        (lambda text: json.dumps({**json.loads(text), "version": 99}), "format version 99"),
        (lambda text: "", "not a tutor bundle"),
        (lambda text: _with_attempts(text, bundle.MAX_ATTEMPTS + 1), "more than the 2,000"),
    ],
)
def test_damaged_or_foreign_files_are_refused_with_a_reason(exported, damage, reason):
    exported.write_text(damage(exported.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(bundle.BundleError, match=reason):
        bundle.read(exported)


def test_binary_junk_is_refused_not_crashed_on(tmp_path):
    junk = tmp_path / "photo.jpg"
    junk.write_bytes(bytes(range(256)) * 10)
    with pytest.raises(bundle.BundleError, match="not a tutor bundle"):
        bundle.read(junk)


def test_export_to_an_unwritable_place_says_so(course_root, tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert main(["export", "--bundle", str(blocker / "kim.json")]) == 2
    assert "cannot write" in capsys.readouterr().err
