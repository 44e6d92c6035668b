"""Growing delays after wrong passwords, so guessing is slow and nobody is locked out.

Only failures count (a wrong password at sign-in, or a wrong current password when changing
it). After `free` recent failures under one key, the next attempt under that key waits
2, 4, 8 … seconds after the latest failure, never more than SIGNIN_MAX_DELAY_SECONDS: the
right password from a new device is held up for seconds, not locked out. Three keys:

- an email from one address: a guesser at one computer;
- an email from anywhere: guessing spread over many addresses, allowed more failures;
- an address for any email: one address trying many accounts; the threshold is high,
  because a school's staff share one address behind its router.

A correct password clears the account's failures. Failures older than the window are
forgotten and pruned."""

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from flask import current_app

from app import timeutil
from app.auth.models import SignInAttempt
from app.extensions import db


@dataclass(frozen=True)
class Wait:
    seconds: int

    @property
    def message(self) -> str:
        unit = "second" if self.seconds == 1 else "seconds"
        return f"Too many wrong passwords. Wait {self.seconds} {unit}, then try again."


def _window() -> timedelta:
    return timedelta(minutes=current_app.config["SIGNIN_WINDOW_MINUTES"])


def _remaining(failures: int, latest: datetime | None, free: int, now: datetime) -> float:
    if latest is None or failures < free:
        return 0
    delay = min(2 ** (failures - free + 1), current_app.config["SIGNIN_MAX_DELAY_SECONDS"])
    return (latest + timedelta(seconds=delay) - now).total_seconds()


def wait_for(email: str, address: str) -> Wait | None:
    """How long this email at this address must wait before a password check; None: no wait."""
    config, now, address = current_app.config, timeutil.utcnow(), address[:64]
    by_email, by_address = SignInAttempt.email == email, SignInAttempt.remote_addr == address
    keys = [
        (sa.and_(by_email, by_address), config["SIGNIN_FREE_PER_ACCOUNT_AND_ADDRESS"]),
        (by_email, config["SIGNIN_FREE_PER_ACCOUNT"]),
        (by_address, config["SIGNIN_FREE_PER_ADDRESS"]),
    ]
    columns = []
    for condition, _free in keys:
        columns += [
            sa.func.count().filter(condition),
            sa.func.max(SignInAttempt.at).filter(condition),
        ]
    row = db.session.execute(
        sa.select(*columns).where(sa.or_(by_email, by_address), SignInAttempt.at >= now - _window())
    ).one()
    remaining = max(
        _remaining(row[2 * i], row[2 * i + 1], free, now) for i, (_key, free) in enumerate(keys)
    )
    return Wait(math.ceil(remaining)) if remaining > 0 else None


def record_failure(email: str, address: str) -> None:
    """Count a wrong password for this email from this address. Commits."""
    now, address = timeutil.utcnow(), address[:64]
    db.session.add(SignInAttempt(email=email, remote_addr=address, at=now))
    db.session.execute(sa.delete(SignInAttempt).where(SignInAttempt.at < now - _window()))
    db.session.commit()


def clear(email: str) -> None:
    """The right password: this account's failures count no more. The caller commits."""
    db.session.execute(sa.delete(SignInAttempt).where(SignInAttempt.email == email))
