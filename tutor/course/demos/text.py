"""A run as plain text, for the command line: its lines and its pictures in characters."""

from __future__ import annotations

import math

import numpy as np

from tutor.course.demos.base import UNSURE, Frame, Run
from tutor.i18n import pick

# --- as text ----------------------------------------------------------------------------------


def frame_text(frame: Frame, width: int = 16, height: int = 8) -> list[str]:
    """A frame as characters: `#` where the model says 1, `·` where it says 0, each point as its
    target (1 or 0) on top. Rows from the top (largest x₂)."""
    rows, cols = frame.grid.shape
    r_index = np.minimum((np.arange(height) * rows) // height, rows - 1)
    c_index = np.minimum((np.arange(width) * cols) // width, cols - 1)
    cells = [[_cell(float(frame.grid[r, c])) for c in c_index] for r in r_index]
    span = frame.hi - frame.lo
    for point, label in zip(frame.points, frame.labels, strict=True):
        c = int(np.clip((point[0] - frame.lo) / span * width, 0, width - 1))
        r = int(np.clip((frame.hi - point[1]) / span * height, 0, height - 1))
        cells[r][c] = str(int(label))
    return ["".join(row) for row in cells]


def _cell(p: float) -> str:
    if not math.isfinite(p) or abs(p - 0.5) < UNSURE:
        return "?"
    return "#" if p > 0.5 else "·"


def run_text(run: Run, lang: str, columns: int = 78) -> str:
    """What the run printed and drew, as plain text (the CLI prints it after an answer)."""
    out = [pick(line, lang) for line in run.lines]
    frames = run.frames
    if run.animated and len(frames) > 6:  # a long run: its start, two middle steps and its end
        frames = (frames[0], frames[len(frames) // 3], frames[2 * len(frames) // 3], frames[-1])
    if frames:
        out.append("")
        per_row = max(1, columns // 26)
        for start in range(0, len(frames), per_row):
            group = frames[start : start + per_row]
            for frame in group:
                out.append(f"[{start + group.index(frame) + 1}] {pick(frame.caption, lang)}")
            drawings = [frame_text(frame) for frame in group]
            for lines in zip(*drawings, strict=True):
                out.append("   ".join(f"│{line}│" for line in lines))
            out.append("")
        out.append(
            "# = 1이라고 답함, · = 0이라고 답함, ? = 0.5 (못 정함); 숫자는 표의 정답"
            if lang == "ko"
            else "# = says 1, · = says 0, ? = 0.5 (undecided); digits are the table's targets"
        )
    return "\n".join(out).rstrip()
