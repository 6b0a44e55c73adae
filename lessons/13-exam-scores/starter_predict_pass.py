import numpy as np


def predict_pass(
    scores: np.ndarray,
    w: np.ndarray,
    b: float,
    mean: np.ndarray,
    std: np.ndarray,
) -> np.ndarray:
    """Each student's probability of passing.
    학생마다 합격할 확률.

    scores: (m, 2), raw scores             원래 점수
    w: (2,), weights for std. scores       표준화한 점수의 가중치
    b: the bias, a number                  편향
    mean, std: (2,), of the TRAINING data  학습 데이터의 평균, 표준편차
    returns: (m,), one σ(z) per student    학생마다 σ(z)

        x = (scores − mean) / std
        z = Σ wᵢxᵢ + b,   p = σ(z) = 1 / (1 + e^(−z))
    """
    raise NotImplementedError("여기에 쓰세요 / write it here")
