"""The lab's settings column: data set, layers, activation, optimizer, learning rate, epochs,
batch size and scaling, with what the chosen data set holds and the network it makes.

Choosing a data set fills in its defaults. `read_config` turns the fields into a `LabConfig`
(raising `tutor.lab.SettingsError`); the Train and Stop buttons and Enter in a field are the
screen's to handle (their messages bubble up).
"""

from __future__ import annotations

import math
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Checkbox, Input, Label, Select, Static

from tutor import datasets
from tutor.app.base import Safe
from tutor.app.text import t
from tutor.app.widgets.settings_form import relabel, settings_problem
from tutor.lab.settings import (
    ACTIVATIONS,
    DEFAULTS,
    GATES,
    IMAGE_DATASETS,
    LAB_DATASETS,
    OPTIMIZERS,
    LabConfig,
    SettingsError,
    count_parameters,
    format_hidden,
    read_hidden,
    read_lab_config,
)

LABELS = {
    "#label-dataset": "lab.dataset",
    "#label-hidden": "lab.hidden_layers",
    "#label-activation": "lab.activation",
    "#label-optimizer": "lab.optimizer",
    "#label-lr": "lab.learning_rate",
    "#label-epochs": "lab.epochs",
    "#label-batch": "lab.batch_size",
}


def short_title(name: str, lang: str) -> str:
    """The data set's title without its parenthesis ("Breast cancer (Wisconsin diagnostic)" ->
    "Breast cancer"): the menu is 30 columns wide; the screen's title line shows it whole."""
    return datasets.describe(name).title[lang].split(" (")[0]


def dataset_options(lang: str) -> list[tuple[str, str]]:
    return [(short_title(name, lang), name) for name in LAB_DATASETS]


class LabSettings(Safe, VerticalScroll):
    """The settings form, starting from the defaults of `dataset`."""

    def __init__(self, dataset: str, lang: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.initial = DEFAULTS[dataset]
        self.lang = lang

    def compose(self) -> ComposeResult:
        config = self.initial

        with Vertical(classes="field-stacked"):  # the names need the column's whole width
            yield Label(id="label-dataset")
            yield Select(
                dataset_options(self.lang),
                value=config.dataset,
                allow_blank=False,
                compact=True,
                id="dataset",
            )
        yield Static(id="dataset-info", markup=False)
        with Horizontal(classes="field"):
            yield Label(id="label-hidden")
            yield Input(format_hidden(config.hidden), compact=True, id="hidden")
        with Horizontal(classes="field"):
            yield Label(id="label-activation")
            yield Select(
                [(name, name) for name in ACTIVATIONS],
                value=config.activation,
                allow_blank=False,
                compact=True,
                id="activation",
            )
        with Horizontal(classes="field"):
            yield Label(id="label-optimizer")
            yield Select(
                [(name, name) for name in OPTIMIZERS],
                value=config.optimizer,
                allow_blank=False,
                compact=True,
                id="optimizer",
            )
        with Horizontal(classes="field"):
            yield Label(id="label-lr")
            yield Input(str(config.learning_rate), compact=True, id="lr")
        with Horizontal(classes="field"):
            yield Label(id="label-epochs")
            yield Input(str(config.epochs), compact=True, id="epochs")
        with Horizontal(classes="field"):
            yield Label(id="label-batch")
            yield Input(str(config.batch_size), compact=True, id="batch")
        yield Checkbox(value=config.scale, compact=True, id="scale")
        yield Static(id="architecture", markup=False)
        with Horizontal(id="lab-buttons"):
            yield Button(variant="primary", compact=True, id="train")
            yield Button(variant="error", compact=True, id="stop", disabled=True)

    # ---- language ---------------------------------------------------------------------------

    def apply_language(self, lang: str) -> None:
        self.lang = lang
        for selector, key in LABELS.items():
            self.query_one(selector, Label).update(t(key, lang))
        self.query_one("#hidden", Input).placeholder = t("lab.hidden_hint", lang)
        self.query_one("#train", Button).label = t("lab.train_button", lang)
        self.query_one("#stop", Button).label = t("lab.stop_button", lang)
        relabel(self.query_one("#dataset", Select), dataset_options(lang))
        self.update_dataset_text()
        self.update_architecture()

    # ---- reading and filling ----------------------------------------------------------------

    @property
    def dataset(self) -> str:
        value = self.query_one("#dataset", Select).value
        return value if isinstance(value, str) else self.initial.dataset

    def _text(self, selector: str) -> str:
        return self.query_one(selector, Input).value.strip()

    def read_config(self) -> LabConfig:
        """The settings as a `LabConfig`; SettingsError names the first field that is wrong."""
        return read_lab_config(
            self.dataset,
            hidden=self._text("#hidden"),
            learning_rate=self._text("#lr"),
            epochs=self._text("#epochs"),
            batch_size=self._text("#batch"),
            activation=str(self.query_one("#activation", Select).value),
            optimizer=str(self.query_one("#optimizer", Select).value),
            scale=self.query_one("#scale", Checkbox).value,
        )

    def fill(self, config: LabConfig) -> None:
        """Put a configuration into the form (used when the data set changes)."""
        self.query_one("#hidden", Input).value = format_hidden(config.hidden)
        self.query_one("#activation", Select).value = config.activation
        self.query_one("#optimizer", Select).value = config.optimizer
        self.query_one("#lr", Input).value = str(config.learning_rate)
        self.query_one("#epochs", Input).value = str(config.epochs)
        self.query_one("#batch", Input).value = str(config.batch_size)
        self.query_one("#scale", Checkbox).value = config.scale

    def set_running(self, running: bool) -> None:
        """Lock the fields while a model trains; only Stop works then."""
        for widget in self.query("Input, Select, #scale"):
            widget.disabled = running
        self.query_one("#train", Button).disabled = running
        self.query_one("#stop", Button).disabled = not running

    # ---- what the choice means --------------------------------------------------------------

    def update_dataset_text(self) -> None:
        name, lang = self.dataset, self.lang
        info = datasets.describe(name)
        if name in GATES:
            rows = t("lab.data_rows_gate", lang)
        else:
            n_train, n_test = info.shapes["x_train"][0], info.shapes["x_test"][0]
            validation = n_train - math.floor(n_train * 0.8)
            rows = t("lab.data_rows", lang, train=n_train, validation=validation, test=n_test)
        self.query_one("#dataset-info", Static).update(rows)
        self.query_one("#dataset", Select).tooltip = info.summary[lang]
        scale_key = "lab.scale_images" if name in IMAGE_DATASETS else "lab.scale_tables"
        self.query_one("#scale", Checkbox).label = t(scale_key, lang)

    def update_architecture(self) -> None:
        info = datasets.describe(self.dataset)
        n_features = math.prod(info.input_shape)
        n_classes = len(info.classes["en"])
        target = self.query_one("#architecture", Static)
        try:
            hidden = read_hidden(self._text("#hidden"))
        except SettingsError as error:
            target.update(settings_problem(error, self.lang))
            return
        sizes = (n_features, *hidden, 1 if n_classes == 2 else n_classes)
        if n_classes == 2:
            output = t("lab.output_sigmoid", self.lang)
        else:
            output = t("lab.output_softmax", self.lang, classes=n_classes)
        target.update(
            t(
                "lab.architecture",
                self.lang,
                sizes="-".join(map(str, sizes)),
                none="" if hidden else t("lab.no_hidden", self.lang),
                params=count_parameters(sizes),
                output=output,
            )
        )

    @on(Select.Changed, "#dataset")
    def _dataset_changed(self) -> None:
        self.fill(DEFAULTS[self.dataset])
        self.update_dataset_text()
        self.update_architecture()

    @on(Input.Changed, "#hidden")
    def _hidden_changed(self) -> None:
        self.update_architecture()
