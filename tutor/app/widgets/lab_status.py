"""The lab's status lines, in the learner's language: where a run is, and how it ended."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING

from tutor.app.text import t
from tutor.app.widgets.lab_results import number
from tutor.engine_text import stop_text

if TYPE_CHECKING:
    from tutor.lab import LabProgress, LabResult

Clock = Callable[[float | None], str]
"""Seconds as the screen shows them (0:07); tests freeze it."""


def metrics_line(logs: dict[str, float], lang: str) -> str:
    """loss 0.1234 · accuracy 0.9500 · val_loss … (those the run has)."""
    parts = []
    for key in ("loss", "accuracy", "val_loss", "val_accuracy"):
        if key in logs:
            parts.append(f"{t('lab.metric_' + key, lang)} {number(logs[key])}")
    return " · ".join(parts)


def running_status(
    stage: str, progress: LabProgress | None, dataset: str, lang: str, clock: Clock
) -> str:
    """Before a run (idle), while loading, and while training, stopping or evaluating."""
    if stage == "idle":
        return t("lab.idle", lang)
    if stage == "loading" or progress is None:
        return t("lab.loading", lang, dataset=dataset)
    line = [
        t("lab.epoch_progress", lang, epoch=progress.epoch, epochs=progress.epochs),
        t("lab.elapsed", lang, time=clock(progress.elapsed)),
        t("lab.eta", lang, time=clock(progress.eta)),
    ]
    text = " · ".join(line)
    metrics = metrics_line(progress.logs, lang)
    if metrics:
        text += "\n" + metrics
    if stage == "stopping":
        text += "\n" + t("lab.stopping", lang)
    elif stage == "evaluating":
        text += "\n" + t("lab.evaluating", lang)
    return text


def final_status(
    result: LabResult | None, error: str | None, lang: str, clock: Clock
) -> tuple[str, bool]:
    """How the last run ended, and whether that is an error (shown in the error colour)."""
    if error is not None:
        return t("lab.failed", lang, error=error), True
    if result is None:
        return t("lab.idle", lang), False
    run = result.run
    progress = run.progress
    if run.outcome == "diverged":
        epoch, value = run.bad_loss or (progress.epoch, math.nan)
        text = t("lab.diverged", lang, epoch=epoch, value=value, lr=run.config.learning_rate)
        said = stop_text(getattr(run.model, "stop_code", None), run.model.stop_info)
        if said is not None:  # the engine's reason, worded in the learner's language
            text += "\n" + said[lang]
        return text, True
    accuracy = number(result.test_accuracy)
    if run.outcome == "stopped":
        text = t(
            "lab.stopped", lang, epoch=progress.epoch, epochs=progress.epochs, accuracy=accuracy
        )
    else:
        text = t(
            "lab.finished",
            lang,
            epochs=progress.epoch,
            time=clock(progress.elapsed),
            accuracy=accuracy,
        )
    metrics = metrics_line(progress.logs, lang)
    return (text + ("\n" + metrics if metrics else "")), False
