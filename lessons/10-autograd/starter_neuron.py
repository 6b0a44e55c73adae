import math


# Paste your Value class from exercise backward here: the check builds the neuron with it.
# 연습 backward에서 완성한 Value 클래스를 여기에 붙여 넣으세요. 채점기가 이 클래스로 뉴런을 만듭니다.
class Value:
    def __init__(self, data, parents=(), local=()):
        raise NotImplementedError("paste your Value class / Value 클래스를 붙여 넣으세요")


def neuron(xs, ws, b):
    """One tanh neuron: tanh(w1·x1 + w2·x2 + ... + b), built from Values.
    Value로 만든 tanh 뉴런 하나.

    xs: the inputs, a list of Values        입력 (Value의 리스트)
    ws: the weights, a list of Values       가중치 (Value의 리스트)
    b:  the bias, a Value                   편향 (Value)
    returns: the output, a Value            출력 (Value)
    """
    raise NotImplementedError("write neuron here / 여기에 쓰세요")
