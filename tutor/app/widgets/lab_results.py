"""The lab's results tab: test loss and accuracy, the confusion matrix, and test examples (as
pictures for images, as lines for tables)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Static

from tutor import datasets
from tutor.app.text import t
from tutor.app.widgets.digits import DigitGallery, LabelledImage
from tutor.lab import LabData, LabResult


def number(value: float | None, digits: int = 4) -> str:
    """0.1234; "–" when unknown; nan and inf as they are."""
    if value is None:
        return "–"
    if not math.isfinite(value):
        return str(value)
    return f"{value:.{digits}f}"


class LabResults(VerticalScroll):
    """What the last run gives on the test data (or, before one, a line saying so)."""

    def compose(self) -> ComposeResult:
        yield Static(id="result-summary", markup=False)
        yield Static(id="confusion-title", classes="section-title", markup=False)
        yield DataTable(id="confusion", cursor_type="none", zebra_stripes=True)
        yield Static(id="samples-title", classes="section-title", markup=False)
        yield DigitGallery(id="gallery")
        yield Static(id="samples-text", markup=False)

    def show(
        self, result: LabResult | None, data: LabData | None, lang: str, instead: str = ""
    ) -> None:
        """Show a finished run's results; without a confusion matrix, show `instead` (or a line
        saying that results come when training ends)."""
        self.query_one("#confusion-title", Static).update(t("lab.confusion_title", lang))
        summary = self.query_one("#result-summary", Static)
        table = self.query_one("#confusion", DataTable)
        gallery = self.query_one("#gallery", DigitGallery)
        samples_title = self.query_one("#samples-title", Static)
        samples_text = self.query_one("#samples-text", Static)
        has_matrix = result is not None and result.confusion is not None and data is not None
        for widget in (table, samples_title, self.query_one("#confusion-title")):
            widget.display = has_matrix
        gallery.display = has_matrix and data is not None and data.images is not None
        samples_text.display = has_matrix and not gallery.display
        if not has_matrix or result is None or data is None:
            summary.update(instead or t("lab.results_empty", lang))
            table.clear(columns=True)
            gallery.show(())
            return
        summary.update(summary_text(result, lang))
        classes = datasets.describe(data.name).classes[lang]
        fill_confusion(table, result, classes, lang)
        samples_title.update(t("lab.samples_title", lang))
        if data.images is not None:
            gallery.show(
                [
                    LabelledImage(
                        data.images[s.index],
                        t("lab.predicted_short", lang, label=classes[s.predicted]),
                        t("lab.true_short", lang, label=classes[s.true]),
                        s.correct,
                    )
                    for s in result.samples
                ]
            )
        else:
            lines = [
                t(
                    "lab.sample_row",
                    lang,
                    index=s.index,
                    true=classes[s.true],
                    predicted=classes[s.predicted],
                    confidence=s.confidence,
                    mark="✓" if s.correct else "✗",
                )
                for s in result.samples
            ]
            samples_text.update("\n".join(lines))

    def remeasure(self) -> None:
        """Filled while its tab was hidden, the matrix (auto height) must measure itself again."""
        self.query_one("#confusion", DataTable).refresh(layout=True)


def summary_text(result: LabResult, lang: str) -> str:
    """Test loss and accuracy, the last epoch's training and validation accuracy, and a word on
    overfitting when training accuracy is 3 points or more above the test's."""
    total = int(result.confusion.sum()) if result.confusion is not None else 0
    correct = int(result.confusion.trace()) if result.confusion is not None else 0
    lines = [
        t(
            "lab.test_summary",
            lang,
            loss=number(result.test_loss),
            accuracy=number(result.test_accuracy),
            correct=correct,
            total=total,
        ),
    ]
    logs = result.run.progress.logs
    if "accuracy" in logs:
        lines.append(
            t(
                "lab.train_summary",
                lang,
                train=number(logs.get("accuracy")),
                validation=number(logs.get("val_accuracy")),
            )
        )
        gap = (logs["accuracy"] - (result.test_accuracy or 0.0)) * 100
        if gap >= 3:
            lines.append(t("lab.overfitting", lang, gap=f"{gap:.1f}"))
    return "\n".join(lines)


def fill_confusion(
    table: DataTable[Any], result: LabResult, classes: Sequence[str], lang: str
) -> None:
    """One row per true class, one column per predicted class; right answers in green."""
    matrix = result.confusion
    assert matrix is not None
    table.clear(columns=True)
    table.add_column(t("lab.confusion_corner", lang), key="true")
    for label in classes:
        table.add_column(Text(str(label), justify="right"))
    for row, label in enumerate(classes):
        cells: list[object] = [Text(str(label), style="bold")]
        for col in range(len(classes)):
            count = int(matrix[row, col])
            if row == col:
                style = "bold green"
            elif count:
                style = "red"
            else:
                style = "dim"
            cells.append(Text(str(count), style=style, justify="right"))
        table.add_row(*cells)
