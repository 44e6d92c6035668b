"""Demo meetings of the Grade 4 team: the “Cycle 3 planning” meeting with full minutes, and the
upcoming debrief planned, and the cycle 4 lesson design meeting that finishes the anticipation."""

from datetime import date, datetime, time, timedelta

import sqlalchemy as sa

from app.auth.models import User
from app.cycles.models import Cycle, CycleStage
from app.demo.plans import K, R, SegmentPlan
from app.demo.sessions import (
    PLANNING_AGENDA,
    PLANNING_CONTRIBUTIONS,
    PLANNING_TITLE,
    UPCOMING_AGENDA,
    UPCOMING_TITLE,
)
from app.extensions import db
from app.meetings.models import Attendance, Contribution, Meeting, Segment
from app.teams.models import Team


def segments(plans: tuple[SegmentPlan, ...], people: dict[str, User]) -> list[Segment]:
    """The segments of a meeting as planned (and, once held, as they ran)."""
    return [
        Segment(
            position=position,
            title=plan.title,
            kind=plan.kind,
            planned_minutes=plan.minutes,
            elapsed_seconds=plan.seconds,
            facilitator=people[plan.facilitator],
            release_level=plan.release,
        )
        for position, plan in enumerate(plans)
    ]


def seed_meetings(team: Team, people: dict[str, User], today: date) -> bool:
    if db.session.scalar(sa.select(Meeting.id).where(Meeting.team_id == team.id).limit(1)):
        return False
    past_day = today - timedelta(days=14)
    past = Meeting(
        team=team,
        title=PLANNING_TITLE,
        starts_at=datetime.combine(past_day, time(15, 30)),
        duration_minutes=60,
        location="Maple Street Elementary, Room 12",
        goal="Choose the shared task for cycle 3 (comparing fractions) and anticipate how "
        "our students will approach it.",
        created_by_id=people["mentor"].id,
    )
    started = datetime.combine(past_day, time(20, 31))  # 15:31 local, stored in UTC
    past.started_at, past.ended_at = started, started + timedelta(minutes=66)
    past.segments = segments(PLANNING_AGENDA, people)
    db.session.add(past)
    db.session.flush()
    for index, said in enumerate(PLANNING_CONTRIBUTIONS):
        db.session.add(
            Contribution(
                meeting_id=past.id,
                segment_id=past.segments[said.segment].id,
                author_id=people[said.author].id,
                kind=said.kind,
                body=said.body,
                owner_id=people[said.owner].id if said.owner else None,
                due_on=past_day + timedelta(days=said.due_in_days) if said.due_in_days else None,
                created_at=started + timedelta(minutes=3 + index * 5),
                done_at=started + timedelta(days=2) if said.done else None,
            )
        )
    for key in ("mentor", "leader", "teacher1", "teacher2", "teacher3"):
        db.session.add(Attendance(meeting_id=past.id, user_id=people[key].id, present=True))

    upcoming = Meeting(
        team=team,
        title=UPCOMING_TITLE,
        starts_at=datetime.combine(today + timedelta(days=3), time(15, 30)),
        duration_minutes=60,
        location="Riverbend Elementary, Library",
        video_url="https://meet.example.org/grade4-math",
        goal="Compare what happened in each classroom with what we anticipated, and agree "
        "on next steps for cycle 4.",
        created_by_id=people["leader"].id,
    )
    upcoming.segments = segments(UPCOMING_AGENDA, people)
    db.session.add(upcoming)
    db.session.commit()
    return True


DESIGN_TITLE = "Cycle 4 lesson design: anticipate responses to the number-line task"
DESIGN_AGENDA = (
    SegmentPlan("Check-in and norms", K.check_in, 5, "leader", R.leader_alone),
    SegmentPlan(
        "Do the math: the task as our students will",
        K.do_the_math,
        10,
        "leader",
        R.leader_supported,
    ),
    SegmentPlan(
        "Anticipate: finish the responses and their questions",
        K.anticipate,
        25,
        "mentor",
        R.co_facilitate,
    ),
    SegmentPlan("Sequence the discussion", K.anticipate, 10, "leader", R.leader_supported),
    SegmentPlan("Next steps: who teaches when", K.next_steps, 10, "leader", R.leader_alone),
)


def seed_design_meeting(team: Team, people: dict[str, User], today: date) -> bool:
    """The upcoming meeting of the cycle in design, whose anticipate segments show its lesson's
    anticipation board; False when it is there already or the cycle is missing."""
    cycle = db.session.scalar(
        sa.select(Cycle)
        .where(Cycle.team_id == team.id, Cycle.stage == CycleStage.design)
        .order_by(Cycle.starts_on.desc())
        .limit(1)
    )
    if cycle is None or db.session.scalar(
        sa.select(Meeting.id).where(Meeting.team_id == team.id, Meeting.title == DESIGN_TITLE)
    ):
        return False
    meeting = Meeting(
        team=team,
        cycle_id=cycle.id,
        title=DESIGN_TITLE,
        # After the cycle 3 debrief (in three days), so that one stays the next meeting.
        starts_at=datetime.combine(today + timedelta(days=10), time(15, 30)),
        duration_minutes=60,
        location="Maple Street Elementary, Room 12",
        goal="Finish anticipating how our students will rename 2/3, agree on the questions we "
        "ask at each response, and settle the order we share them in.",
        created_by_id=people["leader"].id,
    )
    meeting.segments = segments(DESIGN_AGENDA, people)
    db.session.add(meeting)
    db.session.commit()
    return True
