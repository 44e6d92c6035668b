"""Recording a lesson: the enactment itself, then each part of its record saved on its own.
Every save commits, then tells the cycle's channel (the debrief listens for "enactment")."""

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from app.auth.models import User
from app.cycles.models import Cycle, live_channel
from app.editing import StaleEdit, check_version
from app.enactments import counting
from app.enactments.chart import PostedRow
from app.enactments.models import Enactment, Tally, Unanticipated
from app.enactments.parts import fingerprint, saver_column
from app.extensions import db
from app.live import publish

LIVE_EVENT = "enactment"


class SameClass(Exception):
    """The teacher already recorded this cycle's lesson with this class."""


class NotOnTheChart(Exception):
    """A posted chart row is not one of this enactment's responses."""


class CountsChanged(Exception):
    """A count changed (by tapping) after the chart form was drawn; nothing was saved."""


def _told(enactment: Enactment) -> None:
    publish(live_channel(enactment.cycle_id), LIVE_EVENT)


def same_class_exists(cycle_id: int, teacher_id: int | None, class_code: str, but=None) -> bool:
    query = sa.select(Enactment.id).where(
        Enactment.cycle_id == cycle_id,
        Enactment.teacher_id == teacher_id,
        sa.func.lower(Enactment.class_code) == class_code.lower(),
    )
    if but is not None:
        query = query.where(Enactment.id != but)
    return db.session.scalar(query.limit(1)) is not None


def record_lesson(actor: User, cycle: Cycle, details: dict) -> Enactment:
    """The actor's lesson with one class; SameClass if they recorded that class already."""
    if same_class_exists(cycle.id, actor.id, details["class_code"]):
        raise SameClass()
    enactment = Enactment(cycle_id=cycle.id, teacher_id=actor.id, demand_factors="", **details)
    try:
        with db.session.begin_nested():
            db.session.add(enactment)
    except IntegrityError as error:
        raise SameClass() from error
    db.session.commit()
    _told(enactment)
    return enactment


def save_fields(
    enactment: Enactment,
    values: dict,
    posted_version: int | None,
    part: str,
    drawn: str | None = None,
    actor: User | None = None,
) -> None:
    """Facts, exit levels, demand factors or reflection: StaleEdit if the form's part changed
    since it was drawn (its fingerprint `drawn`; without one, if the record changed at all).
    `actor` is kept as the part's last saver, for the notice of a later conflict."""
    if "class_code" in values and same_class_exists(
        enactment.cycle_id, enactment.teacher_id, values["class_code"], but=enactment.id
    ):
        raise SameClass()
    # A save of another part landing between our check and our commit moves the row's
    # version under us: check again against what it saved, once.
    for last_try in (False, True):
        _check_part(enactment, posted_version, part, drawn)
        for name, value in values.items():
            setattr(enactment, name, value)
        if actor is not None:
            setattr(enactment, saver_column(part), actor.id)
        enactment.version += 1
        try:
            db.session.commit()
            break
        except StaleDataError as error:
            db.session.rollback()
            if last_try:
                raise StaleEdit() from error
        except IntegrityError as error:  # the same class, saved at the same moment
            db.session.rollback()
            raise SameClass() from error
    _told(enactment)


def _check_part(enactment: Enactment, posted_version: int | None, part: str, drawn: str | None):
    if drawn is None:
        check_version(enactment, posted_version)
    elif drawn != fingerprint(enactment, part):
        raise StaleEdit()


def save_chart(enactment: Enactment, rows: list[PostedRow], on_chart: set[str]) -> None:
    """Every row of the chart at once. A row's count is only changed from the count the form
    was drawn with: if taps changed it since, nothing is saved (CountsChanged)."""
    if any(row.key not in on_chart for row in rows):
        raise NotOnTheChart()
    for row in rows:
        tally = counting.tally(enactment, row.response_id, row.unanticipated_id)
        guard = Tally.id == tally.id
        if row.drawn is not None:
            guard = sa.and_(guard, Tally.count == row.drawn)
        done = db.session.execute(
            sa.update(Tally)
            .where(guard)
            .values(count=row.count, codes=row.codes, share_order=row.share_order)
            .execution_options(synchronize_session=False)
        )
        if done.rowcount != 1:
            db.session.rollback()
            raise CountsChanged()
    db.session.commit()
    _told(enactment)


def add_unanticipated(
    actor: User, enactment: Enactment, name: str, description: str
) -> Unanticipated:
    found = counting.add_unanticipated(actor, enactment, name, description)
    _told(enactment)
    return found


def remove_unanticipated(enactment: Enactment, found: Unanticipated) -> None:
    """The response and its chart row (its taps with it)."""
    db.session.execute(sa.delete(Tally).where(Tally.unanticipated_id == found.id))
    db.session.delete(found)
    db.session.commit()
    _told(enactment)


def unanticipated_of(enactment: Enactment, unanticipated_id: int) -> Unanticipated | None:
    return db.session.scalar(
        sa.select(Unanticipated).where(
            Unanticipated.id == unanticipated_id, Unanticipated.enactment_id == enactment.id
        )
    )


def count_of(found: Unanticipated) -> int:
    return db.session.scalar(sa.select(Tally.count).where(Tally.unanticipated_id == found.id)) or 0
