"""Run a learner's Python functions in a separate, limited process and bring the values back.

    from tutor.sandbox import Call, Limits, run_functions

    result = run_functions(
        "import numpy as np\\ndef sigmoid(z):\\n    return 1 / (1 + np.exp(-z))\\n",
        [Call("sigmoid", (0.0,)), Call("sigmoid", (np.array([-1.0, 1.0]),))],
        limits=Limits(timeout_s=5.0, memory_mb=512, output_bytes=20_000),
    )
    result.status            # "ok" | "syntax_error" | "error" | "timeout" | "memory"
                             # | "crashed" | "output_limit"
    result.cases[1].value    # array([0.26894142, 0.73105858]), decoded in this process
    result.cases[0].error    # None, or a LearnerError (type, message, learner-only traceback)
    result.stdout            # what the code printed (capped; `stdout_truncated` says if cut)
    result.message["ko"]     # the status in plain words; also result.message["en"]

How a run goes: the app writes the learner's source (as `learner.py`) and the encoded calls into
a fresh temporary folder and starts `python -I -B runner.py` there, with a minimal environment
(PATH, LANG, one BLAS thread, HOME = that folder) in its own session. The child imports NumPy,
runs the exercise's `setup` (trusted code, in the learner's module namespace), sets resource
limits (address space, CPU time, file size, no new processes, no core files), installs an audit
hook (`guard.py`: what it refuses is listed there), and only then compiles and runs the learner's
module and calls each function on a fresh copy of its arguments. Values and errors come back as
JSON lines through `codec.py`; the app reads at most a fixed number of bytes of output and of
results, kills the whole process group on timeout or too much output, and deletes the folder.
Learner code never runs in the app's process. A small exercise costs about 0.1 s, nearly all of
it starting Python and importing NumPy. pandas imports inside the sandbox; plotext does not (its
C part loads through ctypes, which the guard refuses).

What this is, honestly: a guard against accidents and casual mischief (an endless loop, a memory
bomb, a stray `open("/etc/passwd")`, `os.remove` of the wrong file, `subprocess.run`), not a
security boundary against a determined attacker. There is no OS-level isolation (no container,
no seccomp, no separate user): Python audit hooks can be sidestepped by native code and by
determined tricks from Python itself, RLIMIT_NPROC does not bind root, RLIMIT_AS is not enforced
on macOS, the existence of files outside the folder can still be probed (`os.stat` raises no
audit event), and Windows is not supported. What protects the verdict anyway is that it is made
here, in the parent: the child only returns values, the checker's expected values never enter
it, every byte read from it is size-capped and decoded by a codec that knows a few plain shapes
(never pickle), and nothing the child says about itself (its records, its exit) can do more than
returning a value could: it cannot turn a wrong answer into a right one, nor hang or crash the
app.
"""

from __future__ import annotations

from . import confine
from .codec import UnsupportedValue
from .limits import Limits
from .model import Call, CaseResult, LearnerError, SandboxResult, Status
from .process import stop_all
from .run import run_functions
from .walls import missing_layers

__all__ = [
    "Call",
    "CaseResult",
    "LearnerError",
    "Limits",
    "SandboxResult",
    "Status",
    "UnsupportedValue",
    "confine",
    "missing_layers",
    "run_functions",
    "stop_all",
]
