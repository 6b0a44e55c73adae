"""The real `tutor` in a real terminal (tmux): open the first lesson, answer its first exercise,
quit, and find the answer in `tutor progress`."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tutor.course import load_course

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


class Terminal:
    def __init__(self, socket: str) -> None:
        self.socket = socket

    def tmux(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, timeout=30
        )
        return done.stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "tutor")

    def wait_for(self, text: str, timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.2)
        raise AssertionError(f"{text!r} never appeared; the screen was:\n{self.screen()}")

    def keys(self, *keys: str) -> None:
        for key in keys:
            self.tmux("send-keys", "-t", "tutor", key)
            time.sleep(0.3)

    def running(self) -> bool:
        return "tutor" in self.tmux("list-sessions", "-F", "#{session_name}")


def test_answer_the_first_exercise_in_a_real_terminal(tmp_path: Path) -> None:
    course = load_course()
    first = course.lessons[0].exercises[0]
    assert first.kind == "choice", "this walk-through answers a choice exercise"
    options = [option.id for option in first.spec.options]
    downs = ["Down"] * options.index(sorted(first.spec.correct)[0])

    home = tmp_path / "home"
    terminal = Terminal(f"tutor-test-{tmp_path.name}")
    command = f"TUTOR_HOME={home} TUTOR_LANG=en {sys.executable} -m tutor; sleep 0.2"
    terminal.tmux(
        "-f", "/dev/null", "new-session", "-d", "-s", "tutor", "-x", "120", "-y", "40", command
    )
    terminal.tmux("resize-window", "-t", "tutor", "-x", "120", "-y", "40")
    try:
        terminal.wait_for("Welcome")
        terminal.keys("Enter")  # close the welcome
        terminal.wait_for("Continue: 01.")  # the course has loaded
        terminal.keys("Enter")  # continue: the first lesson
        terminal.wait_for("Exercise 1 of")
        terminal.keys("Tab", *downs, "Enter", "C-r")  # Tab from the text lands in the answer
        terminal.wait_for("1 ✓")  # the first exercise's tab is marked as passed
        terminal.keys("C-q")
        deadline = time.monotonic() + 10
        while terminal.running() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not terminal.running(), "tutor did not quit on ctrl+q"
    finally:
        terminal.tmux("kill-server")

    report = subprocess.run(
        [sys.executable, "-m", "tutor", "progress", "--format", "json"],
        env={"TUTOR_HOME": str(home), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    rows = {row["exercise"]: row for row in json.loads(report.stdout)}
    assert rows[first.id]["status"] == "passed"
    assert rows[first.id]["attempts"] == 1
