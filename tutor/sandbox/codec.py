"""A safe way to carry Python values between the app and the sandbox's child process.

Values travel as JSON (never pickle): plain scalars and containers as themselves, everything else
as a one-key tagged object, so decoding is a walk over known shapes and can never run code:

    None, bool, int, str, float (incl. nan, inf)  ->  themselves (JSON's NaN and Infinity)
    list                                          ->  a JSON array
    tuple, set, frozenset                         ->  {"$tuple": [...]}, {"$set": [...]}, ...
    dict (str, number, None or tuple keys)        ->  {"$dict": [[key, value], ...]}
    complex, bytes                                ->  {"$complex": [re, im]}, {"$bytes": "base64"}
    numpy array                                   ->  {"$ndarray": {"dtype", "shape", "data"}}
    numpy scalar                                  ->  {"$npscalar": {"dtype", "data"}}
    anything else                                 ->  {"$unsupported": {"type", "reason"}}

Arrays carry their raw little-endian bytes in base64, so dtype, shape, nan, inf and every bit of a
float survive the trip. Only numeric and boolean dtypes are accepted (`numpy.frombuffer` on those
never unpickles). This file is loaded by path inside the child too, so it imports nothing from
`tutor`.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
import time
from dataclasses import dataclass
from typing import Any

import numpy as np

_now = time.monotonic

MAX_DEPTH = 100
"""How deeply containers may nest; deeper values become an `UnsupportedValue`."""

MAX_ITEMS = 1_000_000
"""The most values (containers and scalars) one decoded value may hold."""

MAX_COLLISIONS = 64
"""How many items of one set or dict may share a hash with another before it is refused: a set
of numbers that all hash alike takes quadratic time to build (a hash-flooding attack)."""

# Byte-order-explicit names of the dtypes that may cross: bool, signed/unsigned ints, floats,
# complex numbers. Anything else (object, strings, datetimes, records) is refused.
_DTYPE_KINDS = "biufc"

# JSON writes integers in decimal, and Python refuses to print one with more than 4300 digits.
_MAX_INT_BITS = 14_000


@dataclass(frozen=True)
class UnsupportedValue:
    """Stands in for a value the codec refused to carry (an object of a type it does not know)."""

    type_name: str
    reason: str = "unsupported"

    def __str__(self) -> str:
        if self.reason == "unsupported":
            return f"<unsupported value of type {self.type_name}>"
        return f"<{self.reason}: value of type {self.type_name}>"


class CodecError(ValueError):
    """A value cannot be encoded (strict mode) or the data received is not a valid encoding."""


def encode(value: Any, *, strict: bool = False) -> Any:
    """Turn `value` into plain JSON-ready data.

    With `strict=True` a value of an unknown type raises `CodecError` (used for inputs the tutor
    sends); otherwise it becomes an `$unsupported` marker (used for what the learner returns).
    """
    return _encode(value, strict, 0, set())


def decode(data: Any, deadline: float | None = None) -> Any:
    """Rebuild the value `encode` produced; raises `CodecError` on anything malformed, too
    large (MAX_ITEMS, MAX_DEPTH), built to flood hash tables, or not done by `deadline` (a
    `time.monotonic()` value)."""
    try:
        return _decode(data, 0, _Budget(deadline))
    except CodecError:
        raise
    except (RecursionError, ValueError, TypeError, OverflowError, MemoryError) as exc:
        raise CodecError(f"the data could not be decoded ({type(exc).__name__})") from exc


def dumps(value: Any, *, strict: bool = False) -> str:
    """`encode` then serialise to one line of JSON."""
    return json.dumps(encode(value, strict=strict), allow_nan=True, separators=(",", ":"))


def loads(text: str | bytes) -> Any:
    """Parse one line of JSON and `decode` it; raises `CodecError` on anything malformed."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise CodecError(f"not valid JSON: {exc}") from exc
    return decode(data)


# ---------------------------------------------------------------------------------- encoding


def _refuse(value: Any, strict: bool, reason: str = "unsupported") -> Any:
    name = _type_name(value)
    if strict:
        raise CodecError(f"cannot send a value of type {name} ({reason})")
    return {"$unsupported": {"type": name, "reason": reason}}


def _type_name(value: Any) -> str:
    kind = type(value)
    module = getattr(kind, "__module__", "") or ""
    name = getattr(kind, "__qualname__", None) or getattr(kind, "__name__", "object")
    return name if module in ("builtins", "learner", "") else f"{module}.{name}"


def _encode(value: Any, strict: bool, depth: int, seen: set[int]) -> Any:
    kind = type(value)
    if value is None or kind is bool or kind is str:
        return value
    if kind is int:
        if value.bit_length() > _MAX_INT_BITS:
            return _refuse(value, strict, "an integer too large to send")
        return value
    if kind is float:
        return value
    if kind is complex:
        return {"$complex": [value.real, value.imag]}
    if kind is bytes:
        return {"$bytes": base64.b64encode(value).decode("ascii")}
    if isinstance(value, np.ndarray):
        return _encode_array(value, strict)
    if isinstance(value, np.generic):
        return _encode_numpy_scalar(value, strict)
    if kind in (list, tuple, set, frozenset, dict):
        if depth >= MAX_DEPTH:
            return _refuse(value, strict, "nested too deeply")
        if id(value) in seen:
            return _refuse(value, strict, "contains itself")
        seen.add(id(value))
        try:
            return _encode_container(value, strict, depth + 1, seen)
        finally:
            seen.discard(id(value))
    return _refuse(value, strict)


def _encode_container(value: Any, strict: bool, depth: int, seen: set[int]) -> Any:
    kind = type(value)
    if kind is dict:
        pairs = [
            [_encode_key(key, strict, depth, seen), _encode(item, strict, depth, seen)]
            for key, item in value.items()
        ]
        return {"$dict": pairs}
    items = [_encode(item, strict, depth, seen) for item in value]
    if kind is list:
        return items
    return {f"${kind.__name__}": items}


def _encode_key(key: Any, strict: bool, depth: int, seen: set[int]) -> Any:
    if key is None or type(key) in (str, int, float, bool, tuple):
        return _encode(key, strict, depth, seen)
    if strict:
        raise CodecError(f"cannot send a dict key of type {_type_name(key)}")
    return repr(key)[:200]


def _encode_array(array: np.ndarray, strict: bool) -> Any:
    array = np.asarray(array)  # a subclass (np.matrix, masked arrays) travels as a plain array
    if array.dtype.kind not in _DTYPE_KINDS:
        return _refuse(array, strict, f"an array of dtype {array.dtype}")
    little = array.astype(array.dtype.newbyteorder("<"), order="C", copy=False)
    return {
        "$ndarray": {
            "dtype": little.dtype.str,
            "shape": list(little.shape),
            "data": base64.b64encode(little.tobytes()).decode("ascii"),
        }
    }


def _encode_numpy_scalar(scalar: np.generic, strict: bool) -> Any:
    if scalar.dtype.kind not in _DTYPE_KINDS:
        return _refuse(scalar, strict, f"a scalar of dtype {scalar.dtype}")
    little = np.asarray(scalar).astype(scalar.dtype.newbyteorder("<"))
    return {
        "$npscalar": {
            "dtype": little.dtype.str,
            "data": base64.b64encode(little.tobytes()).decode("ascii"),
        }
    }


# ---------------------------------------------------------------------------------- decoding


class _Budget:
    """Counts the values decoded so far and watches the clock."""

    def __init__(self, deadline: float | None) -> None:
        self.left = MAX_ITEMS
        self.deadline = deadline

    def spend(self) -> None:
        self.left -= 1
        if self.left < 0:
            raise CodecError(f"the data holds more than {MAX_ITEMS:,} values")
        if self.deadline is not None and self.left % 1024 == 0 and _now() > self.deadline:
            raise CodecError("decoding the data took too long")


def _decode(data: Any, depth: int, budget: _Budget) -> Any:
    if depth > MAX_DEPTH + 2:
        raise CodecError("the data nests too deeply")
    budget.spend()
    kind = type(data)
    if data is None or kind in (bool, int, str):
        return data
    if kind is float:
        return data
    if kind is list:
        return [_decode(item, depth + 1, budget) for item in data]
    if kind is not dict or len(data) != 1:
        raise CodecError(f"unexpected {kind.__name__} in encoded data")
    ((tag, body),) = data.items()
    decoder = _TAGS.get(tag)
    if decoder is None:
        raise CodecError(f"unknown tag {str(tag)[:40]!r} in encoded data")
    return decoder(body, depth + 1, budget)


def _items(body: Any, depth: int, budget: _Budget) -> list[Any]:
    if type(body) is not list:
        raise CodecError("a container's items must be a list")
    return [_decode(item, depth, budget) for item in body]


def _hashable(items: list[Any], what: str) -> list[Any]:
    """`items`, once each is known to be hashable and they do not flood a hash table."""
    hashes = set()
    for item in items:
        try:
            hashes.add(hash(item))
        except TypeError as exc:
            raise CodecError(f"a {what} holds an unhashable {type(item).__name__}") from exc
    if len(items) - len(hashes) > MAX_COLLISIONS:  # (what an encoded set holds is distinct)
        raise CodecError(f"a {what} holds too many values with the same hash")
    return items


def _decode_dict(body: Any, depth: int, budget: _Budget) -> dict[Any, Any]:
    if type(body) is not list:
        raise CodecError("a dict must be a list of pairs")
    keys, values = [], []
    for pair in body:
        if type(pair) is not list or len(pair) != 2:
            raise CodecError("a dict entry must be a [key, value] pair")
        keys.append(_decode(pair[0], depth, budget))
        values.append(_decode(pair[1], depth, budget))
    return dict(zip(_hashable(keys, "dict key"), values, strict=True))


def _decode_complex(body: Any, depth: int, budget: _Budget) -> complex:
    if type(body) is not list or len(body) != 2 or not all(type(p) in (int, float) for p in body):
        raise CodecError("a complex number must be [real, imag]")
    return complex(body[0], body[1])


def _b64(text: Any) -> bytes:
    if type(text) is not str:
        raise CodecError("binary data must be a base64 string")
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise CodecError("binary data is not valid base64") from exc


def _dtype(name: Any) -> np.dtype:
    if type(name) is not str or len(name) > 8:
        raise CodecError("a dtype must be a short string")
    try:
        dtype = np.dtype(name)
    except Exception as exc:
        raise CodecError(f"unknown dtype {name!r}") from exc
    if dtype.kind not in _DTYPE_KINDS or dtype.str != name or dtype.hasobject:
        raise CodecError(f"dtype {name!r} is not allowed")
    return dtype


def _decode_ndarray(body: Any, depth: int, budget: _Budget) -> np.ndarray:
    if type(body) is not dict or set(body) != {"dtype", "shape", "data"}:
        raise CodecError("an array needs exactly dtype, shape and data")
    dtype = _dtype(body["dtype"])
    shape = body["shape"]
    if type(shape) is not list or len(shape) > 32:
        raise CodecError("an array's shape must be a list of at most 32 sizes")
    if not all(type(size) is int and 0 <= size < 2**40 for size in shape):
        raise CodecError("an array's shape must hold sizes from 0 to 2**40")
    raw = _b64(body["data"])
    if math.prod(shape) * dtype.itemsize != len(raw):
        raise CodecError("an array's data does not match its shape and dtype")
    array = np.frombuffer(raw, dtype=dtype).reshape(shape).copy()
    return array.astype(dtype.newbyteorder("="), copy=False)


def _decode_npscalar(body: Any, depth: int, budget: _Budget) -> np.generic:
    if type(body) is not dict or set(body) != {"dtype", "data"}:
        raise CodecError("a numpy scalar needs exactly dtype and data")
    dtype = _dtype(body["dtype"])
    raw = _b64(body["data"])
    if len(raw) != dtype.itemsize:
        raise CodecError("a numpy scalar's data does not match its dtype")
    return np.frombuffer(raw, dtype=dtype).astype(dtype.newbyteorder("="))[0]


def _decode_unsupported(body: Any, depth: int, budget: _Budget) -> UnsupportedValue:
    if type(body) is not dict or set(body) != {"type", "reason"}:
        raise CodecError("an unsupported-value marker needs exactly type and reason")
    if type(body["type"]) is not str or type(body["reason"]) is not str:
        raise CodecError("an unsupported-value marker holds strings")
    return UnsupportedValue(body["type"][:200], body["reason"][:200])


_TAGS = {
    "$tuple": lambda body, depth, budget: tuple(_items(body, depth, budget)),
    "$set": lambda body, depth, budget: set(_hashable(_items(body, depth, budget), "set")),
    "$frozenset": lambda body, depth, budget: frozenset(
        _hashable(_items(body, depth, budget), "frozenset")
    ),
    "$dict": _decode_dict,
    "$complex": _decode_complex,
    "$bytes": lambda body, depth, budget: _b64(body),
    "$ndarray": _decode_ndarray,
    "$npscalar": _decode_npscalar,
    "$unsupported": _decode_unsupported,
}
