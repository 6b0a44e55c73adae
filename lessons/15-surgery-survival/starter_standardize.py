import numpy as np


def standardize(x_train: np.ndarray, x_test: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Scale every column to mean 0, std 1, as measured on x_train.  표준화.

    x_train: shape (m, n), one sample per row        학습 데이터
    x_test: shape (k, n), the same n columns         테스트 데이터
    returns: (x_train_scaled, x_test_scaled)         둘 다 표준화한 결과

    For each column: μ = mean of x_train, σ = standard deviation of x_train (np.std).
    Both arrays become (x − μ) / σ, with the TRAINING μ and σ.   μ, σ는 학습 데이터에서만!
    A column whose σ is 0 (it never changes) is divided by 1 instead.   σ = 0이면 1로 나눔
    """
    raise NotImplementedError("write standardize here / 여기에 standardize를 쓰세요")
