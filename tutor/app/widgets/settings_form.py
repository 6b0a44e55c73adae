"""Helpers for the settings forms of the lab and the playground."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from textual.widgets import Select

from tutor.app.text import t
from tutor.lab.settings import SettingsError


def settings_problem(error: SettingsError, lang: str) -> str:
    """What is wrong with a typed setting, in the learner's words."""
    if error.expected == "units":
        return t("lab.bad_hidden", lang, value=error.value)
    if error.expected == "positive":
        expected = t("lab.positive_number", lang)
    else:
        expected = t("lab.whole_number", lang, low=error.low, high=f"{error.high:,}")
        if error.expected == "small_layers":
            expected = f"{error.layers} × ({expected})"
    field = t(f"lab.{error.field}", lang)
    return t("lab.bad_number", lang, field=field, expected=expected, value=error.value)


def relabel(select: Select[Any], options: Sequence[tuple[str, Any]]) -> None:
    """New option labels, same value (and no Changed message: nothing really changed)."""
    current = select.value
    others = [value for _, value in options if value != current]
    with select.prevent(Select.Changed):
        select.set_options(options)
        # set_options picks the first option; going through another one makes the shown label
        # follow even when the first option is the current one.
        if others:
            select.value = others[0]
        select.value = current
