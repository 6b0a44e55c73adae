from tutor.engine import Dense, Flatten, Sequential


def build_model():
    """A 28×28 photo, values in [0, 1] → which digit, 0 to 9.
    0–1로 맞춘 28×28 사진 → 0–9 중 어느 숫자인가.

    Flatten(input_shape=(28, 28)) first, then the book's network:
    ReLU 512 → softmax 10, compiled with RMSprop, the loss for
    integer labels, and accuracy.
    먼저 Flatten으로 펴고, 입문서의 신경망(ReLU 512 → 소프트맥스
    10)을 이은 뒤 정수 정답에 맞는 손실로 compile하세요.
    """
    model = Sequential(
        [
            # Flatten(...),
            # Dense(...),
        ]
    )
    # model.compile(...)
    return model
