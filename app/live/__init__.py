"""Live updates: publish(channel, event) after a commit; streams replay what a screen missed.

The broker is in-process for the embedded default (one server process) and a Redis stream per
channel when REDIS_URL is set, so an event published in one gunicorn worker reaches screens
connected to another, and a reconnecting screen catches up from its Last-Event-ID.
"""

from flask import current_app

from app.live.brokers import Broker, LocalBroker, RedisBroker

__all__ = ["Broker", "broker", "init_app", "publish"]


def init_app(app) -> None:
    url = app.config.get("REDIS_URL")
    app.extensions["live"] = RedisBroker(url) if url else LocalBroker()


def broker() -> Broker:
    return current_app.extensions["live"]


def publish(channel: str, event: str) -> str:
    """Tell every screen on `channel` that `event` happened; returns the event's id."""
    return broker().publish(channel, event)
