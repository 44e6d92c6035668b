"""The live stream of a cycle's shared work (selection board, lesson, debrief), for a member:
it stops when the viewer may no longer reach what it follows."""

from collections.abc import Callable

from flask import request
from flask_login import current_user
from werkzeug.exceptions import NotFound

from app import live
from app.auth.models import User
from app.cycles.models import live_channel
from app.extensions import db
from app.live.stream import event_stream


def cycle_stream(cycle_id: int, reach: Callable[[User], object]):
    """The cycle's events from the request's `after`; `reach(user)` is the access check the
    page made (404 when the user may not see it), repeated while the stream is open."""
    user_id = current_user.id
    db.session.close()

    def still_allowed() -> bool:
        user = db.session.get(User, user_id)
        if user is None:
            return False
        try:
            reach(user)
        except NotFound:
            return False
        return True

    return event_stream(
        live.broker(), live_channel(cycle_id), request.args.get("after"), still_allowed
    )
