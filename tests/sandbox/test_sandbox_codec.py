"""The codec that carries values between the app and the sandbox: round trips and refusals."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from tutor.sandbox import codec
from tutor.sandbox.codec import CodecError, UnsupportedValue


def round_trip(value):
    return codec.loads(codec.dumps(value, strict=True))


@pytest.mark.parametrize(
    "value",
    [
        None,
        True,
        0,
        -(2**70),
        1.5,
        -0.0,
        "안녕, sigmoid",
        [1, [2.0, "three"]],
        (1, (2, 3)),
        {"w": 1, 2: "two", (3, 4): None, 1.5: True},
        {1, 2, 3},
        frozenset({"a"}),
        3 + 4j,
        b"\x00\xff",
    ],
)
def test_plain_values_round_trip_unchanged(value):
    back = round_trip(value)
    assert back == value
    assert type(back) is type(value)


def test_float_specials_round_trip():
    nan, inf, ninf = round_trip([math.nan, math.inf, -math.inf])
    assert math.isnan(nan)
    assert (inf, ninf) == (math.inf, -math.inf)
    assert math.copysign(1.0, round_trip(-0.0)) == -1.0


@pytest.mark.parametrize(
    "array",
    [
        np.arange(6, dtype=np.float64).reshape(2, 3),
        np.array([[0.5, np.nan], [np.inf, -np.inf]], dtype=np.float32),
        np.array([1, -2, 3], dtype=np.int8),
        np.array([[True, False]]),
        np.array(2.5),
        np.zeros((0, 3)),
        np.array([1 + 2j], dtype=np.complex128),
        np.arange(4, dtype=">i4"),  # big-endian input comes back in native order
        np.arange(12.0).reshape(3, 4).T,  # not contiguous
    ],
)
def test_numpy_arrays_keep_dtype_shape_and_every_value(array):
    back = round_trip(array)
    assert isinstance(back, np.ndarray)
    assert back.shape == array.shape
    assert back.dtype == array.dtype.newbyteorder("=")
    np.testing.assert_array_equal(back, array)
    assert back.flags.writeable


def test_numpy_scalars_keep_their_type():
    back = round_trip([np.float32(0.25), np.int64(-3), np.bool_(True)])
    assert [type(x) for x in back] == [np.float32, np.int64, np.bool_]
    assert back == [0.25, -3, True]


def test_an_unknown_object_becomes_a_marker_naming_its_type():
    class Neuron:
        pass

    back = codec.loads(codec.dumps([1, Neuron()]))
    assert back[0] == 1
    assert isinstance(back[1], UnsupportedValue)
    assert "Neuron" in str(back[1])
    assert str(back[1]).startswith("<unsupported value of type")


def test_strict_encoding_refuses_unknown_objects():
    with pytest.raises(CodecError, match="cannot send a value of type object"):
        codec.dumps(object(), strict=True)


def test_object_arrays_are_refused():
    back = codec.loads(codec.dumps(np.array([{}, None], dtype=object)))
    assert isinstance(back, UnsupportedValue)
    assert "dtype object" in str(back)


def test_a_list_that_contains_itself_becomes_a_marker():
    loop: list = [1]
    loop.append(loop)
    back = codec.loads(codec.dumps(loop))
    assert back[0] == 1
    assert back[1].reason == "contains itself"


def test_nesting_deeper_than_the_limit_becomes_a_marker():
    deep: list = []
    for _ in range(codec.MAX_DEPTH + 10):
        deep = [deep]
    back = codec.loads(codec.dumps(deep))
    for _ in range(codec.MAX_DEPTH):
        back = back[0]
    assert isinstance(back, UnsupportedValue)
    assert back.reason == "nested too deeply"


def test_an_integer_too_long_for_json_becomes_a_marker():
    back = codec.loads(codec.dumps(10**5000))
    assert isinstance(back, UnsupportedValue)


@pytest.mark.parametrize(
    "data",
    [
        {"$ndarray": {"dtype": "|O", "shape": [1], "data": "AAAAAAAAAAA="}},
        {"$ndarray": {"dtype": "<f8", "shape": [2], "data": "AAAAAAAAAAA="}},
        {"$ndarray": {"dtype": "<f8", "shape": [-1], "data": ""}},
        {"$ndarray": {"dtype": "<f8", "shape": [1], "data": "not base64!"}},
        {"$npscalar": {"dtype": "<U1", "data": "QQAAAA=="}},
        {"$pickle": "gASVAAAAAAAAAACMCGJ1aWx0aW5zlIwEZXZhbJSTlC4="},
        {"w": 1},
        {"$set": [[1, 2]]},
        {"$dict": [[[1], 2]]},
        {"$complex": ["1", 2]},
    ],
)
def test_malformed_or_dangerous_data_is_refused(data):
    with pytest.raises(CodecError):
        codec.loads(json.dumps(data))


def test_json_nested_too_deeply_is_refused_not_a_crash():
    with pytest.raises(CodecError):
        codec.loads("[" * 100_000 + "]" * 100_000)
