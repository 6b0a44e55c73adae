"""What `run_functions` reports for correct code, broken code and runaway code.

Every test also checks that the test process itself is unharmed: same working folder, same
environment, no sandbox folder left behind, no child process left running.
"""

from __future__ import annotations

import os
import resource
import sys
import tempfile
from pathlib import Path

import numpy as np
import pytest

from tutor.sandbox import Call, Limits, UnsupportedValue, run_functions

QUICK = Limits(timeout_s=2.0)
SIGMOID = "import numpy as np\n\ndef sigmoid(z):\n    return 1 / (1 + np.exp(-z))\n"


@pytest.fixture(autouse=True)
def unharmed(tmp_path, monkeypatch):
    """Run each test with sandbox folders under tmp_path, then check nothing was left behind."""
    sandboxes = tmp_path / "sandboxes"
    sandboxes.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(sandboxes))
    cwd, environ = os.getcwd(), _environ()
    yield
    assert os.getcwd() == cwd
    assert _environ() == environ
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


def _environ() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k != "PYTEST_CURRENT_TEST"}


def run(source: str, *calls: Call, limits: Limits = QUICK, setup: str = ""):
    return run_functions(source, list(calls) or [Call("f")], limits=limits, setup=setup)


def assert_bilingual(message: dict[str, str]) -> None:
    assert set(message) == {"ko", "en"}
    assert any("가" <= ch <= "힣" for ch in message["ko"])
    assert message["en"].isascii()


# ---------------------------------------------------------------------------------- values


def test_correct_function_returns_each_cases_value():
    result = run(SIGMOID, Call("sigmoid", (0.0,)), Call("sigmoid", (2.0,)))
    assert result.status == "ok"
    assert [case.value for case in result.cases] == [0.5, pytest.approx(0.8807970779778823)]
    assert all(case.ok for case in result.cases)
    assert_bilingual(result.message)


def test_numpy_arrays_go_in_and_come_back_with_dtype_and_shape():
    z = np.linspace(-3, 3, 6, dtype=np.float32).reshape(2, 3)
    result = run(SIGMOID, Call("sigmoid", (z,)))
    value = result.cases[0].value
    assert isinstance(value, np.ndarray)
    assert (value.dtype, value.shape) == (np.float32, (2, 3))
    np.testing.assert_allclose(value, 1 / (1 + np.exp(-z)), rtol=1e-6)


def test_forward_pass_with_several_array_arguments():
    source = (
        "import numpy as np\n"
        "def forward(X, W1, b1, W2, b2):\n"
        "    h = np.maximum(0, X @ W1 + b1)\n"
        "    return h @ W2 + b2\n"
    )
    rng = np.random.default_rng(0)
    X, W1, b1 = rng.normal(size=(4, 3)), rng.normal(size=(3, 5)), np.zeros(5)
    W2, b2 = rng.normal(size=(5, 2)), np.ones(2)
    result = run(source, Call("forward", (X, W1, b1, W2, b2)))
    np.testing.assert_allclose(result.cases[0].value, np.maximum(0, X @ W1 + b1) @ W2 + b2)


def test_keyword_arguments_reach_the_function():
    result = run("def f(x, scale=1):\n    return x * scale\n", Call("f", (3,), {"scale": 2}))
    assert result.cases[0].value == 6


def test_each_call_gets_a_fresh_copy_of_its_arguments():
    source = "def f(items):\n    items.append(0)\n    return len(items)\n"
    shared = [1, 2]
    result = run(source, Call("f", (shared,)), Call("f", (shared,)))
    assert [case.value for case in result.cases] == [3, 3]
    assert shared == [1, 2]


def test_exercise_setup_is_visible_to_the_learners_code():
    result = run(
        "def f():\n    return float(X.sum())\n", setup="import numpy as np\nX = np.ones(4)"
    )
    assert result.cases[0].value == 4.0


def test_what_the_learner_prints_is_captured():
    source = "def f(x):\n    print('z =', x)\n    print('안녕')\n    return x\n"
    result = run(source, Call("f", (1,)), Call("f", (2,)))
    assert result.stdout == "z = 1\n안녕\nz = 2\n안녕\n"
    assert not result.stdout_truncated


def test_a_value_that_cannot_travel_comes_back_as_a_clear_marker():
    result = run("def f():\n    return [1, lambda x: x]\n")
    assert result.status == "ok"
    one, marker = result.cases[0].value
    assert one == 1
    assert isinstance(marker, UnsupportedValue)
    assert str(marker) == "<unsupported value of type function>"


def test_a_value_too_large_to_send_back_becomes_a_marker():
    result = run("import numpy as np\ndef f():\n    return np.zeros(2_000_000)\n")
    marker = result.cases[0].value
    assert isinstance(marker, UnsupportedValue)
    assert "too large" in str(marker)


# ---------------------------------------------------------------------------------- errors


def test_an_exception_is_that_cases_error_with_the_learners_frames_only():
    source = "import numpy as np\n\ndef f(x):\n    return helper(x)\n\n"
    source += "def helper(x):\n    return x / 0\n"
    result = run(source, Call("f", (1,)), Call("f", (2,)))
    assert result.status == "ok"
    error = result.cases[0].error
    assert (error.type_name, error.message, error.line) == (
        "ZeroDivisionError",
        "division by zero",
        7,
    )
    assert 'File "learner.py", line 4, in f' in error.traceback
    assert 'File "learner.py", line 7, in helper' in error.traceback
    assert "runner.py" not in error.traceback and "sandbox" not in error.traceback
    assert error.traceback.endswith("ZeroDivisionError: division by zero")
    assert result.cases[1].error is not None
    assert "2 calls" in result.message["en"]


def test_an_error_inside_numpy_points_at_the_learners_line():
    source = "import numpy as np\ndef f():\n    return np.ones((2, 3)) @ np.ones((2, 3))\n"
    error = run(source).cases[0].error
    assert error.type_name == "ValueError"
    assert error.line == 3
    assert "numpy" not in error.traceback.split("ValueError")[0]


def test_a_missing_function_is_that_cases_error():
    result = run("def sigmoid(z):\n    return z\n", Call("sigmod", (1,)))
    assert result.status == "ok"
    assert result.cases[0].error.type_name == "NameError"
    assert "sigmod" in result.cases[0].error.message


def test_syntax_error_reports_the_line():
    result = run("def f():\n    return 1\n\ndef g(:\n    pass\n")
    assert result.status == "syntax_error"
    assert (result.error.type_name, result.error.line) == ("SyntaxError", 4)
    assert 'File "learner.py", line 4' in result.error.traceback
    assert "line 4" in result.message["en"] and "4번째 줄" in result.message["ko"]
    assert not result.cases[0].ran


def test_an_exception_while_loading_the_module_stops_before_any_call():
    result = run("import numpy as np\nW = np.zeros((2, 2))\nb = W[5]\ndef f():\n    return 1\n")
    assert result.status == "error"
    assert (result.error.type_name, result.error.line) == ("IndexError", 3)
    assert "line 3" in result.message["en"]
    assert not result.cases[0].ran


def test_a_failing_exercise_setup_is_reported_as_the_lessons_bug():
    result = run("def f():\n    return 1\n", setup="X = undefined_name")
    assert result.status == "error"
    assert "bug in the lesson" in result.message["en"]


def test_deep_recursion_is_a_recursion_error_in_that_case():
    result = run("def f(n=0):\n    return f(n + 1)\n")
    assert result.status == "ok"
    error = result.cases[0].error
    assert error.type_name == "RecursionError"
    assert "Previous line repeated" in error.traceback
    assert len(error.traceback) < 5_000


# ---------------------------------------------------------------------------------- limits


def test_infinite_loop_times_out_with_a_clear_verdict():
    result = run("def f():\n    while True:\n        pass\n", limits=Limits(timeout_s=1.0))
    assert result.status == "timeout"
    assert not result.cases[0].ran
    assert "within 1 s" in result.message["en"] and "1초" in result.message["ko"]
    assert_bilingual(result.message)


def test_cases_finished_before_a_timeout_are_kept():
    source = "import time\ndef f(x):\n    while x < 0:\n        time.sleep(0.01)\n    return x\n"
    result = run(source, Call("f", (1,)), Call("f", (-1,)), limits=Limits(timeout_s=1.0))
    assert result.status == "timeout"
    assert (result.cases[0].ran, result.cases[0].value) == (True, 1)
    assert not result.cases[1].ran


@pytest.mark.parametrize(
    "bomb",
    [
        "x = bytearray(2 * 1024**3)",
        "x = [0] * (2**28)",
        "import numpy as np; x = np.ones((20_000, 20_000))",
    ],
)
def test_memory_bomb_is_stopped_with_a_memory_verdict(bomb):
    result = run(
        f"def f():\n    {bomb}\n    return 1\n", limits=Limits(timeout_s=2.0, memory_mb=256)
    )
    assert result.status == "memory"
    assert "256 MB" in result.message["en"] and "256 MB" in result.message["ko"]


def test_printing_100_mb_stops_at_the_output_limit_without_flooding_the_parent():
    peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = run("def f():\n    print('x' * 100_000_000)\n", limits=Limits(output_bytes=5_000))
    assert result.status == "output_limit"
    assert result.stdout_truncated
    assert result.stdout.startswith("x" * 5_000)
    assert len(result.stdout) < 5_200
    assert "5,000 characters" in result.message["en"]
    if sys.platform.startswith("linux"):  # ru_maxrss is in KiB there
        assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak_before < 50_000


def test_printing_in_an_endless_loop_stops_at_the_output_limit():
    result = run("def f():\n    while True:\n        print('loss', 0.25)\n")
    assert result.status == "output_limit"
    assert result.stdout.startswith("loss 0.25\nloss 0.25\n")


# ---------------------------------------------------------------------------------- crashes


def test_sys_exit_is_reported_in_plain_words():
    result = run("import sys\n\ndef f():\n    sys.exit(3)\n")
    assert result.status == "crashed"
    assert result.exit_code == 3
    assert "sys.exit() on line 4 ended the program (exit code 3)" in result.message["en"]
    assert "sys.exit()" in result.message["ko"]


def test_os_exit_is_reported_as_a_crash_with_its_exit_code():
    result = run("import os\n\ndef f():\n    os._exit(1)\n")
    assert result.status == "crashed"
    assert result.exit_code == 1
    assert "exit code 1" in result.message["en"]
    assert_bilingual(result.message)


@pytest.mark.parametrize(
    "crash",
    [
        "import faulthandler; faulthandler._sigsegv()",
        "import os, signal; os.kill(os.getpid(), signal.SIGSEGV)",
    ],
)
def test_a_segfault_is_reported_with_the_signal_name(crash):
    result = run(f"def f():\n    {crash}\n")
    assert result.status == "crashed"
    assert result.signal_name == "SIGSEGV"
    assert "Python stopped abruptly (signal SIGSEGV" in result.message["en"]
    assert "SIGSEGV" in result.message["ko"]


# ---------------------------------------------------------------------------------- isolation


def test_the_child_sees_none_of_the_parents_environment(monkeypatch, tmp_path):
    with monkeypatch.context() as patch:
        patch.setenv("TUTOR_HOME", str(tmp_path / "progress"))
        patch.setenv("SECRET_API_TOKEN", "do-not-leak")
        result = run("import os\ndef f():\n    return dict(os.environ), os.getcwd()\n")
    environ, cwd = result.cases[0].value
    assert "TUTOR_HOME" not in environ and "SECRET_API_TOKEN" not in environ
    threads = {"OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"}
    assert set(environ) <= {"PATH", "LANG", "HOME", "TMPDIR", "LC_CTYPE", *threads}
    assert environ["HOME"] == environ["TMPDIR"] == cwd
    assert environ["OPENBLAS_NUM_THREADS"] == "1"


def test_callers_mistakes_raise_a_clear_value_error():
    with pytest.raises(ValueError, match="cannot send a value of type object"):
        run_functions(SIGMOID, [Call("sigmoid", (object(),))])
    with pytest.raises(ValueError, match="naming a function"):
        run_functions(SIGMOID, [Call("not a name")])


def test_garbage_on_the_childs_file_descriptors_cannot_crash_the_parent():
    source = (
        "import os\n"
        "JUNK = [\n"
        "    b'not json at all',\n"
        "    b'[' * 100_000,\n"
        '    b\'{"kind": "case", "index": 0, "value": {"$ndarray": {"dtype": "|O",\'\n'
        '    b\' "shape": [1], "data": ""}}}\',\n'
        '    b\'{"kind": "case", "index": 1, "value": {"$ndarray": {"dtype": "<f8",\'\n'
        '    b\' "shape": [1099511627775, 0], "data": ""}}}\',\n'
        '    b\'{"kind": "case", "index": 2, "error": [1, 2]}\',\n'
        '    b\'{"kind": "exit", "code": "three", "line": -5}\',\n'
        '    b\'{"kind": "case", "index": 1e400}\',\n'
        "    b'9' * 50_000,\n"
        "]\n"
        "def f():\n"
        "    for fd in range(3, 64):\n"
        "        for junk in JUNK:\n"
        "            try:\n"
        "                os.write(fd, junk + b'\\n')\n"
        "            except OSError:\n"
        "                pass\n"
        "    return 1\n"
    )
    result = run(source, Call("f"), Call("f"), Call("f"))
    assert result.status in {"ok", "crashed"}
    assert len(result.cases) == 3
    assert all(case.error is None or isinstance(case.error.message, str) for case in result.cases)
