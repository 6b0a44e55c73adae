import numpy as np


def backward(X, Y, W1, b1, W2, b2):
    """Paste your backward from exercise backward here.
    연습 backward에서 쓴 함수를 여기에 붙여 넣으세요."""
    raise NotImplementedError("paste your backward / 여기에 붙여 넣으세요")


def train_xor(X: np.ndarray, Y: np.ndarray, seed: int):
    """Train X -> Dense(k, relu) -> Dense(1, sigmoid) on XOR, from scratch.
    XOR을 처음부터 학습시킵니다.

    X: (4, 2) the four rows of the truth table, Y: (4, 1) their targets
    seed: start your random generator with it: np.random.default_rng(seed)
          난수 생성기를 이 값으로 시작하세요
    returns: (W1, b1, W2, b2) after training, shapes (2, k), (k,), (k, 1), (1,)
             학습을 마친 가중치

    1. small random weights, zero biases      작은 난수 가중치, 편향은 0
    2. repeat: gradients with backward, then  되풀이: backward로 기울기를 구하고
       every weight -= learning_rate * its gradient   가중치마다 한 걸음
    """
    raise NotImplementedError("write train_xor here / 여기에 쓰세요")
