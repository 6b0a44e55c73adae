from tutor.engine import Dense, Sequential


def build_model():
    """30 standardised features → malignant (1) or benign (0).
    표준화한 특성 30개 → 악성(1) 또는 양성(0).

    The tutorial's hidden layers (30, 20, 10, ReLU) and a sigmoid
    output, for OUR data. Do not compile: the checker does.
    튜토리얼의 은닉층(30, 20, 10)과 시그모이드 출력을 우리 데이터에
    맞게 쌓으세요. compile은 채점기가 합니다.
    """
    model = Sequential(
        [
            # Dense(...),
        ]
    )
    return model
