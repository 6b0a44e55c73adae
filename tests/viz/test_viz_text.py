"""The headless inside views: neuron pictures and one step as text, from the engine's numbers."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

from tutor.cli import main
from tutor.engine import Dense, Sequential, optimizers, set_seed, trace_step
from tutor.viz.lessonnet import load_lesson_net
from tutor.viz.neurons import MAX_DRAWN_NEURONS, neuron_frame, shade
from tutor.viz.neurontext import neuron_lines, neuron_text
from tutor.viz.steptext import is_small, largest_changes, step_text
from tutor.viz.words import WORDS

LESSONS = Path(__file__).resolve().parents[2] / "lessons"
L08 = LESSONS / "08-layers-and-shapes"
L09 = LESSONS / "09-backpropagation"


@pytest.mark.parametrize("key", sorted(WORDS))
def test_every_word_exists_in_both_languages(key: str) -> None:
    text = WORDS[key]
    assert text["ko"] and text["en"]
    assert set(re.findall(r"{(\w+)", text["ko"])) == set(re.findall(r"{(\w+)", text["en"]))


def test_hidden_neuron_pictures_are_the_engines_outputs() -> None:
    net = load_lesson_net(L08)
    frame = net.frame(side=8)
    h = frame.layers[0].grids  # (2, 8, 8), row 0 at the top
    x1, x2 = np.meshgrid(-0.5 + (np.arange(8) + 0.5) / 4, 1.5 - (np.arange(8) + 0.5) / 4)
    np.testing.assert_allclose(h[0], np.maximum(x1 + x2, 0), atol=1e-6)
    np.testing.assert_allclose(h[1], np.maximum(x1 + x2 - 1, 0), atol=1e-6)
    points = np.column_stack([x1.ravel(), x2.ravel()])
    np.testing.assert_allclose(
        frame.layers[1].grids[0].ravel(), net.model.predict(points).ravel(), atol=1e-6
    )
    assert list(frame.layers[0].high) == [2.0, 1.0]


def test_dead_relus_are_found_and_marked() -> None:
    net = load_lesson_net(L09)
    frame = net.frame()
    assert list(np.flatnonzero(frame.layers[0].dead)) == [0, 3, 6]
    text = neuron_text(frame, "en")
    assert text.count("✗ dead ReLU") == 3
    assert "h1 ✗" in text and "h2 ✗" not in text
    assert "죽은 ReLU" in neuron_text(frame, "ko")


def test_plain_maps_use_plain_characters_and_colour_uses_half_blocks() -> None:
    frame = load_lesson_net(L08).frame()
    plain = neuron_text(frame, "en")
    assert "▀" not in plain and "#" in plain
    coloured = neuron_lines(frame, "en", colour=True)
    assert any("▀" in str(line) for line in coloured)
    assert any(span.style for line in coloured for span in line.spans)


def test_shades_keep_sign_and_scale() -> None:
    levels = shade(np.array([-2.0, -1.0, 0.0, 0.5, 1.0, 2.0, np.nan]))
    assert list(levels) == [-12, -6, 0, 3, 6, 12, 0]


def big_net(units: int = 8, layers: int = 4) -> Sequential:
    set_seed(1)
    model = Sequential([Dense(units, activation="relu", input_shape=(2,))])
    for _ in range(layers - 1):
        model.add(Dense(units, activation="relu"))
    model.add(Dense(1, activation="sigmoid"))
    model.compile(optimizer="adam", loss="binary_crossentropy")
    return model


def test_a_network_too_large_to_draw_is_summarised_with_a_note() -> None:
    model = big_net(units=16, layers=4)
    frame = neuron_frame(model, side=8)
    assert frame.neurons > MAX_DRAWN_NEURONS and not frame.drawable
    text = neuron_text(frame, "en")
    assert "too many to draw" in text and "▀" not in text and "Layer 4" in text
    assert "뉴런이 65개라" in neuron_text(frame, "ko")


def test_the_playgrounds_largest_net_is_drawn() -> None:
    frame = neuron_frame(big_net(), side=12, data=np.random.default_rng(0).normal(size=(50, 2)))
    assert frame.drawable and frame.layers[3].grids.shape == (8, 12, 12)
    assert "h4.8" in neuron_text(frame, "en")


def test_a_small_step_is_shown_whole_with_the_traced_numbers() -> None:
    step = load_lesson_net(L09).step()
    assert is_small(step)
    text = step_text(step, "en")
    assert f"binary_crossentropy = {step.loss:.4g}" in text
    for label in ("dL/da", "dL/dz", "dL/dW", "dL/db", "ΔW", "Δb"):
        assert label in text
    where, delta, grad = largest_changes(step)[0]
    flat = np.concatenate([np.abs(layer.update_W).ravel() for layer in step.layers])
    assert abs(delta) == pytest.approx(flat.max())
    assert where.endswith("W[1,7] x2→h8")  # h8: on only at (0, 1), outgoing weight 0.45
    assert f"{delta:.4g}" in text and f"{grad:.4g}" in text
    assert "학습 1번째 걸음" in step_text(step, "ko")


def test_a_large_step_is_summarised() -> None:
    model = big_net()
    x = np.random.default_rng(0).normal(size=(32, 2))
    step = trace_step(model, x, (x[:, 0] > 0).astype(float))
    assert not is_small(step)
    text = step_text(step, "en")
    assert "in summary" in text and "‖·‖" in text and "…]" in text
    assert len(text.splitlines()) < 80


def test_a_diverging_step_is_shown_as_such() -> None:
    set_seed(0)
    model = Sequential([Dense(2, activation="linear", input_shape=(2,)), Dense(1)])
    model.compile(optimizer=optimizers.SGD(learning_rate=1e38), loss="mse")
    x = np.array([[100.0, 100.0], [-100.0, 50.0]])
    step = trace_step(model, x, np.array([1e6, -1e6]))
    text = step_text(step, "en")
    assert "⚠ Step 1 produced inf/NaN" in text and "inf" in text
    model.set_weights([w * 1e30 for w in model.get_weights()])
    stopped = step_text(trace_step(model, x * 1e10, np.array([1.0, 0.0])), "ko")
    assert "역전파와 갱신을 하지 않았습니다" in stopped


def test_tutor_show_prints_the_inside_of_lessons_that_have_it(capsys, monkeypatch) -> None:
    monkeypatch.setenv("TUTOR_COURSE", str(LESSONS))
    assert main(["--lang", "en", "show", "9"]) == 0
    out = capsys.readouterr().out
    assert "Neuron view" in out and "dead ReLU" in out and "Largest changes" in out
    assert main(["--lang", "ko", "show", "2"]) == 0
    assert "뉴런 보기" not in capsys.readouterr().out
