"""The record of a meeting, gathered once for the minutes page and its PDF."""

from dataclasses import dataclass
from datetime import date, datetime

from app.auth.models import User
from app.meetings import contributions
from app.meetings.attendance import attendance_of
from app.meetings.models import Contribution, ContributionKind, Meeting, Segment
from app.meetings.queries import load_meeting
from app.timeutil import to_local


@dataclass
class SegmentRecord:
    segment: Segment | None  # None: added before the first segment or to a removed one
    notes: list[Contribution]
    questions: list[Contribution]
    decisions: list[Contribution]

    @property
    def title(self) -> str:
        return self.segment.title if self.segment else "Outside the agenda"

    @property
    def said(self) -> bool:
        return bool(self.notes or self.questions or self.decisions)


@dataclass
class Minutes:
    meeting: Meeting
    present: list[User]
    absent: list[User]
    segments: list[SegmentRecord]
    actions: list[Contribution]
    outside_agenda: SegmentRecord

    @property
    def discussion(self) -> list[SegmentRecord]:
        """What was said, segment by segment, then anything outside the agenda."""
        return [r for r in [*self.segments, self.outside_agenda] if r.said]

    @property
    def ran_at(self) -> datetime | None:
        """When the meeting started, on the district's clock; None if it never ran."""
        return to_local(self.meeting.started_at) if self.meeting.started_at else None

    @property
    def day(self) -> date:
        """The day the meeting ran, else the day it is planned for."""
        return (self.ran_at or self.meeting.starts_at).date()

    @property
    def planned_minutes(self) -> int:
        return sum(r.segment.planned_minutes for r in self.segments)

    @property
    def actual_minutes(self) -> int:
        return round(sum(r.segment.elapsed_seconds for r in self.segments) / 60)


def minutes_of(meeting_id: int) -> Minutes:
    meeting = load_meeting(meeting_id)
    shared = contributions.shared_of(meeting.id)
    by_segment: dict[int | None, list[Contribution]] = {}
    for contribution in shared:
        by_segment.setdefault(contribution.segment_id, []).append(contribution)

    def of_kind(segment_id, kind):
        return [c for c in by_segment.get(segment_id, []) if c.kind == kind]

    def record(segment: Segment | None) -> SegmentRecord:
        segment_id = segment.id if segment else None
        return SegmentRecord(
            segment,
            of_kind(segment_id, ContributionKind.note),
            of_kind(segment_id, ContributionKind.question),
            of_kind(segment_id, ContributionKind.decision),
        )

    attended = attendance_of(meeting)
    members = sorted((m.user for m in meeting.team.memberships), key=lambda u: u.name.lower())
    return Minutes(
        meeting=meeting,
        present=[u for u in members if attended.get(u.id)],
        absent=[u for u in members if not attended.get(u.id)],
        segments=[record(s) for s in meeting.segments],
        actions=[c for c in shared if c.kind == ContributionKind.action],
        outside_agenda=record(None),
    )
