import numpy as np


def weighted_sum(x: np.ndarray, w: np.ndarray, b: float) -> np.ndarray:
    """Σ wᵢxᵢ + b for every row of x at once.  x의 모든 줄에 대해 Σ wᵢxᵢ + b를 구합니다.

    x: shape (m, n), one example per row      예시 하나가 한 줄
    w: shape (n,), one weight per input       입력마다 가중치 하나
    b: a single number, the bias              편향, 숫자 하나
    returns: shape (m,), one sum per row      줄마다 합 하나
    """
    raise NotImplementedError("write weighted_sum here / 여기에 weighted_sum을 쓰세요")
