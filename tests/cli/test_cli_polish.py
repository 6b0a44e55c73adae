"""The command line, polished: tables, exports, ids, languages, hints, explanations, diffs."""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from pathlib import Path

import pytest

from tests.cli.conftest import DOUBLE
from tutor.cli import main


def run(*args: str) -> int:
    return main(list(args))


def width(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)


def test_progress_table_is_localised_whole_and_aligned(capsys) -> None:
    run("check", "01.who", "--answer", "b")
    capsys.readouterr()
    assert run("progress", "--lang", "ko") == 0
    out = capsys.readouterr().out
    assert "완료" in out and "시작 전" in out and "진행 중" in out
    assert "2/2" in out and "2/6" in out
    assert "NaN" not in out and "NaT" not in out and "2.0" not in out
    rows = [line for line in out.splitlines() if "│" in line]
    assert len(rows) > 8
    # every column separator sits at the same display column in every row
    separators = {tuple(width(line[:i]) for i, ch in enumerate(line) if ch == "│") for line in rows}
    assert len(separators) == 1, "columns misaligned (Hangul measured as one cell?)"


def test_progress_csv_file_opens_in_korean_excel_with_integers(tmp_path: Path, capsys) -> None:
    run("check", "01.who", "--answer", "b")
    out = tmp_path / "grades.csv"
    assert run("progress", "--format", "csv", "--output", str(out)) == 0
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    who = next(row for row in rows if row["exercise"] == "01.who")
    assert (who["points"], who["max_points"], who["percent"], who["attempts"]) == (
        "2",
        "2",
        "100",
        "1",
    )
    lesson = next(row for row in rows if row["level"] == "lesson")
    assert lesson["attempts"] == "" and lesson["last_attempt"] == ""
    assert "nan" not in data.decode("utf-8-sig").lower()


def test_progress_json_has_integers_and_nulls_not_nan(capsys) -> None:
    run("check", "01.who", "--answer", "b")
    capsys.readouterr()
    assert run("progress", "--format", "json") == 0
    rows = json.loads(capsys.readouterr().out)
    who = next(row for row in rows if row["exercise"] == "01.who")
    assert who["points"] == 2 and isinstance(who["points"], int)
    assert who["last_attempt"].count(":") >= 2  # ISO 8601 text
    course = next(row for row in rows if row["level"] == "course")
    assert course["attempts"] is None and course["last_attempt"] is None


def test_exporting_into_a_missing_folder_is_a_clear_error(tmp_path: Path, capsys) -> None:
    target = tmp_path / "no-such-folder" / "grades.csv"
    assert run("progress", "--format", "csv", "--output", str(target)) == 2
    err = capsys.readouterr().err
    assert f"The folder {target.parent} does not exist" in err and err.count("\n") == 1
    assert not target.parent.exists()


def test_show_99_says_there_is_no_lesson_99_and_lists_the_lessons(capsys) -> None:
    assert run("show", "99") == 2
    err = capsys.readouterr().err
    assert "There is no lesson 99" in err
    assert "01  First lesson" in err and "02  Code lesson" in err


def test_unknown_id_suggests_the_ids_of_the_same_lesson(capsys) -> None:
    assert run("check", "01.yeer", "--answer", "1") == 2
    err = capsys.readouterr().err
    assert "There is no exercise '01.yeer'" in err
    ids = err.split("lesson 01-first:")[1].strip().split(", ")
    assert ids[0] == "01.year" and set(ids) == {"01.year", "01.who", "01.term", "01.or-bias"}


def test_lang_works_after_the_subcommand_too(capsys) -> None:
    assert run("check", "01.year", "--answer", "1958", "--lang", "ko") == 0
    assert "정답입니다" in capsys.readouterr().out
    assert run("--lang", "ko", "check", "01.year", "--answer", "1958", "--lang", "en") == 0
    assert "Correct" in capsys.readouterr().out


def test_after_the_last_hint_it_says_there_are_no_more(capsys) -> None:
    run("hint", "01.year")
    assert "no more" not in capsys.readouterr().out
    run("hint", "01.year")
    out = capsys.readouterr().out
    assert out.startswith("Hint 2 of 2") and "That was the last hint: there are no more" in out


def test_a_correct_answer_shows_the_explanation(tmp_path: Path, capsys) -> None:
    answer = tmp_path / "double.py"
    answer.write_text(DOUBLE, encoding="utf-8")
    assert run("check", "02.double", "--file", str(answer)) == 0
    out = capsys.readouterr().out
    assert "All 2 cases pass" in out and "Each entry times two." in out


def test_one_point_is_singular(capsys) -> None:
    run("show", "01.year")
    out = capsys.readouterr().out
    assert "1 point ·" in out and "1 points" not in out
    run("show", "01.who")
    assert "2 points ·" in capsys.readouterr().out


def test_a_failing_code_case_prints_a_compact_diff(tmp_path: Path, capsys) -> None:
    answer = tmp_path / "double.py"
    answer.write_text("def double(x):\n    return x + 1\n", encoding="utf-8")
    assert run("check", "02.double", "--file", str(answer)) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("Case 1 of 2: double(")
    assert "2 of 3 values differ (shape (3,)):" in lines[1]
    assert [line.split() for line in lines[2:5]] == [
        ["index", "expected", "got"],
        ["[1]", "4", "3"],  # [0] is right by chance (1 + 1 = 2 · 1): only what differs
        ["[2]", "6", "4"],
    ]


@pytest.mark.parametrize(("lang", "word"), [("en", "Your output:"), ("ko", "출력한 내용:")])
def test_the_graded_check_shows_the_learners_prints_trimmed(
    tmp_path: Path, capsys, lang: str, word: str
) -> None:
    answer = tmp_path / "double.py"
    answer.write_text(
        "def double(x):\n    for i in range(100):\n        print('line', i)\n    return 2 * x\n",
        encoding="utf-8",
    )
    assert run("--lang", lang, "check", "02.double", "--file", str(answer)) == 0
    out = capsys.readouterr().out
    printed = out.split(word)[1].strip().splitlines()
    assert printed[0] == "line 0" and len(printed) == 21
    assert printed[-1] == "… (+180 lines)"  # 2 calls × 100 lines, 20 shown


def test_tutor_home_that_is_a_file_says_so(tmp_path: Path, monkeypatch, capsys) -> None:
    home = tmp_path / "a-file"
    home.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("TUTOR_HOME", str(home))
    assert run("lessons") == 2
    err = capsys.readouterr().err
    assert f"{home} is a file, not a folder" in err and err.count("\n") == 1
    assert home.read_text(encoding="utf-8") == "not a folder"


def test_an_id_without_its_lesson_suggests_the_full_ids(capsys) -> None:
    assert run("show", "doubel") == 2
    assert "Did you mean: 02.double" in capsys.readouterr().err
