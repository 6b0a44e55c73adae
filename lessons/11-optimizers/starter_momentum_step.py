import numpy as np


def sgd_momentum_step(
    w: np.ndarray,
    g: np.ndarray,
    velocity: np.ndarray,
    learning_rate: float,
    momentum: float,
) -> tuple[np.ndarray, np.ndarray]:
    """One step of SGD with momentum, as Keras computes it.
    모멘텀 SGD 한 걸음 (Keras와 같은 계산).

    w: the weights, a number or an array      가중치
    g: the gradient dL/dw, shaped like w       기울기
    velocity: the last step's velocity         지난 걸음의 속도
    learning_rate: lr                          학습률
    momentum: μ, e.g. 0.9                      모멘텀 계수
    returns: (new_w, new_velocity)             새 가중치, 새 속도

        velocity ← momentum · velocity − learning_rate · g
        w ← w + velocity
    """
    raise NotImplementedError("여기에 쓰세요 / write it here")
