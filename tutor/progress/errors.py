"""Errors the progress store raises for problems a learner can meet (a locked or unreadable file).

Each carries its message in both languages, `{"ko": ..., "en": ...}`, for the app and CLI to show.
Mistakes in the calling code (a negative score, an unknown event kind) raise ValueError instead.
"""

from __future__ import annotations

from pathlib import Path


class ProgressError(Exception):
    """The progress file could not be opened or written. `message` is bilingual."""

    def __init__(self, message: dict[str, str], path: Path | None = None) -> None:
        super().__init__(message["en"])
        self.message = message
        self.path = path


class NewerProgressFileError(ProgressError):
    """The file was written by a newer tutor: it is left exactly as it is."""


def cannot_open(path: Path, reason: str) -> ProgressError:
    return ProgressError(
        {
            "ko": f"진행 기록 파일 {path} 을(를) 열 수 없습니다: {reason}. "
            "폴더가 있고 쓰기 권한이 있는지 확인하세요 (다른 위치를 쓰려면 TUTOR_HOME 설정).",
            "en": f"Cannot open the progress file {path}: {reason}. "
            "Check that its folder exists and is writable (set TUTOR_HOME to use another one).",
        },
        path,
    )


def home_is_a_file(home: Path) -> ProgressError:
    """The learner's folder (`$TUTOR_HOME`, or one of its parents) is a file."""
    return ProgressError(
        {
            "ko": f"{home} 은(는) 폴더가 아니라 파일입니다. tutor는 진행 기록을 폴더 안에 "
            "저장합니다. TUTOR_HOME을 폴더로 바꾸거나 (예: export TUTOR_HOME=~/.tutor) "
            "그 파일을 옮기세요.",
            "en": f"{home} is a file, not a folder. tutor keeps your progress in a folder: point "
            "TUTOR_HOME at a folder (e.g. export TUTOR_HOME=~/.tutor) or move that file away.",
        },
        home,
    )


def cannot_write(path: Path, reason: str) -> ProgressError:
    return ProgressError(
        {
            "ko": f"진행 기록을 {path} 에 저장하지 못했습니다: {reason}. "
            "다른 tutor 창이 파일을 붙잡고 있거나 디스크가 가득 찼을 수 있습니다.",
            "en": f"Could not save progress to {path}: {reason}. "
            "Another tutor window may be holding the file, or the disk may be full.",
        },
        path,
    )


def newer_file(path: Path, found: int, known: int) -> NewerProgressFileError:
    return NewerProgressFileError(
        {
            "ko": f"진행 기록 파일 {path} 은(는) 더 새로운 tutor가 만든 것입니다 "
            f"(스키마 버전 {found}, 이 tutor는 {known}까지 압니다). 파일은 건드리지 않았습니다. "
            "tutor를 업그레이드하세요: pip install -U tutor",
            "en": f"The progress file {path} was written by a newer tutor "
            f"(schema version {found}; this tutor knows up to {known}). It was left untouched. "
            "Upgrade tutor: pip install -U tutor",
        },
        path,
    )
