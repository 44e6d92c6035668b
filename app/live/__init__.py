"""Live updates: publish(channel, event) after a commit; streams replay what a screen missed.

The broker is in-process for the embedded default (one server process) and a Redis stream per
channel when REDIS_URL is set, so an event published in one gunicorn worker reaches screens
connected to another, and a reconnecting screen catches up from its Last-Event-ID. Each server
process reads Redis with one connection for all its open streams (fanout.py).

A broker outage never fails a request: publishing is logged and skipped (the write it follows
has committed), pages render without a starting id, and open streams fall back to periodic
refreshes until the broker answers, then refresh every screen once.
"""

from flask import current_app

from app.live.brokers import Broker, LocalBroker, RedisBroker

__all__ = ["Broker", "broker", "broker_state", "init_app", "latest_id", "publish"]


def init_app(app) -> None:
    url = app.config.get("REDIS_URL")
    app.extensions["live"] = RedisBroker(url) if url else LocalBroker()


def broker() -> Broker:
    return current_app.extensions["live"]


def publish(channel: str, event: str) -> str | None:
    """Tell every screen on `channel` that `event` happened; its id, or None if the broker is
    down (logged; the screens catch up when it returns)."""
    return broker().publish_safely(channel, event)


def latest_id(channel: str) -> str | None:
    """Where a page's stream starts; None while the broker is down."""
    return broker().latest_id_or_none(channel)


def broker_state() -> str:
    return "ok" if broker().ping() else "down"
