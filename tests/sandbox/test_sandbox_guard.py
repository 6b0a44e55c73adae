"""The audit hook: the learner's code stays in its own folder and cannot start or reach things.

Each refusal must show up as that call's PermissionError with a clear message, and whatever the
code tried to touch must be untouched afterwards.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

import tutor.grading
import tutor.paths
from tutor.sandbox import Call, Limits, run_functions

QUICK = Limits(timeout_s=2.0)


@pytest.fixture(autouse=True)
def unharmed(tmp_path, monkeypatch):
    """Run each test with sandbox folders under tmp_path, then check nothing was left behind."""
    sandboxes = tmp_path / "sandboxes"
    sandboxes.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(sandboxes))
    cwd = os.getcwd()
    yield
    assert os.getcwd() == cwd
    assert list(sandboxes.iterdir()) == [], "the sandbox's work folder was not deleted"
    assert _processes_mentioning(str(sandboxes)) == [], "a sandbox process is still running"


def _processes_mentioning(text: str) -> list[str]:
    """Process ids whose command line contains `text` (Linux only; elsewhere, none)."""
    found = []
    proc = Path("/proc")
    for entry in proc.iterdir() if proc.is_dir() else []:
        try:
            if entry.name.isdigit() and text.encode() in (entry / "cmdline").read_bytes():
                found.append(entry.name)
        except OSError:
            continue  # the process ended while we looked
    return found


def refusals(source: str, *names: str) -> dict[str, str]:
    """Run each named function once; map its name to the message of the PermissionError."""
    result = run_functions(source, [Call(name) for name in names], limits=QUICK)
    assert result.status == "ok", result.message["en"]
    found = {}
    for case in result.cases:
        assert case.error is not None, f"{case.call.function} was allowed: {case.value!r}"
        assert case.error.type_name == "PermissionError", case.error.traceback
        assert 'File "learner.py"' in case.error.traceback
        found[case.call.function] = case.error.message
    return found


def test_reading_a_file_outside_the_work_folder_is_refused(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("private")
    source = f"from pathlib import Path\ndef f():\n    return Path({str(notes)!r}).read_text()\n"
    assert refusals(source, "f") == {"f": f"the tutor's sandbox does not allow reading {notes}"}


def test_reading_the_learners_progress_database_is_refused(tmp_path):
    progress = tmp_path / "tutor-home" / "progress.sqlite3"
    progress.parent.mkdir()
    progress.write_bytes(b"SQLite format 3\x00")
    source = (
        "import sqlite3\n"
        f"PATH = {str(progress)!r}\n"
        "def read_bytes():\n    return open(PATH, 'rb').read()\n"
        "def connect():\n    return sqlite3.connect(PATH).execute('select 1').fetchall()\n"
        "def connect_uri():\n"
        "    return sqlite3.connect('file:' + PATH + '?mode=ro', uri=True).execute('select 1')\n"
        "def list_folder():\n    import os\n    return os.listdir(os.path.dirname(PATH))\n"
    )
    refused = refusals(source, "read_bytes", "connect", "connect_uri", "list_folder")
    assert refused["read_bytes"] == f"the tutor's sandbox does not allow reading {progress}"
    assert refused["list_folder"].startswith("the tutor's sandbox does not allow listing")
    assert progress.read_bytes() == b"SQLite format 3\x00"


def test_reading_the_tutors_own_code_and_lessons_is_refused():
    own_file = Path(tutor.grading.__file__).resolve()
    lessons = tutor.paths.lessons_dir().resolve()
    source = (
        f"def read():\n    return open({str(own_file)!r}).read()\n"
        f"def list_lessons():\n    import os\n    return os.listdir({str(lessons)!r})\n"
    )
    refused = refusals(source, "read", "list_lessons")
    assert refused["read"] == f"the tutor's sandbox does not allow reading {own_file}"


def test_overwriting_a_file_outside_is_refused_and_it_stays_unchanged(tmp_path):
    checker = tmp_path / "checker.py"
    checker.write_text("EXPECTED = 0.5\n")
    path = repr(str(checker))
    source = (
        "import os, shutil\nfrom pathlib import Path\n"
        f"def overwrite():\n    open({path}, 'w').write('EXPECTED = 1\\n')\n"
        f"def append():\n    open({path}, 'a').write('EXPECTED = 1\\n')\n"
        f"def write_text():\n    Path({path}).write_text('')\n"
        f"def low_level():\n    os.open({path}, os.O_WRONLY | os.O_TRUNC)\n"
        f"def remove():\n    os.remove({path})\n"
        f"def rename():\n    os.rename({path}, {path} + '.bak')\n"
        "def copy_over():\n    open('mine.py', 'w').write('x')\n"
        f"    shutil.copy('mine.py', {path})\n"
        f"def move_in():\n    shutil.move({path}, 'stolen.py')\n"
    )
    names = ["overwrite", "append", "write_text", "low_level", "remove", "rename", "copy_over"]
    refused = refusals(source, *names, "move_in")
    assert refused["overwrite"] == f"the tutor's sandbox does not allow writing to {checker}"
    assert checker.read_text() == "EXPECTED = 0.5\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["checker.py", "sandboxes"]


def test_the_runners_job_file_is_out_of_reach():
    source = (
        "def read_job():\n    return open('job.json').read()\n"
        "def delete_job():\n    import os\n    os.remove('job.json')\n"
    )
    refusals(source, "read_job", "delete_job")


def test_the_learner_may_write_and_read_files_in_its_own_folder():
    source = (
        "import os, numpy as np\n"
        "def f():\n"
        "    os.makedirs('out/weights')\n"
        "    np.save('out/weights/w.npy', np.arange(3.0))\n"
        "    with open('out/log.txt', 'w') as log:\n        log.write('epoch 1')\n"
        "    with open(os.devnull, 'w') as sink:\n        sink.write('silenced')\n"
        "    return np.load('out/weights/w.npy').tolist(), open('out/log.txt').read()\n"
    )
    result = run_functions(source, [Call("f")], limits=QUICK)
    assert result.cases[0].value == ([0.0, 1.0, 2.0], "epoch 1")


def test_starting_other_programs_is_refused(tmp_path):
    marker = tmp_path / "a-program-ran"
    touch = repr(f"touch {marker}")
    source = (
        "import os\n"
        f"def run():\n    import subprocess\n    subprocess.run({touch}, shell=True)\n"
        f"def system():\n    os.system({touch})\n"
        f"def popen():\n    os.popen({touch}).read()\n"
        "def execv():\n    os.execv('/bin/sh', ['sh', '-c', 'true'])\n"
        "def spawn():\n    os.posix_spawn('/bin/true', ['true'], {})\n"
        "def fork():\n    os.fork()\n"
        "def pool():\n    import multiprocessing\n    multiprocessing.Pool(2)\n"
        "def fork_exec():\n    import _posixsubprocess\n    _posixsubprocess.fork_exec()\n"
    )
    names = ["run", "system", "popen", "execv", "spawn", "fork", "pool", "fork_exec"]
    refused = refusals(source, *names)
    assert (
        refused["system"] == "the tutor's sandbox does not allow running shell commands (os.system)"
    )
    assert "starting other programs" in refused["run"]
    assert not marker.exists()


def test_the_network_is_refused():
    source = (
        "def connect():\n    import socket\n    socket.create_connection(('127.0.0.1', 9))\n"
        "def fetch():\n    import urllib.request\n"
        "    urllib.request.urlopen('http://127.0.0.1:9/')\n"
    )
    refused = refusals(source, "connect", "fetch")
    assert refused["connect"] == "the tutor's sandbox does not allow using the network"


def test_ctypes_is_refused():
    source = (
        "import ctypes\n"
        "def load_library():\n    ctypes.CDLL(None)\n"
        "def read_memory():\n    return ctypes.string_at(id(0), 8)\n"
        "def python_api():\n    return ctypes.pythonapi.Py_GetVersion\n"
    )
    refused = refusals(source, "load_library", "read_memory", "python_api")
    assert refused["load_library"].startswith("the tutor's sandbox does not allow ctypes")


def test_signalling_the_tutor_or_changing_limits_is_refused():
    source = (
        "import os, signal, resource\n"
        "def kill_parent():\n    os.kill(os.getppid(), signal.SIGTERM)\n"
        "def kill_everyone():\n    os.kill(-1, signal.SIGKILL)\n"
        "def raise_memory_limit():\n"
        "    resource.setrlimit(resource.RLIMIT_AS, (-1, -1))\n"
    )
    refused = refusals(source, "kill_parent", "kill_everyone", "raise_memory_limit")
    assert refused["kill_parent"] == "the tutor's sandbox does not allow signalling other processes"


def test_python_and_numpy_still_work_behind_the_guard():
    source = (
        "import json, statistics, inspect, random, subprocess\n"
        "import numpy as np\n"
        "import pandas as pd\n"
        "def f():\n"
        "    rng = np.random.default_rng(0)\n"
        "    x = rng.normal(size=(3, 2))\n"
        "    import fractions, decimal  # imported for the first time behind the guard\n"
        "    source = inspect.getsource(np.linspace)  # reads NumPy's own files\n"
        "    return x.shape, statistics.mean([1, 2, 3]), 'def linspace' in source\n"
    )
    result = run_functions(source, [Call("f")], limits=QUICK)
    assert result.status == "ok", result.message["en"]
    assert result.cases[0].error is None, result.cases[0].error.traceback
    assert result.cases[0].value == ((3, 2), 2, True)
