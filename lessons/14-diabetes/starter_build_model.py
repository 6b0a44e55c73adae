from tutor.engine import Dense, Sequential


def build_model():
    """8 standardised measurements → diabetes within five years (1) or not (0).
    표준화한 검사 수치 8가지 → 5년 안의 당뇨병(1) 여부.

    The tutorial's network: 8 inputs → 12 ReLU → 8 ReLU → 1 sigmoid, compiled with
    binary cross-entropy, Adam and accuracy. Return the model.
    튜토리얼의 신경망 8 → 12 → 8 → 1을 만들고 compile한 뒤 돌려주세요.
    """
    model = Sequential(
        [
            # Dense(...),
        ]
    )
    # model.compile(...)
    return model
