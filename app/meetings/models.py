from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.enums import LabelledEnum, db_enum
from app.extensions import db
from app.timeutil import utcnow

if TYPE_CHECKING:
    from app.auth.models import User
    from app.cycles.models import Cycle
    from app.teams.models import Team


class SegmentKind(LabelledEnum):
    check_in = "check_in"
    do_the_math = "do_the_math"
    select_task = "select_task"
    anticipate = "anticipate"
    debrief = "debrief"
    next_steps = "next_steps"
    other = "other"


SegmentKind.LABELS = {
    "check_in": "Check-in and norms",
    "do_the_math": "Do the math",
    "select_task": "Select the task",
    "anticipate": "Anticipate",
    "debrief": "Debrief",
    "next_steps": "Next steps",
    "other": "Other",
}


class ReleaseLevel(LabelledEnum):
    """How far facilitation of a segment has been handed from the mentor to the leader."""

    mentor_leads = "mentor_leads"
    co_facilitate = "co_facilitate"
    leader_supported = "leader_supported"
    leader_alone = "leader_alone"

    @property
    def step(self) -> int:
        return list(ReleaseLevel).index(self) + 1


ReleaseLevel.LABELS = {
    "mentor_leads": "Mentor leads",
    "co_facilitate": "Co-facilitate",
    "leader_supported": "Leader leads with support",
    "leader_alone": "Leader leads alone",
}


class ContributionKind(LabelledEnum):
    note = "note"
    question = "question"
    decision = "decision"
    action = "action"


ContributionKind.LABELS = {
    "note": "Note",
    "question": "Question",
    "decision": "Decision",
    "action": "Action item",
}


class Meeting(db.Model):
    __tablename__ = "meetings"
    # A team's meetings by date: the team's list, its last meeting, its school years.
    __table_args__ = (sa.Index("ix_meetings_team_id_starts_at", "team_id", "starts_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(sa.ForeignKey("teams.id"), index=True)
    title: Mapped[str] = mapped_column(sa.String(160))
    starts_at: Mapped[datetime] = mapped_column(index=True)
    duration_minutes: Mapped[int] = mapped_column(default=60)
    location: Mapped[str] = mapped_column(sa.String(200), default="")
    video_url: Mapped[str] = mapped_column(sa.String(500), default="")
    goal: Mapped[str] = mapped_column(sa.Text, default="")
    # The cycle this meeting serves, if any (always one of the meeting's own team).
    cycle_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("cycles.id", ondelete="SET NULL"), index=True
    )
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    started_at: Mapped[datetime | None]
    ended_at: Mapped[datetime | None]
    current_segment_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("segments.id", use_alter=True, ondelete="SET NULL")
    )
    # When the current segment's countdown last (re)started; None while paused.
    timer_started_at: Mapped[datetime | None]
    # Bumped by every presenter action: a press based on a stale screen is refused.
    run_version: Mapped[int] = mapped_column(default=0)
    # A trial run: kept, but left out of the handoff figures.
    practice: Mapped[bool] = mapped_column(default=False, server_default=sa.false())
    # A deleted meeting is hidden everywhere; the team's planners can restore it for a while.
    deleted_at: Mapped[datetime | None] = mapped_column(index=True)
    deleted_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    # Bumped by planning edits only (see planning.py), so running the meeting never makes
    # a planner's open form stale; every UPDATE still checks it.
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version, "version_id_generator": False}

    team: Mapped["Team"] = relationship()
    cycle: Mapped["Cycle | None"] = relationship()
    deleted_by: Mapped["User | None"] = relationship(foreign_keys=[deleted_by_id])
    segments: Mapped[list["Segment"]] = relationship(
        back_populates="meeting",
        order_by="Segment.position",
        cascade="all, delete-orphan",
        foreign_keys="Segment.meeting_id",
    )
    current_segment: Mapped["Segment | None"] = relationship(
        foreign_keys=[current_segment_id], post_update=True
    )

    @property
    def status(self) -> str:
        if self.ended_at:
            return "ended"
        if self.started_at:
            return "running"
        return "planned"

    @property
    def planned_minutes(self) -> int:
        return sum(s.planned_minutes for s in self.segments)

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.duration_minutes)

    def channel(self) -> str:
        return f"meeting:{self.id}"


class Segment(db.Model):
    __tablename__ = "segments"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        sa.ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    title: Mapped[str] = mapped_column(sa.String(160))
    kind: Mapped[SegmentKind] = mapped_column(db_enum(SegmentKind), default=SegmentKind.other)
    planned_minutes: Mapped[int] = mapped_column(default=10)
    facilitator_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"), index=True)
    release_level: Mapped[ReleaseLevel] = mapped_column(
        db_enum(ReleaseLevel), default=ReleaseLevel.mentor_leads
    )
    description: Mapped[str] = mapped_column(sa.Text, default="")
    added_minutes: Mapped[int] = mapped_column(default=0)
    elapsed_seconds: Mapped[int] = mapped_column(default=0)
    # Where planning took facilitator and release level from (SegmentOrigin); None once a
    # planner sets them by hand.
    origin: Mapped[str | None] = mapped_column(sa.String(16))
    origin_meeting_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("meetings.id", ondelete="SET NULL")
    )
    # Bumped by planning edits only, as Meeting.version.
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version, "version_id_generator": False}

    meeting: Mapped[Meeting] = relationship(back_populates="segments", foreign_keys=[meeting_id])
    facilitator: Mapped["User | None"] = relationship()
    origin_meeting: Mapped[Meeting | None] = relationship(foreign_keys=[origin_meeting_id])

    @property
    def allowed_seconds(self) -> int:
        return (self.planned_minutes + self.added_minutes) * 60

    @property
    def actual_minutes(self) -> int:
        return round(self.elapsed_seconds / 60)


class Contribution(db.Model):
    """A note, question, decision or action item added to a segment during a meeting."""

    __tablename__ = "contributions"
    # Open action items (what someone owes, what a team left open): a small slice of a large
    # table, so the index holds only them.
    __table_args__ = (
        sa.Index(
            "ix_contributions_open_actions",
            "owner_id",
            "meeting_id",
            postgresql_where=sa.text("kind = 'action' AND done_at IS NULL AND removed_at IS NULL"),
            sqlite_where=sa.text("kind = 'action' AND done_at IS NULL AND removed_at IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        sa.ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    segment_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("segments.id", ondelete="SET NULL"), index=True
    )
    author_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    kind: Mapped[ContributionKind] = mapped_column(db_enum(ContributionKind))
    body: Mapped[str] = mapped_column(sa.Text)
    # A personal note: shown only on its author's own screen, never on the projector.
    is_private: Mapped[bool] = mapped_column(default=False)
    owner_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"), index=True)
    due_on: Mapped[date | None]
    done_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Removed contributions stay hidden (their Undo is offered for a few seconds).
    removed_at: Mapped[datetime | None]
    removed_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))

    meeting: Mapped[Meeting] = relationship()
    segment: Mapped[Segment | None] = relationship()
    author: Mapped["User"] = relationship(foreign_keys=[author_id])
    owner: Mapped["User | None"] = relationship(foreign_keys=[owner_id])
    removed_by: Mapped["User | None"] = relationship(foreign_keys=[removed_by_id])


class Attendance(db.Model):
    __tablename__ = "attendances"
    __table_args__ = (sa.UniqueConstraint("meeting_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        sa.ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    present: Mapped[bool] = mapped_column(default=True)
    # When their device last opened the run view (UTC); before Start this is what counts.
    seen_at: Mapped[datetime | None]
    # Set by an explicit mark (a facilitator's correction, or their own): opening the run
    # view never overrides it.
    marked_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))

    user: Mapped["User"] = relationship(foreign_keys=[user_id])


class AgendaTemplate(db.Model):
    """A team's own protocol: an ordered list of segments to start a meeting from."""

    __tablename__ = "agenda_templates"

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(sa.ForeignKey("teams.id"), index=True)
    name: Mapped[str] = mapped_column(sa.String(160))
    description: Mapped[str] = mapped_column(sa.Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    segments: Mapped[list["TemplateSegment"]] = relationship(
        order_by="TemplateSegment.position", cascade="all, delete-orphan"
    )


class TemplateSegment(db.Model):
    __tablename__ = "agenda_template_segments"

    id: Mapped[int] = mapped_column(primary_key=True)
    template_id: Mapped[int] = mapped_column(
        sa.ForeignKey("agenda_templates.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    title: Mapped[str] = mapped_column(sa.String(160))
    kind: Mapped[SegmentKind] = mapped_column(db_enum(SegmentKind))
    planned_minutes: Mapped[int]
    description: Mapped[str] = mapped_column(sa.Text, default="")
