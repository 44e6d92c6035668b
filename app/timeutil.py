"""Two clocks. Event stamps (timers, audit) are naive UTC, the same on SQLite and PostgreSQL.
Meeting times are naive wall-clock times in the district's time zone, as people enter them."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from flask import current_app


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def local_now() -> datetime:
    zone = ZoneInfo(current_app.config["TIMEZONE"])
    return datetime.now(zone).replace(tzinfo=None)


def local_from_utc(stamp: datetime) -> datetime:
    """A naive UTC event stamp as naive wall-clock time in the district's time zone."""
    zone = ZoneInfo(current_app.config["TIMEZONE"])
    return stamp.replace(tzinfo=UTC).astimezone(zone).replace(tzinfo=None)
