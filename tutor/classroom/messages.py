"""What the two classroom commands say, in Korean and English."""

from __future__ import annotations

from tutor.i18n import both

EXPORTED = both(
    "답안 {count}개를 {path} 에 묶었어요. 이 파일을 선생님께 보내세요.",
    "Bundled {count} answers into {path}. Send this file to your teacher.",
)
NOTHING_TO_EXPORT = both(
    "아직 제출한 답이 없어요: 빈 묶음을 {path} 에 만들었어요.",
    "No answers yet: wrote an empty bundle to {path}.",
)
CANNOT_WRITE = both("{path} 에 쓸 수 없어요: {reason}", "cannot write {path}: {reason}")
NOT_A_FOLDER = both("{path} 는 폴더가 아니에요.", "{path} is not a folder.")
SKIPPED = both("건너뜀 {name}: {reason}", "skipped {name}: {reason}")
NO_BUNDLES = both(
    "{path} 에서 읽을 수 있는 묶음을 찾지 못했어요.", "no readable bundle found in {path}."
)
CHECKING = both(
    "답안 {count}개 다시 채점 중 (코어 {workers}개)", "regrading {count} answers on {workers} cores"
)
OTHER_COURSE = both("다른 버전의 과정", "another course version")
DISAGREE = both(
    "기록된 판정과 다시 채점한 결과가 다른 묶음: {names}",
    "bundles whose recorded verdicts disagree with the regrade: {names}",
)
WRITTEN = both("{path} 에 저장했어요.", "Written to {path}.")
LAYERS_MISSING = both(
    "참고: 이 시스템에는 샌드박스의 벽 일부가 없어요 ({layers}).",
    "note: this system lacks some of the sandbox's walls ({layers}).",
)
HEADERS = {
    "learner": both("학습자", "learner"),
    "bundle": both("파일", "bundle"),
    "points": both("점수", "points"),
    "percent": both("%", "%"),
    "disagreements": both("불일치", "disagree"),
    "note": both("비고", "note"),
    "exercise": both("연습문제", "exercise"),
    "pass_rate": both("통과율", "pass rate"),
    "attempted": both("시도", "tried"),
}
