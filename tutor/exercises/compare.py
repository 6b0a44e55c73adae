"""How the `code` kind compares a learner's value with the expected one, and says what differs.

`compare` walks numbers, arrays, tuples and named results (dicts, as probes return them) with
tolerances. When an array is wrong it looks for the usual reasons before giving up on words: the
transpose of the right answer, the right answer with its sign flipped or times a constant (the
number of rows m, typically), NaN, or a sum that was never taken over the rows. All of this runs in
the parent, on values decoded from the sandbox.
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any

import numpy as np

from tutor.i18n import LANGS, Text, t, tt

MAX_SHOWN = 300  # characters of an argument or value shown in feedback
LEARNER_ERROR = "$learner_error"  # a probe's marker for an exception raised by the learner's code


def learner_error(value: Any) -> dict[str, Any] | None:
    """The error record if `value` is a probe's `{"$learner_error": {...}}` marker, else None."""
    if isinstance(value, dict) and set(value) == {LEARNER_ERROR}:
        record = value[LEARNER_ERROR]
        return record if isinstance(record, dict) else {}
    return None


def compare(
    expected: Any, got: Any, rtol: float, atol: float, rows: int | None = None
) -> Text | None:
    """None if `got` matches `expected`; otherwise what is different, in plain words.

    `rows` is the number of rows m of the case's data, if it has one: a result that is m times
    too large (or small) is then called by that name."""
    error = learner_error(got)
    if error is not None:
        text = error.get("traceback") or error.get("message") or error.get("type") or "?"
        return tt("code_case_raised", error=str(text))
    if got is None and expected is not None:
        return tt("code_returned_none")
    if isinstance(expected, dict):
        return _compare_named(expected, got, rtol, atol, rows)
    if isinstance(expected, tuple | list):
        if not isinstance(got, tuple | list):
            return tt("code_expected_sequence", count=len(expected), got=type(got).__name__)
        if len(got) != len(expected):
            return tt("code_wrong_count", count=len(expected), got=len(got))
        for index, (want, value) in enumerate(zip(expected, got, strict=True)):
            problem = compare(want, value, rtol, atol, rows)
            if problem is not None:
                return _prefixed(tt("code_item", index=index + 1), problem)
        return None
    if isinstance(expected, np.ndarray | int | float | np.number) and not isinstance(
        expected, bool
    ):
        return _compare_numbers(expected, got, rtol, atol, rows)
    if expected != got:
        return tt("code_wrong_value", expected=show(expected), got=show(got))
    return None


def _compare_named(
    expected: dict[str, Any], got: Any, rtol: float, atol: float, rows: int | None
) -> Text | None:
    names = ", ".join(str(key) for key in expected)
    if isinstance(got, tuple | list):
        return tt("code_wrong_named_count", count=len(expected), names=names, got=len(got))
    if not isinstance(got, dict):
        return tt("code_expected_named", count=len(expected), names=names, got=type(got).__name__)
    for key, want in expected.items():
        if key not in got:
            return tt("code_missing_name", name=str(key))
        problem = compare(want, got[key], rtol, atol, rows)
        if problem is not None:
            return _prefixed({"ko": f"{key}:", "en": f"{key}:"}, problem)
    return None


def _prefixed(prefix: Text, problem: Text) -> Text:
    return {lang: f"{prefix[lang]} {text}" for lang, text in problem.items()}


def _compare_numbers(
    expected: Any, got: Any, rtol: float, atol: float, rows: int | None
) -> Text | None:
    try:
        got_array = np.asarray(got, dtype=np.float64)
    except (TypeError, ValueError):
        return tt("code_expected_number", got=type(got).__name__)
    want_array = np.asarray(expected, dtype=np.float64)
    if got_array.shape != want_array.shape:
        wrong = {
            lang: t(
                "code_wrong_shape",
                lang,
                expected=_shape(want_array, lang),
                got=_shape(got_array, lang),
            )
            for lang in LANGS
        }
        reason = _shape_reason(want_array, got_array, rtol, atol)
        return _joined(wrong, reason) if reason else wrong
    close = np.isclose(got_array, want_array, rtol=rtol, atol=atol, equal_nan=True)
    if close.all():
        return None
    bad = ~np.isfinite(got_array) & np.isfinite(want_array)
    if bad.any():
        spot = [int(i) for i in np.argwhere(bad)[0]]
        return tt("code_not_finite", index=spot, got=number_text(got_array[tuple(spot)]))
    where = tuple(int(i) for i in np.argwhere(~close)[0])
    if close.size == 1:
        wrong = tt(
            "code_wrong_value",
            expected=number_text(want_array[where]),
            got=number_text(got_array[where]),
        )
    else:
        wrong = tt(
            "code_wrong_element",
            index=list(where),
            expected=number_text(want_array[where]),
            got=number_text(got_array[where]),
            count=int((~close).sum()),
            size=close.size,
        )
    reason = _value_reason(want_array, got_array, rtol, atol, rows)
    return _joined(wrong, reason) if reason else wrong


def _joined(first: Text, second: Text) -> Text:
    return {lang: f"{first[lang]} {second[lang]}" for lang in first}


def _shape_reason(want: np.ndarray, got: np.ndarray, rtol: float, atol: float) -> Text | None:
    """Why the shape is wrong, when the values say it: transposed, unsummed, an extra axis."""
    if want.ndim == 2 and got.shape == want.T.shape and _close(got.T, want, rtol, atol):
        return tt("code_is_transpose")
    if got.size == want.size and _close(got.reshape(want.shape), want, rtol, atol):
        return {lang: t("code_extra_axis", lang, expected=_shape(want, lang)) for lang in LANGS}
    if got.ndim == want.ndim + 1 and got.shape[1:] == want.shape:
        if _close(got.sum(axis=0), want, rtol, atol):
            return tt("code_not_summed")
        if _close(got.mean(axis=0), want, rtol, atol):
            return tt("code_mean_not_sum")
    return None


def diagnosis(expected: Any, got: Any, rtol: float, atol: float, rows: int | None) -> Text | None:
    """Why a right-shaped array is wrong when one rule explains every entry (or None)."""
    try:
        want = np.asarray(expected, dtype=np.float64)
        have = np.asarray(got, dtype=np.float64)
    except (TypeError, ValueError):
        return None
    if want.shape != have.shape:
        return None
    return _value_reason(want, have, rtol, atol, rows)


def _value_reason(
    want: np.ndarray, got: np.ndarray, rtol: float, atol: float, rows: int | None
) -> Text | None:
    """Why right-shaped values are wrong, when one rule explains every entry."""
    if want.ndim == 2 and want.shape[0] == want.shape[1] and _close(got.T, want, rtol, atol):
        return tt("code_is_transpose")
    scale = float(np.vdot(want, want))
    if scale == 0.0 or not np.isfinite(got).all():
        return None
    if not got.any():
        return tt("code_all_zero")
    factor = float(np.vdot(want, got)) / scale
    if not _close(got, factor * want, 1e-6, atol) or math.isclose(factor, 1.0, rel_tol=1e-6):
        return None
    if math.isclose(factor, -1.0, rel_tol=1e-6):
        return tt("code_is_negated")
    named = _fraction(factor)
    if rows and rows > 2 and math.isclose(factor, rows, rel_tol=1e-6):
        return tt("code_times_rows", factor=named, rows=rows)
    if rows and rows > 2 and math.isclose(factor, 1 / rows, rel_tol=1e-6):
        return tt("code_over_rows", factor=named, rows=rows)
    if want.size < 2:
        return None  # one number is always some multiple of another: that says nothing
    return tt("code_is_scaled", factor=named)


def _close(got: np.ndarray, want: np.ndarray, rtol: float, atol: float) -> bool:
    return bool(np.allclose(got, want, rtol=rtol, atol=atol))


def _fraction(factor: float) -> str:
    """2, -0.5 -> "−1/2", 1/3 -> "1/3": a factor as a person would name it."""
    near = Fraction(factor).limit_denominator(64)
    if math.isclose(float(near), factor, rel_tol=1e-6):
        text = (
            str(near.numerator) if near.denominator == 1 else f"{near.numerator}/{near.denominator}"
        )
    else:
        text = f"{factor:.4g}"
    return text.replace("-", "−")


def _shape(array: np.ndarray, lang: str = "en") -> str:
    if array.shape == ():
        return "숫자 하나" if lang == "ko" else "a single number"
    return f"{array.shape}" if lang == "ko" else f"shape {array.shape}"


def first_difference(expected: Any, got: Any, rtol: float, atol: float) -> tuple[str, Any, Any]:
    """For named results: the path of the first entry that differs and both its values
    (`("backward.dW1", expected, got)`), or the whole values if the difference is higher up."""
    if isinstance(expected, dict) and isinstance(got, dict) and learner_error(got) is None:
        for key, want in expected.items():
            if key not in got:
                return str(key), want, None
            if compare(want, got[key], rtol, atol) is not None:
                path, inner_want, inner_got = first_difference(want, got[key], rtol, atol)
                return (f"{key}.{path}" if path else str(key)), inner_want, inner_got
    return "", expected, got


def summary(value: Any) -> str:
    """A probe's named results in one line, by shape: `dW1 (3, 5), db1 (5,)`, nested with `;`."""
    if isinstance(value, dict) and learner_error(value) is None:
        parts = []
        for key, item in value.items():
            inner = summary(item)
            parts.append(f"{key}: {inner}" if isinstance(item, dict) else f"{key} {inner}")
        return (
            "; ".join(parts)
            if any(isinstance(v, dict) for v in value.values())
            else ", ".join(parts)
        )
    if learner_error(value) is not None:
        return show(value)
    if isinstance(value, np.ndarray):
        return f"{value.shape}"
    if isinstance(value, tuple | list):
        return f"{type(value).__name__} of {len(value)}"
    return show(value)


def number_text(value: Any) -> str:
    """A number as feedback shows it: six significant digits, nan and inf by name."""
    number = float(value)
    return repr(number) if math.isnan(number) or math.isinf(number) else f"{number:.6g}"


def show(value: Any) -> str:
    """A value as feedback shows it, cut to MAX_SHOWN characters."""
    error = learner_error(value)
    if error is not None:
        text = f"{error.get('type', 'Exception')}: {error.get('message', '')}"
    elif isinstance(value, np.ndarray):
        text = np.array2string(value, precision=4, threshold=12, separator=", ")
        text = f"{text}  (shape {value.shape})" if value.ndim else text
    elif isinstance(value, float):
        text = f"{value:.6g}"
    elif isinstance(value, dict) and all(isinstance(key, str) for key in value):
        text = "{" + ", ".join(f"{key}: {show(item)}" for key, item in value.items()) + "}"
    else:
        text = repr(value)
    return text if len(text) <= MAX_SHOWN else text[: MAX_SHOWN - 3] + "..."
