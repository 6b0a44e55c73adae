import numpy as np


def softmax(z: np.ndarray) -> np.ndarray:
    """Softmax of every row: scores into probabilities.
    줄마다 점수를 확률로 바꿉니다.

    z: shape (m, k), m examples with k scores each
       예시 m개, 예시마다 점수 k개
    returns: shape (m, k), each row positive and summing to 1
             (m, k) 모양. 줄마다 모두 양수이고 합이 1

    softmax(z)ᵢ = e^(zᵢ) / Σⱼ e^(zⱼ), row by row, with no inf or nan
    even for scores like [1000, 1001, 1002].
    [1000, 1001, 1002] 같은 점수에서도 inf나 nan이 없어야 합니다.
    """
    raise NotImplementedError("write softmax / softmax를 쓰세요")
