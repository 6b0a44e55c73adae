from tutor.engine import Dense, Sequential


def build_model():
    """8 standardised measurements → diabetes within 5 years (1) or not.
    표준화한 검사 수치 8가지 → 5년 안의 당뇨병(1) 여부.

    The tutorial's 8 → 12 ReLU → 8 ReLU → 1 sigmoid, compiled with
    binary cross-entropy, Adam and accuracy. Return the model.
    튜토리얼의 8 → 12 → 8 → 1을 만들어 compile하고 돌려주세요.
    """
    model = Sequential(
        [
            # Dense(...),
        ]
    )
    # model.compile(...)
    return model
