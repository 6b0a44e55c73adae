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
a fresh temporary folder, opens two pipes, and starts `python -I -B runner.py` there with a
minimal environment (PATH, LANG, one BLAS thread, HOME = that folder) in its own session. The
runner makes new PID, network and IPC namespaces, and in them a worker that imports NumPy, runs
the exercise's `setup` (trusted code), sets resource limits, and then raises the kernel's walls
(`confine.py`, chosen in docs/sandbox.md): no new privileges; as root, uid nobody or no
capabilities; Landlock (read: Python, NumPy, `tutor.engine`, `tutor.datasets` and the data sets,
as `walls.py` lists; write: its own folder only; no TCP); a seccomp filter (no new processes,
sockets, ptrace, namespaces, mounts, raising limits). The audit hook (`guard.py`) comes last, as
a second layer that turns common accidents into clear messages. Values and errors come back as
JSON lines through a pipe only the parent reads (`codec.py`, capped in size, items, nesting,
hash collisions and time); the parent reads at most a fixed number of bytes, kills the whole
process group on timeout or too much output, and deletes the folder. Every child is in a
registry until it is reaped (`stop_all` kills them); folders a killed parent left behind are
deleted by the next run. A small exercise costs about 0.1 s, nearly all of it starting Python
and importing NumPy.

Where the kernel lacks a facility (macOS, Linux before 5.13, a container that forbids
namespaces), that wall is skipped and `missing_layers()` says which; the audit hook, the
resource limits and the parent's caps still stop every accident. What protects the verdict
in any case is that it is made here, in the parent: the child only returns values, the
checker's expected values never enter it, and nothing it says about itself can do more than
returning a value could. Windows is not supported.
"""

from __future__ import annotations

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
    "missing_layers",
    "run_functions",
    "stop_all",
]
