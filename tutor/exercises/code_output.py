"""What a code check shows beside its verdict: the learner's prints, trimmed, and a compact
diff of two arrays (position, expected, got) in aligned columns, Hangul counted as two cells."""

from __future__ import annotations

from typing import Any

import numpy as np

from tutor.exercises.compare import number_text as _num
from tutor.i18n import LANGS, Text, t

OUTPUT_LINES = 20  # lines of what the learner's code printed, shown with a verdict
OUTPUT_CHARS = 2_000
DIFF_ROWS = 6  # differing entries listed in a failing case's diff


def trim_output(text: str) -> str:
    """What the learner's code printed, cut to its first lines (the rest is counted)."""
    lines = text.splitlines()
    kept = lines[:OUTPUT_LINES]
    while kept and sum(len(line) + 1 for line in kept) > OUTPUT_CHARS:
        kept.pop()
    if len(kept) == len(lines):
        return text
    if not kept:  # one enormous line
        return text[:OUTPUT_CHARS] + f"\n… (+{len(text) - OUTPUT_CHARS:,} chars)"
    return "\n".join(kept) + f"\n… (+{len(lines) - len(kept)} lines)"


def array_diff(expected: Any, got: Any, rtol: float, atol: float) -> Text | None:
    """How many entries of two same-shaped arrays differ, and the first few of them; None when
    that does not apply (not an array, one number, another shape)."""
    if not isinstance(expected, np.ndarray) or expected.size < 2:
        return None
    try:
        got_array = np.asarray(got, dtype=np.float64)
    except (TypeError, ValueError):
        return None
    want_array = np.asarray(expected, dtype=np.float64)
    if got_array.shape != want_array.shape:
        return None
    close = np.isclose(got_array, want_array, rtol=rtol, atol=atol, equal_nan=True)
    wrong = np.argwhere(~close)
    if not len(wrong):
        return None
    rows = []
    for index in wrong[:DIFF_ROWS]:
        where = tuple(int(i) for i in index)
        rows.append((str(list(where)), _num(want_array[where]), _num(got_array[where])))
    text = {}
    for lang in LANGS:
        head = (t("code_diff_index", lang), t("code_diff_expected", lang), t("code_diff_got", lang))
        widths = [max(_width(cell) for cell in column) for column in zip(head, *rows, strict=True)]
        lines = [t("code_diff_count", lang, count=len(wrong), size=close.size, shape=close.shape)]
        for cells in (head, *rows):
            padded = (
                cell + " " * (width - _width(cell))
                for cell, width in zip(cells, widths, strict=True)
            )
            lines.append("    " + "  ".join(padded).rstrip())
        if len(wrong) > DIFF_ROWS:
            lines.append("    " + t("code_diff_more", lang, count=len(wrong) - DIFF_ROWS))
        text[lang] = "\n".join(lines)
    return text


def _width(text: str) -> int:
    """Columns `text` takes in a terminal (Hangul takes two), as Rich measures it."""
    from rich.cells import cell_len

    return cell_len(text)
