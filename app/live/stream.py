"""A Server-Sent Events response for one channel, holding no database connection."""

import logging
import time
from collections.abc import Callable, Iterator

from flask import Flask, Response, current_app, request

from app.live.brokers import Broker, Event

logger = logging.getLogger(__name__)

KEEPALIVE_SECONDS = 15
# While the broker is down, every screen re-fetches its fragments this often instead.
POLL_SECONDS = 10
# How often an open stream checks that its viewer may still follow the channel.
RECHECK_SECONDS = 15

# A refresh with no id: the browser keeps the last id it had.
_POLL = "event: refresh\ndata: refresh\n\n"


def _message(name: str, event_id: str) -> str:
    return f"id: {event_id}\nevent: {name}\ndata: {name}\n\n"


def coalesce(events: list[Event]) -> list[str]:
    """Distinct event names, each once: a screen only needs to refresh a fragment once."""
    return list(dict.fromkeys(event.name for event in events))


class _Viewer:
    """Asks, at most every `every` seconds and in a short app context of its own (so no
    database connection stays checked out), whether the viewer may still follow the stream."""

    def __init__(self, app: Flask, allowed: Callable[[], bool] | None, every: float):
        self._app, self._allowed, self._every = app, allowed, every
        self.next_check = time.monotonic() + every

    def seconds_to_check(self) -> float:
        return max(0.0, self.next_check - time.monotonic()) if self._allowed else float("inf")

    def still_allowed(self) -> bool:
        if self._allowed is None or time.monotonic() < self.next_check:
            return True
        self.next_check = time.monotonic() + self._every
        with self._app.app_context():
            return self._allowed()


def _events(
    broker: Broker, channel: str, start: str | None, lifetime: float, viewer: _Viewer
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
                yield _message("refresh", cursor)
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
            for name in coalesce(events):
                yield _message(name, cursor)
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


def event_stream(
    broker: Broker, channel: str, after: str | None, still_allowed: Callable[[], bool] | None = None
) -> Response:
    """Stream `channel` from Last-Event-ID (a reconnect) or `after` (the page's render).

    `still_allowed` is asked every RECHECK_SECONDS, in an app context of its own: when it says
    no (the viewer left the team), the stream ends.
    """
    start = _start(broker, channel, after)
    # Streams end now and then so workers recycle them; the browser reconnects from its
    # Last-Event-ID. Each end shows as an error in the console, so not too often.
    config = current_app.config
    lifetime = config.get("LIVE_STREAM_SECONDS", 3600)
    viewer = _Viewer(
        current_app._get_current_object(),
        still_allowed,
        config.get("LIVE_RECHECK_SECONDS", RECHECK_SECONDS),
    )
    response = Response(
        _events(broker, channel, start, lifetime, viewer), mimetype="text/event-stream"
    )
    response.headers["Cache-Control"] = "no-cache"
    response.headers["X-Accel-Buffering"] = "no"
    return response
