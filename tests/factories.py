"""Plain functions that make real rows for tests."""

import itertools
from dataclasses import dataclass

from app.auth.models import User
from app.auth.passwords import hash_password
from app.extensions import db
from app.teams.models import District, Membership, Role, School, Team

PASSWORD = "correct horse battery"
_sequence = itertools.count(1)
_hash_cache: dict[str, str] = {}


def _password_hash(password: str) -> str:
    if password not in _hash_cache:
        _hash_cache[password] = hash_password(password)
    return _hash_cache[password]


def make_district(name: str = "Test District") -> District:
    district = District(name=name)
    db.session.add(district)
    db.session.commit()
    return district


def make_school(name: str | None = None, district: District | None = None) -> School:
    school = School(name=name or f"School {next(_sequence)}", district=district or make_district())
    db.session.add(school)
    db.session.commit()
    return school


def make_user(
    email: str | None = None,
    name: str | None = None,
    password: str = PASSWORD,
    school: School | None = None,
    is_admin: bool = False,
    active: bool = True,
) -> User:
    n = next(_sequence)
    user = User(
        email=email or f"person{n}@example.org",
        name=name or f"Person {n}",
        password_hash=_password_hash(password),
        school=school,
        is_admin=is_admin,
        active=active,
    )
    db.session.add(user)
    db.session.commit()
    return user


def make_team(
    name: str | None = None,
    grade: str = "4",
    members: dict[User, Role] | None = None,
    district: District | None = None,
) -> Team:
    team = Team(
        name=name or f"Team {next(_sequence)}",
        grade=grade,
        district=district or make_district(),
    )
    db.session.add(team)
    for user, role in (members or {}).items():
        db.session.add(Membership(team=team, user=user, role=role))
    db.session.commit()
    return team


@dataclass
class World:
    team: Team
    mentor: User
    leader: User
    teacher: User
    admin: User
    other_team: Team
    outsider: User
    second_leader: User | None = None
    second_mentor: User | None = None


def make_world(second_pair: bool = False) -> World:
    """Our team (mentor, leader, teacher), an admin, and another team with an outsider.
    second_pair adds a second teacher leader and a second mentor to our team, so that one
    leader's private material can be tried by the other leader and by the other mentor."""
    district = make_district("Lakeview")
    school = make_school("Maple Street", district)
    mentor = make_user("mentor@example.org", "Ana Mentor")
    leader = make_user("leader@example.org", "Jordan Leader", school=school)
    teacher = make_user("teacher@example.org", "Priya Teacher", school=school)
    admin = make_user("admin@example.org", "Dana Admin", is_admin=True)
    outsider = make_user("outsider@example.org", "Otto Outsider", school=school)
    members = {mentor: Role.mentor, leader: Role.teacher_leader, teacher: Role.teacher}
    second_leader = second_mentor = None
    if second_pair:
        second_leader = make_user("leader2@example.org", "Sam Second-Leader", school=school)
        second_mentor = make_user("mentor2@example.org", "Bea Second-Mentor")
        members |= {second_leader: Role.teacher_leader, second_mentor: Role.mentor}
    team = make_team("Grade 4 Team", members=members, district=district)
    other_team = make_team(
        "Grade 2 Team", grade="2", members={outsider: Role.teacher}, district=district
    )
    return World(
        team, mentor, leader, teacher, admin, other_team, outsider, second_leader, second_mentor
    )


def make_meeting(
    team: Team,
    segments: list | None = None,
    title: str = "Grade-level meeting",
    starts_at=None,
    duration_minutes: int = 60,
    created_by: User | None = None,
    running: bool = False,
    **details,
):
    """A meeting with `segments`: titles, or dicts of Segment fields. Running starts it."""
    from datetime import timedelta

    from app.meetings.models import Meeting, Segment
    from app.timeutil import local_now, utcnow

    meeting = Meeting(
        team=team,
        title=title,
        starts_at=starts_at or local_now().replace(second=0, microsecond=0) + timedelta(days=1),
        duration_minutes=duration_minutes,
        created_by_id=created_by.id if created_by else None,
        **details,
    )
    for position, spec in enumerate(segments or []):
        fields = {"title": spec} if isinstance(spec, str) else dict(spec)
        meeting.segments.append(Segment(position=position, **fields))
    db.session.add(meeting)
    db.session.commit()
    if running and meeting.segments:
        meeting.started_at = meeting.timer_started_at = utcnow()
        meeting.current_segment = meeting.segments[0]
        db.session.commit()
    return meeting


def make_contribution(
    meeting,
    author: User,
    body: str = "We noticed two strategies.",
    kind: str = "note",
    segment=None,
    is_private: bool = False,
    owner: User | None = None,
    due_on=None,
    done_at=None,
):
    """A note, question, decision or action item; on the current segment unless told."""
    from app.meetings.models import Contribution, ContributionKind

    contribution = Contribution(
        meeting_id=meeting.id,
        segment_id=segment.id if segment else meeting.current_segment_id,
        author_id=author.id,
        kind=ContributionKind(kind),
        body=body,
        is_private=is_private,
        owner_id=owner.id if owner else None,
        due_on=due_on,
        done_at=done_at,
    )
    db.session.add(contribution)
    db.session.commit()
    return contribution


def make_agenda_template(team: Team, name: str = "Our protocol", segments: list | None = None):
    """A team's saved agenda template; segments are (title, kind, minutes) tuples."""
    from app.meetings.models import AgendaTemplate, SegmentKind, TemplateSegment

    template = AgendaTemplate(team_id=team.id, name=name)
    template.segments = [
        TemplateSegment(position=i, title=title, kind=SegmentKind(kind), planned_minutes=minutes)
        for i, (title, kind, minutes) in enumerate(segments or [("Warm-up", "check_in", 5)])
    ]
    db.session.add(template)
    db.session.commit()
    return template


def add_member(team: Team, user: User | None = None, role: Role = Role.teacher) -> User:
    """Put `user` (or a new person) on `team`."""
    user = user or make_user()
    db.session.add(Membership(team=team, user=user, role=role))
    db.session.commit()
    return user


def make_phase_change(
    team: Team,
    person: User,
    phase: str = "experience",
    started_on=None,
    note: str = "",
    next_step: str = "",
    recorded_by: User | None = None,
):
    """`person` enters `phase` of the teacher-leader pipeline on `started_on` (default today)."""
    from app.leadership.models import Phase, PhaseChange
    from app.timeutil import local_now

    change = PhaseChange(
        team_id=team.id,
        user_id=person.id,
        phase=Phase(phase),
        started_on=started_on or local_now().date(),
        note=note,
        next_step=next_step,
        recorded_by_id=recorded_by.id if recorded_by else None,
    )
    db.session.add(change)
    db.session.commit()
    return change


def make_move(
    meeting,
    logged_by: User,
    move_type: str = "structuring",
    made_by: str = "leader",
    note: str = "",
    segment=None,
):
    """A facilitation move; on the meeting's current segment unless told."""
    from app.leadership.models import FacilitationMove, MoveBy, MoveType

    move = FacilitationMove(
        meeting_id=meeting.id,
        segment_id=segment.id if segment else meeting.current_segment_id,
        move_type=MoveType(move_type),
        made_by=MoveBy(made_by),
        note=note,
        logged_by_id=logged_by.id,
    )
    db.session.add(move)
    db.session.commit()
    return move


def make_nudge(meeting, sender: User, leader: User, body: str = "Ask who has another way."):
    """A mentor's private nudge to the leader, on the current segment."""
    from app.leadership.models import Nudge

    nudge = Nudge(
        meeting_id=meeting.id,
        segment_id=meeting.current_segment_id,
        from_id=sender.id,
        to_id=leader.id,
        body=body,
    )
    db.session.add(nudge)
    db.session.commit()
    return nudge


def make_loop(meeting, leader: User, **texts):
    """The mentoring loop of `meeting` for `leader`, with any of its texts filled in."""
    from app.leadership.models import MentoringLoop

    loop = MentoringLoop(meeting_id=meeting.id, leader_id=leader.id, **texts)
    db.session.add(loop)
    db.session.commit()
    return loop


def make_past_meeting(
    team: Team,
    starts_at,
    segments: list[dict],
    title: str = "Grade-level meeting",
    ended: bool = True,
):
    """A meeting at `starts_at` that was run and ended (unless told it never ran);
    `segments` are dicts of Segment fields."""
    from datetime import timedelta

    from app.meetings.models import Meeting, Segment

    meeting = Meeting(team=team, title=title, starts_at=starts_at)
    meeting.segments = [Segment(position=i, **fields) for i, fields in enumerate(segments)]
    if ended:
        meeting.started_at = starts_at
        meeting.ended_at = starts_at + timedelta(minutes=meeting.planned_minutes)
    db.session.add(meeting)
    db.session.commit()
    return meeting


def make_moves(meeting, logged_by: User, counts: dict[tuple[str, str], int], segment=None):
    """Facilitation moves: counts keyed by (made_by, move_type), e.g. ("leader", "eliciting")."""
    from app.leadership.models import FacilitationMove, MoveBy, MoveType

    for (by, kind), count in counts.items():
        for _ in range(count):
            db.session.add(
                FacilitationMove(
                    meeting_id=meeting.id,
                    segment_id=segment.id if segment else None,
                    move_type=MoveType(kind),
                    made_by=MoveBy(by),
                    logged_by_id=logged_by.id,
                )
            )
    db.session.commit()


HANDOFF_AGENDA = [
    ("Check-in and norms", "check_in", 10, 0.9),
    ("Do the math", "do_the_math", 15, 0.3),
    ("Anticipate student responses", "anticipate", 20, -0.5),
    ("Debrief the last lesson", "debrief", 10, 0.0),
    ("Next steps", "next_steps", 5, 0.6),
]
HANDOFF_MOVES = {
    "structuring": ((1, 8), (8, 2)),
    "eliciting": ((2, 6), (5, 2)),
    "cultivating": ((0, 5), (4, 1)),
    "connecting": ((0, 3), (4, 2)),
}


def make_handoff_history(team: Team, mentor: User, leader: User, sessions: int = 9, first=None):
    """Ended fortnightly meetings in which facilitation passes from the mentor to the leader:
    release levels climb segment by segment, the leader's moves rise as the mentor's fall,
    and each session has a mentoring loop."""
    from datetime import datetime, timedelta

    from app.leadership.models import MentoringLoop
    from app.meetings.models import ReleaseLevel, SegmentKind

    levels = list(ReleaseLevel)
    first = first or datetime(2024, 9, 10, 15, 30)
    meetings = []
    for i in range(sessions):
        progress = i / (sessions - 1) if sessions > 1 else 1.0
        segments = []
        for n, (title, kind, minutes, head_start) in enumerate(HANDOFF_AGENDA):
            level = levels[max(0, min(3, int(progress * 4 + head_start)))]
            by_leader = level in (ReleaseLevel.leader_supported, ReleaseLevel.leader_alone) or (
                level == ReleaseLevel.co_facilitate and n % 2 == 0
            )
            segments.append(
                {
                    "title": title,
                    "kind": SegmentKind(kind),
                    "planned_minutes": minutes,
                    "elapsed_seconds": (minutes + (i + n) % 3 - 1) * 60 if i % 3 else 0,
                    "facilitator_id": (leader if by_leader else mentor).id,
                    "release_level": level,
                }
            )
        meeting = make_past_meeting(
            team, first + timedelta(days=14 * i), segments, title=f"Shared task, cycle {i + 1}"
        )
        counts = {}
        for kind, ((l0, l1), (m0, m1)) in HANDOFF_MOVES.items():
            counts[("leader", kind)] = round(l0 + (l1 - l0) * progress)
            counts[("mentor", kind)] = round(m0 + (m1 - m0) * progress)
        counts[("participant", "eliciting")] = 1 + i % 2
        make_moves(meeting, mentor, counts)
        db.session.add(
            MentoringLoop(
                meeting_id=meeting.id,
                leader_id=leader.id,
                leader_goals=f"Cycle {i + 1}: keep the anticipation segment on the shared task.",
                leader_reflection="I asked more open questions and waited longer.",
                mentor_reflection="The leader brought two colleagues in who usually stay quiet.",
                next_goals="Take over the debrief of student work.",
            )
        )
        db.session.commit()
        meetings.append(meeting)
    return meetings


def make_cycle(
    team: Team,
    title: str = "Grade 4 — equivalent fractions, November",
    stage: str = "select",
    starts_on=None,
    ends_on=None,
    **fields,
):
    """A cycle of `team` running from `starts_on` (default today) for four weeks."""
    from datetime import timedelta

    from app.cycles.models import Cycle, CycleStage
    from app.timeutil import local_now

    starts_on = starts_on or local_now().date()
    cycle = Cycle(
        team_id=team.id,
        title=title,
        stage=CycleStage(stage),
        starts_on=starts_on,
        ends_on=ends_on or starts_on + timedelta(weeks=4),
        **fields,
    )
    db.session.add(cycle)
    db.session.commit()
    return cycle
