import numpy as np


def relu(z: np.ndarray) -> np.ndarray:
    """ReLU, max(0, z), entry by entry.
    칸마다 ReLU를 적용합니다.

    z: a NumPy array of any shape      어떤 모양이든 되는 배열
    returns: the same shape; negatives become 0, the rest stays
             같은 모양. 음수는 0이 되고 나머지는 그대로입니다
    """
    raise NotImplementedError("write relu here / 여기에 relu를 쓰세요")
