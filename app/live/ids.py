"""Events and Redis stream ids, as the brokers and the reader share them."""

import re
from dataclasses import dataclass

# Ids as browsers send them back (Last-Event-ID, ?after=): ASCII digits only, bounded.
_STREAM_ID = re.compile(r"([0-9]{1,20})(?:-([0-9]{1,20}))?")
_MAX = 2**64 - 1


@dataclass(frozen=True)
class Event:
    id: str
    name: str


def valid_stream_id(value: str) -> bool:
    """Redis's own form, ms-seq or ms, with ASCII digits that fit 64 bits."""
    match = _STREAM_ID.fullmatch(value)
    return match is not None and all(int(part or 0) <= _MAX for part in match.groups())


def stream_id(value: str) -> tuple[int, int]:
    head, _, tail = value.partition("-")
    return int(head), int(tail or 0)


def next_stream_id(after: tuple[int, int]) -> str:
    """The smallest id after `after` (XRANGE's start, inclusive)."""
    ms, seq = after
    return f"{ms}-{seq + 1}" if seq < _MAX else f"{ms + 1}-0"
