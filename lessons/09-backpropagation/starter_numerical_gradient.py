import numpy as np


def numerical_gradient(f, w: np.ndarray, eps: float = 1e-5) -> np.ndarray:
    """The slope of f() with respect to every entry of w, by central differences.
    중앙 차분으로 어림한, w의 칸마다의 f() 기울기.

    f: a function with no arguments that computes the loss from the values
       that are in w at the moment it is called
       인자 없는 함수. 불리는 순간 w에 들어 있는 값으로 손실을 계산합니다
    w: a NumPy array of any shape: change it in place, one entry at a time
       모양은 자유. 제자리에서 한 칸씩 바꾸세요
    returns: an array shaped like w whose entry i is
             (f() with wᵢ + eps  −  f() with wᵢ − eps) / (2·eps)

    Put every entry back before moving on: when you return, w must hold
    exactly what it held when you were called.
    다음 칸으로 가기 전에 제자리로 돌려놓으세요. 끝났을 때 w는 처음 그대로여야 합니다.
    """
    raise NotImplementedError("write numerical_gradient here / 여기에 쓰세요")
