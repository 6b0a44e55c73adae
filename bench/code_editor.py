"""The first code exercise's editor: how long it takes to show, in a fresh process.

    python bench/code_editor.py [--repeats 3] [--no-prewarm]

Each repeat starts a fresh Python (so nothing is cached), runs the app through the pilot with the
real course, waits for the course map, opens the first lesson with a code exercise and shows that
exercise, and times from asking for the exercise to the first paint with the editor's text in it
(its first line rendered). With the grammar pre-warmed (the app's default, in a thread once the
course is loaded), the editor should show at once; `--no-prewarm` shows the cost it hides.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile

CHILD = r"""
import asyncio, os, sys, time
from tutor.app.app import TutorApp
from tutor.app.widgets.exercises.code import CodeEditor
from tutor.app.widgets.exercises.panel import ExercisePanel
from tutor.course import load_course
from tutor.progress import open_store

async def main():
    with open_store() as store:
        store.ui.welcome_shown = True
        course = load_course()
        if os.environ.get("NO_PREWARM"):
            TutorApp.prewarm_editor = lambda self: None
        app = TutorApp(store, lang="ko", course=course)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            await app.workers.wait_for_complete()
            lesson = next(l for l in course.lessons if any(e.kind == "code" for e in l.exercises))
            await app.open_lesson(lesson.id)
            while app.screen.painted_at is None:
                await asyncio.sleep(0.001)
            await pilot.pause()
            panel = app.screen.query_one(ExercisePanel)
            index = [e.kind for e in panel.exercises].index("code")
            started = time.monotonic()
            panel.show(index)
            done = asyncio.Event()
            def painted():
                done.set()
            while not panel.view(index).query(CodeEditor):
                await asyncio.sleep(0.001)
            editor = panel.view(index).query_one(CodeEditor)
            while not editor.size.height or not editor.render_line(0).text.strip():
                await asyncio.sleep(0.001)
            app.call_after_refresh(painted)
            await done.wait()
            print(time.monotonic() - started)

asyncio.run(main())
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    results: dict[str, list[float]] = {"prewarmed": [], "not prewarmed": []}
    for _ in range(args.repeats):
        for name in results:
            env = {**os.environ, "TUTOR_HOME": tempfile.mkdtemp(prefix="tutor-bench-code-")}
            if name == "not prewarmed":
                env["NO_PREWARM"] = "1"
            out = subprocess.run(
                [sys.executable, "-c", CHILD], env=env, capture_output=True, text=True, check=True
            )
            results[name].append(float(out.stdout.split()[-1]))
    load = os.getloadavg()[0]
    print(f"load average {load:.1f}; first code editor, show to painted text, {args.repeats} runs")
    for name, values in results.items():
        print(f"  {name:14s} median {statistics.median(values):.3f} s  (max {max(values):.3f})")


if __name__ == "__main__":
    main()
