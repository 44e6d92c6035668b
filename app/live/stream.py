"""A Server-Sent Events response for one channel, holding no database connection."""

import logging
import os
import random
import re
import threading
import time
from collections.abc import Callable, Hashable, Iterator

from flask import Flask, Response, current_app, request
from flask_login import current_user

from app.live.brokers import Broker, Event

logger = logging.getLogger(__name__)

KEEPALIVE_SECONDS = 15
# While the broker is down, every screen re-fetches its fragments this often instead.
POLL_SECONDS = 10
# How often an open stream checks that its viewer may still follow the channel.
RECHECK_SECONDS = 15

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# What a stream may send after some events besides their names: a message (see `message`).
Push = Callable[[list[str], str], str | None]

# A refresh with no id: the browser keeps the last id it had.
_POLL = "event: refresh\ndata: refresh\n\n"


def message(name: str, event_id: str, data: str | None = None) -> str:
    """An event; `data` (default: its name) may span lines: each is sent as a data line."""
    lines = _LINE_BREAK.split(name if data is None else data)
    return f"id: {event_id}\nevent: {name}\n" + "".join(f"data: {line}\n" for line in lines) + "\n"


def coalesce(events: list[Event]) -> list[str]:
    """Distinct event names, each once: a screen only needs to refresh a fragment once."""
    return list(dict.fromkeys(event.name for event in events))


# Membership checks running at once in one process: thousands of open streams must never take
# every database connection from the pages.
CONCURRENT_CHECKS = 2
SHARED_CHECK_WAIT_SECONDS = 30


class _Answers:
    """The last answer for each (viewer, channel), shared by that viewer's streams in this
    process: a person with the run view, the console and a projector open is asked once."""

    def __init__(self):
        self._pid = None

    def _for_this_process(self) -> None:
        if self._pid != os.getpid():  # created lazily: after gevent patched threading
            self._pid = os.getpid()
            self._known: dict[Hashable, tuple[float, bool]] = {}
            self._asking: dict[Hashable, threading.Event] = {}
            self._lock = threading.Lock()
            self._gate = threading.BoundedSemaphore(CONCURRENT_CHECKS)

    def ask(self, key: Hashable | None, fresh_for: float, check: Callable[[], bool]) -> bool:
        self._for_this_process()
        if (known := self._fresh(key)) is not None:
            return known
        if key is None:
            with self._gate:
                return check()
        with self._lock:
            asking = self._asking.get(key)
            if asking is None:
                self._asking[key] = threading.Event()
        if asking is not None:  # another stream of this viewer asks now: take its answer
            asking.wait(SHARED_CHECK_WAIT_SECONDS)
            if (known := self._fresh(key)) is not None:
                return known
        try:
            with self._gate:
                answer = check()
            with self._lock:
                if len(self._known) > 100_000:
                    self._known.clear()
                self._known[key] = (time.monotonic() + fresh_for, answer)
            return answer
        finally:
            if asking is None:
                with self._lock:
                    self._asking.pop(key).set()

    def _fresh(self, key: Hashable | None) -> bool | None:
        known = self._known.get(key) if key is not None else None
        return known[1] if known and known[0] > time.monotonic() else None


_answers = _Answers()


class _Viewer:
    """Asks, at most every `every` seconds and in a short app context of its own (so no
    database connection stays checked out), whether the viewer may still follow the stream.

    The first check comes after a random part of `every`, so the streams of a room that opened
    together do not all ask at the same moment."""

    def __init__(
        self, app: Flask, allowed: Callable[[], bool] | None, every: float, key: Hashable | None
    ):
        self._app, self._allowed, self._every, self._key = app, allowed, every, key
        self.next_check = time.monotonic() + every * random.uniform(0.5, 1.0)

    def seconds_to_check(self) -> float:
        return max(0.0, self.next_check - time.monotonic()) if self._allowed else float("inf")

    def still_allowed(self) -> bool:
        if self._allowed is None or time.monotonic() < self.next_check:
            return True
        self.next_check = time.monotonic() + self._every
        return _answers.ask(self._key, self._every / 2, self._ask)

    def _ask(self) -> bool:
        with self._app.app_context():
            return self._allowed()


def _events(
    broker: Broker,
    channel: str,
    start: str | None,
    lifetime: float,
    viewer: _Viewer,
    push: Push | None = None,
) -> Iterator[str]:
    """`start` None: where the screen stands is unknown, so it refreshes once the broker
    answers."""
    yield "retry: 1500\n\n"
    ends_at = time.monotonic() + lifetime
    cursor, down = start, False
    while (remaining := ends_at - time.monotonic()) > 0:
        if not viewer.still_allowed():
            return
        wait = min(KEEPALIVE_SECONDS, remaining, max(viewer.seconds_to_check(), 0.05))
        try:
            if cursor is None:
                cursor = broker.latest_id(channel)
                if down:
                    logger.warning("live: broker answers again on %r", channel)
                down = False
                yield message("refresh", cursor)
                continue
            events = broker.read(channel, cursor, timeout=wait)
        except Exception:  # noqa: BLE001 - the broker is down: fall back to polling
            if not down:
                logger.warning("live: broker down, %r polls", channel, exc_info=True)
            down, cursor = True, None
            yield _POLL
            time.sleep(min(POLL_SECONDS, remaining, max(viewer.seconds_to_check(), 0.05)))
            continue
        if events is None:
            cursor = None
        elif events:
            cursor = events[-1].id
            names = coalesce(events)
            for name in names:
                yield message(name, cursor)
            if push is not None and (pushed := push(names, cursor)) is not None:
                yield pushed
        else:
            yield ": keep-alive\n\n"


def _start(broker: Broker, channel: str, after: str | None) -> str | None:
    """Where the stream starts: the reconnecting browser's Last-Event-ID, else the page's
    `after`, else now. An id that is not one of ours (garbled, or from a broker that was down
    when the page rendered) gives None: refresh."""
    given = request.headers.get("Last-Event-ID") or after
    if given:
        return broker.parse_id(given)
    return broker.latest_id_or_none(channel) if after is None else None


def _viewer_key(app: Flask, channel: str) -> Hashable | None:
    """Whom a membership answer is about: the signed-in person and the channel they follow
    (in this app: a test's app has its own people)."""
    user_id = current_user.get_id() if current_user and current_user.is_authenticated else None
    return None if user_id is None else (id(app), user_id, channel)


def event_stream(
    broker: Broker,
    channel: str,
    after: str | None,
    still_allowed: Callable[[], bool] | None = None,
    push: Push | None = None,
) -> Response:
    """Stream `channel` from Last-Event-ID (a reconnect) or `after` (the page's render).

    `still_allowed` is asked every RECHECK_SECONDS, in an app context of its own: when it says
    no (the viewer left the team), the stream ends. `push` is asked after each batch of events
    for one more message to send with them (e.g. a fragment's HTML, so no screen re-fetches it).
    """
    start = _start(broker, channel, after)
    # Streams end now and then so workers recycle them; the browser reconnects from its
    # Last-Event-ID. Each end shows as an error in the console, so not too often.
    config = current_app.config
    lifetime = config.get("LIVE_STREAM_SECONDS", 3600)
    if lifetime >= 600:  # a room opened together must not reconnect all at once an hour later
        lifetime *= random.uniform(0.9, 1.0)
    viewer = _Viewer(
        current_app._get_current_object(),
        still_allowed,
        config.get("LIVE_RECHECK_SECONDS", RECHECK_SECONDS),
        _viewer_key(current_app._get_current_object(), channel),
    )
    response = Response(
        _events(broker, channel, start, lifetime, viewer, push), mimetype="text/event-stream"
    )
    response.headers["Cache-Control"] = "no-cache"
    response.headers["X-Accel-Buffering"] = "no"
    return response
