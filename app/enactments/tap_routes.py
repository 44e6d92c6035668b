"""Tap-to-count: a phone or tablet page with one big button per response, and the JSON routes
its script sends taps to. Every tap carries the key its device made, so a tap sent again after
the classroom wifi dropped counts once. The JSON routes answer refusals in JSON too (the
script shows their message), never with an HTML page."""

from flask import Blueprint, jsonify, render_template, request
from flask_login import current_user, login_required
from werkzeug.exceptions import NotFound

from app.cycles.models import live_channel
from app.enactments import counting
from app.enactments.access import can_record, enactment_for
from app.enactments.models import Enactment
from app.enactments.recording import LIVE_EVENT
from app.enactments.tap_forms import BadInput, parse_tap, parse_unanticipated, payload
from app.enactments.tap_queries import counts
from app.live import publish
from app.meetings.access import require

bp = Blueprint("tap_count", __name__)

NOT_FOUND = "This lesson's record was not found: it may have been removed."
NOT_YOURS = "Only the teacher who taught this lesson or the team's planners record its counts."


class Refused(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status, self.message = status, message


@bp.errorhandler(Refused)
def refused(error: Refused):
    return jsonify(message=error.message), error.status


@bp.errorhandler(BadInput)
def bad_input(error: BadInput):
    return jsonify(message=str(error)), 422


def _recordable(enactment_id: int) -> Enactment:
    """The enactment for a JSON route: another team's is a 404, a teammate's a 403, in JSON."""
    try:
        enactment = enactment_for(current_user, enactment_id)
    except NotFound:
        raise Refused(404, NOT_FOUND) from None
    if not can_record(current_user, enactment):
        raise Refused(403, NOT_YOURS)
    return enactment


@bp.get("/enactments/<int:enactment_id>/count")
@login_required
def show(enactment_id: int):
    enactment = enactment_for(current_user, enactment_id)
    require(can_record(current_user, enactment))
    return render_template("enactments/count.html", enactment=enactment, counts=counts(enactment))


@bp.get("/enactments/<int:enactment_id>/counts")
@login_required
def current_counts(enactment_id: int):
    """The counts now, for a device that has sent what it kept while offline."""
    try:
        enactment = enactment_for(current_user, enactment_id)
    except NotFound:
        raise Refused(404, NOT_FOUND) from None
    return jsonify(counts(enactment).as_json())


@bp.post("/enactments/<int:enactment_id>/taps")
@login_required
def tap(enactment_id: int):
    enactment = _recordable(enactment_id)
    sent = parse_tap(payload(request))
    target = {"response_id": sent.response_id, "unanticipated_id": sent.unanticipated_id}
    try:
        count = counting.tap(enactment, sent.key, sent.by, tapped_at=sent.tapped_at, **target)
    except counting.NotThisLesson:
        raise BadInput("That response is not on this lesson's chart.") from None
    _told(enactment)
    return jsonify(
        key=sent.key, count=count, response=sent.response_id, unanticipated=sent.unanticipated_id
    )


@bp.post("/enactments/<int:enactment_id>/count/unanticipated")
@login_required
def add_unanticipated(enactment_id: int):
    """A response nobody anticipated, added in the moment (once per key, however often sent)."""
    enactment = _recordable(enactment_id)
    sent = parse_unanticipated(payload(request))
    found = counting.add_unanticipated_once(current_user, enactment, sent.key, sent.name)
    if found is None:
        raise BadInput("That response was removed from the record since it was added.")
    count = counting.tally(enactment, unanticipated_id=found.id).count
    _told(enactment)
    return jsonify(key=sent.key, id=found.id, name=found.name, count=count)


def _told(enactment: Enactment) -> None:
    """The debrief shows counts live: every tap tells the cycle's channel (a replayed tap too,
    which changes nothing; a screen re-fetching an unchanged comparison gets a 304)."""
    publish(live_channel(enactment.cycle_id), LIVE_EVENT)
