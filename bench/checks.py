"""How fast the course core answers: grading a `code` exercise end to end (sandbox included),
a `numeric` one, and `tutor lessons` from start to exit.

    python bench/checks.py [--repeats N]

Targets on the 2-core reference machine: code ≤ 0.5 s, numeric ≤ 10 ms, `tutor lessons` ≤ 0.5 s
(medians). Runs against a small course written to a temporary folder and a temporary TUTOR_HOME,
so nothing of the learner's is touched.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

EXERCISES = '''
[lesson]
title = { ko = "벤치", en = "Bench" }
summary = { ko = "벤치", en = "Bench" }

[[exercise]]
id = "sigmoid"
kind = "code"
prompt = { ko = "sigmoid", en = "sigmoid" }
hints = [{ ko = "e", en = "e" }]
function = "sigmoid"
cases = ["0.0", "np.array([-1000.0, -1.0, 0.0, 1.0, 1000.0])", "np.linspace(-5, 5, 11)",
         "np.zeros((2, 3))", "np.float32(2.0)"]
solution = """
import numpy as np

def sigmoid(z):
    return 0.5 * (1 + np.tanh(0.5 * np.asarray(z, dtype=float)))
"""

[[exercise]]
id = "year"
kind = "numeric"
prompt = { ko = "연도", en = "year" }
hints = [{ ko = "1958", en = "1958" }]
solution = "1958"
answer = 1958
'''

LEARNER_SIGMOID = """import numpy as np

def sigmoid(z):
    z = np.asarray(z, dtype=float)
    return np.exp(-np.logaddexp(0, -z))
"""


def write_course(root: Path) -> None:
    (root / "course.toml").write_text(
        'title = { ko = "벤치", en = "Bench" }\n[[part]]\n'
        'title = { ko = "1", en = "1" }\nlessons = [1]\n',
        encoding="utf-8",
    )
    lesson = root / "01-bench"
    lesson.mkdir()
    (lesson / "ko.md").write_text("# 벤치\n", encoding="utf-8")
    (lesson / "en.md").write_text("# Bench\n", encoding="utf-8")
    (lesson / "exercises.toml").write_text(EXERCISES, encoding="utf-8")


def median_of(fn, repeats: int) -> tuple[float, list[float]]:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=11)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "course"
        root.mkdir()
        write_course(root)
        os.environ["TUTOR_COURSE"] = str(root)
        os.environ["TUTOR_HOME"] = str(Path(tmp) / "home")

        from tutor.course import load_course
        from tutor.grading import submit
        from tutor.progress import open_store

        course = load_course(root)
        code, numeric = course.exercise("01.sigmoid"), course.exercise("01.year")
        assert code is not None and numeric is not None
        with open_store() as store:
            assert submit(store, code, LEARNER_SIGMOID).passed, "the learner's sigmoid must pass"
            code_median, _ = median_of(lambda: submit(store, code, LEARNER_SIGMOID), args.repeats)
            numeric_median, _ = median_of(lambda: submit(store, numeric, "1958"), args.repeats * 5)
        command = [sys.executable, "-m", "tutor", "--lang", "en", "lessons"]
        env = dict(os.environ)
        lessons_median, _ = median_of(
            lambda: subprocess.run(command, env=env, check=True, capture_output=True), args.repeats
        )

    rows = [
        ("grade a code exercise (5 cases, sandbox)", code_median, 0.5),
        ("grade a numeric exercise", numeric_median, 0.010),
        ("`tutor lessons`, start to exit", lessons_median, 0.5),
    ]
    print(f"{'what':45} {'median':>10} {'target':>10}")
    for name, value, target in rows:
        verdict = "PASS" if value <= target else "MISS"
        print(f"{name:45} {value * 1000:8.1f}ms {target * 1000:8.0f}ms  {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
