"""Two brokers with one interface: a numbered, short event log per channel."""

import logging
import re
import threading
import time
from collections import deque

import redis

from app.live.fanout import Fanout
from app.live.ids import Event, valid_stream_id

logger = logging.getLogger(__name__)

LOG_LENGTH = 500
KEEP_SECONDS = 2 * 24 * 3600
# Per process: publishes, page renders and stream catch-ups (streams wait on one reader).
MAX_COMMAND_CONNECTIONS = 200
CONNECT_TIMEOUT_SECONDS = 2
COMMAND_TIMEOUT_SECONDS = 5
# Ids as browsers send them back (Last-Event-ID, ?after=): ASCII digits only, bounded.
_LOCAL_ID = re.compile(r"[0-9]{1,19}")


class Broker:
    """A numbered event log per channel. Publishing after a commit never fails the request:
    `publish_safely` logs a broker outage, remembers the channel, and sends it a `refresh`
    once the broker answers again, so no screen stays behind."""

    def __init__(self):
        self._missed: set[str] = set()
        self._missed_lock = threading.Lock()

    def publish(self, channel: str, name: str) -> str:
        raise NotImplementedError

    def latest_id(self, channel: str) -> str:
        """The id of the newest event on the channel (an id older than any to come before the
        first)."""
        raise NotImplementedError

    def read(self, channel: str, after: str, timeout: float) -> list[Event] | None:
        """Events newer than `after`, waiting up to `timeout` seconds for the first.

        None means the log no longer reaches back to `after`: the reader must refresh all.
        """
        raise NotImplementedError

    def parse_id(self, value: str | None) -> str | None:
        """`value` if it is an id of this broker's form, else None (never raises)."""
        raise NotImplementedError

    def ping(self) -> bool:
        return True

    def publish_safely(self, channel: str, name: str) -> str | None:
        try:
            event_id = self.publish(channel, name)
        except Exception:  # noqa: BLE001 - any broker failure: the write itself has committed
            logger.warning("live: could not publish %r on %r", name, channel, exc_info=True)
            with self._missed_lock:
                self._missed.add(channel)
            return None
        if self._missed:
            self._tell_missed_channels_to_refresh()
        return event_id

    def latest_id_or_none(self, channel: str) -> str | None:
        try:
            return self.latest_id(channel)
        except Exception:  # noqa: BLE001 - the page renders without live updates
            logger.warning("live: broker unavailable for %r", channel, exc_info=True)
            return None

    def _tell_missed_channels_to_refresh(self) -> None:
        with self._missed_lock:
            missed, self._missed = self._missed, set()
        for channel in missed:
            try:
                self.publish(channel, "refresh")
            except Exception:  # noqa: BLE001 - down again: try with the next publish
                with self._missed_lock:
                    self._missed.add(channel)


def _clock_id() -> int:
    """Microseconds since the epoch: ids run ahead of the clock only above a million events a
    second."""
    return time.time_ns() // 1000


class LocalBroker(Broker):
    """For one server process: a deque per channel and a condition to wake waiting streams.

    Ids come from the clock, so they keep growing across restarts: an id from before a restart
    is older than any this process issues, and its screen is told to refresh.
    """

    def __init__(self, log_length: int = LOG_LENGTH):
        super().__init__()
        self._log_length = log_length
        self._logs: dict[str, deque[tuple[int, str]]] = {}
        self._evicted_up_to: dict[str, int] = {}
        self._started = self._last = _clock_id() - 1
        self._changed = threading.Condition()

    def publish(self, channel: str, name: str) -> str:
        with self._changed:
            self._last = max(self._last + 1, _clock_id())
            log = self._logs.setdefault(channel, deque(maxlen=self._log_length))
            if len(log) == log.maxlen:
                self._evicted_up_to[channel] = log[0][0]
            log.append((self._last, name))
            self._changed.notify_all()
            return str(self._last)

    def latest_id(self, channel: str) -> str:
        with self._changed:
            log = self._logs.get(channel)
            return str(log[-1][0]) if log else str(self._started)

    def parse_id(self, value: str | None) -> str | None:
        if value is None or not _LOCAL_ID.fullmatch(value) or int(value) >= 2**63:
            return None
        return value

    def _newer(self, channel: str, after: int) -> list[Event] | None:
        # "0" reads this process's whole log; any other id this process never issued comes
        # from before a restart (or another process): the log is gone.
        if after and not self._started <= after <= self._last:
            return None
        if after < self._evicted_up_to.get(channel, 0):
            return None
        log = self._logs.get(channel, ())
        return [Event(str(i), name) for i, name in log if i > after]

    def read(self, channel: str, after: str, timeout: float) -> list[Event] | None:
        valid = self.parse_id(after)
        after_number = int(valid) if valid else 0
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                events = self._newer(channel, after_number)
                remaining = deadline - time.monotonic()
                if events is None or events or remaining <= 0:
                    return events
                self._changed.wait(remaining)


class RedisBroker(Broker):
    """A capped Redis stream per channel: ids are ordered across every server process.

    Streams wait through this process's one reader (app/live/fanout.py), never on a Redis
    connection of their own.
    """

    def __init__(self, url: str, log_length: int = LOG_LENGTH):
        # Timeouts bound how long a write waits on a Redis that does not answer: the note is
        # saved anyway, only its live event is lost (and the screens refresh later). A full
        # pool waits for a connection rather than failing: thousands of streams reconnecting
        # at once each make one short call.
        super().__init__()
        self._redis = redis.Redis(
            connection_pool=redis.BlockingConnectionPool.from_url(
                url,
                decode_responses=True,
                max_connections=MAX_COMMAND_CONNECTIONS,
                timeout=COMMAND_TIMEOUT_SECONDS,
                socket_connect_timeout=CONNECT_TIMEOUT_SECONDS,
                socket_timeout=COMMAND_TIMEOUT_SECONDS,
            )
        )
        self._log_length = log_length
        self.fanout = Fanout(url, self._redis, keep=log_length)

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

    def parse_id(self, value: str | None) -> str | None:
        return value if value is not None and valid_stream_id(value) else None

    def ping(self) -> bool:
        try:
            return bool(self._redis.ping())
        except redis.RedisError:
            return False

    def read(self, channel: str, after: str, timeout: float) -> list[Event] | None:
        after = after if valid_stream_id(after) else "0-0"
        return self.fanout.read(self._key(channel), after, timeout)
