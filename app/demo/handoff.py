"""The demo's facilitation handoff: the Grade 4 team's past sessions in which Jordan Lee takes
over from Dr. Ana Ruiz, with their minutes, facilitation moves, nudges and mentoring loops,
and the team's Experience → Teach → Lead pipeline.

Every part is added only when it is missing, so loading the demo twice changes nothing.
Times are derived from the “Cycle 3 planning” meeting, without any randomness.
"""

from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from flask import current_app

from app.auth.models import User
from app.demo.meetings import segments
from app.demo.plans import Record, Session
from app.demo.sessions import (
    CU,
    MENTOR,
    PARTICIPANT,
    PHASES,
    PLANNING_RECORD,
    PLANNING_TITLE,
    SESSIONS,
    UPCOMING_PLAN,
    UPCOMING_TITLE,
    S,
)
from app.extensions import db
from app.leadership.models import (
    FacilitationMove,
    MentoringLoop,
    MoveBy,
    MoveType,
    Nudge,
    Phase,
    PhaseChange,
)
from app.meetings.models import (
    Attendance,
    Contribution,
    ContributionKind,
    Meeting,
    ReleaseLevel,
    Segment,
    SegmentKind,
)
from app.teams.models import Team

TEAM_KEYS = ("mentor", "leader", "teacher1", "teacher2", "teacher3")


def seed_handoff(team: Team, people: dict[str, User], today: date) -> bool:
    """Add the missing parts of the handoff; False when all of them are already there."""
    planning = _meeting(team, PLANNING_TITLE)
    anchor = planning.starts_at.date() if planning else today - timedelta(days=14)
    added = _seed_sessions(team, people, anchor)
    if planning is not None:
        added = _seed_record(planning, PLANNING_RECORD, people) or added
    upcoming = _meeting(team, UPCOMING_TITLE)
    if upcoming is not None:
        added = _seed_upcoming_plan(upcoming, people) or added
    added = _seed_phases(team, people, anchor) or added
    if added:
        db.session.commit()
    return added


def _meeting(team: Team, title: str) -> Meeting | None:
    return db.session.scalar(
        sa.select(Meeting).where(Meeting.team_id == team.id, Meeting.title == title).limit(1)
    )


def _weekday(day: date) -> date:
    """Teams meet on school days: a Saturday becomes the Friday, a Sunday the Monday."""
    return day + timedelta(days={5: -1, 6: 1}.get(day.weekday(), 0))


def _utc(local: datetime) -> datetime:
    """A wall-clock time in the district's zone as the naive UTC stamp events are kept in."""
    zone = ZoneInfo(current_app.config["TIMEZONE"])
    return local.replace(tzinfo=zone).astimezone(UTC).replace(tzinfo=None)


def _seed_sessions(team: Team, people: dict[str, User], anchor: date) -> bool:
    existing = set(db.session.scalars(sa.select(Meeting.title).where(Meeting.team_id == team.id)))
    missing = [s for s in SESSIONS if s.title not in existing]
    add_sessions(team, people, anchor, missing)
    return bool(missing)


def add_sessions(
    team: Team, people: dict[str, User], anchor: date, sessions: list[Session]
) -> list[Meeting]:
    """Held meetings of the team with their minutes, attendance and what was logged around
    them (flushed, not committed); `anchor` is the day each session's `day` counts from."""
    meetings = [_new_meeting(team, people, anchor, session) for session in sessions]
    db.session.add_all(meetings)
    db.session.flush()
    for session, meeting in zip(sessions, meetings, strict=True):
        _add_minutes(meeting, session, people, meeting.starts_at.date())
        _seed_record(meeting, session.record, people, new=True)
    return meetings


def _new_meeting(team: Team, people: dict[str, User], anchor: date, session: Session) -> Meeting:
    day = _weekday(anchor + timedelta(days=session.day))
    starts_at = datetime.combine(day, session.starts)
    meeting = Meeting(
        team=team,
        title=session.title,
        starts_at=starts_at,
        duration_minutes=session.duration,
        location=session.location,
        video_url=session.video_url,
        goal=session.goal,
        created_by_id=people[session.created_by].id,
    )
    # Teams start a minute or three late; the wrap-up takes under a minute.
    started = _utc(starts_at) + timedelta(minutes=1 + abs(session.day) % 3)
    meeting.started_at = started
    meeting.ended_at = started + timedelta(seconds=sum(s.seconds for s in session.segments) + 40)
    meeting.segments = segments(session.segments, people)
    return meeting


def _windows(meeting: Meeting) -> list[tuple[datetime, int]]:
    """When each segment of an ended meeting ran: its start (UTC) and its length in seconds."""
    windows, at = [], meeting.started_at
    for segment in meeting.segments:
        seconds = segment.elapsed_seconds or segment.planned_minutes * 60
        windows.append((at, seconds))
        at += timedelta(seconds=seconds)
    return windows


def _add_minutes(meeting: Meeting, session: Session, people: dict[str, User], day: date) -> None:
    windows = _windows(meeting)
    by_segment = defaultdict(list)
    for said in session.contributions:
        by_segment[said.segment].append(said)
    for index, contributions in sorted(by_segment.items()):
        start, seconds = windows[index]
        for n, said in enumerate(contributions, 1):
            created = start + timedelta(seconds=seconds * n // (len(contributions) + 1))
            is_action = said.kind == ContributionKind.action
            due = said.due_in_days
            db.session.add(
                Contribution(
                    meeting_id=meeting.id,
                    segment_id=meeting.segments[index].id,
                    author_id=people[said.author].id,
                    kind=said.kind,
                    body=said.body,
                    owner_id=people[said.owner].id if said.owner else None,
                    due_on=day + timedelta(days=due) if is_action else None,
                    done_at=meeting.ended_at + timedelta(days=max(due - 1, 0), hours=2)
                    if is_action and said.done
                    else None,
                    created_at=created,
                )
            )
    for key in TEAM_KEYS:
        db.session.add(
            Attendance(
                meeting_id=meeting.id, user_id=people[key].id, present=key not in session.absent
            )
        )


def _seed_record(meeting: Meeting, record: Record, people: dict[str, User], new=False) -> bool:
    """The moves, nudges and mentoring loop of one ended meeting, each when missing."""
    added = False
    if new or not db.session.scalar(
        sa.select(FacilitationMove.id).where(FacilitationMove.meeting_id == meeting.id).limit(1)
    ):
        _add_moves(meeting, record, people)
        _add_nudges(meeting, record, people)
        added = True
    loop = record.loop
    if loop and (new or not _has_loop(meeting, people["leader"])):
        db.session.add(
            MentoringLoop(
                meeting_id=meeting.id,
                leader_id=people["leader"].id,
                leader_goals=loop.leader_goals,
                planning_notes=loop.planning_notes,
                leader_reflection=loop.leader_reflection,
                mentor_reflection=loop.mentor_reflection,
                next_goals=loop.next_goals,
                updated_at=meeting.ended_at + timedelta(days=1, hours=-2),
            )
        )
        added = True
    return added


def _has_loop(meeting: Meeting, leader: User) -> bool:
    return bool(
        db.session.scalar(
            sa.select(MentoringLoop.id).where(
                MentoringLoop.meeting_id == meeting.id, MentoringLoop.leader_id == leader.id
            )
        )
    )


def _eligible(segments: list[Segment], by: MoveBy, move_type: MoveType, people) -> list[int]:
    """The segments in which such a move is plausible.

    Structuring and cultivating belong to whoever holds the floor: the facilitator, both
    people at the co-facilitate level, and the mentor supporting a leader. Participants
    speak up once the work starts; eliciting and connecting can happen anywhere.
    """
    everywhere = list(range(len(segments)))
    if by is PARTICIPANT:
        chosen = [i for i, s in enumerate(segments) if s.kind != SegmentKind.check_in]
    elif move_type in (S, CU):
        person = people[by.value].id
        chosen = [
            i
            for i, s in enumerate(segments)
            if s.facilitator_id == person
            or s.release_level == ReleaseLevel.co_facilitate
            or (by is MENTOR and s.release_level == ReleaseLevel.leader_supported)
        ]
    else:
        chosen = everywhere
    return chosen or everywhere


def _spread(count: int, indices: list[int], weights: list[int]) -> dict[int, int]:
    """Share count out over indices in proportion to weights (largest remainders win)."""
    total = sum(weights[i] for i in indices)
    exact = {i: count * weights[i] / total for i in indices}
    shares = {i: int(x) for i, x in exact.items()}
    left = count - sum(shares.values())
    for i in sorted(indices, key=lambda i: (shares[i] - exact[i], i))[:left]:
        shares[i] += 1
    return shares


def _add_moves(meeting: Meeting, record: Record, people: dict[str, User]) -> None:
    segments = meeting.segments
    weights = [seconds for _, seconds in _windows(meeting)]
    placed: list[list[list]] = [[] for _ in segments]  # per segment: [by, type, note]
    for by, counts in record.moves.items():
        for move_type, count in counts.by_type().items():
            indices = _eligible(segments, by, move_type, people)
            for index, n in _spread(count, indices, weights).items():
                placed[index].extend([by, move_type, ""] for _ in range(n))
    for note in record.notes:
        _attach_note(placed, note.segment, note.by, note.move_type, note.note, meeting.title)

    groups = [(by, t) for by in MoveBy for t in MoveType]
    for (start, seconds), segment, moves in zip(_windows(meeting), segments, placed, strict=True):
        ranked = []
        for order, (by, move_type) in enumerate(groups):
            group = [m for m in moves if m[0] == by and m[1] == move_type]
            ranked += [((k + 0.5) / len(group), order, m) for k, m in enumerate(group)]
        ranked.sort(key=lambda r: r[:2])
        for n, (_, _, (by, move_type, note)) in enumerate(ranked):
            at = start + timedelta(seconds=(2 * n + 1) * seconds // (2 * len(ranked)))
            db.session.add(
                FacilitationMove(
                    meeting_id=meeting.id,
                    segment_id=segment.id,
                    move_type=move_type,
                    made_by=by,
                    note=note,
                    logged_by_id=people["mentor"].id,
                    created_at=at,
                )
            )


def _attach_note(placed, index: int, by: MoveBy, move_type: MoveType, note: str, title: str):
    """Give the note to one of the counted moves, moving it into that segment if need be."""

    def free(moves: list[list]) -> list[list]:
        return [m for m in moves if m[0] == by and m[1] == move_type and not m[2]]

    if not free(placed[index]):
        donor = max(range(len(placed)), key=lambda i: (len(free(placed[i])), -i))
        if not free(placed[donor]):
            raise ValueError(f"{title}: no {by} {move_type} move left for the note “{note}”")
        move = free(placed[donor])[0]
        placed[donor].remove(move)
        placed[index].append(move)
    free(placed[index])[0][2] = note


def _add_nudges(meeting: Meeting, record: Record, people: dict[str, User]) -> None:
    windows = _windows(meeting)
    for nudge in record.nudges:
        start, seconds = windows[nudge.segment]
        sent = start + timedelta(seconds=seconds * 2 // 5)
        db.session.add(
            Nudge(
                meeting_id=meeting.id,
                segment_id=meeting.segments[nudge.segment].id,
                from_id=people["mentor"].id,
                to_id=people["leader"].id,
                body=nudge.body,
                created_at=sent,
                dismissed_at=sent + timedelta(seconds=50) if nudge.dismissed else None,
            )
        )


def _seed_upcoming_plan(upcoming: Meeting, people: dict[str, User]) -> bool:
    """The planning conversation before the upcoming debrief: goals and notes, no debrief."""
    if _has_loop(upcoming, people["leader"]):
        return False
    db.session.add(
        MentoringLoop(
            meeting_id=upcoming.id,
            leader_id=people["leader"].id,
            leader_goals=UPCOMING_PLAN.leader_goals,
            planning_notes=UPCOMING_PLAN.planning_notes,
            updated_at=_utc(upcoming.starts_at - timedelta(days=4)),
        )
    )
    return True


def _seed_phases(team: Team, people: dict[str, User], anchor: date) -> bool:
    if db.session.scalar(sa.select(PhaseChange.id).where(PhaseChange.team_id == team.id).limit(1)):
        return False
    for step in PHASES:
        started_on = anchor + timedelta(days=step.day)
        db.session.add(
            PhaseChange(
                team_id=team.id,
                user_id=people[step.person].id,
                phase=Phase(step.phase),
                started_on=started_on,
                note=step.note,
                next_step=step.next_step,
                recorded_by_id=people["mentor"].id,
                created_at=_utc(datetime.combine(started_on, datetime.min.time()))
                + timedelta(hours=17),
            )
        )
    return True
