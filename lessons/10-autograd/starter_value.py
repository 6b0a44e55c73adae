import math


class Value:
    """One number of a computation, and the slope of the final result with respect to it.
    계산 속의 숫자 하나, 그리고 최종 결과를 그 숫자로 미분한 기울기.

    data:    the number itself                               숫자 자체
    grad:    d(final result)/d(this number), filled by backward()
             최종 결과를 이 숫자로 미분한 값. backward()가 채웁니다
    parents: the Values this one was computed from           이 값을 만든 값들
    local:   d(this)/d(parent), one number for each parent   부모마다의 국소 미분
    """

    def __init__(self, data, parents=(), local=()):
        self.data = float(data)
        self.grad = 0.0
        self.parents = tuple(parents)
        self.local = tuple(local)

    def __repr__(self):
        return f"Value(data={self.data:.4g}, grad={self.grad:.4g})"

    def __add__(self, other):
        """self + other. Local derivatives: d(sum)/d(self), d(sum)/d(other)."""
        other = other if isinstance(other, Value) else Value(other)
        raise NotImplementedError("write __add__ / 덧셈을 쓰세요")

    def __mul__(self, other):
        """self * other. Local derivatives: d(product)/d(self), d(product)/d(other)."""
        other = other if isinstance(other, Value) else Value(other)
        raise NotImplementedError("write __mul__ / 곱셈을 쓰세요")

    def __radd__(self, other):  # 2 + a
        return self + other

    def __rmul__(self, other):  # 2 * a
        return self * other

    def tanh(self):
        """tanh(self). Local derivative: d tanh(x)/dx, written with the output t."""
        raise NotImplementedError("write tanh / tanh를 쓰세요")

    def backward(self):
        """Fill .grad of every Value this one was computed from (and of itself).
        이 값을 만든 모든 Value의 .grad를 채웁니다."""
        raise NotImplementedError("write backward / backward를 쓰세요")
