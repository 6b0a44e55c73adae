"""A tiny course, written into a temporary folder by `write_course`."""

from __future__ import annotations

import textwrap
from pathlib import Path

COURSE_TOML = """\
title = { ko = "시험 과정", en = "Test course" }

[[part]]
title = { ko = "1부", en = "Part 1" }
lessons = [1]
"""

LESSON_MD = {
    "ko": "# 첫 레슨\n\n## 뉴런\n\n본문.\n\n```python\nprint(1)\n```\n",
    "en": "# First lesson\n\n## Neurons\n\nText.\n\n```python\nprint(1)\n```\n",
}

EXERCISES_TOML = """\
[lesson]
title = { ko = "첫 레슨", en = "First lesson" }
summary = { ko = "요약", en = "Summary" }

[[exercise]]
id = "year"
kind = "numeric"
points = 1
prompt = { ko = "로젠블랫의 퍼셉트론은 몇 년?", en = "Which year was Rosenblatt's perceptron?" }
hints = [{ ko = "1950년대", en = "The 1950s" }, { ko = "1958", en = "1958" }]
solution = "1958"
answer = 1958
abs_tol = 0.5
rel_tol = 0
solution_after = 2

[[exercise]]
id = "who"
kind = "choice"
points = 2
prompt = { ko = "XOR 한계를 보인 사람은?", en = "Who showed the XOR limit?" }
hints = [{ ko = "1969년", en = "1969" }]
solution = "b"
options = [
  { id = "a", ko = "로젠블랫", en = "Rosenblatt" },
  { id = "b", ko = "민스키와 패퍼트", en = "Minsky and Papert" },
  { id = "c", ko = "힌턴", en = "Hinton" },
]
correct = ["b"]

[[exercise.mistake]]
answer = "a"
message = { ko = "로젠블랫은 퍼셉트론을 만든 사람입니다.", en = "Rosenblatt built the perceptron." }

[[exercise]]
id = "term"
kind = "text"
prompt = { ko = "역치를 영어로?", en = "Threshold in Korean?" }
hints = [{ ko = "t로 시작", en = "역" }]
solution = "threshold"
accept = ["threshold", "역치", "임계값"]

[[exercise]]
id = "or-bias"
kind = "weights"
points = 2
prompt = { ko = "OR이 되도록 b를 정하세요.", en = "Set b so that the neuron computes OR." }
hints = [{ ko = "(0,0)만 0", en = "Only (0,0) gives 0" }]
solution = "b=-0.5"
inputs = ["x1", "x2"]
table = [[0, 0, 0], [0, 1, 1], [1, 0, 1], [1, 1, 1]]
fixed = { w1 = 1.0, w2 = 1.0 }
start = { b = 1.0 }
"""


def write_course(
    root: Path,
    exercises: str = EXERCISES_TOML,
    *,
    md: dict[str, str] | None = None,
    folder: str = "01-first",
) -> Path:
    """Write a one-lesson course under `root` and return `root`."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "course.toml").write_text(COURSE_TOML, encoding="utf-8")
    lesson = root / folder
    lesson.mkdir(exist_ok=True)
    for lang, text in (md or LESSON_MD).items():
        (lesson / f"{lang}.md").write_text(text, encoding="utf-8")
    (lesson / "exercises.toml").write_text(textwrap.dedent(exercises), encoding="utf-8")
    return root
