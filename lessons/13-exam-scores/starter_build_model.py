from tutor.engine import Dense, Sequential


def build_model():
    """Two standardised exam scores → the probability of passing.
    표준화한 시험 점수 두 개 → 세 번째 시험에 합격할 확률.

    One neuron, compiled as the tutorial did: Adam with learning
    rate 0.01, binary cross-entropy, accuracy. Return the model.
    뉴런 하나를 튜토리얼처럼 compile하세요(Adam 학습률 0.01,
    이진 교차 엔트로피, 정확도). 모델을 돌려주세요.
    """
    model = Sequential(
        [
            # Dense(...),
        ]
    )
    # model.compile(...)
    return model
