"""Time to first paint: `tutor` against a minimal Textual app (one Static), in one run.

    python bench/startup.py [--repeats 15] [--size 120x40]

Each contender runs as a fresh `python` process in a pseudo-terminal (so Textual draws with its
real driver, as it does for a learner), and writes `time.monotonic()` to a file right after its
first refresh, then exits. The time counted is from just before the process starts to that
moment: interpreter start, imports, compose, mount and the first paint. The runs are interleaved
(each repeat runs every contender once), so machine noise lands on all of them alike.

Contenders:
  minimal        `App` with one `Static`: the floor Textual itself sets
  tutor          `tutor.app.run_app` up to its first paint (the course still loading)
  tutor+course   the same, up to the course map filled in (the course loaded in its thread)

Target (issue 11): tutor's median first paint within 1.3x the minimal app's.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from pathlib import Path

MINIMAL = """
import os, time
from textual.app import App
from textual.widgets import Static

class Minimal(App):
    def compose(self):
        yield Static("Hello")

    def on_mount(self):
        self.call_after_refresh(self.painted)

    def painted(self):
        with open(os.environ["TUTOR_BENCH_PAINTED"], "a") as out:
            out.write(f"painted {time.monotonic()}\\n")
        self.exit()

Minimal().run()
"""

TUTOR = "import sys; from tutor.app import run_app; sys.exit(run_app('en'))"

CONTENDERS = {
    "minimal": (MINIMAL, {}),
    "tutor": (TUTOR, {}),
    "tutor+course": (TUTOR, {"TUTOR_BENCH_WAIT": "course"}),
}


def run_once(code: str, extra_env: dict[str, str], home: Path, size: tuple[int, int]) -> float:
    """Seconds from spawning `python -c code` in a pty to its first paint."""
    with tempfile.TemporaryDirectory() as scratch:
        mark = Path(scratch) / "painted"
        env = {
            **os.environ,
            "TUTOR_HOME": str(home),
            "TUTOR_BENCH_PAINTED": str(mark),
            "TERM": os.environ.get("TERM", "xterm-256color"),
            **extra_env,
        }
        main, child = pty.openpty()
        columns, rows = size
        fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        drain = threading.Thread(target=_drain, args=(main,), daemon=True)
        drain.start()
        started = time.monotonic()
        process = subprocess.Popen(
            [sys.executable, "-c", code], stdin=child, stdout=child, stderr=child, env=env
        )
        os.close(child)
        try:
            process.wait(timeout=60)
        finally:
            if process.poll() is None:
                process.kill()
            os.close(main)
        lines = mark.read_text().split() if mark.exists() else []
        if not lines:
            raise RuntimeError(f"the app exited ({process.returncode}) without painting")
        return float(lines[-1]) - started


def _drain(fd: int) -> None:
    """Read what the app draws, so that it never blocks on a full pty."""
    try:
        while os.read(fd, 65536):
            pass
    except OSError:
        pass


def prepared_home() -> Path:
    """A learner home past the welcome, so that every run paints the same course map."""
    from tutor.progress import open_store

    home = Path(tempfile.mkdtemp(prefix="tutor-bench-home-"))
    os.environ["TUTOR_HOME"] = str(home)
    with open_store() as store:
        store.ui.welcome_shown = True
    return home


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--size", default="120x40", help="terminal size, COLUMNSxROWS")
    args = parser.parse_args()
    size = tuple(int(part) for part in args.size.split("x"))
    assert len(size) == 2
    home = prepared_home()
    for code, extra in CONTENDERS.values():  # warm-up: file cache, .pyc files
        run_once(code, extra, home, size)  # type: ignore[arg-type]
    times: dict[str, list[float]] = {name: [] for name in CONTENDERS}
    for _ in range(args.repeats):
        for name, (code, extra) in CONTENDERS.items():
            times[name].append(run_once(code, extra, home, size))  # type: ignore[arg-type]
    floor = statistics.median(times["minimal"])
    print(
        f"time to first paint, {args.repeats} interleaved runs, {args.size}, {os.cpu_count()} cpus"
    )
    for name, values in times.items():
        middle = statistics.median(values)
        print(
            f"  {name:13s} median {middle:.3f} s  (min {min(values):.3f}, max {max(values):.3f})"
            f"  ratio {middle / floor:.2f}x minimal"
        )
    verdict = "within" if statistics.median(times["tutor"]) <= 1.3 * floor else "OVER"
    print(f"tutor's first paint is {verdict} the 1.3x budget")


if __name__ == "__main__":
    main()
