"""Hostile submissions that go for processes, the network and limits: with the audit hook off,
seccomp, the PID namespace and dropped privileges keep every one of them from outliving the
verdict or reaching anything."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time

import pytest

from tutor.sandbox import Call, Limits, run_functions, stop_all

from .hostile import attack, contained, need, processes_mentioning, refused

__all__ = ["contained"]

pytestmark = pytest.mark.usefixtures("contained")

FOREVER = "def f():\n    while True:\n        pass\n"
DOUBLE_FORK = (
    "import os, time\n"
    "def f():\n"
    "    if os.fork() == 0:\n"
    "        os.setsid()\n"
    "        if os.fork() == 0:\n"
    "            while True:\n"
    "                time.sleep(0.01)\n"
    "        os._exit(0)\n"
    "    return 1\n"
)


def test_a_double_fork_with_setsid_is_refused_or_dies_with_the_run():
    result = attack(DOUBLE_FORK)
    assert result.status in ("ok", "crashed", "error")
    # the fixture checks that no process of this run is left


def test_seccomp_refuses_new_processes():
    need("seccomp")
    result = attack(DOUBLE_FORK)
    assert refused(result)
    assert "Operation not permitted" in str(result.cases[0].error)


def test_ctypes_system_calls_hit_the_same_walls():
    need("seccomp")
    source = (
        "import ctypes, errno\n"
        "libc = ctypes.CDLL(None, use_errno=True)\n"
        "def fork():\n    return libc.syscall(57), ctypes.get_errno()\n"
        "def sock():\n    return libc.socket(2, 1, 0), ctypes.get_errno()\n"
        "def unshare():\n    return libc.unshare(0x10000000), ctypes.get_errno()\n"
        "def ptrace():\n    return libc.ptrace(16, 1, 0, 0), ctypes.get_errno()\n"
    )
    result = attack(source, "fork", "sock", "unshare", "ptrace")
    for case in result.cases:
        assert case.error is None, case.error
        code, error = case.value
        assert code == -1 and error != 0, (case.call.function, case.value)


def test_no_socket_reaches_a_server_on_this_machine():
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        server.setblocking(False)
        port = server.getsockname()[1]
        source = (
            "import socket\n"
            f"def f():\n    socket.create_connection(('127.0.0.1', {port}), timeout=1)\n"
        )
        result = attack(source)
        assert refused(result)
        with pytest.raises(BlockingIOError):
            server.accept()


def test_the_limits_cannot_be_raised():
    source = (
        "import resource\n"
        "def f():\n"
        "    try:\n"
        "        resource.setrlimit(resource.RLIMIT_AS, (-1, -1))\n"
        "    except (ValueError, OSError):\n"
        "        pass\n"
        "    return resource.getrlimit(resource.RLIMIT_AS)\n"
    )
    result = attack(source)
    soft, hard = result.cases[0].value
    assert 0 < soft <= hard < 2**62


def test_the_child_runs_in_its_own_pid_namespace():
    need("namespaces")
    result = attack("import os\ndef f():\n    return os.getpid()\n")
    assert result.cases[0].value == 2  # its init is 1; the app's processes are not there


def test_the_parent_never_waits_for_a_loop_that_ignores_signals():
    source = (
        "import signal\n"
        "def f():\n"
        "    for s in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):\n"
        "        signal.signal(s, signal.SIG_IGN)\n"
        "    while True:\n"
        "        pass\n"
    )
    result = attack(source)
    assert result.status == "timeout"


def test_stop_all_kills_a_running_child_at_once():
    import threading

    results = []
    worker = threading.Thread(
        target=lambda: results.append(
            run_functions(FOREVER, [Call("f")], limits=Limits(timeout_s=30))
        )
    )
    started = time.monotonic()
    worker.start()
    while stop_all() == 0 and time.monotonic() - started < 10:
        time.sleep(0.01)
    worker.join(timeout=10)
    assert results and results[0].status != "ok"
    assert time.monotonic() - started < 10


def test_the_child_dies_with_a_killed_parent_and_its_folder_goes_next_time():
    need("namespaces")
    code = (
        "import tempfile\n"
        f"tempfile.tempdir = {tempfile.gettempdir()!r}\n"
        "from tutor.sandbox import Call, Limits, run_functions\n"
        "source = 'def f():\\n    while True:\\n        pass\\n'\n"
        "run_functions(source, [Call('f')], limits=Limits(timeout_s=60))\n"
    )
    parent = subprocess.Popen([sys.executable, "-c", code])
    deadline = time.monotonic() + 20
    while not processes_mentioning(tempfile.gettempdir()) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert processes_mentioning(tempfile.gettempdir()), "the sandbox never started"
    os.kill(parent.pid, signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 5
    while processes_mentioning(tempfile.gettempdir()) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert processes_mentioning(tempfile.gettempdir()) == []
    # its work folder is left behind; the next run in this folder deletes it
    run_functions("def f():\n    return 1\n", [Call("f")])
