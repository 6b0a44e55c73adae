"""Every word the training lab and the playground show, in Korean and English.

    tr("epoch_progress", "ko", epoch=3, epochs=20)  ->  "에포크 3/20"

Metric and layer names that learners meet in Keras (loss, accuracy, relu, adam) stay as they are
in both languages, next to the Korean word where it helps.
"""

from __future__ import annotations

LANGS = ("ko", "en")

TEXT: dict[str, dict[str, str]] = {
    # ---- both screens ---------------------------------------------------------------------
    "key_stop": {"ko": "멈춤", "en": "Stop"},
    "key_back": {"ko": "멈춤/뒤로", "en": "Stop/back"},
    "hidden_layers": {"ko": "은닉층", "en": "Hidden units"},
    "hidden_hint": {"ko": "예: 128, 64", "en": "e.g. 128, 64"},
    "activation": {"ko": "활성화 함수", "en": "Activation"},
    "learning_rate": {"ko": "학습률", "en": "Learning rate"},
    "train_word": {"ko": "훈련", "en": "train"},
    "validation_word": {"ko": "검증", "en": "validation"},
    "test_word": {"ko": "테스트", "en": "test"},
    "epoch_axis": {"ko": "에포크 (epoch)", "en": "epoch"},
    "loss_title": {"ko": "손실 (loss)", "en": "Loss"},
    "accuracy_title": {"ko": "정확도 (accuracy)", "en": "Accuracy"},
    "bad_hidden": {
        "ko": "은닉층 유닛 수는 1~4096 사이의 자연수를 쉼표로 구분해 적습니다 (예: 128, 64). "
        "'{value}'은(는) 쓸 수 없습니다.",
        "en": "Hidden layer units are whole numbers from 1 to 4096 separated by commas "
        "(e.g. 128, 64); '{value}' is not one.",
    },
    "bad_number": {
        "ko": "{field}에는 {expected}을(를) 적어야 합니다. '{value}'은(는) 쓸 수 없습니다.",
        "en": "{field} needs {expected}; '{value}' is not one.",
    },
    "positive_number": {"ko": "0보다 큰 수", "en": "a number greater than 0"},
    "whole_number": {
        "ko": "{low}~{high} 사이의 자연수",
        "en": "a whole number from {low} to {high}",
    },
    "failed": {
        "ko": "학습 중 오류가 났습니다: {error}",
        "en": "Training failed: {error}",
    },
    # ---- training lab ---------------------------------------------------------------------
    "lab_title": {"ko": "학습 실험실", "en": "Training lab"},
    "key_train": {"ko": "학습", "en": "Train"},
    "key_curves": {"ko": "곡선", "en": "Curves"},
    "key_settings": {"ko": "설정 보기", "en": "Settings"},
    "key_results": {"ko": "결과", "en": "Results"},
    "dataset": {"ko": "데이터셋", "en": "Data set"},
    "optimizer": {"ko": "옵티마이저", "en": "Optimizer"},
    "epochs": {"ko": "에포크 수", "en": "Epochs"},
    "batch_size": {"ko": "배치 크기", "en": "Batch size"},
    "scale_tables": {"ko": "입력 표준화", "en": "Standardise inputs"},
    "scale_images": {"ko": "픽셀을 0~1로 나누기", "en": "Scale pixels to 0-1"},
    "train_button": {"ko": "학습 (t)", "en": "Train (t)"},
    "stop_button": {"ko": "멈춤 (s)", "en": "Stop (s)"},
    "architecture": {
        "ko": "구조 {sizes}{none}\n출력 {output}\n파라미터 {params:,}개",
        "en": "Layers {sizes}{none}\nOutput {output}\n{params:,} parameters",
    },
    "no_hidden": {"ko": " (은닉층 없음)", "en": " (no hidden layer)"},
    "output_sigmoid": {"ko": "sigmoid", "en": "sigmoid"},
    "output_softmax": {"ko": "softmax {classes}", "en": "softmax {classes}"},
    "data_rows": {
        "ko": "훈련 {train:,}개 (검증 {validation:,}개 포함)\n테스트 {test:,}개",
        "en": "Train {train:,} (validation {validation:,})\nTest {test:,}",
    },
    "data_rows_gate": {
        "ko": "진리표 4줄 (훈련 = 테스트)",
        "en": "a 4-row truth table (train = test)",
    },
    "tab_curves": {"ko": "학습 곡선", "en": "Curves"},
    "tab_results": {"ko": "결과", "en": "Results"},
    "idle": {
        "ko": "설정을 고르고 t를 눌러 학습을 시작하세요.",
        "en": "Choose the settings, then press t to train.",
    },
    "loading": {"ko": "{dataset} 데이터를 불러오는 중…", "en": "Loading {dataset}…"},
    "epoch_progress": {"ko": "에포크 {epoch}/{epochs}", "en": "epoch {epoch}/{epochs}"},
    "elapsed": {"ko": "경과 {time}", "en": "elapsed {time}"},
    "eta": {"ko": "남은 시간 {time}", "en": "ETA {time}"},
    "metric_loss": {"ko": "손실", "en": "loss"},
    "metric_accuracy": {"ko": "정확도", "en": "accuracy"},
    "metric_val_loss": {"ko": "검증 손실", "en": "val_loss"},
    "metric_val_accuracy": {"ko": "검증 정확도", "en": "val_accuracy"},
    "stopping": {"ko": "멈추는 중…", "en": "Stopping…"},
    "evaluating": {"ko": "테스트 데이터로 평가하는 중…", "en": "Evaluating on the test data…"},
    "finished": {
        "ko": "학습 완료 ({epochs} 에포크, {time}): 테스트 정확도 {accuracy}",
        "en": "Done ({epochs} epochs, {time}): test accuracy {accuracy}",
    },
    "stopped": {
        "ko": "멈춤: {epochs} 에포크 중 {epoch} 에포크까지 학습했습니다. 테스트 정확도 {accuracy}",
        "en": "Stopped after epoch {epoch} of {epochs}. Test accuracy {accuracy}",
    },
    "diverged": {
        "ko": "{epoch}번째 에포크에서 손실이 {value}이(가) 되어 학습을 멈췄습니다. "
        "학습률 {lr}이(가) 너무 큰 것 같습니다 (또는 입력의 크기가 맞춰지지 않았습니다): "
        "가중치가 한 번에 너무 멀리 움직여 끝없이 커졌습니다. "
        "학습률을 10배쯤 줄여 다시 해 보세요.",
        "en": "The loss became {value} at epoch {epoch}, so training stopped: the learning rate "
        "{lr} is probably too high (or the inputs are not scaled), so the weights overshot "
        "and grew without bound. Try a learning rate about ten times smaller.",
    },
    "engine_said": {"ko": "엔진 메시지: {reason}", "en": "The engine said: {reason}"},
    "results_empty": {
        "ko": "학습이 끝나면 테스트 결과가 여기에 나옵니다.",
        "en": "The test results appear here when training ends.",
    },
    "curves_empty": {
        "ko": "학습을 시작하면 곡선이 여기에 그려집니다.",
        "en": "The curves are drawn here while the model trains.",
    },
    "test_summary": {
        "ko": "테스트 손실 {loss} · 테스트 정확도 {accuracy} ({correct:,}/{total:,}개 맞음)",
        "en": "Test loss {loss} · test accuracy {accuracy} ({correct:,} of {total:,} right)",
    },
    "train_summary": {
        "ko": "마지막 에포크: 훈련 정확도 {train} · 검증 정확도 {validation}",
        "en": "Last epoch: training accuracy {train} · validation accuracy {validation}",
    },
    "overfitting": {
        "ko": "훈련 정확도가 테스트 정확도보다 {gap}%p 높습니다: "
        "과대적합(overfitting)의 신호입니다.",
        "en": "Training accuracy is {gap} points above test accuracy: a sign of overfitting.",
    },
    "confusion_title": {
        "ko": "혼동 행렬 (행: 정답, 열: 예측)",
        "en": "Confusion matrix (rows: true class, columns: predicted)",
    },
    "confusion_corner": {"ko": "정답＼예측", "en": "true＼pred"},
    "samples_title": {"ko": "테스트 예시", "en": "Test examples"},
    "sample_row": {
        "ko": "#{index}: 정답 {true}, 예측 {predicted} (확신 {confidence:.0%}) {mark}",
        "en": "#{index}: true {true}, predicted {predicted} ({confidence:.0%} sure) {mark}",
    },
    "predicted_short": {"ko": "예측 {label}", "en": "pred {label}"},
    "true_short": {"ko": "정답 {label}", "en": "true {label}"},
    # ---- playground -----------------------------------------------------------------------
    "playground_title": {"ko": "플레이그라운드", "en": "Playground"},
    "key_start_stop": {"ko": "시작/멈춤", "en": "Start/stop"},
    "key_reset": {"ko": "초기화", "en": "Reset"},
    "pg_dataset": {"ko": "데이터", "en": "Data"},
    "pg_circle": {"ko": "원 (circle)", "en": "Circle"},
    "pg_xor": {"ko": "XOR", "en": "XOR"},
    "pg_gauss": {"ko": "가우스 (gauss)", "en": "Gaussian"},
    "pg_spiral": {"ko": "나선 (spiral)", "en": "Spiral"},
    "noise": {"ko": "노이즈", "en": "Noise"},
    "test_ratio": {"ko": "테스트 비율", "en": "Test ratio"},
    "speed": {"ko": "속도", "en": "Speed"},
    "speed_value": {"ko": "초당 {count} 에포크", "en": "{count} epochs/s"},
    "speed_max": {"ko": "최대", "en": "as fast as it goes"},
    "start_button": {"ko": "시작", "en": "Start"},
    "pause_button": {"ko": "멈춤", "en": "Pause"},
    "reset_button": {"ko": "초기화", "en": "Reset"},
    "pg_status": {
        "ko": "에포크 {epoch:,} · 손실: 훈련 {train}, 테스트 {test}",
        "en": "Epoch {epoch:,} · loss: training {train}, test {test}",
    },
    "pg_idle": {
        "ko": "space로 학습을 시작하고 멈춥니다. 설정을 바꾸면 신경망이 처음부터 다시 시작합니다.",
        "en": "Space starts and pauses training. Changing a setting starts the network afresh.",
    },
    "pg_running": {"ko": "학습 중…", "en": "Training…"},
    "pg_paused": {"ko": "멈춤", "en": "Paused"},
    "pg_reset": {"ko": "새 신경망 (학습 전)", "en": "A new network (untrained)"},
    "pg_legend": {"ko": "● 훈련  ○ 테스트", "en": "● training  ○ test"},
    "pg_background": {
        "ko": "배경색은 신경망의 예측입니다: 색이 진할수록 확신이 큽니다.",
        "en": "The background is the network's answer: the deeper the colour, the surer.",
    },
    "pg_blue": {"ko": "파랑 (1)", "en": "blue (1)"},
    "pg_orange": {"ko": "주황 (0)", "en": "orange (0)"},
    "pg_loss_title": {"ko": "손실", "en": "Loss"},
}


def tr(key: str, lang: str, /, **values: object) -> str:
    """The text `key` in `lang` (Korean when `lang` is unknown), with placeholders filled in."""
    entry = TEXT[key]
    text = entry.get(lang) or entry["ko"]
    return text.format(**values) if values else text


def lang_of(app: object) -> str:
    """The app's language: `app.lang` when it is "ko" or "en", else Korean."""
    lang = getattr(app, "lang", "ko")
    return lang if lang in LANGS else "ko"


def format_seconds(seconds: float | None) -> str:
    """0:07, 2:05, 1:02:03; "–" when unknown."""
    if seconds is None or seconds != seconds or seconds < 0:
        return "–"
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02}:{secs:02}" if hours else f"{minutes}:{secs:02}"


def follow_language(node, callback) -> bool:
    """Call `callback(lang)` whenever the app's `lang` changes, if `lang` is a Textual reactive.

    Returns False (and does nothing) when the app has no reactive `lang`: the screen then keeps
    the language it read when it opened.
    """
    from textual.reactive import Reactive

    if not isinstance(getattr(type(node.app), "lang", None), Reactive):
        return False
    node.watch(node.app, "lang", lambda lang: callback(lang if lang in LANGS else "ko"), init=False)
    return True


def localize_bindings(node, descriptions: dict[str, str]) -> None:
    """Give the node's key bindings these descriptions (by action) in the footer."""
    from dataclasses import replace

    bindings = getattr(node, "_bindings", None)
    if bindings is None:
        return
    for key, entries in bindings.key_to_bindings.items():
        bindings.key_to_bindings[key] = [
            replace(b, description=descriptions[b.action]) if b.action in descriptions else b
            for b in entries
        ]
    node.refresh_bindings()
