"""Logging facilitation moves live, from a phone, as fast as the conversation."""

import sqlalchemy as sa

from app.auth.models import User
from app.extensions import db
from app.leadership.models import FacilitationMove, MoveBy, MoveType
from app.meetings.models import Meeting


def log(actor: User, meeting: Meeting, move_type: MoveType, made_by: MoveBy, note: str):
    move = FacilitationMove(
        meeting_id=meeting.id,
        segment_id=meeting.current_segment_id,
        move_type=move_type,
        made_by=made_by,
        note=note.strip()[:200],
        logged_by_id=actor.id,
    )
    db.session.add(move)
    db.session.commit()
    return move


def undo_last(actor: User, meeting: Meeting) -> FacilitationMove | None:
    """Remove the observer's own latest move in this meeting; None if there is none."""
    move = db.session.scalar(
        sa.select(FacilitationMove)
        .where(FacilitationMove.meeting_id == meeting.id, FacilitationMove.logged_by_id == actor.id)
        .order_by(FacilitationMove.id.desc())
        .limit(1)
    )
    if move is not None:
        db.session.delete(move)
        db.session.commit()
    return move


def recent(meeting: Meeting, actor: User, limit: int = 8) -> list[FacilitationMove]:
    return list(
        db.session.scalars(
            sa.select(FacilitationMove)
            .where(
                FacilitationMove.meeting_id == meeting.id, FacilitationMove.logged_by_id == actor.id
            )
            .order_by(FacilitationMove.id.desc())
            .limit(limit)
        )
    )


def tally(meeting_id: int) -> dict[tuple[MoveBy, MoveType], int]:
    rows = db.session.execute(
        sa.select(FacilitationMove.made_by, FacilitationMove.move_type, sa.func.count())
        .where(FacilitationMove.meeting_id == meeting_id)
        .group_by(FacilitationMove.made_by, FacilitationMove.move_type)
    )
    return {(by, kind): count for by, kind, count in rows}
