"""`tutor grade-class`: every answer regraded from scratch, forged verdicts caught, hostile
answers harmless, bad files skipped, and the report in CSV, JSON and on the terminal."""

from __future__ import annotations

import csv
import io
import json
import time
from pathlib import Path

import pytest

from tutor.classroom import bundle, grade_class
from tutor.cli import main
from tutor.course import load_course

from .conftest import HONEST

HOSTILE = (
    "import sys, os\n"
    "sys.modules['_tutor_sandbox_guard'].Guard.__call__ = lambda *a: None\n"
    "try:\n"
    "    if os.fork() == 0:\n"
    "        os.setsid()\n"
    "        while True:\n"
    "            pass\n"
    "except OSError:\n"
    "    pass\n"
    "def double(x):\n"
    "    open({target!r}, 'w').write('pwned')\n"
    "    return 2 * x\n"
)


class Attempt:
    def __init__(self, exercise_id: str, answer: str, verdict: str, points: float) -> None:
        from datetime import UTC, datetime

        self.exercise_id, self.answer, self.verdict, self.points = (
            exercise_id,
            answer,
            verdict,
            points,
        )
        self.lesson_id, self.max_points, self.created_at = "01-first", 3.0, datetime.now(UTC)
        self.tutor_version, self.duration_s = "0.1.0", 0.1


def write_bundle(folder: Path, name: str, attempts: list[Attempt], checksum: str) -> Path:
    path = folder / f"{name}.json"
    bundle.write(path, bundle.build(name, "Course", checksum, attempts, "0.1.0"))
    return path


@pytest.fixture
def classroom(course_root: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "class"
    folder.mkdir()
    checksum = bundle.course_checksum(course_root)
    write_bundle(
        folder,
        "ana",
        [Attempt("01.year", "1958", "passed", 2), Attempt("01.double", HONEST, "passed", 3)],
        checksum,
    )
    # a learner who edited the verdicts: a wrong year and a wrong function "passed"
    write_bundle(
        folder,
        "ben",
        [
            Attempt("01.year", "1969", "passed", 2),
            Attempt("01.double", "def double(x):\n    return x\n", "passed", 3),
        ],
        checksum,
    )
    target = tmp_path / "pwned"
    write_bundle(
        folder,
        "eve",
        [Attempt("01.double", HOSTILE.format(target=str(target)), "passed", 3)],
        checksum,
    )
    write_bundle(folder, "old", [Attempt("01.year", "1958", "passed", 2)], "sha256:older")
    (folder / "cut.json").write_text((folder / "ana.json").read_text()[:200])
    (folder / "notes.txt").write_text("bring snacks\n")
    return folder


def test_every_learner_is_regraded_and_forged_verdicts_are_listed(classroom, tmp_path):
    course = load_course()
    found, skipped = grade_class.read_bundles(classroom)
    report = grade_class.grade_class(course, found, skipped, workers=1)
    by_name = {learner.learner: learner for learner in report.learners}
    assert (by_name["ana"].points, by_name["ana"].max_points, by_name["ana"].percent) == (5, 5, 100)
    assert by_name["ben"].points == 0 and len(by_name["ben"].disagreements) == 2
    assert by_name["eve"].points == 0 and by_name["eve"].disagreements[0].regraded != "passed"
    assert not (tmp_path / "pwned").exists()
    assert by_name["old"].same_course is False and by_name["ana"].same_course is True
    assert sorted(name for name, _ in skipped) == ["cut.json", "notes.txt"]
    rates = {rate.exercise_id: (rate.attempted, rate.passed) for rate in report.exercises}
    assert rates == {"01.year": (3, 2), "01.double": (3, 1)}


def test_the_command_writes_json_with_the_promised_fields(classroom, tmp_path, capsys):
    output = tmp_path / "class.json"
    assert (
        main(
            [
                "grade-class",
                str(classroom),
                "--output",
                str(output),
                "--format",
                "json",
                "--workers",
                "1",
            ]
        )
        == 0
    )
    data = json.loads(output.read_text(encoding="utf-8"))
    for learner in data["learners"]:
        assert {
            "learner",
            "bundle",
            "points",
            "max_points",
            "percent",
            "lessons",
            "disagreements",
        } <= set(learner)
    assert data["disagreeing_bundles"] == ["ben.json", "eve.json"]
    assert {item["file"] for item in data["skipped"]} == {"cut.json", "notes.txt"}
    captured = capsys.readouterr()
    assert "ana" in captured.out and "another course version" in captured.out
    assert "skipped cut.json" in captured.err


def test_the_csv_has_the_same_columns_and_one_row_per_learner(classroom, tmp_path):
    output = tmp_path / "class.csv"
    assert main(["grade-class", str(classroom), "--output", str(output), "--workers", "2"]) == 0
    rows = list(csv.DictReader(io.StringIO(output.read_text(encoding="utf-8"))))
    assert [row["learner"] for row in rows] == ["ana", "ben", "eve", "old"]
    assert {
        "learner",
        "bundle",
        "points",
        "max_points",
        "percent",
        "lessons",
        "disagreements",
    } <= set(rows[0])
    assert rows[0]["percent"] == "100.0" and rows[1]["disagreements"] == "2"
    rates = (tmp_path / "class-exercises.csv").read_text(encoding="utf-8").splitlines()
    assert rates == [
        "exercise_id,lesson_id,attempted,passed,pass_rate",
        "01.year,01-first,3,2,0.6667",
        "01.double,01-first,3,1,0.3333",
    ]


def test_a_folder_without_bundles_or_no_folder_at_all_is_a_usage_error(
    tmp_path, course_root, capsys
):
    assert main(["grade-class", str(tmp_path / "missing")]) == 2
    (tmp_path / "empty").mkdir()
    assert main(["grade-class", str(tmp_path / "empty")]) == 2
    assert "no readable bundle" in capsys.readouterr().err


def test_identical_answers_are_checked_once(classroom):
    course = load_course()
    found, skipped = grade_class.read_bundles(classroom)
    started = time.monotonic()
    report = grade_class.grade_class(course, found * 3, skipped, workers=1)
    assert report.checks == 5  # (year 1958, 1969) + (double: honest, wrong, hostile)
    assert time.monotonic() - started < 30


def test_tutor_regrade_of_a_hostile_stored_answer_costs_nothing(
    course_root, learner_home, tmp_path, capsys
):
    from tutor.progress import open_store

    target = tmp_path / "pwned"
    with open_store(learner_home / "progress.sqlite3") as store:
        store.record_attempt(
            "01.double", "01-first", HOSTILE.format(target=str(target)), "passed", 3.0, 3.0
        )
    assert main(["regrade"]) == 1  # the recorded "passed" does not survive
    assert not target.exists()
    with open_store(learner_home / "progress.sqlite3") as store:
        [regrade] = store.regrades()
    assert regrade.verdict != "passed"
