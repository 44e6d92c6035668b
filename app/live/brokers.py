"""Two brokers with one interface: a numbered, short event log per channel."""

import threading
import time
from collections import deque
from dataclasses import dataclass

import redis

LOG_LENGTH = 500
KEEP_SECONDS = 2 * 24 * 3600
MAX_STREAM_CONNECTIONS = 5000
MAX_COMMAND_CONNECTIONS = 1000
MAX_BLOCK_SECONDS = 30


@dataclass(frozen=True)
class Event:
    id: str
    name: str


class Broker:
    def publish(self, channel: str, name: str) -> str:
        raise NotImplementedError

    def latest_id(self, channel: str) -> str:
        """The id of the newest event on the channel ("0" before the first)."""
        raise NotImplementedError

    def read(self, channel: str, after: str, timeout: float) -> list[Event] | None:
        """Events newer than `after`, waiting up to `timeout` seconds for the first.

        None means the log no longer reaches back to `after`: the reader must refresh all.
        """
        raise NotImplementedError


class LocalBroker(Broker):
    """For one server process: a deque per channel and a condition to wake waiting streams."""

    def __init__(self, log_length: int = LOG_LENGTH):
        self._log_length = log_length
        self._logs: dict[str, deque[tuple[int, str]]] = {}
        self._evicted_up_to: dict[str, int] = {}
        self._counter = 0
        self._changed = threading.Condition()

    def publish(self, channel: str, name: str) -> str:
        with self._changed:
            self._counter += 1
            log = self._logs.setdefault(channel, deque(maxlen=self._log_length))
            if len(log) == log.maxlen:
                self._evicted_up_to[channel] = log[0][0]
            log.append((self._counter, name))
            self._changed.notify_all()
            return str(self._counter)

    def latest_id(self, channel: str) -> str:
        with self._changed:
            log = self._logs.get(channel)
            return str(log[-1][0]) if log else "0"

    def _newer(self, channel: str, after: int) -> list[Event] | None:
        # An id this process never issued comes from before a restart: the log is gone.
        if after < self._evicted_up_to.get(channel, 0) or after > self._counter:
            return None
        log = self._logs.get(channel, ())
        return [Event(str(i), name) for i, name in log if i > after]

    def read(self, channel: str, after: str, timeout: float) -> list[Event] | None:
        after_number = int(after) if after.isdigit() else 0
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                events = self._newer(channel, after_number)
                remaining = deadline - time.monotonic()
                if events is None or events or remaining <= 0:
                    return events
                self._changed.wait(remaining)


class RedisBroker(Broker):
    """A capped Redis stream per channel: ids are ordered across every server process."""

    def __init__(self, url: str, log_length: int = LOG_LENGTH):
        # redis-py caps a pool at 100 connections and times out a read after 5 s by default.
        # Each open stream holds a connection while XREAD blocks, and every stream of a room
        # wakes at once on an event: streams get their own, larger pool, with a read timeout
        # longer than the longest block. Otherwise a room of 100 screens per process exhausts
        # the pool (streams and note posts fail) and every stream waiting more than 5 s for an
        # event dies.
        self._redis = redis.Redis.from_url(
            url, decode_responses=True, max_connections=MAX_COMMAND_CONNECTIONS
        )
        self._streams = redis.Redis.from_url(
            url,
            decode_responses=True,
            max_connections=MAX_STREAM_CONNECTIONS,
            socket_timeout=MAX_BLOCK_SECONDS + 10,
        )
        self._log_length = log_length

    @staticmethod
    def _key(channel: str) -> str:
        return f"tandem:live:{channel}"

    def publish(self, channel: str, name: str) -> str:
        key = self._key(channel)
        with self._redis.pipeline() as pipe:
            pipe.xadd(key, {"e": name}, maxlen=self._log_length, approximate=True)
            pipe.expire(key, KEEP_SECONDS)
            event_id, _ = pipe.execute()
        return event_id

    def latest_id(self, channel: str) -> str:
        newest = self._redis.xrevrange(self._key(channel), count=1)
        return newest[0][0] if newest else "0-0"

    @staticmethod
    def _covers(oldest: list, after: str) -> bool:
        """False when events after `after` may have been trimmed from the stream."""
        if _stream_id(after) == (0, 0):
            return True
        return not oldest or _stream_id(oldest[0][0]) <= _stream_id(after)

    def read(self, channel: str, after: str, timeout: float) -> list[Event] | None:
        after = after if _valid_stream_id(after) else "0-0"
        key = self._key(channel)
        # One round trip: every stream of a room wakes on each event, so this is the hot path.
        # XREAD answers at once when the log was trimmed past `after`, and is then ignored.
        with self._streams.pipeline(transaction=False) as pipe:
            pipe.xrange(key, count=1)
            pipe.xread(
                {key: after}, block=max(1, int(min(timeout, MAX_BLOCK_SECONDS) * 1000)), count=100
            )
            oldest, found = pipe.execute()
        if not self._covers(oldest, after):
            return None
        if not found:
            return []
        return [Event(event_id, fields["e"]) for event_id, fields in found[0][1]]


def _valid_stream_id(value: str) -> bool:
    head, _, tail = value.partition("-")
    return head.isdigit() and (tail.isdigit() or tail == "")


def _stream_id(value: str) -> tuple[int, int]:
    head, _, tail = value.partition("-")
    return int(head), int(tail or 0)
