"""Korean by default: --lang, then the learner's saved choice, then TUTOR_LANG, then Korean
unless the locale names another language (C and POSIX name none)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tutor.cli import main
from tutor.i18n import locale_lang
from tutor.progress import open_store


@pytest.mark.parametrize(
    ("environ", "lang"),
    [
        ({"LANG": "C.UTF-8"}, "ko"),  # Docker's and CI's default
        ({"LANG": "C"}, "ko"),
        ({"LC_ALL": "POSIX"}, "ko"),
        ({"LANG": "ko_KR.UTF-8"}, "ko"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "fr_FR.UTF-8"}, "en"),  # another language: English, the one we have
        ({"LC_ALL": "C.UTF-8", "LANG": "en_US.UTF-8"}, "ko"),  # LC_ALL decides
        ({"LC_MESSAGES": "de_DE", "LANG": "ko_KR.UTF-8"}, "en"),
    ],
)
def test_the_locale_gives_korean_unless_it_names_another_language(
    environ: dict[str, str], lang: str
) -> None:
    assert locale_lang(environ) == lang


@pytest.fixture
def korean_c_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TUTOR_LANG")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


def check_1958(capsys, *options: str) -> str:
    assert main([*options, "check", "01.year", "--answer", "1958"]) == 0
    return capsys.readouterr().out


def test_c_utf8_speaks_korean(capsys, korean_c_locale: None) -> None:
    assert "정답입니다" in check_1958(capsys)


def test_tutor_lang_beats_the_locale(capsys, korean_c_locale, monkeypatch) -> None:
    monkeypatch.setenv("TUTOR_LANG", "en")
    assert "Correct" in check_1958(capsys)


def test_the_saved_choice_beats_tutor_lang_and_lang_beats_both(
    capsys, korean_c_locale, monkeypatch, learner: Path
) -> None:
    with open_store(learner / "progress.sqlite3") as store:
        store.ui.language = "en"
    monkeypatch.setenv("TUTOR_LANG", "ko")
    assert "Correct" in check_1958(capsys)
    assert "정답입니다" in check_1958(capsys, "--lang", "ko")
