"""Korean-first, bilingual text: picking a language and the messages every learner sees.

Course content carries its own text in both languages (`{"ko": ..., "en": ...}` tables in TOML).
Messages written by the program itself live in `MESSAGES` below, so that no learner-facing sentence
exists in one language only (a test checks that every key has both).
"""

from __future__ import annotations

import locale
import os
from collections.abc import Mapping

LANGS = ("ko", "en")
Text = Mapping[str, str]


def default_lang() -> str:
    """`$TUTOR_LANG` if it names a language we have, else `locale_lang()`."""
    explicit = os.environ.get("TUTOR_LANG", "").strip().lower()
    if explicit in LANGS:
        return explicit
    return locale_lang()


def locale_lang(environ: Mapping[str, str] | None = None) -> str:
    """Korean, unless the system's locale explicitly names another language (then English).

    The first of LC_ALL, LC_MESSAGES and LANG that is set decides, as in POSIX. C and POSIX
    (`C.UTF-8` is the default of Docker images and CI) name no language, so they mean Korean.
    Without any of them (Windows), the locale Python reports decides: "English_United States"
    is English, "Korean_Korea" Korean.
    """
    environ = os.environ if environ is None else environ
    value = next(
        (environ[var].strip() for var in ("LC_ALL", "LC_MESSAGES", "LANG") if environ.get(var)),
        "",
    )
    if not value:
        try:
            value = locale.getlocale()[0] or ""
        except ValueError:
            value = ""
    language = value.split(".")[0].split("@")[0].split("_")[0].strip().lower()
    if language in ("", "c", "posix", "ko", "korean"):
        return "ko"
    return "en"


def choose_lang(explicit: str | None, saved: str | None) -> str:
    """The language to speak: an explicit `--lang` on this command, then the learner's saved
    choice (Ctrl+L in the app), then `$TUTOR_LANG`, then `locale_lang()` (Korean by default)."""
    for lang in (explicit, saved):
        if lang in LANGS:
            return str(lang)
    return default_lang()


def pick(text: Text | str | None, lang: str) -> str:
    """The text in `lang`, falling back to the other language rather than to nothing."""
    if text is None:
        return ""
    if isinstance(text, str):
        return text
    if text.get(lang):
        return text[lang]
    return next((text[other] for other in LANGS if text.get(other)), "")


def both(ko: str, en: str) -> dict[str, str]:
    """A bilingual text."""
    return {"ko": ko, "en": en}


def t(message_key: str, lang: str, /, **values: object) -> str:
    """The program's message `message_key` in `lang`, with `{placeholders}` filled in."""
    return pick(MESSAGES[message_key], lang).format(**values)


def tt(message_key: str, /, **values: object) -> dict[str, str]:
    """The program's message `key` in both languages (for verdicts stored and shown later)."""
    return {lang: t(message_key, lang, **values) for lang in LANGS}


MESSAGES: dict[str, dict[str, str]] = {
    # verdicts, common to every kind
    "correct": both("정답입니다!", "Correct!"),
    "empty_answer": both("답이 비어 있습니다.", "The answer is empty."),
    "internal_error_run": both(
        "코드를 실행하는 도중 tutor 내부에서 문제가 생겼습니다 ({error}). 로그: {log}",
        "Something went wrong inside tutor while running your code ({error}). Log: {log}",
    ),
    "internal_error": both(
        "채점하는 도중 tutor 내부에서 문제가 생겼습니다 ({error}). 답은 저장되었습니다. "
        "로그: {log}",
        "Something went wrong inside tutor while checking ({error}). Your answer was saved. "
        "Log: {log}",
    ),
    "cli_internal_error": both(
        "tutor 내부에서 예상하지 못한 문제가 생겼습니다 ({error}). 진도는 안전합니다. 로그: {log}",
        "Something unexpected went wrong inside tutor ({error}). Your progress is safe. Log: {log}",
    ),
    # choice
    "choice_unknown": both(
        "'{given}'라는 보기는 없습니다. 고를 수 있는 보기: {options}",
        "There is no option '{given}'. The options are: {options}",
    ),
    "choice_one_only": both(
        "보기를 하나만 고르세요.",
        "Pick exactly one option.",
    ),
    "choice_wrong": both("아직 아닙니다.", "Not yet."),
    "choice_partly": both(
        "맞는 보기를 {right}개 골랐지만, 정답은 {total}개이고 틀린 보기를 {wrong}개 골랐습니다.",
        "You picked {right} of the {total} right options, and {wrong} wrong ones.",
    ),
    # numeric
    "numeric_unreadable": both(
        "'{given}'는 숫자로 읽을 수 없습니다. 예: 0.5, .5, 1/2, 5e-1",
        "'{given}' is not a number I can read. Examples: 0.5, .5, 1/2, 5e-1",
    ),
    "numeric_wrong": both("{given}은(는) 정답이 아닙니다.", "{given} is not the answer."),
    "numeric_close": both(
        "{given}은(는) 아깝습니다. 허용 오차 {tolerance} 안에 들어와야 합니다.",
        "{given} is close, but it must be within {tolerance} of the answer.",
    ),
    # predict
    "predict_how_number": both(
        "실행하기 전에 결과를 예측해 숫자로 적으세요 (±{tolerance} 안이면 맞습니다). "
        "답을 내면 그 실행이 나옵니다.",
        "Predict the result before it runs and enter it as a number (within ±{tolerance} "
        "counts). Once you answer, the run is shown.",
    ),
    "predict_how_count": both(
        "실행하기 전에 결과를 예측해 정수로 적으세요. 답을 내면 그 실행이 나옵니다.",
        "Predict the result before it runs and enter it as a whole number. Once you answer, the "
        "run is shown.",
    ),
    "predict_how_outcome": both(
        "실행하기 전에 어떻게 될지 보기에서 고르세요. 답을 내면 그 실행이 나옵니다.",
        "Pick what will happen before it runs. Once you answer, the run is shown.",
    ),
    "predict_run_header": both("실행해 보면:", "The run:"),
    # text
    "text_wrong": both("'{given}'은(는) 정답이 아닙니다.", "'{given}' is not the answer."),
    # weights
    "weights_unreadable": both(
        "'{part}' 부분을 읽을 수 없습니다. "
        "{names} 각각을 '이름=값'으로 적어 주세요 (예: w1=0.5, b=-1)",
        "I cannot read '{part}'. Write 'name=value' for each of {names} (e.g. w1=0.5, b=-1)",
    ),
    "weights_unknown": both(
        "'{name}'라는 매개변수는 없습니다. 정할 수 있는 것: {names}",
        "There is no parameter '{name}'. You can set: {names}",
    ),
    "weights_fixed": both(
        "'{name}'는 이 문제에서 고정되어 있어 바꿀 수 없습니다. 정할 수 있는 것: {names}",
        "'{name}' is fixed in this exercise. You can set: {names}",
    ),
    "weights_missing": both(
        "'{name}' 값이 없습니다. 다음을 모두 정해 주세요: {names}",
        "'{name}' is missing. Set every one of: {names}",
    ),
    "weights_wrong_rows": both(
        "진리표 {total}줄 가운데 {wrong}줄이 아직 틀렸습니다.",
        "Rows still wrong: {wrong} of {total}.",
    ),
    # experiment
    "experiment_unreadable": both(
        "'{part}' 부분을 읽을 수 없습니다. '이름=값'으로 적어 주세요. 정할 수 있는 것: {fields}",
        "I cannot read '{part}'. Write 'name=value' pairs. You can set: {fields}",
    ),
    "experiment_unknown_field": both(
        "'{name}'는 이 실험에서 정할 수 없습니다. 정할 수 있는 것: {fields}",
        "'{name}' is not something this experiment lets you set. You can set: {fields}",
    ),
    "experiment_bad_value": both(
        "{name}={given}은(는) 고를 수 없습니다. 가능한 값: {allowed}",
        "{name}={given} is not allowed. Allowed: {allowed}",
    ),
    "experiment_ran": both(
        "{epochs} 에포크를 {seconds}초 동안 학습했습니다.",
        "Trained for {epochs} epochs in {seconds} s.",
    ),
    "experiment_ran_one": both(
        "{epochs} 에포크를 {seconds}초 동안 학습했습니다.",
        "Trained for {epochs} epoch in {seconds} s.",
    ),
    "experiment_budget": both(
        "(시간 제한 {budget}초에 도달해 멈췄습니다.)",
        "(Stopped at the time budget of {budget} s.)",
    ),
    "experiment_missed": both("목표에 아직 닿지 않았습니다.", "The goal is not reached yet."),
    # code
    "code_all_passed": both("모든 사례 {total}개를 통과했습니다!", "All {total} cases pass!"),
    "code_case_failed": both(
        "사례 {number}/{total}: {call}\n  기대한 값: {expected}\n  받은 값:   {got}\n{problem}",
        "Case {number} of {total}: {call}\n  expected: {expected}\n  got:      {got}\n{problem}",
    ),
    "code_case_raised": both(
        "함수가 예외를 일으켰습니다:\n{error}", "Your function raised:\n{error}"
    ),
    "code_returned_none": both(
        "함수가 None을 돌려주었습니다. return을 빠뜨리지 않았나요?",
        "Your function returned None: did you forget `return`?",
    ),
    "code_expected_sequence": both(
        "값 {count}개를 (튜플로) 돌려주어야 하는데 {got}을(를) 돌려주었습니다.",
        "It should return {count} values (a tuple), but returned a {got}.",
    ),
    "code_wrong_count": both(
        "값 {count}개를 돌려주어야 하는데 {got}개를 돌려주었습니다.",
        "It should return {count} values, but returned {got}.",
    ),
    "code_item": both("{index}번째 값:", "Value {index}:"),
    "code_expected_number": both(
        "숫자나 배열을 돌려주어야 하는데 {got}을(를) 돌려주었습니다.",
        "It should return a number or an array, but returned a {got}.",
    ),
    "code_wrong_shape": both(
        "모양이 다릅니다: {expected}이어야 하는데 {got}입니다.",
        "The shape is wrong: expected {expected}, got {got}.",
    ),
    "code_wrong_value": both(
        "값이 다릅니다: {expected}이어야 하는데 {got}입니다.",
        "The value is wrong: expected {expected}, got {got}.",
    ),
    "code_wrong_element": both(
        "값 {size}개 중 {count}개가 다릅니다. 처음은 위치 {index}: "
        "{expected}이어야 하는데 {got}입니다.",
        "{count} of {size} values differ; the first at index {index}: expected {expected}, "
        "got {got}.",
    ),
    "code_case_diff": both("사례 {number}/{total}: {call}", "Case {number} of {total}: {call}"),
    "code_diff_count": both(
        "  값 {size}개 가운데 {count}개가 다릅니다 (모양 {shape}):",
        "  {count} of {size} values differ (shape {shape}):",
    ),
    "code_diff_index": both("위치", "index"),
    "code_diff_expected": both("기대한 값", "expected"),
    "code_diff_got": both("받은 값", "got"),
    "code_diff_more": both("… 그 밖에 {count}개", "… and {count} more"),
    "code_wrong_named_count": both(
        "값 {count}개({names})를 돌려주어야 하는데 {got}개를 돌려주었습니다.",
        "It should return {count} values ({names}), but returned {got}.",
    ),
    "code_expected_named": both(
        "값 {count}개({names})를 돌려주어야 하는데 {got}을(를) 돌려주었습니다.",
        "It should return {count} values ({names}), but returned a {got}.",
    ),
    "code_missing_name": both("{name}이(가) 빠졌습니다.", "{name} is missing."),
    "code_not_finite": both(
        "위치 {index}에 {got}이(가) 있습니다. 숫자가 아닌 값(nan)이나 무한대(inf)는 보통 "
        "log(0), 0으로 나누기, 너무 큰 수의 exp에서 생깁니다.",
        "There is {got} at index {index}. Not-a-number (nan) and infinity (inf) usually come "
        "from log(0), a division by zero or exp of a huge number.",
    ),
    "code_is_transpose": both(
        "기대한 값을 전치(.T)한 것과 같습니다. 행렬곱의 순서와 .T의 자리를 모양으로 확인하세요.",
        "It is the transpose (.T) of the expected value: check the order of the matrix product "
        "and where the .T goes, using the shapes.",
    ),
    "code_not_summed": both(
        "줄마다의 값은 맞는데 줄 방향으로 더하지 않았습니다: .sum(axis=0)을 쓰세요.",
        "The per-row values are right but were never summed over the rows: use .sum(axis=0).",
    ),
    "code_mean_not_sum": both(
        "줄 방향으로 평균을 냈습니다. 1/m은 이미 dZ 안에 들어 있으니 여기서는 "
        ".sum(axis=0)으로 더하세요.",
        "It takes the mean over the rows; the 1/m is already inside dZ, so sum here with "
        ".sum(axis=0).",
    ),
    "code_extra_axis": both(
        "값은 맞는데 모양이 다릅니다. {expected}이(가) 되도록 축을 없애세요(keepdims 없이 "
        ".sum(axis=0), 또는 .reshape).",
        "The values are right but the shape is not: make it {expected} (.sum(axis=0) without "
        "keepdims, or .reshape).",
    ),
    "code_all_zero": both(
        "모든 값이 0입니다. 계산한 값이 결과에 들어가지 않았거나, 바꾼 것이 계산에 쓰이지 "
        "않았어요.",
        "Every value is 0: what you computed never reached the result, or what you changed "
        "never reached the computation.",
    ),
    "code_is_negated": both(
        "부호가 반대입니다. 모든 값이 기대한 값의 −1배예요. (예측 − 정답)처럼 빼는 순서를 "
        "확인하세요.",
        "The sign is flipped: every value is −1 times the expected one. Check the order of a "
        "subtraction such as (prediction − target).",
    ),
    "code_times_rows": both(
        "모든 값이 기대한 값의 정확히 {factor}배인데, 이 사례의 줄 수가 m = {rows}입니다. "
        "평균의 1/m을 빠뜨리지 않았나요?",
        "Every value is exactly {factor} times the expected one, and this case has m = {rows} "
        "rows: is the 1/m of the mean missing?",
    ),
    "code_over_rows": both(
        "모든 값이 기대한 값의 정확히 {factor}배인데, 이 사례의 줄 수가 m = {rows}입니다. "
        "m으로 두 번 나누지 않았나요? (.mean()도 m으로 나눕니다.)",
        "Every value is exactly {factor} times the expected one, and this case has m = {rows} "
        "rows: is it divided by m twice? (.mean() divides by m too.)",
    ),
    "code_is_scaled": both(
        "모든 값이 기대한 값의 정확히 {factor}배입니다. 곱하거나 나누는 상수 하나가 빠졌거나 "
        "더 들어갔어요.",
        "Every value is exactly {factor} times the expected one: a constant factor is missing "
        "or extra.",
    ),
    "code_case_failed_named": both(
        "사례 {number}/{total}: {call}\n{problem}", "Case {number} of {total}: {call}\n{problem}"
    ),
    "code_case_inputs": both("이 사례의 입력: {inputs}", "This case's inputs: {inputs}"),
    # describing exercises
    "choice_how_one": both(
        "보기 하나의 기호로 답하세요 (예: b).", "Answer with one option's letter (e.g. b)."
    ),
    "choice_how_many": both(
        "맞는 보기를 모두 고르세요 (예: a, c).", "Pick every right option (e.g. a, c)."
    ),
    "weights_target": both("정답", "target"),
    "weights_set": both(
        "정할 값: {names}  (예: w1=0.5, w2=-1)", "Set: {names}  (e.g. w1=0.5, w2=-1)"
    ),
    "weights_fixed_are": both("고정된 값: {fixed}", "Fixed: {fixed}"),
    "code_write_class": both(
        "클래스 `{function}`을(를) 작성하세요. 사례 {cases}개로 확인합니다.",
        "Write the class `{function}`. It is checked on {cases} cases.",
    ),
    "code_write": both(
        "함수 `{function}`을(를) 작성하세요. 사례 {cases}개로 확인합니다.",
        "Write the function `{function}`. It is checked on {cases} cases.",
    ),
    "experiment_fields": both(
        "데이터: {dataset}. '이름=값'으로 고르세요:", "Data: {dataset}. Choose with 'name=value':"
    ),
    "experiment_default": both("기본값", "default"),
    # statuses
    "status_not_started": both("시작 전", "not started"),
    "status_in_progress": both("진행 중", "in progress"),
    "status_passed": both("완료", "done"),
    "status_unavailable": both("열 수 없음", "unavailable"),
    # command line
    "cli_unknown_exercise": both(
        "'{key}'라는 연습 문제는 없습니다. 비슷한 것: {near}",
        "There is no exercise '{key}'. Did you mean: {near}",
    ),
    "cli_unknown_exercise_no_match": both(
        "'{key}'라는 연습 문제는 없습니다. 연습 id는 02.storm-weights처럼 씁니다 "
        "(tutor show 레슨번호로 목록을 볼 수 있어요).",
        "There is no exercise '{key}'. Exercise ids look like 02.storm-weights "
        "(tutor show LESSON lists them).",
    ),
    "cli_unknown_exercise_in_lesson": both(
        "'{key}'라는 연습 문제는 없습니다. 레슨 {lesson}의 연습: {ids}",
        "There is no exercise '{key}'. The exercises of lesson {lesson}: {ids}",
    ),
    "cli_exercise_broken": both(
        "연습 {key}은(는) 파일이 잘못되어 불러오지 못했습니다. {problem}",
        "Exercise {key} could not be loaded because its file is broken: {problem}",
    ),
    "cli_lesson_broken": both(
        "'{key}'을(를) 찾을 수 없습니다. 레슨 {lesson}의 파일이 잘못되었습니다: {problem}",
        "Cannot find '{key}': a file of lesson {lesson} is broken: {problem}",
    ),
    "cli_unknown_lesson": both(
        "레슨 {key}은(는) 없습니다. 있는 레슨:\n{lessons}",
        "There is no lesson {key}. The lessons are:\n{lessons}",
    ),
    "cli_content_broken": both(
        "과정 파일에 문제가 {count}개 있습니다 (그 부분은 열 수 없습니다):",
        "The course has {count} broken spots (those parts cannot be opened):",
    ),
    "cli_lesson": both("레슨", "lesson"),
    "cli_status": both("상태", "status"),
    "cli_grade": both("점수", "grade"),
    "cli_course_total": both("과정 전체", "whole course"),
    "cli_lesson_unavailable": both(
        "레슨 {lesson}을(를) 열 수 없습니다 (위의 문제를 보세요).",
        "Lesson {lesson} is unavailable (see the problems above).",
    ),
    "cli_exercises": both("연습 문제", "Exercises"),
    "cli_exercise_footer": both(
        "{points} · 시도 {attempts}번 · {status}",
        "{points} · {attempts} attempts · {status}",
    ),
    "cli_point_one": both("배점 {points}", "{points} point"),
    "cli_points": both("배점 {points}", "{points} points"),
    "cli_answer_with": both(
        "답하기: tutor check {id} --answer ...", "Answer with: tutor check {id} --answer ..."
    ),
    "cli_answer_code_with": both(
        "{file} 파일에 코드를 쓰고 tutor check {id} 로 채점하세요 (tutor run {id}: 채점 없이 "
        "실행, tutor watch: 저장할 때마다 채점).",
        "Write your code in {file}, then grade it with tutor check {id} (tutor run {id} runs "
        "it without grading; tutor watch grades on every save).",
    ),
    "cli_unreadable_file": both(
        "파일 {path}을(를) 읽을 수 없습니다: {reason}", "Cannot read the file {path}: {reason}"
    ),
    "cli_case": both("사례", "case"),
    "cli_expected": both("기대", "expected"),
    "cli_got": both("결과", "got"),
    "cli_output": both("출력한 내용:", "Your output:"),
    "cli_explanation": both("해설", "Why"),
    "cli_sandbox_walls_missing": both(
        "참고: 이 시스템의 샌드박스는 일부 벽 없이 돌았습니다 ({walls}). docs/sandbox.md를 보세요.",
        "Note: the sandbox ran without some of its walls on this system ({walls}); see "
        "docs/sandbox.md.",
    ),
    "cli_not_counted": both(
        "(답으로 읽을 수 없어 시도로 세지 않았습니다.)",
        "(Not an answer yet, so it does not count as an attempt.)",
    ),
    "cli_needs_answer": both(
        "답을 --answer로 주세요 (예: tutor check {id} --answer b).",
        "Give the answer with --answer (e.g. tutor check {id} --answer b).",
    ),
    "cli_no_workspace_file": both(
        "{path}이(가) 아직 없습니다. tutor next --open 이나 tutor watch가 시작 코드로 만들어 "
        "줍니다 (다른 파일은 --file로).",
        "{path} does not exist yet: tutor next --open or tutor watch writes it with the starter "
        "(or give another file with --file).",
    ),
    "cli_run_code_only": both(
        "{id}은(는) 코드 연습이 아니라서 실행할 것이 없습니다. tutor check {id} --answer ... 로 "
        "답하세요.",
        "{id} is not a code exercise, so there is nothing to run. Answer it with "
        "tutor check {id} --answer ...",
    ),
    "cli_call": both("호출", "call"),
    "cli_returned": both("돌려준 값", "returned"),
    "cli_run_not_graded": both(
        "채점하지 않았고 기록하지도 않았습니다. 채점: tutor check {id}",
        "Not graded and not recorded. To grade it: tutor check {id}",
    ),
    "cli_title": both("제목", "title"),
    "cli_points_column": both("점수", "points"),
    "cli_attempts": both("시도", "tries"),
    "cli_last_attempt": both("마지막", "last"),
    "cli_output_is_folder": both(
        "{path}은(는) 폴더입니다. 파일 이름까지 적어 주세요 (예: {path}/grades.csv).",
        "{path} is a folder. Give a file name too (e.g. {path}/grades.csv).",
    ),
    "cli_no_such_folder": both(
        "폴더 {path}이(가) 없습니다. 있는 폴더를 고르거나 먼저 만드세요 ({file}은(는) 쓰지 "
        "않았습니다).",
        "The folder {path} does not exist. Pick an existing folder or create it first "
        "({file} was not written).",
    ),
    "cli_all_done": both(
        "모든 연습을 마쳤습니다! tutor progress로 성적을 볼 수 있어요.",
        "You have solved every exercise! tutor progress shows your grades.",
    ),
    "cli_open_code_only": both(
        "{id}은(는) 코드 연습이 아니라서 편집기로 열 파일이 없습니다. tutor check {id} "
        "--answer ... 로 답하세요.",
        "{id} is not a code exercise, so there is no file to open. Answer it with "
        "tutor check {id} --answer ...",
    ),
    "cli_file_unchanged": both(
        "{file}이(가) 바뀌지 않아 채점하지 않았습니다.", "{file} did not change: not checked."
    ),
    "cli_watch_start": both(
        "{folder} 폴더를 지켜봅니다. 파일을 저장할 때마다 채점합니다 (멈추려면 Ctrl+C).",
        "Watching {folder}: every save is checked (Ctrl+C stops).",
    ),
    "cli_watch_edit": both(
        "편집기에서 {file}을(를) 열어 고치고 저장하세요.",
        "Open {file} in your editor, change it and save.",
    ),
    "cli_watch_again": both(
        "고쳐서 다시 저장하세요 (힌트: tutor hint {id}).",
        "Fix it and save again (a hint: tutor hint {id}).",
    ),
    "cli_watch_finished": both("코드 연습을 모두 통과했습니다!", "Every code exercise passes!"),
    "cli_watch_stopped": both("지켜보기를 멈췄습니다.", "Stopped watching."),
    # the workspace: files the learner edits in their own editor
    "ws_missing": both("파일 {path}이(가) 없습니다.", "The file {path} does not exist."),
    "ws_is_folder": both(
        "{path}은(는) 파일이 아니라 폴더입니다.", "{path} is a folder, not a file."
    ),
    "ws_unreadable": both(
        "파일 {path}을(를) 읽을 수 없습니다: {reason}", "Cannot read the file {path}: {reason}"
    ),
    "ws_not_utf8": both(
        "파일 {path}의 {line}번째 줄이 UTF-8이 아닙니다. 편집기에서 UTF-8로 저장하세요.",
        "Line {line} of {path} is not UTF-8: save the file as UTF-8 in your editor.",
    ),
    "ws_cannot_write": both(
        "{path}에 쓸 수 없습니다: {reason}. 쓸 수 있는 폴더를 {env}에 지정하세요.",
        "Cannot write {path}: {reason}. Point {env} at a folder you can write to.",
    ),
    "ws_changed": both(
        "{path}이(가) 그사이 바뀌어 덮어쓰지 않았습니다.",
        "{path} changed meanwhile, so it was not overwritten.",
    ),
    "ws_unchanged": both(
        "{file}: 마지막 채점 뒤로 바뀐 것이 없습니다.", "{file}: unchanged since the last check."
    ),
    "ws_still_starter": both(
        "{file}: 아직 시작 코드 그대로입니다. 함수를 완성하고 저장하세요.",
        "{file} still holds the starter: complete the function and save.",
    ),
    "ws_no_editor": both(
        "편집기가 정해져 있지 않습니다. VISUAL이나 EDITOR를 설정하세요 (예: export EDITOR=nano). "
        "파일: {path}",
        "No editor is set: set VISUAL or EDITOR (e.g. export EDITOR=nano). The file: {path}",
    ),
    "ws_editor_missing": both(
        "편집기 '{editor}'을(를) 찾을 수 없습니다 (VISUAL/EDITOR를 확인하세요). 파일: {path}",
        "The editor '{editor}' was not found (check VISUAL/EDITOR). The file: {path}",
    ),
    "ws_editor_failed_start": both(
        "편집기 '{editor}'을(를) 시작할 수 없습니다: {reason}. 파일: {path}",
        "The editor '{editor}' could not start: {reason}. The file: {path}",
    ),
    "ws_editor_failed": both(
        "편집기 '{editor}'이(가) 오류 코드 {code}로 끝나서 채점하지 않았습니다. 파일은 그대로 "
        "있습니다: {path}",
        "The editor '{editor}' exited with status {code}, so nothing was checked. The file is "
        "kept as it is: {path}",
    ),
    "cli_cannot_write": both(
        "{path}에 쓸 수 없습니다: {reason}", "Cannot write to {path}: {reason}"
    ),
    "cli_written": both("{path}에 저장했습니다.", "Written to {path}."),
    "cli_regrade_changed": both(
        "{id} ({at}): 저장된 판정 {old} → 다시 채점한 판정 {new}",
        "{id} ({at}): stored verdict {old} → regraded verdict {new}",
    ),
    "cli_regrade_summary": both(
        "답 {total}개를 다시 채점했습니다: 판정이 바뀐 답 {changed}개, "
        "과정에 없는 연습의 답 {unknown}개.",
        "Regraded {total} answers: {changed} verdicts changed, {unknown} belong to exercises "
        "no longer in the course.",
    ),
    "cli_everything": both("모든 진도", "all progress"),
    "cli_reset_needs_yes": both(
        "{what}을(를) 지우려면 --yes를 붙여 다시 실행하세요. 지운 기록은 되돌릴 수 없습니다.",
        "To delete {what}, run again with --yes. Deleted records cannot be restored.",
    ),
    "cli_reset_done": both(
        "{what}: 기록 {rows}개를 지웠습니다.", "{what}: removed {rows} records."
    ),
    "cli_not_a_folder": both("{path}은(는) 폴더가 아닙니다.", "{path} is not a folder."),
    "cli_lint_summary": both("문제 {count}개.", "{count} problems."),
    # hints and solutions
    "hint_header": both("힌트 {n}/{total}", "Hint {n} of {total}"),
    "no_hints": both("이 문제에는 힌트가 없습니다.", "This exercise has no hints."),
    "hints_used_up": both(
        "힌트를 모두 보았습니다 ({total}개).", "You have seen all {total} hints."
    ),
    "no_more_hints": both(
        "마지막 힌트였습니다. 힌트는 {total}개가 전부입니다.",
        "That was the last hint: there are no more ({total} in all).",
    ),
    "solution_locked": both(
        "풀이는 {needed}번 시도한 뒤에 볼 수 있습니다 (지금까지 {made}번).",
        "The solution unlocks after {needed} attempts (you have made {made}).",
    ),
    "solution_header": both("모범 답안", "Reference solution"),
}
