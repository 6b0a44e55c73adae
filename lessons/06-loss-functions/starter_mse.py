import numpy as np


def mse(y_true: np.ndarray, y_pred: np.ndarray) -> np.ndarray:
    """Mean squared error, one loss per example
    (keras.losses.mean_squared_error).
    예시마다 평균 제곱 오차 하나.

    y_true: the targets, e.g. shape (m, k)   정답
    y_pred: the predictions, the same shape  예측, 같은 모양
    returns: the mean of (y_pred − y_true)² along the last axis:
             shape (m,) for (m, k); one number for 1-D inputs.
             마지막 축을 따라 평균. (m, k)이면 (m,),
             1차원이면 숫자 하나.
    """
    raise NotImplementedError("write mse here / 여기에 mse를 쓰세요")
