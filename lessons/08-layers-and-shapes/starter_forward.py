import numpy as np


def forward(
    X: np.ndarray, W1: np.ndarray, b1: np.ndarray, W2: np.ndarray, b2: np.ndarray
) -> np.ndarray:
    """A whole batch through a two-layer network.  배치 전체를 두 층에 통과시킵니다.

    X:  (m, n)   m examples, n features          예시 m개, 특성 n개
    W1: (n, k)   b1: (k,)   hidden: k ReLU units     은닉층: ReLU 유닛 k개
    W2: (k, 1)   b2: (1,)   output: 1 sigmoid unit   출력층: 시그모이드 유닛 1개
    returns: (m, 1), one probability per example    예시마다 확률 하나

    A1 = relu(X @ W1 + b1)          relu(z) = max(z, 0)
    output = sigmoid(A1 @ W2 + b2)  sigmoid(z) = 1 / (1 + e^(−z))
    """
    raise NotImplementedError("write forward here / 여기에 forward를 쓰세요")
