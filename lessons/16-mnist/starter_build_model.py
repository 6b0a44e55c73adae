from tutor.engine import Dense, Sequential


def build_model():
    """784 pixels in [0, 1] → which digit, 0 to 9.
    0–1로 맞춘 784픽셀 → 0–9 중 어느 숫자인가.

    The book's network: ReLU 512 → softmax 10, compiled with
    RMSprop, the loss for integer labels, and accuracy.
    입문서의 신경망(ReLU 512 → 소프트맥스 10)을 만들고, 정수
    정답에 맞는 손실로 compile하세요.
    """
    model = Sequential(
        [
            # Dense(...),
        ]
    )
    # model.compile(...)
    return model
