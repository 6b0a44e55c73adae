"""Every sentence the app itself shows, in Korean and English: the app's one text system.

Same shape as `tutor.i18n.MESSAGES`; `t()` looks here first and falls back to the core messages,
so the app can use both with one call. Key descriptions for the footer and the help screen live
under `key.<action>`. The lab's and the playground's words (`lab.<name>`) are kept in
`tutor.app.text_lab` and joined to this table.
"""

from __future__ import annotations

from tutor import i18n
from tutor.app.text_inside import INSIDE_MESSAGES
from tutor.app.text_lab import LAB_MESSAGES
from tutor.i18n import both

MESSAGES: dict[str, dict[str, str]] = {
    # the shell
    "app_title": both("신경망 튜터", "Neural network tutor"),
    "loading_course": both("과정을 불러오는 중…", "Loading the course…"),
    "course_failed": both(
        "과정을 불러오지 못했습니다: {problem}", "The course could not be loaded: {problem}"
    ),
    "course_not_ready": both(
        "과정을 아직 불러오는 중입니다. 잠시 뒤에 다시 해 보세요.",
        "The course is still loading. Try again in a moment.",
    ),
    "app_error": both(
        "죄송합니다. tutor 안에서 예상하지 못한 문제가 생겼습니다 ({error}). "
        "진도는 저장되어 있으니 계속하셔도 됩니다. 로그: {log}",
        "Sorry: something unexpected went wrong inside tutor ({error}). "
        "Your progress is saved and you can carry on. Log: {log}",
    ),
    "app_fatal": both(
        "죄송합니다. tutor가 예상하지 못한 문제로 멈췄습니다 ({error}). "
        "진도는 저장되어 있습니다. 로그: {log}",
        "Sorry: tutor stopped because of an unexpected problem ({error}). "
        "Your progress is saved. Log: {log}",
    ),
    "store_error": both("진행 기록 문제: {message}", "Progress file problem: {message}"),
    "not_available_yet": both(
        "{what} 화면은 아직 준비되지 않았습니다.", "The {what} screen is not available yet."
    ),
    "language_now": both("언어: 한국어", "Language: English"),
    "lab": both("학습 실험실", "Training lab"),
    "playground": both("플레이그라운드", "Playground"),
    # welcome
    "welcome_title": both("환영합니다!", "Welcome!"),
    "welcome_body": both(
        "이 튜터는 뉴런 하나에서 시작해 MNIST 숫자를 알아보는 신경망까지 함께 갑니다.\n\n"
        "• 레슨을 읽고, 옆의 연습 문제를 풉니다. 답은 바로 채점되고 저장됩니다.\n"
        "• 막히면 힌트를 하나씩 볼 수 있습니다 (Ctrl+T).\n"
        "• Ctrl+L 로 언어를 바꾸고, F1 로 모든 단축키를 봅니다.\n"
        "• Ctrl+P 는 명령 팔레트입니다: 레슨이나 화면 이름을 입력해 바로 갑니다.",
        "This tutor goes with you from a single neuron to a network that reads MNIST digits.\n\n"
        "• Read a lesson and solve the exercises beside it: answers are checked and saved "
        "at once.\n"
        "• Stuck? Hints come one at a time (Ctrl+T).\n"
        "• Ctrl+L switches the language; F1 lists every key.\n"
        "• Ctrl+P opens the command palette: type a lesson or screen name to jump there.",
    ),
    "welcome_start": both("시작하기", "Let's start"),
    # course map
    "map_title": both("과정 지도", "Course map"),
    "map_continue": both("이어서 하기: {lesson}   (Enter)", "Continue: {lesson}   (Enter)"),
    "map_course_total": both(
        "과정 전체: {points}/{max_points}점 ({percent}%) · 연습 {passed}/{exercises}개 완료",
        "Whole course: {points}/{max_points} points ({percent}%) · "
        "{passed}/{exercises} exercises done",
    ),
    "map_lesson_grade": both("{points}/{max_points}점", "{points}/{max_points} pts"),
    "map_no_exercises": both("연습 없음", "no exercises"),
    "map_exercises": both(
        "연습 {count}개 · {points}/{max_points}점 · {status}",
        "{count} exercises · {points}/{max_points} points · {status}",
    ),
    "map_unavailable": both(
        "이 레슨은 지금 열 수 없습니다. 고쳐야 할 곳:",
        "This lesson cannot be opened right now. What needs fixing:",
    ),
    "map_course_problems": both("course.toml 의 문제:", "Problems in course.toml:"),
    "map_other_lessons": both("그 밖의 레슨", "Other lessons"),
    "map_open_hint": both(
        "Enter: 열기 · Ctrl+G: 성적표 · F1: 도움말", "Enter: open · Ctrl+G: gradebook · F1: help"
    ),
    "lesson_unavailable": both(
        "{lesson} 레슨은 열 수 없습니다: {problem}", "Lesson {lesson} cannot be opened: {problem}"
    ),
    # lesson
    "no_exercises": both("이 레슨에는 연습 문제가 없습니다.", "This lesson has no exercises."),
    "no_next_lesson": both("마지막 레슨입니다.", "This is the last lesson."),
    "no_previous_lesson": both("첫 레슨입니다.", "This is the first lesson."),
    "exercise_of": both("연습 {n}/{total}", "Exercise {n} of {total}"),
    # exercise views
    "exercise_meta": both(
        "· 시도 {attempts}번 · 얻은 점수 {earned}/{points}",
        "· tries: {attempts} · earned {earned}/{points} pts",
    ),
    "check": both("채점", "Check"),
    "run_checks": both("실행하고 채점", "Run the checks"),
    "checking": both("채점하는 중…", "Checking…"),
    "predict_commit": both("예측 확정", "Commit"),
    "predict_legend": both(
        "파랑 = 1이라고 답하는 곳, 주황 = 0; 점은 표의 정답 (파랑 1, 주황 0)",
        "blue = where it says 1, orange = 0; dots are the table's targets (blue 1, orange 0)",
    ),
    "predict_legend_steps": both(
        "그림 {n}/{total} · [ ] 키로 한 장씩", "picture {n}/{total} · [ ] to step"
    ),
    "running_code": both("코드를 안전한 곳에서 실행하는 중…", "Running your code in the sandbox…"),
    "already_checking": both("이미 채점하는 중입니다.", "Already checking."),
    "hint": both("힌트", "Hint"),
    "solution": both("풀이", "Solution"),
    "explanation": both("설명", "Explanation"),
    "output_title": both("내 코드가 출력한 것", "What your code printed"),
    "cases_passed": both("{passed}/{total}개 사례 통과", "{passed} of {total} cases passed"),
    "col_case": both("사례", "case"),
    "col_expected": both("기대값", "expected"),
    "col_got": both("내 결과", "got"),
    "col_note": both("설명", "note"),
    # no example value: any number shown here could be some exercise's answer
    "answer_placeholder_number": both(
        "숫자: 소수, 분수, 지수 표기", "Number: decimal, fraction, e-notation"
    ),
    "answer_placeholder_text": both("답을 입력하세요", "Type your answer"),
    "answer_needs_text": both("답을 입력하세요.", "Type an answer first."),
    "pick_an_option": both("보기를 고르세요.", "Pick an option first."),
    "pick_all_that_apply": both(
        "맞는 것을 모두 고르세요 (Space로 선택).", "Pick every option that is true (Space to tick)."
    ),
    "pick_one": both("하나를 고르세요 (화살표와 Enter).", "Pick one (arrow keys and Enter)."),
    # weights
    "weights_help": both(
        "↑/↓ 또는 +/- : 0.1씩 바꾸기 · 맨 앞에서 - : 음수 입력 · 표는 바로 바뀝니다",
        "↑/↓ or +/- : nudge by 0.1 · '-' at the start types a minus · the table updates live",
    ),
    "weights_fixed_line": both("고정된 값: {fixed}", "Fixed: {fixed}"),
    "weights_rows_right": both("{right}/{total}줄 맞음", "{right} of {total} rows right"),
    "weights_all_right": both(
        "모든 줄이 맞습니다! Ctrl+R 로 채점하세요.", "Every row is right! Press Ctrl+R to check."
    ),
    "weights_not_a_number": both(
        "{name}: '{given}'는 숫자가 아닙니다.", "{name}: '{given}' is not a number."
    ),
    "col_target": both("정답", "target"),
    "col_output": both("출력", "output"),
    # code
    "code_reset": both("처음 코드로", "Reset to starter"),
    "code_reset_done": both(
        "편집기를 처음 코드로 되돌렸습니다.", "The editor holds the starter code again."
    ),
    "code_keys": both(
        "Ctrl+R: 실행하고 채점 · F5: 채점 없이 실행 · F4: 내 편집기로 열기 · Tab: 들여쓰기 · "
        "Esc: 편집기에서 나가기",
        "Ctrl+R: run the checks · F5: run without grading · F4: open in your editor · "
        "Tab: indent · Esc: leave the editor",
    ),
    "running_trial": both("채점 없이 실행하는 중…", "Running without grading…"),
    "trial_title": both("실행 결과 (채점하지 않음)", "Trial run (not graded)"),
    "trial_call": both("호출", "call"),
    "trial_returned": both("돌려준 값", "returned"),
    "trial_not_graded": both(
        "채점하지 않았고 시도로 세지도 않았습니다. 채점은 Ctrl+R.",
        "Not graded and not counted as an attempt. Ctrl+R checks.",
    ),
    "editor_unchanged": both(
        "파일이 바뀌지 않아 채점하지 않았습니다.", "The file did not change: not checked."
    ),
    "file_conflict": both(
        "{path} 파일과 여기 편집기의 코드가 서로 다르게 바뀌었습니다. 어느 쪽을 남길까요? "
        "남기지 않은 쪽은 사라집니다.",
        "The file {path} and the code here have both changed. Which one do you keep? "
        "The other one is replaced.",
    ),
    "file_conflict_file": both("파일의 코드", "The file's code"),
    "file_conflict_here": both("여기의 코드", "The code here"),
    "file_conflict_cancel": both("취소", "Cancel"),
    # experiment
    "experiment_train": both("학습시키고 채점", "Train and check"),
    "experiment_training": both(
        "학습 중… 에포크 {epoch}/{epochs} · 손실 {loss}",
        "Training… epoch {epoch}/{epochs} · loss {loss}",
    ),
    "experiment_done": both(
        "학습 끝: 에포크 {epoch}/{epochs} · 마지막 손실 {loss}",
        "Training done: epoch {epoch}/{epochs} · last loss {loss}",
    ),
    "experiment_form": both(
        "데이터 세트: {dataset}. 아래에서 설정을 고르고 Ctrl+R 로 학습시키세요.",
        "Data set: {dataset}. Choose the settings below, then Ctrl+R trains the model.",
    ),
    "experiment_allowed": both("가능한 값: {allowed}", "allowed: {allowed}"),
    "experiment_loss": both("손실 (loss)", "Loss"),
    "epoch": both("에포크", "epoch"),
    # hints and solutions
    "hint_line": both("힌트 {n}/{total}: {text}", "Hint {n} of {total}: {text}"),
    "no_more_hints": both(
        "힌트를 모두 보았습니다 ({total}개).", "That was the last hint ({total} in all)."
    ),
    # gradebook
    "grades_title": both("성적표", "Gradebook"),
    "col_lesson_exercise": both("레슨 / 연습", "lesson / exercise"),
    "col_status": both("상태", "status"),
    "col_points": both("점수", "points"),
    "col_percent": both("%", "%"),
    "col_attempts": both("시도", "tries"),
    "col_last_try": both("마지막 시도", "last try"),
    "grades_total": both(
        "과정 성적: {points}/{max_points}점 ({percent}%)",
        "Course grade: {points}/{max_points} points ({percent}%)",
    ),
    "export_path": both("내보낼 파일", "Export to"),
    "export_csv": both("CSV로 저장", "Save CSV"),
    "export_json": both("JSON으로 저장", "Save JSON"),
    "export_done": both("성적표를 저장했습니다: {path}", "Gradebook saved to {path}"),
    "export_failed": both(
        "{path} 에 저장하지 못했습니다: {reason}. 다른 경로를 적어 보세요.",
        "Could not save to {path}: {reason}. Try another path.",
    ),
    "export_is_folder": both(
        "{path} 은(는) 폴더입니다. 파일 이름까지 적어 주세요 (예: {path}/grades.csv).",
        "{path} is a folder. Add a file name (e.g. {path}/grades.csv).",
    ),
    "export_no_path": both("파일 경로를 적어 주세요.", "Type a file path first."),
    "exporting": both("내보내는 중…", "Exporting…"),
    # help
    "help_title": both("도움말", "Help"),
    "help_intro": both(
        "키보드만으로도, 마우스로도 쓸 수 있습니다. 화면 아래 줄에는 지금 화면의 키가 나옵니다.\n"
        "Ctrl+P 를 누르면 명령 팔레트가 열립니다: 레슨 이름이나 화면 이름을 입력하세요.",
        "Everything works with the keyboard alone or with the mouse. The bottom line shows the "
        "keys of the current screen.\n"
        "Ctrl+P opens the command palette: type a lesson or screen name.",
    ),
    "help_everywhere": both("어디서나", "Everywhere"),
    "help_course_map": both("과정 지도", "Course map"),
    "help_lesson": both("레슨", "Lesson"),
    "help_exercise": both("연습 문제", "Exercises"),
    "help_weights": both("가중치 패널", "Weights panel"),
    "help_code": both("코드 편집기", "Code editor"),
    "help_gradebook": both("성적표", "Gradebook"),
    # command palette
    "cmd_jump": both("레슨으로 이동: {lesson}", "Jump to lesson: {lesson}"),
    "cmd_open": both("열기: {screen}", "Open: {screen}"),
    "cmd_language": both("언어 바꾸기 (한국어 ↔ English)", "Switch language (한국어 ↔ English)"),
    # longer descriptions for the help screen; help.<action> (else key.<action> is used)
    "help.toggle_language": both(
        "언어 바꾸기 (한국어 ↔ English), 다음에도 기억",
        "Switch the language (한국어 ↔ English); remembered",
    ),
    "help.gradebook": both(
        "성적표: 레슨·연습별 점수와 내보내기", "Gradebook: points per lesson and exercise, export"
    ),
    "help.continue": both("하던 레슨 이어서 하기", "Continue where you left off"),
    "help.open_lab": both("학습 실험실 열기", "Open the training lab"),
    "help.open_playground": both("플레이그라운드 열기", "Open the playground"),
    "help.course_map": both("과정 지도로 돌아가기", "Back to the course map"),
    "help.previous_lesson": both("이전 레슨", "Previous lesson"),
    "help.next_lesson": both("다음 레슨", "Next lesson"),
    "help.previous_exercise": both("이전 연습 문제", "Previous exercise"),
    "help.next_exercise": both("다음 연습 문제", "Next exercise"),
    "help.toggle_toc": both("목차 보이기 / 숨기기", "Show or hide the table of contents"),
    "help.toggle_reader": both(
        "보기 전환: 본문과 연습 → 본문만 → 연습만",
        "Switch view: text and exercises → text → exercises",
    ),
    "help.check": both("답을 채점하고 기록하기", "Check the answer (and record it)"),
    "help.hint": both("힌트 하나 더 보기", "Show the next hint"),
    "help.solution": both(
        "풀이 보기 (충분히 시도한 뒤에 열림)", "Show the solution (unlocks after enough tries)"
    ),
    "help.leave_editor": both("편집기에서 나가기", "Leave the editor"),
    "help.export_csv": both("성적표를 CSV로 저장", "Save the gradebook as CSV"),
    "help.export_json": both("성적표를 JSON으로 저장", "Save the gradebook as JSON"),
    "help.close": both("닫기", "Close"),
    "help.palette": both(
        "명령 팔레트: 레슨·화면으로 바로 가기", "Command palette: jump to a lesson or screen"
    ),
    "help.tab": both("다음 칸으로 (Shift+Tab: 이전 칸)", "Next field (Shift+Tab: previous)"),
    "help.open_lesson": both("고른 레슨 열기", "Open the highlighted lesson"),
    "help.enter_checks": both("답 입력 칸에서: 채점", "In an answer field: check"),
    "help.pick": both("보기 고르기 / 풀기", "Pick or unpick an option"),
    "help.nudge_up": both("고른 값 +0.1 (+ 키도 됩니다)", "Focused value +0.1 (or +)"),
    "help.nudge_down": both(
        "고른 값 -0.1 (- 키도 됩니다. 맨 앞에서 치는 -는 음수 부호)",
        "Focused value -0.1 (or -; a '-' typed at the start is a minus sign)",
    ),
    "help.indent": both("들여쓰기", "Indent"),
    "help.enter_indents": both(
        "줄 바꾸기 (들여쓰기 유지, ':' 뒤에는 한 칸 더)",
        "New line (keeps the indentation, one level more after ':')",
    ),
    # keys (footer and help); key.<action>
    "key.help": both("도움말", "Help"),
    "key.toggle_language": both("한/영", "Language"),
    "key.gradebook": both("성적표", "Grades"),
    "key.course_map": both("과정 지도", "Course map"),
    "key.continue": both("이어서", "Continue"),
    "key.open_lab": both("실험실", "Lab"),
    "key.open_playground": both("놀이터", "Playground"),
    "key.quit": both("끝내기", "Quit"),
    "key.command_palette": both("명령", "Commands"),  # Textual's own Ctrl+P binding
    "key.previous_lesson": both("이전", "Prev lesson"),
    "key.next_lesson": both("다음", "Next lesson"),
    "key.previous_exercise": both("이전 연습", "Prev exercise"),
    "key.next_exercise": both("다음 연습", "Next exercise"),
    "key.toggle_toc": both("목차", "Contents"),
    "key.toggle_reader": both("보기", "Switch view"),
    "key.check": both("채점", "Check"),
    "key.hint": both("힌트", "Hint"),
    "key.solution": both("풀이", "Solution"),
    "key.leave_editor": both("편집기 나가기", "Leave editor"),
    "key.open_editor": both("내 편집기", "Editor"),
    "key.run_code": both("실행", "Run"),
    "help.open_editor": both(
        "내 편집기($VISUAL/$EDITOR)로 파일을 열고, 닫으면 채점",
        "open the file in your own editor ($VISUAL/$EDITOR); checked when you close it",
    ),
    "help.run_code": both(
        "채점 없이 실행해서 돌려준 값과 출력을 보기", "run without grading: see returns and prints"
    ),
    "key.close": both("닫기", "Close"),
    "key.export_csv": both("CSV로 저장", "Save CSV"),
    "key.export_json": both("JSON으로 저장", "Save JSON"),
}

_SHARED = MESSAGES.keys() & LAB_MESSAGES.keys()
if _SHARED:
    raise RuntimeError(f"the lab's messages reuse app keys: {sorted(_SHARED)}")
MESSAGES.update(LAB_MESSAGES)
_SHARED = MESSAGES.keys() & INSIDE_MESSAGES.keys()
if _SHARED:
    raise RuntimeError(f"the inside view's messages reuse app keys: {sorted(_SHARED)}")
MESSAGES.update(INSIDE_MESSAGES)


def t(message_key: str, lang: str, /, **values: object) -> str:
    """The message `message_key` in `lang`: the app's own, else the core's (`tutor.i18n`)."""
    text = MESSAGES.get(message_key)
    if text is None:
        return i18n.t(message_key, lang, **values)
    return i18n.pick(text, lang).format(**values)


def tt(message_key: str, /, **values: object) -> dict[str, str]:
    """The message in both languages."""
    return {lang: t(message_key, lang, **values) for lang in i18n.LANGS}


def has(message_key: str) -> bool:
    return message_key in MESSAGES or message_key in i18n.MESSAGES
