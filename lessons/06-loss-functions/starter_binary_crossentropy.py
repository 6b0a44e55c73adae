import numpy as np

EPSILON = 1e-7  # Keras clips probabilities into [EPSILON, 1 − EPSILON]


def binary_crossentropy(
    y_true: np.ndarray,
    y_pred: np.ndarray,
) -> np.ndarray:
    """Binary cross-entropy, one loss per example
    (keras.losses.binary_crossentropy).
    예시마다 이진 교차 엔트로피 하나.

    y_true: labels 0 or 1, e.g. shape (m, 1)   정답 0 또는 1
    y_pred: probabilities of class 1, same shape  부류 1일 확률
    returns: the mean along the last axis of
             −[y log p + (1 − y) log(1 − p)],
             p = y_pred clipped into [1e-7, 1 − 1e-7];
             shape (m,) for (m, k); one number for 1-D inputs.
             p를 [1e-7, 1 − 1e-7]로 자른 뒤 마지막 축을 따라 평균.
    """
    raise NotImplementedError("write binary_crossentropy / 여기에 쓰세요")
