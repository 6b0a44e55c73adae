import numpy as np


def loss(X: np.ndarray, Y: np.ndarray, w: np.ndarray) -> float:
    """Mean binary crossentropy of one sigmoid neuron (no bias). Given: leave it as it is.
    시그모이드 뉴런 하나(편향 없음)의 binary crossentropy 평균. 주어진 함수이니 그대로 두세요.
    """
    p = 1 / (1 + np.exp(-(X @ w)))
    return -np.mean(Y * np.log(p) + (1 - Y) * np.log(1 - p))


def numerical_gradient(X: np.ndarray, Y: np.ndarray, w: np.ndarray, eps: float) -> np.ndarray:
    """The slope of loss(X, Y, w) at w, by central differences.  중앙 차분으로 어림한 기울기.

    X: (m, n) inputs, Y: targets      입력과 정답
    w: the weights, shape (n,) or (n, k)              가중치
    eps: ε, how far to nudge                          살짝 미는 양
    returns: an array shaped like w, where entry i is
             (loss with wᵢ + ε  −  loss with wᵢ − ε) / 2ε

    Nudge one entry at a time and put it back before the next.
    한 번에 한 칸만 밀고, 다음 칸으로 가기 전에 제자리로 돌려놓으세요.
    """
    raise NotImplementedError("write numerical_gradient here / 여기에 쓰세요")
