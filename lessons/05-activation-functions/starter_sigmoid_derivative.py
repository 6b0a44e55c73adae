import numpy as np


def sigmoid(z: np.ndarray) -> np.ndarray:
    """Your stable sigmoid from the previous exercise.
    앞 연습에서 만든 안정한 sigmoid를 옮겨 넣으세요."""
    raise NotImplementedError("copy your sigmoid / sigmoid를 옮기세요")


def sigmoid_derivative(z: np.ndarray) -> np.ndarray:
    """σ'(z) = σ(z) · (1 − σ(z)), entry by entry.
    칸마다 시그모이드의 기울기를 구합니다.

    z: a NumPy array of any shape         어떤 모양이든 되는 배열
    returns: the same shape, in [0, 0.25]  같은 모양, 값은 0과 0.25 사이

    0 (not nan) at z = ±1000.  z = ±1000 에서 nan이 아니라 0입니다.
    """
    raise NotImplementedError("write sigmoid_derivative / 여기에 쓰세요")
