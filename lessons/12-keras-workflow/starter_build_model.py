from tutor.engine import Dense, Sequential


def build_model():
    """30 standardised features of a biopsy → malignant (1) or benign (0).
    생검 특성 30개(표준화) → 악성(1) 또는 양성(0).

    Build the model (steps 2 and 3 of the lesson): a hidden layer, an output layer that gives a
    probability, and compile with the binary-classification recipe. Return the model.
    모델을 만들고(2단계) compile하세요(3단계). 이진 분류의 처방을 쓰고, 모델을 돌려주세요.
    """
    model = Sequential(
        [
            # Dense(...),
        ]
    )
    # model.compile(...)
    return model
