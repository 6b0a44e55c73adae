"""Hostile submissions that go for files: with the audit hook switched off in one line, the
kernel (Landlock, dropped privileges) still keeps everything outside the work folder out of
reach, except what a learner may use (Python, NumPy, tutor.engine, tutor.datasets, data)."""

from __future__ import annotations

import os
import sqlite3
import sys

import pytest

import tutor.grading
import tutor.paths
from tutor.course import load_course
from tutor.sandbox import Call, run_functions

from .hostile import LIMITS, attack, contained, need, refused

__all__ = ["contained"]

pytestmark = pytest.mark.usefixtures("contained")


def test_the_one_line_bypass_really_switches_the_audit_hook_off(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("s3cret")
    source = f"def f():\n    import os\n    return os.path.exists({str(secret)!r})\n"
    result = attack(source)
    assert result.cases[0].value is True  # os.stat is not a file the kernel hides, just a name


def test_reading_a_lessons_reference_solution_gets_no_false_pass():
    need("landlock")
    course = load_course()
    exercise = course.exercise("05.sigmoid")
    toml = (tutor.paths.lessons_dir() / exercise.lesson_id / "exercises.toml").resolve()
    cheat = (
        "import sys\nsys.modules['_tutor_sandbox_guard'].Guard.__call__ = lambda *a: None\n"
        "import tomllib\n"
        f"_spec = tomllib.loads(open({str(toml)!r}).read())\n"
        "_ex = next(e for e in _spec['exercise'] if e['id'] == 'sigmoid')\n"
        "exec(_ex['solution'])\n"
    )
    verdict = tutor.grading.check(exercise, cheat)
    assert not verdict.passed
    assert "Permission" in verdict.message["en"] or verdict.status != "internal_error"


def test_an_honest_answer_still_passes():
    course = load_course()
    exercise = course.exercise("05.sigmoid")
    verdict = tutor.grading.check(exercise, exercise.solution)
    assert verdict.passed, verdict.message["en"]


def test_the_progress_database_can_be_neither_read_nor_written(tmp_path):
    need("landlock")
    database = tmp_path / "progress.sqlite3"
    with sqlite3.connect(database) as db:
        db.execute("create table attempts (exercise text, passed int)")
    before = database.read_bytes()
    source = (
        "import sqlite3\n"
        f"def read():\n    return open({str(database)!r}, 'rb').read()[:16]\n"
        "def write():\n"
        f"    db = sqlite3.connect({str(database)!r})\n"
        "    db.execute(\"insert into attempts values ('all', 1)\")\n"
        "    db.commit()\n"
    )
    result = attack(source, "read", "write")
    assert refused(result, 0) and refused(result, 1)
    assert database.read_bytes() == before


def test_the_parents_environment_stays_out_of_reach(monkeypatch):
    monkeypatch.setenv("TUTOR_TEST_SECRET", "hunter2")
    source = (
        "import os\n"
        "def own():\n    return dict(os.environ)\n"
        f"def parent():\n    return open('/proc/{os.getpid()}/environ', 'rb').read()\n"
        "def by_ppid():\n    return open(f'/proc/{os.getppid()}/environ', 'rb').read()\n"
    )
    result = attack(source, "own", "parent", "by_ppid")
    assert "hunter2" not in repr(result.cases[0].value)
    assert refused(result, 1)
    assert b"hunter2" not in (result.cases[2].value or b"")


def test_writing_outside_the_work_folder_leaves_nothing(tmp_path):
    need("landlock")
    target = tmp_path / "pwned"
    source = (
        "import os\n"
        f"def plain():\n    open({str(target)!r}, 'w').write('x')\n"
        f"def low():\n    os.close(os.open({str(target)!r}, os.O_CREAT | os.O_WRONLY))\n"
        "def home():\n    open(os.path.expanduser('~/../../pwned'), 'w').write('x')\n"
    )
    result = attack(source, "plain", "low", "home")
    assert all(refused(result, i) for i in range(3))
    assert not target.exists()


def test_dir_fd_does_not_walk_out_of_the_work_folder(tmp_path):
    need("landlock")
    secret = tmp_path / "secret.txt"
    secret.write_text("s3cret")
    target = tmp_path / "pwned"
    source = (
        "import os\n"
        "def read():\n"
        "    here = os.open('.', os.O_RDONLY)\n"
        f"    fd = os.open(os.path.relpath({str(secret)!r}), os.O_RDONLY, dir_fd=here)\n"
        "    return os.read(fd, 100)\n"
        "def write():\n"
        "    here = os.open('.', os.O_RDONLY)\n"
        f"    name = os.path.relpath({str(target)!r})\n"
        "    fd = os.open(name, os.O_CREAT | os.O_WRONLY, dir_fd=here)\n"
        "    os.write(fd, b'x')\n"
        "def from_root():\n"
        "    root = os.open('/', os.O_RDONLY)\n"
        f"    return os.read(os.open({str(secret)[1:]!r}, os.O_RDONLY, dir_fd=root), 100)\n"
    )
    result = attack(source, "read", "write", "from_root")
    assert all(refused(result, i) for i in range(3)), result.cases
    assert not target.exists()


def test_the_tutors_own_code_and_lessons_cannot_be_read():
    need("landlock")
    own = [tutor.grading.__file__, tutor.paths.lessons_dir() / "course.toml"]
    own.append(os.path.join(os.path.dirname(tutor.grading.__file__), "sandbox", "guard.py"))
    for entry in sys.path:  # an editable install keeps a copy of the lessons in site-packages
        copy = os.path.join(entry or ".", "tutor", "_content", "lessons", "course.toml")
        if os.path.isfile(copy):
            own.append(copy)
    source = "\n".join(
        f"def read{i}():\n    return open({str(path)!r}).read()" for i, path in enumerate(own)
    )
    result = attack(source + "\n", *(f"read{i}" for i in range(len(own))))
    assert all(refused(result, i) for i in range(len(own))), result.cases


def test_the_engine_and_the_data_sets_stay_usable():
    source = (
        "import numpy as np\n"
        "from tutor.engine import Dense, Sequential\n"
        "from tutor.datasets import load\n"
        "def f():\n"
        "    (x, y), _ = load('pima')\n"
        "    model = Sequential([Dense(1, activation='sigmoid')])\n"
        "    model.compile(optimizer='sgd', loss='binary_crossentropy')\n"
        "    model.fit(x[:32], y[:32], epochs=1, verbose=0)\n"
        "    return model.predict(x[:1], verbose=0).shape\n"
    )
    result = run_functions(source, [Call("f")], limits=LIMITS)
    assert result.status == "ok", (result.message["en"], result.stdout)
    assert result.cases[0].error is None, result.cases[0].error
    assert result.cases[0].value == (1, 1)
