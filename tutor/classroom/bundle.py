"""A learner's answers in one file, for a teacher to grade offline: writing and reading it.

A bundle is UTF-8 JSON:

    {"format": "tutor-bundle", "version": 1,
     "learner": "...", "exported_at": "2026-12-06T21:00:00+00:00", "tutor_version": "0.1.0",
     "course": {"title": "...", "checksum": "sha256:..."},
     "attempts": [{"exercise_id", "lesson_id", "answer", "verdict", "points", "max_points",
                   "created_at", "tutor_version", "duration_s"}, ...],
     "checksum": "sha256:..."}

The course checksum covers every file of the course (lessons, exercises, starters), so a
bundle answered against another version of the course says so. The bundle's own checksum (over
everything else, in canonical JSON) catches a file cut short or edited by hand; it proves no
more than that: the teacher's regrade, never the verdicts recorded here, makes the grade.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tutor.i18n import both

FORMAT = "tutor-bundle"
VERSION = 1
MAX_BYTES = 50_000_000  # a whole course answered many times is well under 5 MB
MAX_ANSWER_CHARS = 200_000
MAX_ATTEMPTS = 2_000
"""More attempts than any learner makes (a diligent one: a few hundred). The cap bounds what one
bundle can cost the teacher: at most MAX_ATTEMPTS checks, each within its exercise's limits."""
_ATTEMPT_FIELDS = {
    "exercise_id": str,
    "lesson_id": str,
    "answer": str,
    "verdict": str,
    "points": (int, float),
    "max_points": (int, float),
    "created_at": str,
    "tutor_version": str,
    "duration_s": (int, float),
}


class BundleError(ValueError):
    """A file that is not a readable bundle: `text` says what is wrong, in both languages
    (`str()` in English)."""

    def __init__(self, text: dict[str, str]) -> None:
        super().__init__(text["en"])
        self.text = text


@dataclass(frozen=True)
class BundledAttempt:
    exercise_id: str
    lesson_id: str
    answer: str
    verdict: str
    points: float
    max_points: float
    created_at: str
    tutor_version: str
    duration_s: float


@dataclass(frozen=True)
class Bundle:
    path: Path
    learner: str
    exported_at: str
    tutor_version: str
    course_title: str
    course_checksum: str
    attempts: tuple[BundledAttempt, ...]


def course_checksum(course_root: Path) -> str:
    """sha256 over every file of the course folder: relative path and bytes, in sorted order."""
    digest = hashlib.sha256()
    for path in sorted(p for p in course_root.rglob("*") if p.is_file()):
        relative = path.relative_to(course_root).as_posix()
        if "__pycache__" in relative or relative.endswith(".pyc"):
            continue
        digest.update(relative.encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return "sha256:" + digest.hexdigest()


def build(
    learner: str, course_title: str, checksum: str, attempts: Iterable[Any], tutor_version: str
) -> dict[str, Any]:
    """The bundle as data, from the progress store's `Attempt`s (oldest first)."""
    body: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "learner": learner,
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "tutor_version": tutor_version,
        "course": {"title": course_title, "checksum": checksum},
        "attempts": [
            {
                "exercise_id": a.exercise_id,
                "lesson_id": a.lesson_id,
                "answer": a.answer,
                "verdict": a.verdict,
                "points": a.points,
                "max_points": a.max_points,
                "created_at": a.created_at.isoformat(),
                "tutor_version": a.tutor_version,
                "duration_s": a.duration_s,
            }
            for a in attempts
        ],
    }
    body["checksum"] = _checksum(body)
    return body


def write(path: Path, bundle: dict[str, Any]) -> None:
    """Write atomically: a bundle is either whole or not there."""
    text = json.dumps(bundle, ensure_ascii=False, indent=1) + "\n"
    partial = path.with_name(path.name + ".partial")
    partial.write_text(text, encoding="utf-8")
    partial.replace(path)


def read(path: Path) -> Bundle:
    """Read and check one bundle; raises BundleError saying what is wrong (never anything else)."""
    try:
        with open(path, "rb") as file:
            raw = file.read(MAX_BYTES + 1)
    except OSError as error:
        raise BundleError(
            both(
                f"읽을 수 없어요: {error.strerror or error}",
                f"cannot be read: {error.strerror or error}",
            )
        ) from None
    if len(raw) > MAX_BYTES:
        raise BundleError(
            both(
                f"{MAX_BYTES // 1_000_000} MB보다 커요: 묶음이 아니에요",
                f"is larger than {MAX_BYTES // 1_000_000} MB: not a bundle",
            )
        )
    if not raw.lstrip().startswith(b"{"):
        raise BundleError(
            both(
                "tutor 묶음이 아니에요 (묶음은 JSON 객체예요)",
                "is not a tutor bundle (a bundle is a JSON object)",
            )
        )
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise BundleError(
            both(
                "텍스트(UTF-8)가 아니에요: tutor 묶음이 아니에요",
                "is not text (UTF-8): not a tutor bundle",
            )
        ) from None
    except (ValueError, RecursionError) as error:
        raise BundleError(
            both(
                f"올바른 JSON이 아니에요 (잘린 파일일까요?): {error}",
                f"is not valid JSON (cut short?): {error}",
            )
        ) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BundleError(
            both(
                'tutor 묶음이 아니에요 ("format": "tutor-bundle" 이 없어요)',
                'is not a tutor bundle (no "format": "tutor-bundle")',
            )
        )
    if data.get("version") != VERSION:
        raise BundleError(
            both(
                f"형식 버전 {data.get('version')!r}의 묶음이에요 ({VERSION}이어야 해요)",
                f"is a bundle of format version {data.get('version')!r}, not {VERSION}",
            )
        )
    if data.get("checksum") != _checksum(data):
        raise BundleError(
            both(
                "체크섬이 맞지 않아요: 잘렸거나 고쳐진 파일이에요",
                "does not match its checksum: it was cut short or changed",
            )
        )
    course = data.get("course")
    if not isinstance(course, dict):
        raise BundleError(both("과정 정보(course)가 없어요", "has no course section"))
    attempts = data.get("attempts")
    if not isinstance(attempts, list):
        raise BundleError(both("제출 목록(attempts)이 없어요", "has no list of attempts"))
    if len(attempts) > MAX_ATTEMPTS:
        raise BundleError(
            both(
                f"제출이 {len(attempts):,}개: 한도 {MAX_ATTEMPTS:,}개보다 많아요",
                f"holds {len(attempts):,} attempts, more than the {MAX_ATTEMPTS:,} a learner makes",
            )
        )
    return Bundle(
        path=path,
        learner=_text(data, "learner") or path.stem,
        exported_at=_text(data, "exported_at"),
        tutor_version=_text(data, "tutor_version"),
        course_title=_text(course, "title"),
        course_checksum=_text(course, "checksum"),
        attempts=tuple(_attempt(item, number) for number, item in enumerate(attempts, 1)),
    )


def _attempt(item: Any, number: int) -> BundledAttempt:
    if not isinstance(item, dict):
        raise BundleError(
            both(f"제출 {number}번이 객체가 아니에요", f"attempt {number} is not an object")
        )
    for name, kind in _ATTEMPT_FIELDS.items():
        value = item.get(name)
        if not isinstance(value, kind) or isinstance(value, bool):
            raise BundleError(
                both(
                    f"제출 {number}번: {name!r} 가 없거나 형식이 틀렸어요",
                    f"attempt {number}: {name!r} is missing or of the wrong type",
                )
            )
    if len(item["answer"]) > MAX_ANSWER_CHARS:
        raise BundleError(
            both(
                f"제출 {number}번: 답이 {MAX_ANSWER_CHARS:,}자보다 길어요",
                f"attempt {number}: the answer is longer than {MAX_ANSWER_CHARS:,}",
            )
        )
    return BundledAttempt(**{name: item[name] for name in _ATTEMPT_FIELDS})


def _text(data: dict[str, Any], key: str) -> str:
    value = data.get(key)
    return value[:200] if isinstance(value, str) else ""


def _checksum(data: dict[str, Any]) -> str:
    body = {key: value for key, value in data.items() if key != "checksum"}
    canonical = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()
