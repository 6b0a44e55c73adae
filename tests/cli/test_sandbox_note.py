"""A code check on a system that lacks one of the sandbox's kernel walls says so in one line."""

from __future__ import annotations

import pytest

import tutor.sandbox
from tests.cli.conftest import DOUBLE
from tutor.cli import main

NO_LANDLOCK = {"ko": "Landlock 없음", "en": "no Landlock (Linux 5.13+)"}


def test_a_missing_wall_is_named_after_the_verdict(capsys, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(tutor.sandbox, "missing_layers", lambda: [NO_LANDLOCK])
    assert main(["check", "02.double", "--answer", DOUBLE]) == 0
    out = capsys.readouterr().out
    assert "Note: the sandbox ran without some of its walls" in out
    assert "no Landlock (Linux 5.13+)" in out


def test_no_note_when_every_wall_is_there(capsys, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(tutor.sandbox, "missing_layers", lambda: [])
    assert main(["check", "02.double", "--answer", DOUBLE]) == 0
    assert "walls" not in capsys.readouterr().out


def test_non_code_exercises_never_mention_the_sandbox(capsys, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(tutor.sandbox, "missing_layers", lambda: [NO_LANDLOCK])
    main(["check", "01.year", "--answer", "1958"])
    assert "sandbox" not in capsys.readouterr().out
