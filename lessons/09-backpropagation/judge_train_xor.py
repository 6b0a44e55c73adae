"""Judge of exercise 09.train-xor (runs in the parent, on the weights the learner's loop returned).

The case passes when the network X -> Dense(k, relu) -> Dense(1, sigmoid) with those weights gets
all four XOR rows right and its mean binary crossentropy is below LOSS_BOUND.
"""

import numpy as np

LOSS_BOUND = 0.05
GOAL = f"accuracy = 1.0, loss < {LOSS_BOUND}"


def judge(value, X, Y, seed):
    if not isinstance(value, tuple | list) or len(value) != 4:
        got = f"{len(value)}" if isinstance(value, tuple | list) else type(value).__name__
        return {
            "ko": f"train_xor는 (W1, b1, W2, b2) 네 개를 돌려주어야 하는데 {got}을(를) 돌려주었습니다.",
            "en": f"train_xor must return the four arrays (W1, b1, W2, b2); it returned {got}.",
        }
    try:
        W1, b1, W2, b2 = (np.asarray(v, dtype=float) for v in value)
    except (TypeError, ValueError):
        return {"ko": "돌려준 값이 숫자 배열이 아닙니다.", "en": "What it returned is not arrays of numbers."}
    k = W1.shape[1] if W1.ndim == 2 else -1
    shapes = f"W1 {W1.shape}, b1 {b1.shape}, W2 {W2.shape}, b2 {b2.shape}"
    if W1.shape != (2, k) or b1.shape != (k,) or W2.shape != (k, 1) or b2.shape != (1,):
        return {
            "ko": f"모양이 맞지 않습니다: {shapes}. 은닉 유닛이 k개라면 W1 (2, k), b1 (k,), "
            "W2 (k, 1), b2 (1,)이어야 합니다.",
            "en": f"The shapes do not fit: {shapes}. With k hidden units they must be W1 (2, k), "
            "b1 (k,), W2 (k, 1), b2 (1,).",
        }
    with np.errstate(all="ignore"):
        A2 = 1 / (1 + np.exp(-(np.maximum(X @ W1 + b1, 0.0) @ W2 + b2)))
        A2c = np.clip(A2, 1e-12, 1 - 1e-12)
        loss = float(-np.mean(Y * np.log(A2c) + (1 - Y) * np.log(1 - A2c)))
    if not np.isfinite(A2).all():
        return {
            "ko": "가중치에 nan이나 inf가 들어 있습니다. 학습률이 너무 커서 발산하지 않았는지 보세요.",
            "en": "The weights hold nan or inf: did training diverge with too large a learning rate?",
        }
    wrong = [
        f"{tuple(int(v) for v in x)} → {p:.3f}"
        for x, p, y in zip(X, A2[:, 0], Y[:, 0])
        if (p > 0.5) != (y > 0.5)
    ]
    if wrong:
        return {
            "ko": f"{len(wrong)}줄을 틀립니다: {', '.join(wrong)} (정답과 반대쪽). 손실은 {loss:.4f}. "
            "손실이 0.35나 0.48에서 멈춘다면 ReLU 유닛 몇 개가 꺼진 채 멈춘 것입니다. 유닛을 늘리거나"
            " 다른 초기값으로 시작해 보세요.",
            "en": f"{len(wrong)} rows are wrong: {', '.join(wrong)} (on the wrong side). The loss is "
            f"{loss:.4f}. If it stalls near 0.35 or 0.48, some ReLU units switched off for good: "
            "try more units or another start.",
        }
    if loss >= LOSS_BOUND:
        return {
            "ko": f"네 줄 모두 맞지만 손실이 {loss:.4f}로 {LOSS_BOUND}보다 큽니다. "
            "더 오래, 또는 더 큰 학습률로 학습하세요.",
            "en": f"All four rows are right, but the loss is {loss:.4f}, not below {LOSS_BOUND}: "
            "train longer or with a larger learning rate.",
        }
    return None
