"""The walls as an ordinary user: `confine.py` run by uid 65534 under a Python it can read.

The sandbox's full path needs NumPy, which on this machine lives where nobody can read, so this
checks the confining functions themselves: a user namespace with the PID and network ones,
Landlock and seccomp, all without root.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from tutor.sandbox import confine

SCRIPT = r"""
import json, os, socket, sys
sys.path.insert(0, sys.argv[1])
import confine
work = sys.argv[2]
report = {"uid": os.geteuid(), "namespaces": confine.unshare_namespaces()}
read_fd, write_fd = os.pipe()
child = os.fork()
if child == 0:
    report["pid"] = os.getpid()
    report["no_new_privs"] = confine.no_new_privileges()
    stdlib = os.path.dirname(os.__file__)
    report["landlock"] = confine.landlock([stdlib], [], [work], ["/dev/null"])
    report["seccomp"] = confine.seccomp()
    def attempt(name, action):
        try:
            action()
            report[name] = "allowed"
        except OSError as error:
            report[name] = error.errno
    attempt("read_etc", lambda: open("/etc/hostname").read())
    attempt("write_work", lambda: open(os.path.join(work, "mine"), "w").write("x"))
    attempt("socket", lambda: socket.socket())
    attempt("fork", lambda: os.fork())
    os.write(write_fd, json.dumps(report).encode())
    os._exit(0)
os.close(write_fd)
os.waitpid(child, 0)
print(os.read(read_fd, 65536).decode())
"""


def _python_nobody_can_run() -> str | None:
    for candidate in (sys.executable, "/usr/bin/python3"):
        if os.path.exists(candidate) and confine.reachable_by_nobody([candidate]):
            return candidate
    return None


@pytest.fixture
def as_nobody():
    if not confine.LINUX or os.geteuid() != 0:
        pytest.skip("needs root on Linux to become nobody (the sandbox's own tests run as is)")
    python = _python_nobody_can_run()
    if python is None:
        pytest.skip("no Python that uid 65534 can read: the unprivileged path is not tested")
    folder = Path(tempfile.mkdtemp(prefix="tutor-confine-test-", dir="/tmp"))
    work = folder / "work"
    work.mkdir()
    shutil.copy(Path(confine.__file__), folder / "confine.py")
    for path in (folder, work, folder / "confine.py"):
        os.chmod(path, 0o755)
    os.chown(work, confine.NOBODY, confine.NOBODY)
    try:
        yield python, folder, work
    finally:
        shutil.rmtree(folder)


def _become_nobody() -> None:
    os.setgroups([])
    os.setresgid(confine.NOBODY, confine.NOBODY, confine.NOBODY)
    os.setresuid(confine.NOBODY, confine.NOBODY, confine.NOBODY)


def test_an_ordinary_user_gets_the_same_walls(as_nobody):
    python, folder, work = as_nobody
    done = subprocess.run(
        [python, "-I", "-c", SCRIPT, str(folder), str(work)],
        capture_output=True,
        text=True,
        timeout=30,
        preexec_fn=_become_nobody,
        env={"PATH": os.defpath},
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["uid"] == confine.NOBODY and report["no_new_privs"]
    assert report["write_work"] == "allowed"
    if confine.landlock_abi():
        assert report["landlock"] >= 1 and report["read_etc"] == 13  # EACCES
    if confine.seccomp_available():
        assert report["seccomp"] and report["socket"] == 1 and report["fork"] == 1  # EPERM
    if not report["namespaces"]:
        pytest.skip("unprivileged user namespaces are disabled here: only that layer untested")
    assert report["pid"] == 1
