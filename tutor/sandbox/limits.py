"""How long, how much memory and how much output the learner's code may use in one run."""

from __future__ import annotations

from dataclasses import dataclass

RESULT_BYTES = 32_000_000
"""The most the parent reads back from the child's results file (all cases together)."""

VALUE_BYTES = 8_000_000
"""The largest encoded return value the child sends back; a larger one becomes a marker."""

FILE_BYTES = 64_000_000
"""The largest file the child may write (RLIMIT_FSIZE): the results file and the learner's own."""

RECORD_ITEMS = 200_000
"""The most separators (commas, colons) one result record may hold: arrays travel as base64."""

DECODE_TIMEOUT_S = 5.0
"""How long the parent may spend parsing and decoding what one run sent back."""

STARTUP_TIMEOUT_S = 30.0
"""How long Python and NumPy may take to start before the run counts as stuck."""


@dataclass(frozen=True)
class Limits:
    """Per-exercise limits for one sandbox run.

    `timeout_s` is wall-clock time for the exercise's setup, the learner's module and every call
    (Python's own start-up is not counted). `memory_mb` is what the learner's code may allocate on
    top of what Python, NumPy and the inputs already use. `output_bytes` caps everything the code
    prints (stdout and stderr together), counted in UTF-8 bytes, so a Korean character counts as
    three.
    """

    timeout_s: float = 5.0
    memory_mb: int = 512
    output_bytes: int = 20_000

    def __post_init__(self) -> None:
        if not self.timeout_s > 0:
            raise ValueError(f"Limits.timeout_s must be a positive number, got {self.timeout_s!r}")
        if self.memory_mb < 16:
            raise ValueError(f"Limits.memory_mb must be at least 16, got {self.memory_mb!r}")
        if self.output_bytes < 0:
            raise ValueError(f"Limits.output_bytes must be 0 or more, got {self.output_bytes!r}")
