"""Time one `code` exercise end to end: `tutor.sandbox.run_functions` on a sigmoid with 5 cases.

    python bench/sandbox.py [--repeats 10]

Prints the median wall time of `run_functions` (child start, NumPy import, limits, guard, five
calls, values back, folder deleted) beside the floor it cannot beat: starting `python -I` and
importing NumPy. Target: median <= 0.5 s (ideally 0.15 to 0.25 s).
"""

from __future__ import annotations

import argparse
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


def sandbox_run() -> float:
    started = time.perf_counter()
    result = run_functions(SIGMOID, CALLS)
    seconds = time.perf_counter() - started
    assert result.status == "ok" and all(case.ok for case in result.cases), result.message["en"]
    return seconds


def floor_run() -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-I", "-B", "-c", "import numpy"], check=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=10)
    repeats = parser.parse_args().repeats
    sandbox_run(), floor_run()  # warm-up: file cache, imports
    sandbox, floor = [], []
    for _ in range(repeats):  # interleaved, so machine noise lands on both alike
        sandbox.append(sandbox_run())
        floor.append(floor_run())
    for name, times in (("run_functions, 5 cases", sandbox), ("python -I + import numpy", floor)):
        print(
            f"{name:26s} median {statistics.median(times):.3f} s"
            f"  (min {min(times):.3f}, max {max(times):.3f}, {repeats} runs)"
        )


if __name__ == "__main__":
    main()
