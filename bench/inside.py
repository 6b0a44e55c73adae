"""The neuron view's cost: frames per second, and what it costs the training loop.

    python bench/inside.py [--seconds 4] [--repeats 3] [--size 120x40]

The playground's largest network (2 inputs, 4 hidden layers of 8 tanh units, 1 sigmoid output;
500 circle points, half for training, batch 10, SGD 0.03) trains in `InsideScreen`, headless
(Textual's test driver at the given size), for `--seconds` each run:

  off   the screen trains with no neuron frames at all (FRAME_INTERVAL set to infinity)
  on    the same with the neuron view live (frames every FRAME_INTERVAL in the training thread)

Runs alternate off/on, `--repeats` times each. Reported: epochs per second of each (median)
and the training cost of the view, 1 − on/off (target ≤ 10 %); the UI thread's own CPU time
per second of training, which is what the view adds (on a busy machine the epoch rates swing,
and waiting for the GIL magnifies the cost); frames drawn per second while training (target
≥ 5); the time to build one frame (`neuron_frame`) and to paint it (`NeuronView._build_strips`);
and how long a key (→, the neuron cursor) takes to be handled while training runs (target:
at once, well under 0.1 s).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np

from tutor import datasets
from tutor.app.screens import inside as inside_module
from tutor.app.screens.inside import InsideScreen, InsideSource
from tutor.app.widgets.neurons import NeuronView
from tutor.engine import Dense, Sequential, optimizers, set_seed
from tutor.viz.neurons import neuron_frame


def playground_source() -> InsideSource:
    (x, y), _ = datasets.playground("circle", n_samples=500, noise=0.0, test_ratio=0.5, seed=0)
    set_seed(0)
    model = Sequential([Dense(8, activation="tanh", input_shape=(2,))])
    for _ in range(3):
        model.add(Dense(8, activation="tanh"))
    model.add(Dense(1, activation="sigmoid"))
    model.compile(optimizer=optimizers.SGD(learning_rate=0.03), loss="binary_crossentropy")
    return InsideSource(model, x, y, (-6.0, 6.0, -6.0, 6.0), batch_size=10, title="bench")


async def one_run(live: bool, seconds: float, size: tuple[int, int]) -> dict[str, float]:
    from textual.app import App
    from textual.reactive import reactive

    class Harness(App):
        lang = reactive("en")

        def on_mount(self) -> None:
            self.push_screen(InsideScreen(playground_source()))

    inside_module.FRAME_INTERVAL = 0.15 if live else float("inf")
    app = Harness()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, InsideScreen)
        view = screen.query_one(NeuronView)
        await asyncio.sleep(0.3)
        frames0 = view.frames_painted
        app.simulate_key("space")
        await asyncio.sleep(0.2)
        epoch0, start, cpu0 = screen.epoch, time.perf_counter(), time.thread_time()
        latencies = []
        while time.perf_counter() - start < seconds:
            await asyncio.sleep(0.5)
            before = view.cursor
            pressed = time.perf_counter()
            app.simulate_key("right" if before[0] < 2 else "left")
            while view.cursor == before and time.perf_counter() - pressed < 2:
                await asyncio.sleep(0.001)
            latencies.append(time.perf_counter() - pressed)
        elapsed = time.perf_counter() - start
        ui_cpu = time.thread_time() - cpu0
        epochs = screen.epoch - epoch0
        frames = view.frames_painted - frames0
        app.simulate_key("space")
        await screen.workers.wait_for_complete()
        paint = []
        for _ in range(20):
            view._strips = None
            t0 = time.perf_counter()
            view._build_strips()
            paint.append(time.perf_counter() - t0)
    return {
        "epochs_per_s": epochs / elapsed,
        "frames_per_s": frames / elapsed,
        "key_s": max(latencies) if latencies else float("nan"),
        "key_median_s": statistics.median(latencies) if latencies else float("nan"),
        "ui_cpu": ui_cpu / elapsed,
        "paint_s": statistics.median(paint),
        "side": view.side,
    }


def frame_cost(repeats: int = 200) -> float:
    source = playground_source()
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        neuron_frame(source.model, source.bounds, 16, data=source.x)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=4.0)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--size", default="120x40")
    args = parser.parse_args()
    size = tuple(int(v) for v in args.size.split("x"))
    print(f"python {sys.version.split()[0]}, numpy {np.__version__}, {os.cpu_count()} cores")
    print(f"neuron_frame, 4 x 8 tanh, 16 x 16 grid + 250 points: {frame_cost() * 1e3:.2f} ms")
    off, on = [], []
    for _ in range(args.repeats):
        off.append(asyncio.run(one_run(False, args.seconds, size)))
        on.append(asyncio.run(one_run(True, args.seconds, size)))
    e_off = statistics.median(r["epochs_per_s"] for r in off)
    e_on = statistics.median(r["epochs_per_s"] for r in on)
    runs_off = ", ".join(f"{r['epochs_per_s']:.1f}" for r in off)
    runs_on = ", ".join(f"{r['epochs_per_s']:.1f}" for r in on)
    print(f"epochs/s without the view: {e_off:.1f}  ({runs_off})")
    print(f"epochs/s with the view:    {e_on:.1f}  ({runs_on})")
    pairs = [1 - b["epochs_per_s"] / a["epochs_per_s"] for a, b in zip(off, on, strict=True)]
    print(
        f"training cost of the view: {100 * statistics.median(pairs):.1f} %, median of the "
        f"back-to-back pairs ({', '.join(f'{100 * p:.0f}' for p in pairs)} %; target <= 10 %)"
    )
    ui_off = statistics.median(r["ui_cpu"] for r in off)
    ui_on = statistics.median(r["ui_cpu"] for r in on)
    print(f"UI thread CPU per second of training: {ui_off:.3f} s without, {ui_on:.3f} s with")
    fps = statistics.median(r["frames_per_s"] for r in on)
    print(f"frames painted per second while training: {fps:.1f}  (target >= 5)")
    print(
        f"painting one frame ({on[0]['side']} px pictures at {args.size}): "
        f"{statistics.median(r['paint_s'] for r in on) * 1e3:.2f} ms"
    )
    key = max(r["key_s"] for r in on)
    typical = statistics.median(r["key_median_s"] for r in on)
    print(
        f"key (cursor move) while training: median {typical * 1e3:.0f} ms, "
        f"slowest {key * 1e3:.0f} ms"
    )


if __name__ == "__main__":
    main()
