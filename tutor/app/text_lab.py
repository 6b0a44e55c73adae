"""The words of the training lab and the playground, in Korean and English (`lab.<name>`;
`key.<action>` for their keys). Part of the app's one message table: look them up with
`tutor.app.text.t`, like every other message.

    t("lab.epoch_progress", "ko", epoch=3, epochs=20)  ->  "에포크 3/20"

Metric and layer names that learners meet in Keras (loss, accuracy, relu, adam) stay as they are
in both languages, next to the Korean word where it helps.
"""

from __future__ import annotations

LAB_MESSAGES: dict[str, dict[str, str]] = {
    # ---- both screens ---------------------------------------------------------------------
    "key.stop": {"ko": "멈춤", "en": "Stop"},
    "key.stop_or_back": {"ko": "멈춤/뒤로", "en": "Stop/back"},
    "lab.hidden_layers": {"ko": "은닉층", "en": "Hidden units"},
    "lab.hidden_hint": {"ko": "예: 128, 64", "en": "e.g. 128, 64"},
    "lab.activation": {"ko": "활성화 함수", "en": "Activation"},
    "lab.learning_rate": {"ko": "학습률", "en": "Learning rate"},
    "lab.train_word": {"ko": "훈련", "en": "train"},
    "lab.validation_word": {"ko": "검증", "en": "validation"},
    "lab.test_word": {"ko": "테스트", "en": "test"},
    "lab.epoch_axis": {"ko": "에포크 (epoch)", "en": "epoch"},
    "lab.loss_title": {"ko": "손실 (loss)", "en": "Loss"},
    "lab.accuracy_title": {"ko": "정확도 (accuracy)", "en": "Accuracy"},
    "lab.bad_hidden": {
        "ko": "은닉층 유닛 수는 1~4096 사이의 자연수를 쉼표로 구분해 적습니다 (예: 128, 64). "
        "'{value}'은(는) 쓸 수 없습니다.",
        "en": "Hidden layer units are whole numbers from 1 to 4096 separated by commas "
        "(e.g. 128, 64); '{value}' is not one.",
    },
    "lab.bad_number": {
        "ko": "{field}에는 {expected}을(를) 적어야 합니다. '{value}'은(는) 쓸 수 없습니다.",
        "en": "{field} needs {expected}; '{value}' is not one.",
    },
    "lab.positive_number": {"ko": "0보다 큰 수", "en": "a number greater than 0"},
    "lab.whole_number": {
        "ko": "{low}~{high} 사이의 자연수",
        "en": "a whole number from {low} to {high}",
    },
    "lab.failed": {
        "ko": "학습 중 오류가 났습니다: {error}",
        "en": "Training failed: {error}",
    },
    # ---- training lab ---------------------------------------------------------------------
    "lab.lab_title": {"ko": "학습 실험실", "en": "Training lab"},
    "key.train": {"ko": "학습", "en": "Train"},
    "key.show_curves": {"ko": "곡선", "en": "Curves"},
    "key.toggle_settings": {"ko": "설정 보기", "en": "Settings"},
    "key.show_results": {"ko": "결과", "en": "Results"},
    "lab.dataset": {"ko": "데이터셋", "en": "Data set"},
    "lab.optimizer": {"ko": "옵티마이저", "en": "Optimizer"},
    "lab.epochs": {"ko": "에포크 수", "en": "Epochs"},
    "lab.batch_size": {"ko": "배치 크기", "en": "Batch size"},
    "lab.scale_tables": {"ko": "입력 표준화", "en": "Standardise inputs"},
    "lab.scale_images": {"ko": "픽셀을 0~1로 나누기", "en": "Scale pixels to 0-1"},
    "lab.train_button": {"ko": "학습 (t)", "en": "Train (t)"},
    "lab.stop_button": {"ko": "멈춤 (s)", "en": "Stop (s)"},
    "lab.architecture": {
        "ko": "구조 {sizes}{none}\n출력 {output}\n파라미터 {params:,}개",
        "en": "Layers {sizes}{none}\nOutput {output}\n{params:,} parameters",
    },
    "lab.no_hidden": {"ko": " (은닉층 없음)", "en": " (no hidden layer)"},
    "lab.output_sigmoid": {"ko": "sigmoid", "en": "sigmoid"},
    "lab.output_softmax": {"ko": "softmax {classes}", "en": "softmax {classes}"},
    "lab.data_rows": {
        "ko": "훈련 {train:,}개 (검증 {validation:,}개 포함)\n테스트 {test:,}개",
        "en": "Train {train:,} (validation {validation:,})\nTest {test:,}",
    },
    "lab.data_rows_gate": {
        "ko": "진리표 4줄 (훈련 = 테스트)",
        "en": "a 4-row truth table (train = test)",
    },
    "lab.tab_curves": {"ko": "학습 곡선", "en": "Curves"},
    "lab.tab_results": {"ko": "결과", "en": "Results"},
    "lab.idle": {
        "ko": "설정을 고르고 t를 눌러 학습을 시작하세요.",
        "en": "Choose the settings, then press t to train.",
    },
    "lab.loading": {"ko": "{dataset} 데이터를 불러오는 중…", "en": "Loading {dataset}…"},
    "lab.epoch_progress": {"ko": "에포크 {epoch}/{epochs}", "en": "epoch {epoch}/{epochs}"},
    "lab.elapsed": {"ko": "경과 {time}", "en": "elapsed {time}"},
    "lab.eta": {"ko": "남은 시간 {time}", "en": "ETA {time}"},
    "lab.metric_loss": {"ko": "손실", "en": "loss"},
    "lab.metric_accuracy": {"ko": "정확도", "en": "accuracy"},
    "lab.metric_val_loss": {"ko": "검증 손실", "en": "val_loss"},
    "lab.metric_val_accuracy": {"ko": "검증 정확도", "en": "val_accuracy"},
    "lab.stopping": {"ko": "멈추는 중…", "en": "Stopping…"},
    "lab.evaluating": {"ko": "테스트 데이터로 평가하는 중…", "en": "Evaluating on the test data…"},
    "lab.finished": {
        "ko": "학습 완료 ({epochs} 에포크, {time}): 테스트 정확도 {accuracy}",
        "en": "Done ({epochs} epochs, {time}): test accuracy {accuracy}",
    },
    "lab.stopped": {
        "ko": "멈춤: {epochs} 에포크 중 {epoch} 에포크까지 학습했습니다. 테스트 정확도 {accuracy}",
        "en": "Stopped after epoch {epoch} of {epochs}. Test accuracy {accuracy}",
    },
    "lab.diverged": {
        "ko": "{epoch}번째 에포크에서 손실이 {value}이(가) 되어 학습을 멈췄습니다. "
        "학습률 {lr}이(가) 너무 큰 것 같습니다 (또는 입력의 크기가 맞춰지지 않았습니다): "
        "가중치가 한 번에 너무 멀리 움직여 끝없이 커졌습니다. "
        "학습률을 10배쯤 줄여 다시 해 보세요.",
        "en": "The loss became {value} at epoch {epoch}, so training stopped: the learning rate "
        "{lr} is probably too high (or the inputs are not scaled), so the weights overshot "
        "and grew without bound. Try a learning rate about ten times smaller.",
    },
    "lab.results_empty": {
        "ko": "학습이 끝나면 테스트 결과가 여기에 나옵니다.",
        "en": "The test results appear here when training ends.",
    },
    "lab.curves_empty": {
        "ko": "학습을 시작하면 곡선이 여기에 그려집니다.",
        "en": "The curves are drawn here while the model trains.",
    },
    "lab.test_summary": {
        "ko": "테스트 손실 {loss} · 테스트 정확도 {accuracy} ({correct:,}/{total:,}개 맞음)",
        "en": "Test loss {loss} · test accuracy {accuracy} ({correct:,} of {total:,} right)",
    },
    "lab.train_summary": {
        "ko": "마지막 에포크: 훈련 정확도 {train} · 검증 정확도 {validation}",
        "en": "Last epoch: training accuracy {train} · validation accuracy {validation}",
    },
    "lab.overfitting": {
        "ko": "훈련 정확도가 테스트 정확도보다 {gap}%p 높습니다: "
        "과대적합(overfitting)의 신호입니다.",
        "en": "Training accuracy is {gap} points above test accuracy: a sign of overfitting.",
    },
    "lab.confusion_title": {
        "ko": "혼동 행렬 (행: 정답, 열: 예측)",
        "en": "Confusion matrix (rows: true class, columns: predicted)",
    },
    "lab.confusion_corner": {"ko": "정답＼예측", "en": "true＼pred"},
    "lab.samples_title": {"ko": "테스트 예시", "en": "Test examples"},
    "lab.sample_row": {
        "ko": "#{index}: 정답 {true}, 예측 {predicted} (확신 {confidence:.0%}) {mark}",
        "en": "#{index}: true {true}, predicted {predicted} ({confidence:.0%} sure) {mark}",
    },
    "lab.predicted_short": {"ko": "예측 {label}", "en": "pred {label}"},
    "lab.true_short": {"ko": "정답 {label}", "en": "true {label}"},
    # ---- playground -----------------------------------------------------------------------
    "lab.playground_title": {"ko": "플레이그라운드", "en": "Playground"},
    "key.start_or_pause": {"ko": "시작/멈춤", "en": "Start/stop"},
    "key.reset": {"ko": "초기화", "en": "Reset"},
    "lab.pg_dataset": {"ko": "데이터", "en": "Data"},
    "lab.pg_circle": {"ko": "원 (circle)", "en": "Circle"},
    "lab.pg_xor": {"ko": "XOR", "en": "XOR"},
    "lab.pg_gauss": {"ko": "가우스 (gauss)", "en": "Gaussian"},
    "lab.pg_spiral": {"ko": "나선 (spiral)", "en": "Spiral"},
    "lab.noise": {"ko": "노이즈", "en": "Noise"},
    "lab.test_ratio": {"ko": "테스트 비율", "en": "Test ratio"},
    "lab.speed": {"ko": "속도", "en": "Speed"},
    "lab.speed_value": {"ko": "초당 {count} 에포크", "en": "{count} epochs/s"},
    "lab.speed_max": {"ko": "최대", "en": "as fast as it goes"},
    "lab.start_button": {"ko": "시작", "en": "Start"},
    "lab.pause_button": {"ko": "멈춤", "en": "Pause"},
    "lab.reset_button": {"ko": "초기화", "en": "Reset"},
    "lab.pg_status": {
        "ko": "에포크 {epoch:,} · 손실: 훈련 {train}, 테스트 {test}",
        "en": "Epoch {epoch:,} · loss: training {train}, test {test}",
    },
    "lab.pg_idle": {
        "ko": "space로 학습을 시작하고 멈춥니다. 설정을 바꾸면 신경망이 처음부터 다시 시작합니다.",
        "en": "Space starts and pauses training. Changing a setting starts the network afresh.",
    },
    "lab.pg_running": {"ko": "학습 중…", "en": "Training…"},
    "lab.pg_paused": {"ko": "멈춤", "en": "Paused"},
    "lab.pg_reset": {"ko": "새 신경망 (학습 전)", "en": "A new network (untrained)"},
    "lab.pg_legend": {"ko": "● 훈련  ○ 테스트", "en": "● training  ○ test"},
    "lab.pg_background": {
        "ko": "배경색은 신경망의 예측입니다: 색이 진할수록 확신이 큽니다.",
        "en": "The background is the network's answer: the deeper the colour, the surer.",
    },
    "lab.pg_blue": {"ko": "파랑 (1)", "en": "blue (1)"},
    "lab.pg_orange": {"ko": "주황 (0)", "en": "orange (0)"},
    "lab.pg_loss_title": {"ko": "손실", "en": "Loss"},
}
