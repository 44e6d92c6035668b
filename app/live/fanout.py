"""One Redis reader per server process, fanning events out to that process's open streams.

A stream used to block in XREAD on a Redis connection of its own: 5,000 open screens held
5,000 Redis connections (and file descriptors) besides their 5,000 client sockets. Now each
process runs one reader (a thread; a greenlet under gevent's monkey-patching) that XREADs every
channel with a viewer in this process, keeps the newest events of each in memory and wakes the
streams waiting on it. A stream that is behind the reader's memory (a reconnect with an old
Last-Event-ID, a page drawn before its channel was followed) catches up with one XRANGE.

The reader follows a channel for `linger` seconds after its last viewer left (a stream is
between two waits for a moment after every event), and stops when it follows nothing. A
Redis error ends every wait with that error (the streams poll, and refresh when Redis answers)
and forgets what the reader held; the next wait starts a reader again.
"""

import logging
import os
import threading
import time
import uuid
from collections import deque

import redis

from app.live.ids import Event, next_stream_id, stream_id

logger = logging.getLogger(__name__)

BLOCK_SECONDS = 5
LINGER_SECONDS = 30
RETRY_SECONDS = 1
CATCH_UP_COUNT = 100
COMMAND_WAIT_SECONDS = 10


class _Channel:
    """What the reader holds of one channel: every event after `covered_from`, newest last."""

    def __init__(self, key: str, lock: threading.Lock, keep: int):
        self.key = key
        self.cursor = "0-0"
        self.covered_from = (0, 0)
        # Set once the channel's newest id is known: a room of screens joining at once asks
        # Redis for it once, not once per screen.
        self.ready = threading.Event()
        self.events: deque[tuple[tuple[int, int], Event]] = deque(maxlen=keep)
        self.changed = threading.Condition(lock)
        self.viewers = 0
        self.idle_since = time.monotonic()
        self.failure: Exception | None = None

    def start_at(self, start: str) -> None:
        self.cursor, self.covered_from = start, stream_id(start)

    def add(self, event: Event) -> None:
        if len(self.events) == self.events.maxlen:
            self.covered_from = self.events[0][0]
        self.events.append((stream_id(event.id), event))
        self.cursor = event.id

    def newer_than(self, after: tuple[int, int]) -> list[Event]:
        newer = []
        for number, event in reversed(self.events):
            if number <= after:
                break
            newer.append(event)
        newer.reverse()
        return newer


class Fanout:
    """Waits for events on Redis streams for every caller in this process, with one reader."""

    def __init__(
        self,
        url: str,
        commands: redis.Redis,
        keep: int,
        block: float = BLOCK_SECONDS,
        linger: float = LINGER_SECONDS,
    ):
        self._url, self._commands, self._keep = url, commands, keep
        self.block, self.linger = block, linger
        self._reset()

    def _reset(self) -> None:
        self._pid = os.getpid()
        self._lock = threading.Lock()
        self._channels: dict[str, _Channel] = {}
        self._reader: threading.Thread | None = None
        self._nudged = threading.Event()
        # The reader also waits on a stream of its own, so a new channel need not wait for the
        # current XREAD to time out.
        self._wake_key = f"tandem:live-reader:{uuid.uuid4().hex}"
        self._wake_cursor = "0-0"
        self.readers_started = 0

    # -- what the streams call

    def read(self, key: str, after: str, timeout: float) -> list[Event] | None:
        """Events after `after` on `key`, waiting up to `timeout` for the first; None when the
        log no longer reaches back to `after`. Raises what Redis raised."""
        if self._pid != os.getpid():  # a forked server process: its parent's reader is not here
            self._reset()
        channel = self._join(key)
        try:
            return self._wait(channel, stream_id(after), time.monotonic() + timeout)
        finally:
            self._leave(channel)

    def following(self) -> set[str]:
        """The keys the reader follows now."""
        with self._lock:
            return set(self._channels)

    def reader_alive(self) -> bool:
        reader = self._reader
        return reader is not None and reader.is_alive()

    def _join(self, key: str) -> _Channel:
        with self._lock:
            channel = self._channels.get(key)
            first = channel is None
            if first:
                channel = self._channels[key] = _Channel(key, self._lock, self._keep)
            channel.viewers += 1
        if not first:
            if not channel.ready.wait(COMMAND_WAIT_SECONDS) or channel.failure is not None:
                self._leave(channel)
                raise channel.failure or redis.TimeoutError("live: channel never started")
            with self._lock:
                self._ensure_reader()
            return channel
        try:
            newest = self._commands.xrevrange(key, count=1)
        except Exception as error:
            with self._lock:
                channel.failure = error
                if self._channels.get(key) is channel:
                    del self._channels[key]
            channel.ready.set()
            self._leave(channel)
            raise
        with self._lock:
            channel.start_at(newest[0][0] if newest else "0-0")
            channel.ready.set()
            self._ensure_reader()
        self._nudge()
        return channel

    def _leave(self, channel: _Channel) -> None:
        with self._lock:
            channel.viewers -= 1
            channel.idle_since = time.monotonic()

    def _nudge(self) -> None:
        self._nudged.set()
        try:
            with self._commands.pipeline(transaction=False) as pipe:
                pipe.xadd(self._wake_key, {"w": "1"}, maxlen=1, approximate=False)
                pipe.expire(self._wake_key, 3600)
                pipe.execute()
        except redis.RedisError:
            logger.debug("live: could not wake the reader", exc_info=True)

    def _wait(self, channel: _Channel, after: tuple[int, int], deadline: float):
        while True:
            with self._lock:
                if channel.failure is None and after >= channel.covered_from:
                    while True:
                        if channel.failure is not None:
                            raise channel.failure
                        if after < channel.covered_from:
                            break  # the reader's memory moved past `after`: catch up
                        newer = channel.newer_than(after)
                        remaining = deadline - time.monotonic()
                        if newer or remaining <= 0:
                            return newer
                        channel.changed.wait(remaining)
                if channel.failure is not None:
                    raise channel.failure
                covered_from = channel.covered_from
            caught_up = self._catch_up(channel.key, after)
            if caught_up is None or caught_up:
                return caught_up
            after = max(after, covered_from)

    def _catch_up(self, key: str, after: tuple[int, int]) -> list[Event] | None:
        with self._commands.pipeline(transaction=False) as pipe:
            pipe.xrange(key, count=1)
            pipe.xrange(key, min=next_stream_id(after), count=CATCH_UP_COUNT)
            oldest, found = pipe.execute()
        if after != (0, 0) and oldest and stream_id(oldest[0][0]) > after:
            return None  # trimmed: events after `after` may be gone
        return [Event(event_id, fields.get("e", "refresh")) for event_id, fields in found]

    # -- the reader

    def _ensure_reader(self) -> None:
        """Called with the lock held."""
        if self._reader is None or not self._reader.is_alive():
            self._reader = threading.Thread(target=self._run, name="tandem-live-reader")
            self._reader.daemon = True
            self.readers_started += 1
            self._reader.start()

    def _run(self) -> None:
        client = redis.Redis.from_url(
            self._url,
            decode_responses=True,
            socket_connect_timeout=2,
            socket_timeout=self.block + 10,
        )
        try:
            while (streams := self._streams_to_read()) is not None:
                try:
                    found = client.xread(streams, block=max(1, int(self.block * 1000)))
                except Exception as error:  # noqa: BLE001 - every waiting stream polls instead
                    self._fail(error)
                    self._nudged.wait(RETRY_SECONDS)
                    continue
                self._deliver(found or [])
        finally:
            client.close()

    def _streams_to_read(self) -> dict[str, str] | None:
        """The channels to follow and where, or None when there are none (the reader ends)."""
        with self._lock:
            now = time.monotonic()
            for key, channel in list(self._channels.items()):
                if channel.viewers <= 0 and now - channel.idle_since >= self.linger:
                    del self._channels[key]
            if not self._channels:
                self._reader = None
                return None
            self._nudged.clear()
            streams = {
                key: channel.cursor
                for key, channel in self._channels.items()
                if channel.ready.is_set()
            }
        return streams | {self._wake_key: self._wake_cursor}

    def _deliver(self, found) -> None:
        with self._lock:
            for key, entries in found:
                if key == self._wake_key:
                    self._wake_cursor = entries[-1][0]
                    continue
                channel = self._channels.get(key)
                if channel is None or not entries:
                    continue
                for event_id, fields in entries:
                    channel.add(Event(event_id, fields.get("e", "refresh")))
                channel.changed.notify_all()

    def _fail(self, error: Exception) -> None:
        logger.warning("live: the reader lost Redis (%s); open streams poll", error)
        with self._lock:
            for channel in self._channels.values():
                channel.failure = error
                channel.changed.notify_all()
            self._channels.clear()
