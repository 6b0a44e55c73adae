"""The training lab and the playground without any UI: settings, data, training runs, results.

The app's lab and playground screens run these in thread workers; nothing here imports Textual
(`tests/test_architecture.py` checks), so the same runs work from a script or a test:

    from tutor.lab import DEFAULTS, evaluate_lab, load_lab_data, train_lab
    data = load_lab_data("digits")
    run = train_lab(DEFAULTS["digits"], data, report=print, should_stop=lambda: False)
    print(evaluate_lab(run, data).test_accuracy)
"""

from __future__ import annotations

from tutor.lab.data import LabData, load_lab_data
from tutor.lab.playground import PlaygroundProgress, PlaygroundSession, grid_points
from tutor.lab.results import LabResult, Sample, evaluate_lab
from tutor.lab.settings import (
    DEFAULTS,
    LabConfig,
    PlaygroundConfig,
    SettingsError,
    count_parameters,
    format_hidden,
    parse_hidden,
    read_hidden,
    read_lab_config,
)
from tutor.lab.training import LabProgress, LabRun, LiveReport, train_lab

__all__ = [
    "DEFAULTS",
    "LabConfig",
    "LabData",
    "LabProgress",
    "LabResult",
    "LabRun",
    "LiveReport",
    "PlaygroundConfig",
    "PlaygroundProgress",
    "PlaygroundSession",
    "Sample",
    "SettingsError",
    "count_parameters",
    "evaluate_lab",
    "format_hidden",
    "grid_points",
    "load_lab_data",
    "parse_hidden",
    "read_hidden",
    "read_lab_config",
    "train_lab",
]
