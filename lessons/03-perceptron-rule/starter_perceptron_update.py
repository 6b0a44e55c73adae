import numpy as np


def perceptron_update(
    w: np.ndarray, t: float, x: np.ndarray, target: int, lr: float
) -> tuple[np.ndarray, float]:
    """One step of the perceptron rule, for one row.  퍼셉트론 규칙 한 걸음 (한 줄).

    w: weights, shape (n,)              가중치
    t: threshold, a number              역치
    x: one row of inputs, shape (n,)    입력 한 줄
    target: the right answer, 0 or 1    정답
    lr: the learning rate α             학습률
    returns: (new_w, new_t)             새 가중치와 새 역치

    prediction = 1 if w·x > t else 0;  error = prediction − target
    w ← w − lr · error · x;  t ← t + lr · error
    """
    raise NotImplementedError("write perceptron_update here / 여기에 perceptron_update를 쓰세요")
