import numpy as np


def sigmoid(z: np.ndarray) -> np.ndarray:
    """σ(z) = 1 / (1 + e^(−z)), entry by entry.
    칸마다 시그모이드를 구합니다.

    z: a NumPy array of any shape      어떤 모양이든 되는 배열
    returns: the same shape, in [0, 1]  같은 모양, 값은 0과 1 사이

    Exact at z = ±1000, with no overflow warning:
    give np.exp only numbers at or below 0.
    z = ±1000 에서도 경고 없이 정확해야 합니다.
    np.exp에는 0 이하의 수만 넣으세요.
    """
    raise NotImplementedError("write sigmoid / sigmoid를 쓰세요")
