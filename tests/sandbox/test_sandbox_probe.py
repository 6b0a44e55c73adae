"""A probe: the exercise's own checking code, run in the child against the learner's module."""

from __future__ import annotations

import numpy as np

from tutor.sandbox import Call, run_functions

PROBE = """
import numpy as np


def probe(learner, x):
    try:
        doubled = learner.double(np.array(x))
    except Exception as exc:
        doubled = learner_error(exc)
    return {"doubled": doubled, "made here": np.arange(2.0)}
"""


def test_a_probe_drives_the_learners_function_and_returns_plain_data() -> None:
    learner = "def double(x):\n    return 2 * x\n"
    result = run_functions(learner, [Call("double", ([1.0, 2.0],))], probe=PROBE)
    assert result.status == "ok", result.message
    value = result.cases[0].value
    assert np.array_equal(value["doubled"], [2.0, 4.0])
    assert np.array_equal(value["made here"], [0.0, 1.0])


def test_a_learners_exception_comes_back_as_data_with_only_the_learners_frames() -> None:
    learner = "def double(x):\n    return x @ x.T @ 'oops'\n"
    result = run_functions(learner, [Call("double", ([1.0, 2.0],))], probe=PROBE)
    assert result.status == "ok", result.message
    error = result.cases[0].value["doubled"]["$learner_error"]
    assert error["line"] == 2 and error["type"] == "TypeError"
    assert 'File "learner.py", line 2, in double' in error["traceback"]
    assert "probe" not in error["traceback"]


def test_an_exit_inside_a_probed_call_still_ends_the_run() -> None:
    learner = "import sys\n\ndef double(x):\n    sys.exit(3)\n"
    result = run_functions(learner, [Call("double", ([1.0],))], probe=PROBE)
    assert result.status == "crashed" and result.exit_code == 3
