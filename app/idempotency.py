"""Writes a client may retry carry an idempotency key: a retry never writes twice.

A form renders a fresh key (`idempotency_field()` in templates); the browser sends the same key
again when it retries. The route wraps its workflow in `once(...)`: the key is recorded in the
same transaction as the workflow's own rows, so a replay — also one arriving at the same moment
as the first request — finds the key and writes nothing. Keys are per person and per endpoint.
"""

import re
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Generic, TypeVar

import sqlalchemy as sa
from flask import Flask, current_app
from markupsafe import Markup
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db
from app.timeutil import utcnow

FIELD = "idempotency_key"
KEEP = timedelta(days=1)
PURGE_EVERY_SECONDS = 3600
_VALID = re.compile(r"[A-Za-z0-9_-]{16,64}")

T = TypeVar("T")


class IdempotencyKey(db.Model):
    __tablename__ = "idempotency_keys"
    __table_args__ = (sa.UniqueConstraint("user_id", "endpoint", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"))
    endpoint: Mapped[str] = mapped_column(sa.String(80))
    key: Mapped[str] = mapped_column(sa.String(64))
    # What the first request created, for answers that name it (None when nothing was made).
    object_id: Mapped[int | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)


@dataclass(frozen=True)
class Outcome(Generic[T]):
    value: T | None
    replayed: bool
    object_id: int | None = None


def new_key() -> str:
    return secrets.token_urlsafe(24)


def key_from(form) -> str | None:
    """The posted key; None when missing or malformed (the write then happens without one)."""
    value = form.get(FIELD, "")
    return value if _VALID.fullmatch(value) else None


def _earlier(user_id: int, endpoint: str, key: str) -> IdempotencyKey | None:
    return db.session.scalar(
        sa.select(IdempotencyKey).where(
            IdempotencyKey.user_id == user_id,
            IdempotencyKey.endpoint == endpoint,
            IdempotencyKey.key == key,
        )
    )


def seen(user, endpoint: str, key: str | None) -> bool:
    """Whether this person's request with `key` was already handled here."""
    return key is not None and _earlier(user.id, endpoint, key) is not None


def earlier(user, endpoint: str, key: str | None) -> Outcome | None:
    """The outcome of this person's earlier request with `key` here, if there was one: for a
    route whose object is gone once the first request succeeded (a removal sent twice)."""
    row = _earlier(user.id, endpoint, key) if key is not None else None
    return _replay(row) if row is not None else None


def _replay(row: IdempotencyKey) -> Outcome:
    return Outcome(None, replayed=True, object_id=row.object_id)


def once(user, key: str | None, endpoint: str, write: Callable[[], T]) -> Outcome[T]:
    """Run `write` (a workflow that commits) unless this person already sent `key` here."""
    if key is None:
        return Outcome(write(), replayed=False)
    earlier = _earlier(user.id, endpoint, key)
    if earlier is not None:
        return _replay(earlier)
    row = IdempotencyKey(user_id=user.id, endpoint=endpoint, key=key)
    db.session.add(row)  # committed by the workflow, with its own rows
    try:
        value = write()
    except IntegrityError:
        # The same key at the same moment: the other request won, this one wrote nothing.
        db.session.rollback()
        earlier = _earlier(user.id, endpoint, key)
        if earlier is None:
            raise
        return _replay(earlier)
    object_id = getattr(value, "id", None)
    if object_id is not None:
        row.object_id = object_id
    db.session.commit()
    _purge_now_and_then()
    return Outcome(value, replayed=False, object_id=object_id)


def purge(older_than: timedelta = KEEP) -> int:
    """Forget keys older than a day: a retry comes within seconds or minutes."""
    result = db.session.execute(
        sa.delete(IdempotencyKey).where(IdempotencyKey.created_at < utcnow() - older_than)
    )
    db.session.commit()
    return result.rowcount


def _purge_now_and_then() -> None:
    state = current_app.extensions["idempotency"]
    now = time.monotonic()
    if now >= state["next_purge"]:
        state["next_purge"] = now + PURGE_EVERY_SECONDS
        purge()


def idempotency_field() -> Markup:
    """A hidden field with a fresh key: one per rendered form."""
    return Markup(f'<input type="hidden" name="{FIELD}" value="{new_key()}">')


def init_app(app: Flask) -> None:
    app.extensions["idempotency"] = {"next_purge": 0.0}
    app.jinja_env.globals["idempotency_field"] = idempotency_field
