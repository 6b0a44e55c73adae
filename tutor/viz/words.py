"""The words of the text views, in Korean and English (a test checks both exist for every key)."""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "step_title": {
        "ko": "학습 {t}번째 걸음 · {optimizer} (학습률 {lr:g}) · 배치 {m}개",
        "en": "Training step {t} · {optimizer} (learning rate {lr:g}) · batch of {m}",
    },
    "forward": {"ko": "순전파 (앞으로)", "en": "Forward pass"},
    "backward": {"ko": "역전파 (마지막 층부터)", "en": "Backward pass (last layer first)"},
    "update": {
        "ko": "갱신: w ← w + Δw (옵티마이저가 실제로 더하는 값)",
        "en": "Update: w ← w + Δw (what the optimizer actually adds)",
    },
    "layer": {
        "ko": "{i}층 {name} ({activation}), {n} → {k}",
        "en": "Layer {i} {name} ({activation}), {n} → {k}",
    },
    "loss": {"ko": "손실 {name} = {value}", "en": "Loss {name} = {value}"},
    "fused": {
        "ko": "(시그모이드/소프트맥스와 교차 엔트로피: 엔진은 dL/dz = (a − y)/m를 바로 씁니다)",
        "en": "(sigmoid/softmax with cross-entropy: the engine uses dL/dz = (a − y)/m directly)",
    },
    "no_change": {
        "ko": "  모든 기울기가 0이라 어떤 가중치도 바뀌지 않았습니다"
        "(이 배치에서는 더 배울 것이 없습니다).",
        "en": "  Every gradient is 0, so no weight changed "
        "(nothing left to learn from this batch).",
    },
    "largest": {"ko": "가장 크게 바뀐 가중치", "en": "Largest changes"},
    "summary_note": {
        "ko": "큰 신경망이라 요약해서 보여 줍니다: 모양, 노름 ‖·‖, 처음 몇 개, 최솟값..최댓값.",
        "en": "A large network, shown in summary: shape, norm ‖·‖, first entries, min..max.",
    },
    "problem": {
        "ko": "⚠ {t}번째 걸음에서 inf/NaN이 나왔습니다: {where}",
        "en": "⚠ Step {t} produced inf/NaN: {where}",
    },
    "stopped": {
        "ko": "손실이 유한하지 않아 역전파와 갱신을 하지 않았습니다. fit도 여기서 멈춥니다. "
        "학습률을 낮추거나 입력의 크기를 맞추세요.",
        "en": "The loss is not finite, so there was no backward pass and no update; fit stops "
        "here too. Lower the learning rate or scale the inputs.",
    },
    "not_applied": {
        "ko": "(모델은 바뀌지 않았습니다: trace_step(..., apply=True)가 이 걸음을 실제로 밟습니다)",
        "en": "(The model is unchanged: trace_step(..., apply=True) takes this step for real)",
    },
    "neurons_title": {
        "ko": "뉴런 보기: 입력 평면 [{x0:g}, {x1:g}] × [{y0:g}, {y1:g}] 위에서 각 뉴런의 출력",
        "en": "Neuron view: each neuron's output over the input plane "
        "[{x0:g}, {x1:g}] × [{y0:g}, {y1:g}]",
    },
    "neurons_legend": {
        "ko": "+ * # 양수(파랑, 약→강)   - = % 음수(주황)   . 거의 0   (빈칸) 정확히 0",
        "en": "+ * # positive (blue, weak→strong)   - = % negative (orange)   . near 0   "
        "(blank) exactly 0",
    },
    "neurons_legend_colour": {
        "ko": "파랑 = 양수, 주황 = 음수, 진할수록 큼. 가중치 표시: + 양수, − 음수, 개수 = 크기",
        "en": "blue = positive, orange = negative, deeper = larger. Weight marks: + positive, "
        "− negative, count = size",
    },
    "dead": {"ko": "죽은 ReLU", "en": "dead ReLU"},
    "dead_note": {
        "ko": "죽은 ReLU: 데이터의 어느 점에서도 z ≤ 0이라 출력이 늘 0이고, "
        "기울기도 흐르지 않습니다.",
        "en": "Dead ReLU: z ≤ 0 at every data point, so it always outputs 0 and no gradient "
        "flows through it.",
    },
    "neuron_line": {
        "ko": "{label}  가중치 {weights}  편향 {bias}  데이터에서 출력 {low}..{high}",
        "en": "{label}  weights {weights}  bias {bias}  output on the data {low}..{high}",
    },
    "too_large": {
        "ko": "뉴런이 {count}개라 다 그릴 수 없습니다(최대 {limit}개): 층마다 요약만 보여 줍니다.",
        "en": "{count} neurons are too many to draw (at most {limit}): each layer in summary only.",
    },
    "not_2d": {
        "ko": "입력이 {n}개라 평면 위 그림은 없습니다(입력이 2개일 때만 그립니다).",
        "en": "The network has {n} inputs, so there is no picture over the plane "
        "(only for 2 inputs).",
    },
    "layer_summary": {
        "ko": "{i}층 {name} ({activation}): 뉴런 {k}개, ‖W‖ = {norm}, 죽은 ReLU {dead}개",
        "en": "Layer {i} {name} ({activation}): {k} neurons, ‖W‖ = {norm}, {dead} dead ReLU",
    },
    "output": {"ko": "출력", "en": "output"},
    "inputs": {"ko": "입력", "en": "inputs"},
}


def w(key: str, lang: str, /, **values: object) -> str:
    """The text view's word `key` in `lang` ("ko" when unknown), placeholders filled."""
    text = WORDS[key]
    return text.get(lang, text["ko"]).format(**values)
