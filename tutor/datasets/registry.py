"""One door to every data set: `names()`, `describe(name)`, `load(name, **options)`."""

from __future__ import annotations

from collections.abc import Callable

from tutor.datasets import files
from tutor.datasets.catalog import CATALOG, DatasetInfo
from tutor.datasets.errors import DatasetError, choices
from tutor.datasets.generators import gate, playground, storm
from tutor.datasets.preprocessing import Split

KINDS = ("table", "file", "playground")

_FILE_LOADERS: dict[str, Callable[[], Split]] = {
    "exam_scores": files.exam_scores,
    "pima": files.pima,
    "breast_cancer": files.breast_cancer,
    "digits": files.digits,
    "mnist": files.mnist,
}


def names(kind: str | None = None) -> tuple[str, ...]:
    """Every data set `load` knows, in the order the course meets them.

    kind: "table" (logic gates and the storm table), "file" (real data shipped with tutor) or
    "playground" (TensorFlow Playground's point clouds); None lists them all.
    """
    if kind is not None and kind not in KINDS:
        raise DatasetError(f"There is no kind {kind!r}: expected {choices(KINDS)} (or None).")
    return tuple(name for name, info in CATALOG.items() if kind in (None, info.kind))


def _resolve(name: object) -> DatasetInfo:
    if not isinstance(name, str):
        raise DatasetError(f"A data set name is a string such as 'pima', got {name!r}.")
    key = name.strip().lower().replace("-", "_").replace(" ", "_")
    if key in CATALOG:
        return CATALOG[key]
    import difflib  # only on this error path, to keep `import tutor.datasets` light

    close = difflib.get_close_matches(key, list(CATALOG), n=1)
    hint = f" Did you mean {close[0]!r}?" if close else ""
    raise DatasetError(f"There is no data set {name!r}.{hint} Data sets: {', '.join(CATALOG)}.")


def describe(name: str) -> DatasetInfo:
    """The card of one data set: title, summary, features, classes, shapes, source (ko and en)."""
    return _resolve(name)


def _check_options(info: DatasetInfo, options: dict[str, object]) -> None:
    unknown = sorted(set(options) - set(info.options))
    if not unknown:
        return
    given = ", ".join(unknown)
    if info.name == "xor" and set(unknown) <= set(CATALOG["circle"].options):
        raise DatasetError(
            f"'xor' is the 4-row logic gate and takes no options (got {given}). For "
            "TensorFlow Playground's XOR cloud of points use load('playground_xor', ...)."
        )
    if not info.options:
        raise DatasetError(f"load({info.name!r}) takes no options, got {given}.")
    raise DatasetError(
        f"load({info.name!r}) does not know the option {given}: expected {choices(info.options)}."
    )


def load(name: str, **options: object) -> Split:
    """Load a data set as `(x_train, y_train), (x_test, y_test)`, like `keras.datasets`.

    Features are float32 (MNIST: uint8 images, as in Keras), labels integers. Every call returns
    new arrays that the caller may change freely. `names()` lists what exists, `describe(name)`
    explains one.

    - Real data: "exam_scores", "pima", "breast_cancer", "digits", "mnist" (no options).
    - Truth tables: "and", "or", "nand", "xor", and "storm" (options `all_ones`, `targets`). The
      same four rows come back as both the training and the test part.
    - Playground: "circle", "playground_xor", "gauss", "spiral" (options `n_samples`, `noise`,
      `test_ratio`, `seed`; see `playground`).
    """
    info = _resolve(name)
    _check_options(info, options)
    if info.kind == "file":
        return _FILE_LOADERS[info.name]()
    if info.kind == "playground":
        base = info.name.removeprefix("playground_")
        return playground(base, **options)  # type: ignore[arg-type]
    x, y = storm(**options) if info.name == "storm" else gate(info.name)  # type: ignore[arg-type]
    return (x, y), (x.copy(), y.copy())
