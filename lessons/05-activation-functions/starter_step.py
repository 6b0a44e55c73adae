import numpy as np


def step(z: np.ndarray) -> np.ndarray:
    """The step activation, entry by entry.
    계단 활성화 함수를 칸마다 적용합니다.

    z: a NumPy array of any shape, e.g. (m,) or (m, k)
       어떤 모양이든 되는 배열
    returns: the same shape, 1.0 where z > 0, else 0.0
             같은 모양. z > 0 이면 1.0, 아니면 0.0

    step(0) is 0: only numbers above 0 switch on.  z = 0 이면 0입니다.
    """
    raise NotImplementedError("write step here / 여기에 step을 쓰세요")
