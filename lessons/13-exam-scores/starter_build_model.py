from tutor.engine import Dense, Sequential


def build_model():
    """Two standardised exam scores → the probability of passing the third.
    표준화한 시험 점수 두 개 → 세 번째 시험에 합격할 확률.

    One neuron, as in the lesson, compiled as the tutorial did (Adam with learning rate 0.01,
    binary cross-entropy, accuracy). Return the model.
    레슨처럼 뉴런 하나, 튜토리얼처럼 compile(Adam 학습률 0.01, 이진 교차 엔트로피, 정확도).
    """
    model = Sequential(
        [
            # Dense(...),
        ]
    )
    # model.compile(...)
    return model
