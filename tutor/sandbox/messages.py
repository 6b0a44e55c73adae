"""Plain-words explanations of a sandbox verdict, in Korean and in English."""

from __future__ import annotations

from .model import LearnerError

Message = dict[str, str]

# Signal name -> what happened, in plain words (Korean, English).
_SIGNAL_WORDS = {
    "SIGSEGV": ("접근하면 안 되는 메모리를 건드렸어요", "it touched memory it must not touch"),
    "SIGBUS": ("잘못된 메모리 접근이 있었어요", "an invalid memory access"),
    "SIGABRT": (
        "파이썬이나 라이브러리가 내부 오류로 실행을 포기했어요",
        "Python or a library gave up after an internal error",
    ),
    "SIGFPE": ("계산 중 치명적인 오류가 났어요", "a fatal arithmetic error"),
    "SIGILL": ("실행할 수 없는 명령을 만났어요", "an instruction the processor cannot run"),
    "SIGTERM": ("밖에서 종료 요청을 받았어요", "it was asked to stop from outside"),
}


def _both(ko: str, en: str) -> Message:
    return {"ko": ko, "en": en}


def _seconds(value: float) -> str:
    return f"{value:g}"


def ran(total: int, failed: int) -> Message:
    if failed == 0:
        return _both(
            f"코드가 실행되었어요. 함수 호출 {total}번이 모두 값을 돌려줬어요.",
            f"Your code ran: all {total} calls returned a value.",
        )
    return _both(
        f"코드가 실행되었어요. 다만 함수 호출 {total}번 중 {failed}번에서 예외가 났어요.",
        f"Your code ran, but {failed} of {total} calls raised an exception.",
    )


def timeout(seconds: float) -> Message:
    t = _seconds(seconds)
    return _both(
        f"코드가 {t}초 안에 끝나지 않아서 튜터가 멈췄어요. "
        "반복문의 조건이 언젠가는 거짓이 되는지 확인해 보세요.",
        f"Your code did not finish within {t} s, so the tutor stopped it: "
        "does a loop's condition ever become false?",
    )


def memory(megabytes: int) -> Message:
    return _both(
        f"코드가 메모리를 {megabytes} MB 넘게 써서 멈췄어요. 아주 큰 리스트나 배열을 만들거나, "
        "반복문 안에서 끝없이 커지는 것이 없는지 확인해 보세요.",
        f"Your code used more than {megabytes} MB of memory, so it was stopped: is it building "
        "a very large list or array, or one that keeps growing inside a loop?",
    )


def output_limit(limit: int) -> Message:
    return _both(
        f"코드가 {limit:,}자가 넘게 출력해서 튜터가 멈췄어요. "
        "여러 번 도는 반복문 안에 print()가 있지 않은지 확인해 보세요.",
        f"Your code printed more than {limit:,} characters, so the tutor stopped it: "
        "is there a print() inside a loop that runs many times?",
    )


def syntax_error(error: LearnerError) -> Message:
    where_ko = f"{error.line}번째 줄에 " if error.line else ""
    where_en = f" on line {error.line}" if error.line else ""
    if error.type_name in ("IndentationError", "TabError"):
        hint_ko = "들여쓰기(줄 앞의 공백)가 위아래 줄과 맞는지 확인해 보세요."
        hint_en = "Check that line's indentation (the spaces at its start) against its neighbours."
    else:
        hint_ko = "그 줄과 바로 앞 줄에 괄호, 콜론(:), 따옴표가 빠지지 않았는지 확인해 보세요."
        hint_en = "Check that line and the one before it for a missing bracket, colon or quote."
    return _both(
        f"파이썬이 코드를 읽지 못했어요. {where_ko}문법 오류가 있어요: {error.message}. {hint_ko}",
        f"Python could not read your code: {error.type_name}{where_en}: {error.message}. {hint_en}",
    )


def module_error(error: LearnerError) -> Message:
    where_ko = f"{error.line}번째 줄에서 " if error.line else ""
    where_en = f" on line {error.line}" if error.line else ""
    return _both(
        f"함수를 부르기 전에, 코드를 불러오는 중 {where_ko}예외가 났어요: {error}",
        f"Your code raised {error.type_name}{where_en} while it was loading, "
        f"before any function was called: {error.message}",
    )


def setup_error(error: LearnerError) -> Message:
    return _both(
        f"연습 문제의 준비 코드가 실패했어요 ({error}). "
        "여러분의 코드가 아니라 레슨의 버그예요. 알려 주시면 고칠게요.",
        f"The exercise's own setup code failed ({error}). "
        "This is a bug in the lesson, not in your code: please report it.",
    )


def sys_exit(code: int, line: int | None) -> Message:
    where_ko = f"{line}번째 줄의 " if line else ""
    where_en = f" on line {line}" if line else ""
    return _both(
        f"{where_ko}sys.exit()가 프로그램을 끝내 버려서(종료 코드 {code}) "
        "튜터가 함수를 확인할 수 없었어요. 그 호출을 지우고 결과를 return 해 주세요.",
        f"sys.exit(){where_en} ended the program (exit code {code}) before the tutor could "
        "check your function: remove that call and return the result instead.",
    )


def exited(code: int) -> Message:
    return _both(
        f"모든 함수 호출이 끝나기 전에 파이썬이 종료 코드 {code}(으)로 끝났어요. "
        "코드에서 os._exit()나 exit()를 부르고 있지 않은지 확인해 보세요.",
        f"Python ended with exit code {code} before all your function calls finished: "
        "does your code call os._exit() or exit()?",
    )


def killed(signal_name: str) -> Message:
    if signal_name == "SIGKILL":
        return _both(
            "파이썬이 밖에서 강제로 종료되었어요(SIGKILL). "
            "컴퓨터의 메모리가 모자랄 때 이런 일이 가장 흔해요.",
            "Python was killed from outside (SIGKILL), most often because the computer ran "
            "out of memory.",
        )
    words_ko, words_en = _SIGNAL_WORDS.get(
        signal_name, ("운영체제가 프로세스를 멈췄어요", "the operating system stopped it")
    )
    return _both(
        f"파이썬이 갑자기 멈췄어요(시그널 {signal_name}: {words_ko}). 보통의 파이썬 코드보다는 "
        "ctypes나 C 확장 모듈 때문에 생기는 일이 많아요.",
        f"Python stopped abruptly (signal {signal_name}: {words_en}). This usually comes from "
        "ctypes or a C extension rather than from ordinary Python code.",
    )


def sandbox_failed(detail: str) -> Message:
    return _both(
        f"튜터의 샌드박스가 코드를 실행하지 못했어요 ({detail}). "
        "여러분의 코드가 아니라 튜터의 버그예요. 알려 주시면 고칠게요.",
        f"The tutor's sandbox could not run your code ({detail}). "
        "This is a bug in the tutor, not in your code: please report it.",
    )
