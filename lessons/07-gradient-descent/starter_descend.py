import numpy as np


def descend(x0: float, learning_rate: float, steps: int) -> np.ndarray:
    """Walk down y = x² by gradient descent.  y = x²를 따라 내려갑니다.

    x0: where the walk starts                  출발점
    learning_rate: α, the size of each step    학습률 α
    steps: how many steps to take              걸음 수
    returns: every x visited, x0 first: steps + 1 numbers (list or array)
             지나온 모든 x, x0부터 steps + 1개 (리스트나 배열)

    one step: x ← x − α · 2x      2x is the slope of y = x²  (y = x²의 기울기)
    """
    raise NotImplementedError("write descend here / 여기에 descend를 쓰세요")
