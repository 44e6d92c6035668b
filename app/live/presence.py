"""Who is doing what right now on a channel: short-lived marks that a screen renews while it
lasts (a heartbeat) and that expire when it stops, so a closed laptop never leaves a name
behind. In-process for the embedded default; a Redis hash per channel when REDIS_URL is set,
so every server process sees the same marks.

The store is generic: a channel, a key (who, and on which screen) and a value (what they do);
the feature decides what the value means. Presence is a courtesy: a broker outage logs and
answers "nobody", never fails a request.
"""

import logging
import threading
import time
from collections.abc import Callable

import redis
from flask import current_app

logger = logging.getLogger(__name__)

TTL_SECONDS = 40


class PresenceStore:
    def __init__(self, ttl: float = TTL_SECONDS):
        self.ttl = ttl

    def mark(self, channel: str, key: str, value: str) -> bool:
        """`key` is doing `value` for the next `ttl` seconds; whether that is news."""
        raise NotImplementedError

    def clear(self, channel: str, key: str) -> bool:
        """`key` stopped; whether it was doing anything."""
        raise NotImplementedError

    def present(self, channel: str) -> dict[str, str]:
        """Every unexpired key on the channel with its value."""
        raise NotImplementedError


class LocalPresence(PresenceStore):
    def __init__(self, ttl: float = TTL_SECONDS, clock: Callable[[], float] = time.monotonic):
        super().__init__(ttl)
        self._clock = clock
        self._marks: dict[str, dict[str, tuple[float, str]]] = {}
        self._lock = threading.Lock()

    def _live(self, channel: str, now: float) -> dict[str, tuple[float, str]]:
        marks = self._marks.setdefault(channel, {})
        for key in [k for k, (until, _) in marks.items() if until <= now]:
            del marks[key]
        return marks

    def mark(self, channel: str, key: str, value: str) -> bool:
        now = self._clock()
        with self._lock:
            marks = self._live(channel, now)
            before = marks.get(key)
            marks[key] = (now + self.ttl, value)
            return before is None or before[1] != value

    def clear(self, channel: str, key: str) -> bool:
        with self._lock:
            marks = self._live(channel, self._clock())
            return marks.pop(key, None) is not None

    def present(self, channel: str) -> dict[str, str]:
        with self._lock:
            marks = self._live(channel, self._clock())
            if not marks:
                self._marks.pop(channel, None)
            return {key: value for key, (_, value) in marks.items()}


class RedisPresence(PresenceStore):
    """A hash per channel, each entry "expiry|value"; the hash itself expires after the last
    renewal, and readers drop expired entries."""

    def __init__(self, url: str, ttl: float = TTL_SECONDS, prefix: str = "tandem:presence:"):
        super().__init__(ttl)
        self._redis = redis.Redis.from_url(
            url, decode_responses=True, socket_connect_timeout=2, socket_timeout=2
        )
        self._prefix = prefix

    def _key(self, channel: str) -> str:
        return f"{self._prefix}{channel}"

    @staticmethod
    def _split(entry: str | None) -> tuple[float, str] | None:
        if entry is None:
            return None
        until, _, value = entry.partition("|")
        try:
            return float(until), value
        except ValueError:
            return None

    def _alive(self, entry: str | None, now: float) -> str | None:
        parsed = self._split(entry)
        return parsed[1] if parsed and parsed[0] > now else None

    def mark(self, channel: str, key: str, value: str) -> bool:
        now = time.time()
        try:
            with self._redis.pipeline() as pipe:
                pipe.hget(self._key(channel), key)
                pipe.hset(self._key(channel), key, f"{now + self.ttl}|{value}")
                pipe.expire(self._key(channel), int(self.ttl) + 1)
                before, _, _ = pipe.execute()
        except redis.RedisError:
            logger.warning("presence: could not mark %r on %r", key, channel, exc_info=True)
            return False
        return self._alive(before, now) != value

    def clear(self, channel: str, key: str) -> bool:
        try:
            with self._redis.pipeline() as pipe:
                pipe.hget(self._key(channel), key)
                pipe.hdel(self._key(channel), key)
                before, _ = pipe.execute()
        except redis.RedisError:
            logger.warning("presence: could not clear %r on %r", key, channel, exc_info=True)
            return False
        return self._alive(before, time.time()) is not None

    def present(self, channel: str) -> dict[str, str]:
        now = time.time()
        try:
            entries = self._redis.hgetall(self._key(channel))
            expired = [key for key, entry in entries.items() if self._alive(entry, now) is None]
            if expired:
                self._redis.hdel(self._key(channel), *expired)
        except redis.RedisError:
            logger.warning("presence: could not read %r", channel, exc_info=True)
            return {}
        return {
            key: value
            for key, entry in entries.items()
            if (value := self._alive(entry, now)) is not None
        }


def store() -> PresenceStore:
    """This app's presence store, made on first use from its configuration."""
    extensions = current_app.extensions
    if "presence" not in extensions:
        url = current_app.config.get("REDIS_URL")
        ttl = current_app.config.get("PRESENCE_SECONDS", TTL_SECONDS)
        # setdefault: two first requests at once must share one store
        extensions.setdefault("presence", RedisPresence(url, ttl) if url else LocalPresence(ttl))
    return extensions["presence"]
