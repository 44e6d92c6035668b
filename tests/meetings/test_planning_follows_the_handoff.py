"""A new meeting's facilitators and release levels follow the handoff: the release plan for
its date, else the leader's last session, else the mentor at "Mentor leads" — and the
meeting page says which."""

from datetime import datetime, timedelta

import sqlalchemy as sa

from app.extensions import db
from app.meetings.models import Meeting, ReleaseLevel, SegmentKind
from app.timeutil import local_now
from tests import factories
from tests.meetings.helpers import fresh, words


def day_ahead():
    """A week from now, 3:30 PM on the district's clock."""
    return (local_now() + timedelta(days=7)).replace(hour=15, minute=30, second=0, microsecond=0)


def plan(client, team, day=None, template="short-planning", title="New meeting"):
    day = day or day_ahead()
    data = {
        "template": template,
        "title": title,
        "day": day.date().isoformat(),
        "time": "16:00",
        "duration_minutes": "60",
    }
    response = client.post(f"/teams/{team.id}/meetings", data=data)
    assert response.status_code == 302
    return db.session.scalar(sa.select(Meeting).where(Meeting.title == title))


def seg(title, kind, facilitator, level, minutes=10):
    return {
        "title": title,
        "kind": SegmentKind(kind),
        "facilitator_id": facilitator.id,
        "release_level": ReleaseLevel(level),
        "planned_minutes": minutes,
    }


def handover(meeting):
    return [(s.facilitator_id, s.release_level.value, s.origin) for s in meeting.segments]


def test_segments_follow_the_release_plan_for_that_date(client_as, team_world):
    w = team_world
    planned = factories.make_meeting(
        w.team,
        title="Planned in the release plan",
        starts_at=day_ahead(),
        segments=[
            seg("Check-in", "check_in", w.leader, "leader_alone"),
            seg("Next", "next_steps", w.leader, "leader_supported"),
        ],
    )
    meeting = plan(client_as("leader"), w.team)
    assert handover(meeting) == [
        (w.leader.id, "leader_alone", "release_plan"),
        (w.mentor.id, "mentor_leads", "default"),  # "other": in neither
        (w.leader.id, "leader_supported", "release_plan"),
    ]
    assert meeting.segments[0].origin_meeting_id == planned.id

    page = words(client_as("leader").get(f"/meetings/{meeting.id}"))
    assert "Who leads each segment: planned from the handoff so far" in page
    assert "From the release plan for Planned in the release plan" in page
    assert "Nothing to go on" in page and "Focus question" in page


def test_without_a_plan_segments_follow_the_leaders_last_session_of_each_kind(
    client_as, team_world
):
    w = team_world
    factories.make_past_meeting(
        w.team,
        datetime(2025, 1, 7, 15, 30),
        [seg("Old check-in", "check_in", w.mentor, "mentor_leads")],
    )
    last = factories.make_past_meeting(
        w.team,
        datetime(2025, 1, 21, 15, 30),
        [
            seg("Check-in", "check_in", w.leader, "leader_alone"),
            seg("Focus", "other", w.leader, "co_facilitate"),
            seg("Next", "next_steps", w.leader, "leader_supported"),
        ],
        title="Last session",
    )
    meeting = plan(client_as("mentor"), w.team)
    assert handover(meeting) == [
        (w.leader.id, "leader_alone", "last_session"),
        (w.leader.id, "co_facilitate", "last_session"),
        (w.leader.id, "leader_supported", "last_session"),
    ]
    page = words(client_as("mentor").get(f"/meetings/{meeting.id}"))
    assert "As in the last session with the same kind of segment, Last session" in page
    assert "Nothing to go on" not in page
    assert last.id == meeting.segments[0].origin_meeting_id


def test_a_practice_run_or_a_deleted_meeting_is_not_what_planning_follows(client_as, team_world):
    w = team_world
    practice = factories.make_past_meeting(
        w.team,
        datetime(2025, 2, 4, 15, 30),
        [seg("Check-in", "check_in", w.teacher, "leader_alone")],
    )
    practice.practice = True
    deleted = factories.make_meeting(
        w.team,
        starts_at=day_ahead(),
        segments=[seg("Check-in", "check_in", w.teacher, "leader_alone")],
    )
    deleted.deleted_at = datetime(2025, 2, 5)
    db.session.commit()
    meeting = plan(client_as("leader"), w.team)
    assert handover(meeting)[0] == (w.mentor.id, "mentor_leads", "default")


def test_a_planner_choosing_by_hand_clears_where_it_came_from(client_as, team_world):
    meeting = plan(client_as("leader"), team_world.team)
    first = meeting.segments[0]
    response = client_as("leader").post(
        f"/meetings/{meeting.id}/segments/{first.id}",
        data={
            "title": first.title,
            "kind": first.kind.value,
            "planned_minutes": str(first.planned_minutes),
            "facilitator_id": str(team_world.leader.id),
            "release_level": "co_facilitate",
            "version": str(first.version),
        },
    )
    assert response.status_code == 302
    assert fresh(type(first), first.id).origin is None
    page = words(client_as("leader").get(f"/meetings/{meeting.id}"))
    note = page.split("the handoff so far")[1].split("Change them")[0]
    assert "Check-in and what we left open" not in note


def test_teachers_do_not_see_the_planning_note(client_as, team_world):
    meeting = plan(client_as("leader"), team_world.team)
    page = words(client_as("teacher").get(f"/meetings/{meeting.id}"))
    assert "Who leads each segment: planned from the handoff so far" not in page
