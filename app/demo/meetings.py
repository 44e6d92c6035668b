"""Demo meetings of the Grade 4 team: a past one with full minutes, an upcoming one planned."""

from datetime import date, datetime, time, timedelta

import sqlalchemy as sa

from app.auth.models import User
from app.extensions import db
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

K, R, C = SegmentKind, ReleaseLevel, ContributionKind

PAST_AGENDA = [
    # title, kind, planned, actual seconds, facilitator key, release
    ("Check-in, norms and what we left open", K.check_in, 5, 330, "mentor", R.co_facilitate),
    ("Do the candidate tasks as learners", K.do_the_math, 15, 1140, "leader", R.leader_supported),
    ("Select the shared task", K.select_task, 10, 720, "mentor", R.mentor_leads),
    ("Anticipate student responses", K.anticipate, 20, 1260, "leader", R.co_facilitate),
    ("Next steps and who teaches when", K.next_steps, 10, 480, "leader", R.leader_supported),
]

PAST_CONTRIBUTIONS = [
    # segment index, kind, author, body, owner, due in days from the meeting
    (0, C.note, "leader", "Norm for today: share a strategy before judging it.", None, None),
    (
        1,
        C.note,
        "teacher1",
        "Three of us compared 3/8 and 2/5 with a common denominator; "
        "Marcus used benchmark fractions (both are near 1/2).",
        None,
        None,
    ),
    (
        1,
        C.question,
        "teacher2",
        "Will students see that 2/5 is 1/10 away from 1/2 while 3/8 is 1/8 away?",
        None,
        None,
    ),
    (
        2,
        C.decision,
        "mentor",
        "Shared task: “Fraction Pairs”, comparing fractions with unlike "
        "denominators. Doing mathematics: several entry points, needs justification.",
        None,
        None,
    ),
    (
        2,
        C.note,
        "teacher3",
        "“Pizza Party” was rated procedures without connections by most of us; we set it aside.",
        None,
        None,
    ),
    (
        3,
        C.note,
        "leader",
        "Anticipated: common denominators, benchmarks to 1/2, drawing area "
        "models, and the error “3/8 is bigger because 8 is bigger than 5”.",
        None,
        None,
    ),
    (
        3,
        C.question,
        "teacher1",
        "Assessing question for the benchmark strategy: How do you "
        "know how far each fraction is from one half?",
        None,
        None,
    ),
    (
        4,
        C.decision,
        "leader",
        "Everyone teaches Fraction Pairs before the 18th and brings "
        "three de-identified work samples.",
        None,
        None,
    ),
    (4, C.decision, "mentor", "Next meeting opens with the cross-classroom debrief.", None, None),
    (4, C.action, "leader", "Share the monitoring chart template with the team", "leader", 3),
    (
        4,
        C.action,
        "mentor",
        "Copy the task and the anticipation list for every classroom",
        "teacher2",
        5,
    ),
    (4, C.action, "teacher1", "Book the library for the debrief meeting", "teacher1", 7),
]

UPCOMING_AGENDA = [
    ("Check-in and norms", K.check_in, 5, "leader", R.leader_supported),
    ("Share student work from each classroom", K.debrief, 20, "leader", R.leader_supported),
    ("Compare with what we anticipated", K.debrief, 15, "mentor", R.co_facilitate),
    ("Do the math: the next candidate tasks", K.do_the_math, 10, "leader", R.leader_alone),
    ("Next steps for the next cycle", K.next_steps, 10, "leader", R.leader_alone),
]


def held_segments(rows, people: dict[str, User]) -> list[Segment]:
    """Segments of a held meeting: (title, kind, planned minutes, seconds run, who, release)."""
    return [
        Segment(
            position=position,
            title=title,
            kind=kind,
            planned_minutes=minutes,
            elapsed_seconds=seconds,
            facilitator=people[who],
            release_level=release,
        )
        for position, (title, kind, minutes, seconds, who, release) in enumerate(rows)
    ]


def seed_meetings(team: Team, people: dict[str, User], today: date) -> bool:
    if db.session.scalar(sa.select(Meeting.id).where(Meeting.team_id == team.id).limit(1)):
        return False
    past_day = today - timedelta(days=14)
    past = Meeting(
        team=team,
        title="Cycle 3 planning: select the shared task",
        starts_at=datetime.combine(past_day, time(15, 30)),
        duration_minutes=60,
        location="Maple Street Elementary, Room 12",
        goal="Choose the shared task for cycle 3 (comparing fractions) and anticipate how "
        "our students will approach it.",
        created_by_id=people["mentor"].id,
    )
    started = datetime.combine(past_day, time(20, 31))  # 15:31 local, stored in UTC
    past.started_at, past.ended_at = started, started + timedelta(minutes=66)
    past.segments = held_segments(PAST_AGENDA, people)
    db.session.add(past)
    db.session.flush()
    for index, (segment_index, kind, author, body, owner, due) in enumerate(PAST_CONTRIBUTIONS):
        db.session.add(
            Contribution(
                meeting_id=past.id,
                segment_id=past.segments[segment_index].id,
                author_id=people[author].id,
                kind=kind,
                body=body,
                owner_id=people[owner].id if owner else None,
                due_on=past_day + timedelta(days=due) if due else None,
                created_at=started + timedelta(minutes=3 + index * 5),
                done_at=started + timedelta(days=2) if owner == "teacher1" else None,
            )
        )
    for key in ("mentor", "leader", "teacher1", "teacher2", "teacher3"):
        db.session.add(Attendance(meeting_id=past.id, user_id=people[key].id, present=True))

    upcoming = Meeting(
        team=team,
        title="Cycle 3 debrief: Fraction Pairs across our classrooms",
        starts_at=datetime.combine(today + timedelta(days=3), time(15, 30)),
        duration_minutes=60,
        location="Riverbend Elementary, Library",
        video_url="https://meet.example.org/grade4-math",
        goal="Compare what happened in each classroom with what we anticipated, and agree "
        "on next steps for cycle 4.",
        created_by_id=people["leader"].id,
    )
    for position, (title, kind, minutes, who, release) in enumerate(UPCOMING_AGENDA):
        upcoming.segments.append(
            Segment(
                position=position,
                title=title,
                kind=kind,
                planned_minutes=minutes,
                facilitator=people[who],
                release_level=release,
            )
        )
    db.session.add(upcoming)
    db.session.commit()
    return True
