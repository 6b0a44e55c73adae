import numpy as np


def backward(
    X: np.ndarray,
    Y: np.ndarray,
    W1: np.ndarray,
    b1: np.ndarray,
    W2: np.ndarray,
    b2: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Every gradient of a two-layer network.  두 층 신경망의 기울기 전부.

    X: (m, n) inputs   Y: (m, 1) targets, 0 or 1       입력과 정답
    W1: (n, k), b1: (k,)   hidden layer, ReLU          은닉층
    W2: (k, 1), b2: (1,)   output layer, sigmoid       출력층
    loss: mean binary crossentropy over the m rows     손실: BCE의 평균
    returns: (dW1, db1, dW2, db2), each shaped like its weights
             각각 자기 가중치와 같은 모양

    forward:  Z1 = X @ W1 + b1,  A1 = relu(Z1),  A2 = sigmoid(A1 @ W2 + b2)
    backward: dZ2 = (A2 − Y) / m     dW2 = A1ᵀ @ dZ2     db2 = dZ2 summed over rows
              dA1 = dZ2 @ W2ᵀ        dZ1 = dA1 * relu'(Z1)
              dW1 = Xᵀ @ dZ1         db1 = dZ1 summed over rows
    """
    raise NotImplementedError("write backward here / 여기에 backward를 쓰세요")
