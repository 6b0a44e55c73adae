"""What a finished lab run shows: test loss and accuracy, a confusion matrix, sample answers."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from tutor.lab.data import LabData
from tutor.lab.training import LabRun


@dataclass(frozen=True)
class Sample:
    """One test example with the model's answer."""

    index: int
    true: int
    predicted: int
    confidence: float
    """The probability the model gave its answer."""

    @property
    def correct(self) -> bool:
        return self.true == self.predicted


@dataclass(frozen=True)
class LabResult:
    run: LabRun
    test_loss: float | None
    test_accuracy: float | None
    confusion: np.ndarray | None
    """confusion[true, predicted] counts test examples."""
    samples: tuple[Sample, ...] = field(default_factory=tuple)


def confusion_matrix(y_true: np.ndarray, y_pred: np.ndarray, n_classes: int) -> np.ndarray:
    """Counts of (true class, predicted class) pairs: rows are true, columns predicted."""
    matrix = np.zeros((n_classes, n_classes), dtype=np.int64)
    np.add.at(matrix, (y_true, y_pred), 1)
    return matrix


def predicted_classes(outputs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(class, confidence) per row: threshold 0.5 for one sigmoid unit, else the largest."""
    if outputs.shape[1] == 1:
        p = outputs[:, 0]
        classes = (p >= 0.5).astype(np.int64)
        return classes, np.where(classes == 1, p, 1.0 - p)
    classes = outputs.argmax(axis=1)
    return classes, outputs[np.arange(len(outputs)), classes]


def pick_samples(y_true: np.ndarray, y_pred: np.ndarray, confidence: np.ndarray, count: int = 8):
    """Test examples in order: up to half of `count` mistakes (each of a different kind, true
    class -> predicted class, while there are such), the rest the first right answers."""
    wrong: list[int] = []
    kinds: set[tuple[int, int]] = set()
    for i in np.flatnonzero(y_true != y_pred).tolist():
        kind = (int(y_true[i]), int(y_pred[i]))
        if kind not in kinds:
            kinds.add(kind)
            wrong.append(i)
        if len(wrong) == count // 2:
            break
    right = np.flatnonzero(y_true == y_pred)[: count - len(wrong)].tolist()
    chosen = sorted({*wrong, *right})
    return tuple(
        Sample(i, int(y_true[i]), int(y_pred[i]), float(confidence[i])) for i in chosen[:count]
    )


def evaluate_lab(run: LabRun, data: LabData, samples: int = 8) -> LabResult:
    """Test loss and accuracy, the confusion matrix and a few sample predictions.

    A diverged run has no meaningful test numbers: they stay None.
    """
    if run.outcome == "diverged":
        return LabResult(run, None, None, None)
    with np.errstate(all="ignore"):
        loss, accuracy = run.model.evaluate(data.x_test, data.y_test, batch_size=1024)
        outputs = run.model.predict(data.x_test, batch_size=1024)
    classes, confidence = predicted_classes(outputs)
    matrix = confusion_matrix(data.y_test, classes, data.n_classes)
    chosen = pick_samples(data.y_test, classes, confidence, samples)
    return LabResult(run, float(loss), float(accuracy), matrix, chosen)
