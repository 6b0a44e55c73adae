"""The playground's settings column: data, noise, test ratio, hidden layers, activation, learning
rate and speed, the network they make, the Start and Reset buttons and the loss curve.

Changing a setting is the screen's business (a new network); this widget only lays the fields out,
words them, and reads them back (`read_config`, `read_hidden`, raising `SettingsError`).
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Label, Select, Static

from tutor.app.base import Safe
from tutor.app.text import t
from tutor.app.widgets.plot import PlotextPlot
from tutor.app.widgets.settings_form import relabel, settings_problem
from tutor.lab.settings import (
    ACTIVATIONS,
    PLAYGROUND_DATASETS,
    PLAYGROUND_LEARNING_RATES,
    PLAYGROUND_MAX_LAYERS,
    PLAYGROUND_MAX_UNITS,
    PLAYGROUND_NOISE,
    PLAYGROUND_SPEEDS,
    PLAYGROUND_TEST_RATIOS,
    PlaygroundConfig,
    SettingsError,
    count_parameters,
    format_hidden,
    read_hidden,
)

DEFAULT_SPEED = 30

LABELS = {
    "#pg-label-dataset": "lab.pg_dataset",
    "#pg-label-noise": "lab.noise",
    "#pg-label-ratio": "lab.test_ratio",
    "#pg-label-hidden": "lab.hidden_layers",
    "#pg-label-activation": "lab.activation",
    "#pg-label-lr": "lab.learning_rate",
    "#pg-label-speed": "lab.speed",
}


def dataset_options(lang: str) -> list[tuple[str, str]]:
    return [(t(f"lab.pg_{name}", lang), name) for name in PLAYGROUND_DATASETS]


def speed_options(lang: str) -> list[tuple[str, int]]:
    return [
        (t("lab.speed_value", lang, count=s) if s else t("lab.speed_max", lang), s)
        for s in PLAYGROUND_SPEEDS
    ]


class PlaygroundSettings(Safe, VerticalScroll):
    """The settings form, starting from `config`."""

    def __init__(self, config: PlaygroundConfig, lang: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.initial = config
        self.lang = lang

    def compose(self) -> ComposeResult:
        config, lang = self.initial, self.lang

        def choice(label: str, options: list[tuple[str, Any]], value: Any, id: str) -> Horizontal:
            select = Select(options, value=value, allow_blank=False, compact=True, id=id)
            return Horizontal(Label(id=label), select, classes="field")

        yield choice("pg-label-dataset", dataset_options(lang), config.dataset, "pg-dataset")
        noise = [(f"{n:g}", n) for n in PLAYGROUND_NOISE]
        yield choice("pg-label-noise", noise, config.noise, "pg-noise")
        ratios = [(f"{r:.0%}", r) for r in PLAYGROUND_TEST_RATIOS]
        yield choice("pg-label-ratio", ratios, config.test_ratio, "pg-ratio")
        hidden = Input(format_hidden(config.hidden), compact=True, id="pg-hidden")
        yield Horizontal(Label(id="pg-label-hidden"), hidden, classes="field")
        activations = [(a, a) for a in ACTIVATIONS]
        yield choice("pg-label-activation", activations, config.activation, "pg-activation")
        rates = [(f"{r:g}", r) for r in PLAYGROUND_LEARNING_RATES]
        yield choice("pg-label-lr", rates, config.learning_rate, "pg-lr")
        yield choice("pg-label-speed", speed_options(lang), DEFAULT_SPEED, "pg-speed")
        yield Static(id="pg-architecture", markup=False)
        yield Horizontal(
            Button(variant="primary", compact=True, id="pg-start"),
            Button(compact=True, id="pg-reset"),
            id="pg-buttons",
        )
        yield PlotextPlot(id="pg-loss")

    def apply_language(self, lang: str) -> None:
        self.lang = lang
        for selector, key in LABELS.items():
            self.query_one(selector, Label).update(t(key, lang))
        relabel(self.query_one("#pg-dataset", Select), dataset_options(lang))
        relabel(self.query_one("#pg-speed", Select), speed_options(lang))
        self.query_one("#pg-hidden", Input).placeholder = t("lab.hidden_hint", lang)
        self.query_one("#pg-reset", Button).label = t("lab.reset_button", lang)
        self.update_architecture()

    def show_running(self, running: bool) -> None:
        key = "lab.pause_button" if running else "lab.start_button"
        self.query_one("#pg-start", Button).label = t(key, self.lang)

    # ---- reading ----------------------------------------------------------------------------

    def read_hidden(self) -> tuple[int, ...]:
        """The hidden layers typed by the learner; SettingsError if unusable."""
        text = self.query_one("#pg-hidden", Input).value
        return read_hidden(text, PLAYGROUND_MAX_LAYERS, PLAYGROUND_MAX_UNITS)

    def read_config(self) -> PlaygroundConfig:
        def value(selector: str) -> Any:
            return self.query_one(selector, Select).value

        return PlaygroundConfig(
            dataset=str(value("#pg-dataset")),
            noise=float(value("#pg-noise")),
            test_ratio=float(value("#pg-ratio")),
            hidden=self.read_hidden(),
            activation=str(value("#pg-activation")),
            learning_rate=float(value("#pg-lr")),
        )

    def update_architecture(self) -> None:
        target = self.query_one("#pg-architecture", Static)
        try:
            hidden = self.read_hidden()
        except SettingsError as error:
            target.update(settings_problem(error, self.lang))
            return
        sizes = (2, *hidden, 1)
        target.update(
            t(
                "lab.architecture",
                self.lang,
                sizes="-".join(map(str, sizes)),
                none="" if hidden else t("lab.no_hidden", self.lang),
                params=count_parameters(sizes),
                output=t("lab.output_sigmoid", self.lang),
            )
        )
