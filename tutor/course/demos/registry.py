"""Every run by name, with what it measures, and `parse_run`, which checks an exercise's run."""

from __future__ import annotations

from typing import Any

from tutor.course.demos import gradients
from tutor.course.demos.base import DemoError, RunSpec, Scenario
from tutor.course.demos.descent import descent, loss
from tutor.course.demos.networks import NETS, gate_nets, shapes, symmetry
from tutor.course.demos.neurons import neuron, perceptron

SCENARIOS: dict[str, Scenario] = {
    s.name: s
    for s in (
        Scenario(
            "neuron",
            neuron,
            {"ones": "number", "wrong": "number", "gate": "outcome", "broken": "outcome"},
        ),
        Scenario(
            "perceptron",
            perceptron,
            {
                "passes": "number",
                "updates": "number",
                "t": "number",
                "w1": "number",
                "w2": "number",
                "first_wrong": "outcome",
                "converged": "outcome",
            },
        ),
        Scenario(
            "gate-nets",
            gate_nets,
            {
                **{
                    f"{v}_{n}{u}": "number"
                    for v in ("loss", "accuracy")
                    for n in NETS
                    for u in ("", *map(str, range(1, 17)))
                },
                "unsolved": "outcome",
            },
        ),
        Scenario(
            "symmetry",
            symmetry,
            {
                "gap": "number",
                "accuracy": "number",
                "gap_random": "number",
                "accuracy_random": "number",
                "units": "outcome",
            },
        ),
        Scenario(
            "shapes",
            shapes,
            {
                "hidden_shape": "outcome",
                "kernel_shape": "outcome",
                "params": "number",
                "accuracy": "number",
            },
        ),
        Scenario(
            "descent",
            descent,
            {"x": "number", "loss": "number", "outcome": "outcome", "crosses": "outcome"},
        ),
        Scenario("loss", loss, {"loss": "number"}),
        Scenario(
            "xor-missing-m",
            gradients.xor_missing_m,
            {"matching_rate": "number", "final_loss": "number"},
        ),
        Scenario("reuse", gradients.reuse, {"da": "number", "db": "number"}),
        Scenario(
            "dense-gradients",
            gradients.dense_gradients,
            {"ratio": "number", "dw1": "number", "dw2": "number", "db": "number"},
        ),
    )
}


def _some(names: list[str]) -> str:
    return ", ".join(names[:12]) + (f", … ({len(names)} in all)" if len(names) > 12 else "")


def parse_run(scenario: Any, params: Any, measure: Any) -> RunSpec:
    """A `RunSpec` from an exercise's `run`, `params` and `measure`, or a DemoError."""
    if scenario not in SCENARIOS:
        raise DemoError(f"`run` must name one of the runs: {', '.join(sorted(SCENARIOS))}")
    found = SCENARIOS[scenario]
    params = params if params is not None else {}
    if not isinstance(params, dict):
        raise DemoError("`params` must be a table of name = value", "params")
    unknown = sorted(set(params) - set(found.defaults()))
    if unknown:
        raise DemoError(
            f"run {scenario!r} has no parameters {unknown}; it takes "
            f"{', '.join(sorted(found.defaults()))}",
            "params",
        )
    if measure not in found.measures:
        raise DemoError(
            f"`measure` must be one of what run {scenario!r} measures: "
            f"{_some(sorted(found.measures))}",
            "measure",
        )
    return RunSpec(scenario, dict(params), str(measure))
