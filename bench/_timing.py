"""Timing helpers shared by the benchmarks in bench/.

Every benchmark here follows the same recipe:

1. warm each contender up once, untimed (imports, allocator, lazy initialisation);
2. `interleave` the timed runs: each repeat runs every contender once, in turn, so that machine
   noise (another process, a clock change) lands on all of them alike;
3. report the `median` of each contender's repeats, with the spread beside it;
4. print the result with `format_table`, under the `environment_lines` header.

A contender is a function of the repeat index (use it as the seed) that returns a `Trial`. It
times only the work being compared, with a `Stopwatch`, so that checking the result afterwards
(the final accuracy, say) costs nobody anything. The stopwatch also measures how many cores
other processes used meanwhile; on a shared machine `Quiet` waits for calm and redoes a repeat
that they disturbed, because a multi-threaded library sharing 2 cores can slow down 5-fold.
"""

from __future__ import annotations

import io
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import redirect_stdout
from dataclasses import dataclass

# Environment variables that change how fast numpy's BLAS runs on this kind of machine.
BLAS_ENV_VARS = ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS")


@dataclass(frozen=True)
class Trial:
    """One timed run: its seconds, the accuracy it reached, and how busy the machine was.

    `others` is the average number of cores that other processes kept busy meanwhile (None where
    it cannot be measured): on a 2-core machine, 0.5 means the run had to share a lot.
    """

    seconds: float
    accuracy: float | None = None
    others: float | None = None


Contender = Callable[[int], Trial]


def _busy_seconds() -> float | None:
    """CPU seconds the whole machine has spent busy since boot (Linux /proc/stat), else None."""
    try:
        with open("/proc/stat", encoding="ascii") as stat:
            fields = [int(value) for value in stat.readline().split()[1:]]
    except (OSError, ValueError):
        return None
    user, nice, system, _idle, _iowait, irq, softirq, steal = (fields + [0] * 8)[:8]
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def _own_seconds() -> float:
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


class Stopwatch:
    """`with Stopwatch() as watch: ...`: `watch.seconds` is the wall-clock time inside, and
    `watch.others` the cores other processes kept busy meanwhile (None where unmeasurable)."""

    seconds: float = 0.0
    others: float | None = None

    def __enter__(self) -> Stopwatch:
        self._busy, self._own = _busy_seconds(), _own_seconds()
        self._start = time.perf_counter()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.seconds = time.perf_counter() - self._start
        busy = _busy_seconds()
        if busy is not None and self._busy is not None and self.seconds > 0:
            foreign = (busy - self._busy) - (_own_seconds() - self._own)
            self.others = max(0.0, foreign / self.seconds)

    def trial(self, accuracy: float | None = None) -> Trial:
        return Trial(self.seconds, accuracy, self.others)


def others_now(window: float = 0.5) -> float | None:
    """Cores kept busy by other processes over the next `window` seconds (we sleep meanwhile)."""
    with Stopwatch() as watch:
        time.sleep(window)
    return watch.others


@dataclass(frozen=True)
class Quiet:
    """How to keep other processes' load out of the numbers, on a shared machine.

    Before each repeat, wait (up to `max_wait` seconds) until other processes use at most
    `threshold` cores; after it, redo the whole repeat (up to `redos` times) if they used more
    during any of its trials. A repeat that stays disturbed is kept, and says so.
    """

    threshold: float = 0.2
    max_wait: float = 30.0
    redos: int = 2

    def wait(self) -> float | None:
        deadline = time.monotonic() + self.max_wait
        load = others_now()
        while load is not None and load > self.threshold and time.monotonic() < deadline:
            load = others_now()
        return load

    def disturbed(self, trials: Iterable[Trial]) -> bool:
        return any(t.others is not None and t.others > self.threshold for t in trials)


def interleave(
    contenders: Mapping[str, Contender],
    repeats: int,
    *,
    quiet: Quiet | None = None,
    report: Callable[[int, dict[str, Trial], str], None] | None = None,
) -> dict[str, list[Trial]]:
    """Run every contender once per repeat, in the mapping's order, `repeats` times.

    Each call receives the repeat index (0, 1, ...) to use as its seed. With `quiet`, each repeat
    waits for a quiet machine and is redone when other processes disturbed it (see `Quiet`).
    `report(index, trials, remark)` is called after each attempt, for progress output; the
    remark is "" for a clean repeat. Returns each contender's kept trials, in order.
    """
    if repeats < 1:
        raise ValueError(f"repeats must be at least 1, got {repeats}")
    trials: dict[str, list[Trial]] = {name: [] for name in contenders}
    for index in range(repeats):
        attempts = 1 + (quiet.redos if quiet else 0)
        for attempt in range(1, attempts + 1):
            if quiet:
                quiet.wait()
            this_round = {name: run(index) for name, run in contenders.items()}
            clean = quiet is None or not quiet.disturbed(this_round.values())
            if clean or attempt == attempts:
                remark = "" if clean else "still disturbed by other processes; kept"
                if report is not None:
                    report(index, this_round, remark)
                break
            if report is not None:
                report(index, this_round, "disturbed by other processes; redoing")
        for name, trial in this_round.items():
            trials[name].append(trial)
    return trials


def median(values: Iterable[float]) -> float:
    """The middle value (the mean of the two middle ones for an even count)."""
    return statistics.median(list(values))


def median_seconds(trials: Sequence[Trial]) -> float:
    return median(trial.seconds for trial in trials)


def most_others(trials: Sequence[Trial]) -> float | None:
    """The most cores other processes used during any of these trials (None if unmeasured)."""
    measured = [trial.others for trial in trials if trial.others is not None]
    return max(measured) if measured else None


def median_accuracy(trials: Sequence[Trial]) -> float | None:
    accuracies = [trial.accuracy for trial in trials if trial.accuracy is not None]
    return median(accuracies) if accuracies else None


def spread(trials: Sequence[Trial]) -> float:
    """(slowest - fastest) / median: how noisy the repeats were, 0.05 meaning 5 %."""
    seconds = [trial.seconds for trial in trials]
    middle = median(seconds)
    return (max(seconds) - min(seconds)) / middle if middle > 0 else 0.0


def format_table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A plain-text table: numeric columns right-aligned, the rest left-aligned, None as '—'."""
    raw = [list(row) for row in rows]
    for row in raw:
        if len(row) != len(headers):
            raise ValueError(f"a row has {len(row)} cells for {len(headers)} headers: {row}")
    cells = [[_cell(value) for value in row] for row in raw]
    numeric = [
        all(value is None or isinstance(value, int | float) for value in (row[col] for row in raw))
        for col in range(len(headers))
    ]
    widths = [
        max([len(headers[col]), *(len(row[col]) for row in cells)]) for col in range(len(headers))
    ]

    def line(values: Sequence[str]) -> str:
        padded = [
            value.rjust(widths[col]) if numeric[col] else value.ljust(widths[col])
            for col, value in enumerate(values)
        ]
        return "  ".join(padded).rstrip()

    rule = "  ".join("-" * width for width in widths)
    return "\n".join([line(headers), rule, *(line(row) for row in cells)])


def _cell(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.3g}" if 1e-6 < abs(value) < 0.01 else f"{value:.2f}"
    return str(value)


def environment_lines() -> list[str]:
    """Who ran the benchmark where: Python, numpy and its BLAS, cores, and the BLAS env vars."""
    import numpy as np

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return [
        f"python {platform.python_version()} on {platform.machine()}, {cores} cores "
        f"({_cpu_name()}); numpy {np.__version__}",
        "BLAS and OpenMP libraries loaded:",
        *(f"  {library}" for library in blas_descriptions()),
        "env: " + ", ".join(f"{name}={os.environ.get(name, '(unset)')}" for name in BLAS_ENV_VARS),
    ]


def blas_descriptions() -> list[str]:
    """One line per BLAS/OpenMP library loaded in this process (threadpoolctl if available).

    Each line ends with the library's folder and file, which tells whose it is: numpy.libs is
    numpy's own BLAS, scipy.libs scikit-learn's (through scipy), torch/lib torch's.
    """
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        return [_numpy_config_blas()]
    described = []
    for lib in threadpool_info():
        parts = [lib.get("internal_api", "?"), lib.get("version") or ""]
        if lib.get("architecture"):
            parts.append(f"core={lib['architecture']}")
        parts.append(f"threads={lib.get('num_threads')}")
        path = lib.get("filepath", "")
        parts.append(f"[{os.path.basename(os.path.dirname(path))}/{os.path.basename(path)}]")
        described.append(" ".join(part for part in parts if part))
    return described or [_numpy_config_blas()]


def _numpy_config_blas() -> str:
    import numpy as np

    try:
        config = np.show_config(mode="dicts")
        blas = config["Build Dependencies"]["blas"]
        return f"{blas.get('name')} {blas.get('version')} (numpy.show_config; no threadpoolctl)"
    except (TypeError, KeyError):  # numpy < 1.25 only prints its configuration
        buffer = io.StringIO()
        with redirect_stdout(buffer):
            np.show_config()
        return " ".join(buffer.getvalue().split())[:200]


def _cpu_name() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            for row in cpuinfo:
                if row.startswith("model name"):
                    return row.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or sys.platform
