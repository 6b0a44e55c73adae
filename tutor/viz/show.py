"""`tutor show NN` for a lesson with an `inside.toml`: its neuron view and one traced step."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.text import Text

from tutor.viz.lessonnet import LessonNetError, has_inside, load_lesson_net
from tutor.viz.neurontext import neuron_lines
from tutor.viz.steptext import step_lines


def print_inside(console: Console, lesson_path: Path, lang: str) -> None:
    """Print the lesson's neuron view and first traced step, if the lesson has a network."""
    if not has_inside(lesson_path):
        return
    try:
        net = load_lesson_net(lesson_path)
        frame, step = net.frame(), net.step()
    except LessonNetError as error:
        console.print(Text(f"tutor: {error}", style="red"))
        return
    colour = console.color_system is not None
    width = max(60, min(console.width, 120))
    console.rule()
    for line in neuron_lines(frame, lang, colour=colour, width=width):
        console.print(line, overflow="ignore", crop=False, no_wrap=True)
    console.print()
    for line in step_lines(step, lang, width=width):
        console.print(Text(line), overflow="ignore", crop=False, no_wrap=True)
    console.rule()
