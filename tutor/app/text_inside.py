"""The words of the inside view (neuron view and step mode), in Korean and English
(`inside.<name>`; `key.<action>` for its keys). Part of the app's one message table."""

from __future__ import annotations

INSIDE_MESSAGES: dict[str, dict[str, str]] = {
    "key.train_pause": {"ko": "학습/멈춤", "en": "Train/pause"},
    "key.step": {"ko": "한 걸음", "en": "One step"},
    "key.step_size": {"ko": "배치/샘플", "en": "Batch/sample"},
    "inside.by_batch": {"ko": "한 걸음 = 배치 하나", "en": "a step = one batch"},
    "inside.by_sample": {"ko": "한 걸음 = 샘플 하나", "en": "a step = one sample"},
    "key.open_inside": {"ko": "신경망 속", "en": "Inside"},
    "help.open_inside": {
        "ko": "신경망 속 보기: 뉴런마다의 그림과 한 걸음씩 학습",
        "en": "Inside the network: each neuron's picture, and training one step at a time",
    },
    "inside.title": {"ko": "신경망 속 보기", "en": "Inside the network"},
    "inside.running": {"ko": "학습 중", "en": "training"},
    "inside.paused": {"ko": "멈춤", "en": "paused"},
    "inside.status": {
        "ko": "에포크 {epoch} · 걸음 {steps} · 손실 {loss}",
        "en": "epoch {epoch} · step {steps} · loss {loss}",
    },
    "inside.no_step": {
        "ko": "n을 누르면 학습을 멈추고 배치 하나로 한 걸음을 밟으며, 그 걸음의 모든 수를 "
        "여기에 보여 줍니다. 스페이스는 학습/멈춤, 화살표는 뉴런 고르기입니다.",
        "en": "Press n to pause and take one step on one batch: every number of that step "
        "appears here. Space trains and pauses; the arrows pick a neuron.",
    },
    "inside.diverged": {
        "ko": "{steps}번째 걸음에서 손실이 {value}이 되어 학습을 멈췄습니다. 오른쪽은 그 배치의 "
        "걸음입니다. 학습률이 너무 큰 것 같습니다.",
        "en": "The loss became {value} at step {steps} and training stopped; on the right, "
        "that batch's step. The learning rate is probably too high.",
    },
    "inside.fallback": {
        "ko": "이 창에는 뉴런 그림이 다 들어가지 않아 요약을 보여 줍니다. 창을 넓히면(120×40 "
        "이상) 그림으로 보입니다.",
        "en": "The neuron pictures do not fit here, so this is the summary; a larger terminal "
        "(120×40 or more) shows the pictures.",
    },
    "inside.input": {"ko": "입력", "en": "input"},
    "inside.weights": {"ko": "가중치", "en": "weights"},
    "inside.bias": {"ko": "편향", "en": "bias"},
    "inside.range": {"ko": "데이터에서 출력", "en": "output on the data"},
    "inside.dead": {
        "ko": "죽은 ReLU: 데이터의 어느 점에서도 z ≤ 0",
        "en": "dead ReLU: z ≤ 0 at every data point",
    },
    "inside.not_2d": {
        "ko": "신경망 속 보기는 입력이 2개인 데이터셋(and, or, xor)에서만 열립니다.",
        "en": "The inside view opens for data sets with 2 inputs only (and, or, xor).",
    },
    "inside.train_first": {
        "ko": "먼저 학습을 한 번 돌리세요(t). 그 신경망의 속을 보여 줍니다.",
        "en": "Train once first (t): the inside view shows that network.",
    },
}
