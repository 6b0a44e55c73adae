import numpy as np


def prepare(images: np.ndarray) -> np.ndarray:
    """MNIST photos, ready for a Dense network.  Dense 신경망에 넣을 준비.

    images: shape (n, 28, 28), dtype uint8, values 0 to 255     사진 n장, 값 0–255
    returns: shape (n, 784), dtype float32, values 0 to 1       한 장이 한 줄, 값 0–1

    Flatten each 28×28 photo into one row of 784, turn it into float32 and divide by 255.
    n is not always 60000: use the number of photos you are given.   n은 주어진 사진 수
    """
    raise NotImplementedError("write prepare here / 여기에 prepare를 쓰세요")
