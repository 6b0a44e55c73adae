"""Nothing the store has committed is lost when the process is killed in the middle of writing."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
import threading

from tutor.progress import ProgressStore

# Records attempts as fast as it can and prints "<attempt id> <sha256 of the answer>" after each
# record_attempt has returned, i.e. after its transaction committed. Answers vary from a few bytes
# to ~100 KB so that one transaction spans many WAL pages and a kill can land between them.
WRITER = """
import hashlib, random, sys
from tutor.progress import ProgressStore

store = ProgressStore(sys.argv[1])
rng = random.Random(int(sys.argv[2]))
while True:
    answer = "가중치 w = [%d, %d]\\n" % (rng.randrange(9), rng.randrange(9)) * rng.choice(
        [1, 10, 300, 3000]
    )
    attempt = store.record_attempt("e%d" % rng.randrange(5), "l1", answer, "failed", 0, 1)
    print(attempt.id, hashlib.sha256(answer.encode()).hexdigest(), flush=True)
"""


def _run_writer_and_kill(path, seed: int, reports_before_kill: int) -> dict[int, str]:
    """Start the writer, SIGKILL it after it reported that many commits; return all reports."""
    child = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), str(seed)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    watchdog = threading.Timer(60, child.kill)  # never hang the suite if the child stalls
    watchdog.start()
    try:
        lines = []
        while len(lines) < reports_before_kill:
            line = child.stdout.readline()
            assert line, f"writer stopped early: {child.stderr.read()}"
            lines.append(line)
        assert child.poll() is None, "the writer must still be writing when it is killed"
        child.kill()  # SIGKILL on POSIX: no cleanup, no atexit, no closing the database
        out, _ = child.communicate()
    finally:
        watchdog.cancel()
    assert child.returncode != 0
    lines += out.splitlines(keepends=True)
    complete = [line.split() for line in lines if line.endswith("\n")]
    return {int(attempt_id): digest for attempt_id, digest in complete}


def test_every_reported_attempt_survives_repeated_kills_mid_write(tmp_path):
    path = tmp_path / "progress.sqlite3"
    reported: dict[int, str] = {}
    for seed, kill_after in enumerate((40, 90, 150)):
        reported |= _run_writer_and_kill(path, seed, kill_after)

        with ProgressStore(path) as store:
            assert store.notice is None, store.notice
            stored = {a.id: hashlib.sha256(a.answer.encode()).hexdigest() for a in store.attempts()}
        assert {i: stored.get(i) for i in reported} == reported
        # At most one attempt per kill committed without being reported (killed before print).
        assert len(stored) - len(reported) <= seed + 1

    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    conn.close()
