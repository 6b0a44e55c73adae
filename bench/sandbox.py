"""Time one `code` exercise end to end: `tutor.sandbox.run_functions` on a sigmoid with 5 cases.

    python bench/sandbox.py [--repeats 10]

Prints the median wall time of `run_functions` (child start, NumPy import, limits, guard, five
calls, values back, folder deleted) beside the floor it cannot beat: starting `python -I` and
importing NumPy. Target: median <= 0.5 s (ideally 0.15 to 0.25 s). The CPU time the child
processes used is printed too: on a busy machine it moves far less than wall time, so it is the
fairer figure for comparing two versions of the sandbox.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time

import numpy as np

from tutor.sandbox import Call, run_functions

SIGMOID = "import numpy as np\n\n\ndef sigmoid(z):\n    return 1 / (1 + np.exp(-z))\n"
CALLS = [
    Call("sigmoid", (0.0,)),
    Call("sigmoid", (2.0,)),
    Call("sigmoid", (-3.5,)),
    Call("sigmoid", (np.array([-1.0, 0.0, 1.0]),)),
    Call("sigmoid", (np.linspace(-5, 5, 12).reshape(3, 4),)),
]


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def sandbox_run(cpu: list[float]) -> float:
    started, cpu_before = time.perf_counter(), _children_cpu()
    result = run_functions(SIGMOID, CALLS)
    seconds = time.perf_counter() - started
    cpu.append(_children_cpu() - cpu_before)
    assert result.status == "ok" and all(case.ok for case in result.cases), result.message["en"]
    return seconds


def floor_run(cpu: list[float]) -> float:
    started, cpu_before = time.perf_counter(), _children_cpu()
    subprocess.run([sys.executable, "-I", "-B", "-c", "import numpy"], check=True)
    cpu.append(_children_cpu() - cpu_before)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=10)
    repeats = parser.parse_args().repeats
    sandbox_cpu: list[float] = []
    floor_cpu: list[float] = []
    sandbox_run([]), floor_run([])  # warm-up: file cache, imports
    sandbox, floor = [], []
    for _ in range(repeats):  # interleaved, so machine noise lands on both alike
        sandbox.append(sandbox_run(sandbox_cpu))
        floor.append(floor_run(floor_cpu))
    rows = (
        ("run_functions, 5 cases", sandbox, sandbox_cpu),
        ("python -I + import numpy", floor, floor_cpu),
    )
    for name, times, cpu in rows:
        print(
            f"{name:26s} median {statistics.median(times):.3f} s"
            f"  (min {min(times):.3f}, max {max(times):.3f}, {repeats} runs)"
            f"  child CPU median {statistics.median(cpu):.3f} s"
        )


if __name__ == "__main__":
    main()
