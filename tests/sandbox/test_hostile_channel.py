"""Hostile submissions that go for the way results come back: the parent reads them through a
pipe it opened, with caps on size, items, time and hash collisions."""

from __future__ import annotations

import time

import pytest

from tutor.sandbox import codec

from .hostile import LIMITS, MARGIN_S, attack, contained

__all__ = ["contained"]

pytestmark = pytest.mark.usefixtures("contained")

COLLIDING = [k * (2**61 - 1) for k in range(1, 50_001)]  # every one hashes to 0


def _to_every_fd(record: str) -> str:
    """Learner code that writes `record` to every descriptor it has, the result pipe included."""
    return (
        "import os\n"
        "def f():\n"
        f"    line = {record!r}.encode() + b'\\n'\n"
        "    for fd in range(3, 64):\n"
        "        try:\n"
        "            os.write(fd, line)\n"
        "        except OSError:\n"
        "            pass\n"
        "    return 0.5\n"
    )


def test_decoding_a_hash_flooding_set_is_refused_at_once():
    started = time.monotonic()
    with pytest.raises(codec.CodecError, match="same hash"):
        codec.decode({"$set": COLLIDING})
    with pytest.raises(codec.CodecError, match="same hash"):
        codec.decode({"$dict": [[k, 0] for k in COLLIDING]})
    assert time.monotonic() - started < 1.0


def test_decoding_stops_at_the_item_cap_and_the_deadline():
    with pytest.raises(codec.CodecError, match="more than"):
        codec.decode([0] * (codec.MAX_ITEMS + 1))
    with pytest.raises(codec.CodecError, match="too long"):
        codec.decode([[0] * 2000] * 100, deadline=time.monotonic() - 1)


def test_an_honest_set_and_dict_still_decode():
    value = {"a": {1, 2, 3}, (1, 2): frozenset({-1, -2})}  # hash(-1) == hash(-2)
    assert codec.decode(codec.encode(value)) == value


def test_a_hash_flooding_record_in_the_result_pipe_costs_nothing():
    import json

    record = json.dumps({"kind": "case", "index": 0, "value": {"$set": COLLIDING[:20_000]}})
    started = time.monotonic()
    result = attack(_to_every_fd(record))
    assert time.monotonic() - started < LIMITS.timeout_s + MARGIN_S
    # the forged record came first and could not be decoded: the case has no value to pass
    assert isinstance(result.cases[0].value, codec.UnsupportedValue), result.cases[0]


def test_replacing_the_old_results_file_with_a_fifo_does_not_block_the_parent():
    source = (
        "import os\n"
        "def f():\n"
        "    for name in ('results.jsonl', 'job.json'):\n"
        "        try:\n"
        "            os.remove(name)\n"
        "        except OSError:\n"
        "            pass\n"
        "        try:\n"
        "            os.mkfifo(name)\n"
        "        except OSError:\n"
        "            pass\n"
        "    return 0.5\n"
    )
    result = attack(source)
    assert result.status == "ok" and result.cases[0].value == 0.5


def test_a_flood_of_records_is_cut_off_at_the_cap():
    source = (
        "import os\n"
        "def f():\n"
        '    line = b\'{"kind":"x","pad":"\' + b\'a\' * 1_000_000 + b\'"}\\n\'\n'
        "    while True:\n"
        "        for fd in range(3, 16):\n"
        "            try:\n"
        "                os.write(fd, line)\n"
        "            except OSError:\n"
        "                pass\n"
    )
    result = attack(source)
    assert result.status in ("timeout", "crashed", "output_limit")


def test_a_record_with_too_many_items_is_dropped_before_parsing():
    from tutor.sandbox import limits, process

    flood = b'{"kind":"case","index":0,"value":[' + b"0," * limits.RECORD_ITEMS + b"0]}\n"
    honest = b'{"kind":"done"}\n'
    started = time.monotonic()
    records = process._parse_records(flood + honest, False, time.monotonic() + 5)
    assert records == [{"kind": "done"}]
    assert time.monotonic() - started < 1.0


def test_parsing_stops_at_the_deadline():
    from tutor.sandbox import process

    assert process._parse_records(b'{"kind":"done"}\n', False, time.monotonic() - 1) == []
