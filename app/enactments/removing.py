"""Removing a lesson record kept on the wrong cycle or twice: the enactment with its chart,
taps, responses nobody anticipated and photos of student work, in one commit. The photo files
and their thumbnails leave the upload folder only once that commit has held, so a failed
removal loses nothing and a removed record leaves no student work behind on the server."""

from dataclasses import dataclass

import sqlalchemy as sa

from app.cycles.models import Cycle, live_channel
from app.enactments.models import Enactment, Tally, Tap, Unanticipated, WorkSample
from app.enactments.recording import LIVE_EVENT
from app.enactments.samples import SAMPLES, THUMBS
from app.extensions import db
from app.live import publish


@dataclass(frozen=True)
class WhatGoes:
    """What removing a record takes with it, for the confirmation page."""

    counted: int
    responses_counted: int
    taps: int
    unanticipated: int
    promoted: int
    samples: int
    in_report: int


def _count(column, *where) -> sa.ScalarSelect:
    return sa.select(sa.func.count(column)).where(*where).scalar_subquery()


def what_goes(enactment: Enactment) -> WhatGoes:
    """Everything the record holds, counted in one statement."""
    of = enactment.id
    counted = (
        sa.select(sa.func.coalesce(sa.func.sum(Tally.count), 0))
        .where(Tally.enactment_id == of)
        .scalar_subquery()
    )
    row = db.session.execute(
        sa.select(
            counted,
            _count(Tally.id, Tally.enactment_id == of, Tally.count > 0),
            _count(Tap.id, Tap.enactment_id == of),
            _count(Unanticipated.id, Unanticipated.enactment_id == of),
            _count(
                Unanticipated.id,
                Unanticipated.enactment_id == of,
                Unanticipated.promoted_to_id.is_not(None),
            ),
            _count(WorkSample.id, WorkSample.enactment_id == of),
            _count(WorkSample.id, WorkSample.enactment_id == of, WorkSample.in_report),
        )
    ).one()
    return WhatGoes(*(int(value) for value in row))


def remove_enactment(enactment: Enactment) -> Cycle:
    """Delete the record and everything in it; then its photos; then tell the cycle's channel.
    A record someone removed a moment earlier is simply gone: nothing more happens."""
    cycle = enactment.cycle
    of = enactment.id
    db.session.execute(sa.delete(Tap).where(Tap.enactment_id == of))
    # The names of the rows actually deleted: a photo added a moment ago goes with them.
    names = db.session.scalars(
        sa.delete(WorkSample).where(WorkSample.enactment_id == of).returning(WorkSample.image_name)
    ).all()
    db.session.execute(sa.delete(Tally).where(Tally.enactment_id == of))
    db.session.execute(sa.delete(Unanticipated).where(Unanticipated.enactment_id == of))
    db.session.execute(
        sa.delete(Enactment).where(Enactment.id == of).execution_options(synchronize_session=False)
    )
    db.session.expunge(enactment)
    db.session.commit()
    for name in names:
        SAMPLES.remove(name)
        THUMBS.remove(name)
    publish(live_channel(cycle.id), LIVE_EVENT)
    return cycle
