"""A Server-Sent Events response for one channel, holding no database connection."""

import time
from collections.abc import Iterator

from flask import Response, current_app, request

from app.live.brokers import Broker, Event

KEEPALIVE_SECONDS = 15


def _message(name: str, event_id: str) -> str:
    return f"id: {event_id}\nevent: {name}\ndata: {name}\n\n"


def coalesce(events: list[Event]) -> list[str]:
    """Distinct event names, each once: a screen only needs to refresh a fragment once."""
    return list(dict.fromkeys(event.name for event in events))


def _events(broker: Broker, channel: str, after: str, lifetime: float) -> Iterator[str]:
    yield "retry: 1500\n\n"
    ends_at = time.monotonic() + lifetime
    cursor = after
    while (remaining := ends_at - time.monotonic()) > 0:
        events = broker.read(channel, cursor, timeout=min(KEEPALIVE_SECONDS, remaining))
        if events is None:
            cursor = broker.latest_id(channel)
            yield _message("refresh", cursor)
        elif events:
            cursor = events[-1].id
            for name in coalesce(events):
                yield _message(name, cursor)
        else:
            yield ": keep-alive\n\n"


def event_stream(broker: Broker, channel: str, after: str | None) -> Response:
    """Stream `channel` from Last-Event-ID (a reconnect) or `after` (the page's render)."""
    start = request.headers.get("Last-Event-ID") or after or broker.latest_id(channel)
    # Streams end now and then so workers recycle them; the browser reconnects from its
    # Last-Event-ID. Each end shows as an error in the console, so not too often.
    lifetime = current_app.config.get("LIVE_STREAM_SECONDS", 3600)
    response = Response(_events(broker, channel, start, lifetime), mimetype="text/event-stream")
    response.headers["Cache-Control"] = "no-cache"
    response.headers["X-Accel-Buffering"] = "no"
    return response
