from datetime import timedelta

import pytest

from app import timeutil


class Clock:
    """app.timeutil.utcnow, held still until the test moves it."""

    def __init__(self):
        self.now = timeutil.utcnow()

    def advance(self, **delta) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock(monkeypatch) -> Clock:
    controlled = Clock()
    monkeypatch.setattr(timeutil, "utcnow", lambda: controlled.now)
    return controlled
