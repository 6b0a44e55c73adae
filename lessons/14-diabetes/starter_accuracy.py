import numpy as np


def accuracy(y_true: np.ndarray, probabilities: np.ndarray) -> float:
    """The share of right answers when a probability above 0.5 means 1.  정확도.

    y_true: the answers, 0 or 1, shape (m,)                  정답, 모양 (m,)
    probabilities: the model's outputs, shape (m, 1) as      모델의 출력 확률,
        model.predict returns them, or (m,)                  모양 (m, 1) 또는 (m,)
    returns: a number from 0 to 1                            0과 1 사이의 수

    prediction = 1 if p > 0.5 else 0  (exactly 0.5 counts as 0, as in Keras)
    accuracy = (number of predictions equal to the answer) / m
    """
    raise NotImplementedError("write accuracy here / 여기에 accuracy를 쓰세요")
