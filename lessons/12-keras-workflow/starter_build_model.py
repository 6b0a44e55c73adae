from tutor.engine import Dense, Sequential


def build_model():
    """30 standardised biopsy features → malignant (1) or benign (0).
    표준화한 생검 특성 30개 → 악성(1) 또는 양성(0).

    Steps 2 and 3: a hidden layer, an output layer that gives a
    probability, and compile with the binary-classification recipe.
    2단계와 3단계: 은닉층, 확률을 내는 출력층, 그리고 이진 분류의
    처방으로 compile. 모델을 돌려주세요.
    """
    model = Sequential(
        [
            # Dense(...),
        ]
    )
    # model.compile(...)
    return model
