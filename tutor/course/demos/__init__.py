"""Short runs of our own engine that settle a prediction: "predict, then run".

A run is trusted course code, named in `exercises.toml` (`run = "perceptron"`) with its
parameters (`params = { targets = [0, 0, 0, 1], alpha = 0.1 }`). Each scenario returns a `Run`:

- `values`: what it measured (a number such as `passes`, or an outcome such as `broken = "01"`),
  which an exercise compares with its recorded answer (and `tutor lint` with the run itself);
- `lines`: what it printed, in both languages;
- `frames`: decision boundaries over the plane (the line of one neuron after each wrong row, the
  XOR boundary of several networks), drawn by the app's `DecisionBoundary` and by `frame_text`.

No Textual here: the CLI and the linter use this module headless.
"""

from tutor.course.demos.base import DemoError, Frame, Run, RunSpec, Scenario
from tutor.course.demos.descent import descent, loss
from tutor.course.demos.networks import gate_nets, shapes, symmetry
from tutor.course.demos.neurons import neuron, perceptron
from tutor.course.demos.registry import SCENARIOS, parse_run
from tutor.course.demos.text import frame_text, run_text

__all__ = [
    "SCENARIOS",
    "DemoError",
    "Frame",
    "Run",
    "RunSpec",
    "Scenario",
    "descent",
    "frame_text",
    "gate_nets",
    "loss",
    "neuron",
    "parse_run",
    "perceptron",
    "run_text",
    "shapes",
    "symmetry",
]
