import numpy as np


def numerical_gradient(f, w, eps=1e-5):
    """Paste your numerical_gradient from exercise numerical-gradient here:
    the checker uses YOUR function to check your backward.
    연습 numerical-gradient에서 쓴 함수를 여기에 붙여 넣으세요.
    채점기는 여러분의 이 함수로 여러분의 backward를 검사합니다.
    """
    raise NotImplementedError("paste your numerical_gradient / 여기에 붙여 넣으세요")


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
    backward: start from dZ2, the slope of the loss at Z2 (you derived it
              in exercise dz2), and go back one layer at a time.
              dZ2에서 시작해 한 층씩 거슬러 올라가세요.
    """
    raise NotImplementedError("write backward here / 여기에 backward를 쓰세요")
