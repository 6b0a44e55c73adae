"""What the engine reports, in the learner's language.

The engine stays free of UI text: a model that stops early sets `stop_code` ("bad_loss",
"requested", "early_stopping") and `stop_info` (the numbers), and a perceptron's result carries
`converged`, `epochs` and the rows still wrong. This module words those in Korean and English for
the exercise kinds, the lab and the lessons (`explain(result, "ko")`); `stop_reason` and
`PerceptronResult.explanation` remain the engine's own English for people using it directly.

    from tutor.engine_text import explain
    print(explain(result, "ko"))      # a PerceptronResult, or a model after fit
"""

from __future__ import annotations

from typing import Any

from tutor.i18n import LANGS, Text, both

_STOP = {
    "bad_loss": both(
        "{epoch}번째 에포크의 {batch}번째 배치에서 손실이 {loss}이(가) 되었습니다. 학습률 "
        "{learning_rate}이(가) 너무 크거나 입력의 크기가 맞지 않아 가중치가 한없이 커진 것입니다. "
        "학습을 멈췄고, 가중치는 이 배치 전의 값입니다.",
        "The loss became {loss} at epoch {epoch}, batch {batch}: the learning rate "
        "{learning_rate} is probably too high (or the inputs are not scaled), so the weights "
        "overshot and grew without bound. Training stopped; the weights are those from before "
        "this batch.",
    ),
    "requested": both(
        "{epoch}번째 에포크의 {batch}번째 배치에서 요청에 따라 학습을 멈췄습니다 "
        "(model.stop_training = True).",
        "Training was stopped on request (model.stop_training = True) at epoch {epoch}, "
        "batch {batch}.",
    ),
    "early_stopping": both(
        "{epoch}번째 에포크에서 조기 종료: {monitor}이(가) {wait} 에포크 동안 나아지지 "
        "않았습니다(가장 좋은 값 {best:.4f}, {best_epoch}번째 에포크).",
        "Early stopping at epoch {epoch}: {monitor} did not improve for {wait} epochs "
        "(best {best:.4f} at epoch {best_epoch}).",
    ),
}
_PERCEPTRON = {
    "converged": both(
        "{epochs}바퀴 만에 모든 줄을 맞혔습니다.",
        "Every row is right after {epochs} pass{es}.",
    ),
    "not_converged": both(
        "수렴하지 못했습니다. {epochs}바퀴를 돌고도 {wrong}줄이 여전히 틀립니다. 퍼셉트론 규칙은 "
        "w·x에 어떤 역치를 두어 1인 줄과 0인 줄을 가를 수 있을 때만 성공하는데, 이 설정으로는 "
        "그런 역치가 없습니다.",
        "Not converged: after {epochs} passes {wrong} row{s} still wrong. The rule only "
        "succeeds when some threshold on w·x separates the rows labelled 1 from those labelled "
        "0; here none does with these settings.",
    ),
}


def stop_text(code: str | None, info: dict[str, Any]) -> Text | None:
    """Why training stopped early, in both languages; None when it did not stop early."""
    template = _STOP.get(code or "")
    if template is None:
        return None
    try:
        return {lang: template[lang].format(**info) for lang in LANGS}
    except (KeyError, ValueError, IndexError):  # numbers missing or odd: say it plainly
        return both("학습이 일찍 멈췄습니다.", "Training stopped early.")


def perceptron_text(result: Any) -> Text:
    """A PerceptronResult (converged, epochs, rows still wrong) in both languages."""
    epochs = int(result.epochs)
    if result.converged:
        values = {"epochs": epochs, "es": "" if epochs == 1 else "es"}
        return {lang: _PERCEPTRON["converged"][lang].format(**values) for lang in LANGS}
    wrong = int(result.history[-1].wrong) if result.history else 0
    values = {"epochs": epochs, "wrong": wrong, "s": " is" if wrong == 1 else "s are"}
    return {lang: _PERCEPTRON["not_converged"][lang].format(**values) for lang in LANGS}


def explain(thing: Any, lang: str) -> str:
    """The engine's report on `thing` (a PerceptronResult, or a model after fit) in `lang`."""
    if hasattr(thing, "converged") and hasattr(thing, "history"):
        return perceptron_text(thing)[lang]
    text = stop_text(getattr(thing, "stop_code", None), getattr(thing, "stop_info", {}) or {})
    if text is None:
        return both("학습이 끝까지 돌았습니다.", "Training ran to the end.")[lang]
    return text[lang]
