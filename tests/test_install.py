"""A non-editable install (a wheel, run from another folder) finds the lessons and the data."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    [built] = out.glob("tutor-*.whl")
    return built


def test_the_wheel_carries_the_lessons_and_the_data(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "tutor/_content/data/mnist.npz" in names
    assert "tutor/_content/data/README.md" in names
    assert "tutor/_content/lessons/course.toml" in names
    assert any(n.startswith("tutor/_content/lessons/01-") and n.endswith("ko.md") for n in names)


def test_installed_tutor_runs_from_another_folder(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {
        **os.environ,
        "PYTHONPATH": str(target),
        "TUTOR_HOME": str(tmp_path / "home"),
        "TUTOR_LANG": "en",
    }
    env.pop("TUTOR_COURSE", None)
    code = (
        "import tutor, tutor.paths as p; from tutor import datasets; from tutor.course import "
        "load_course\n"
        f"assert tutor.__file__.startswith({str(target)!r}), tutor.__file__\n"
        "assert p.lessons_dir().parts[-2:] == ('_content', 'lessons'), p.lessons_dir()\n"
        "(x, y), (xt, yt) = datasets.load('pima'); assert x.shape == (700, 8)\n"
        "course = load_course(); assert course.lessons and not course.all_problems()\n"
        "print('ok', len(course.lessons))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("ok")
    version = subprocess.run(
        [sys.executable, "-m", "tutor", "--version"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert version.stdout.strip() == f"tutor {__import__('tutor').__version__}"
