"""A count is printed with its unit in the right number: 1 minute, 2 minutes."""

import re
from datetime import timedelta

import pytest

from app.extensions import db
from app.templating import quantity
from app.timeutil import utcnow
from tests.factories import (
    make_handoff_history,
    make_meeting,
    make_past_meeting,
    make_team,
    make_user,
)
from tests.meetings.helpers import words


@pytest.mark.parametrize(
    ("count", "unit", "plural", "expected"),
    [
        (0, "minute", None, "0 minutes"),
        (1, "minute", None, "1 minute"),
        (2, "minute", None, "2 minutes"),
        (1, "person", "people", "1 person"),
        (3, "person", "people", "3 people"),
    ],
)
def test_quantity_names_the_unit_in_the_right_number(count, unit, plural, expected):
    assert quantity(count, unit, plural) == expected


def _team_of_one(auth):
    leader = make_user()
    team = make_team(members={leader: "teacher_leader"})
    auth.login(leader)
    return team


ONE_AND_PLURAL = re.compile(r"\b1 (planned )?(minutes|segments|members|sessions)\b")


def test_a_one_minute_one_segment_meeting_reads_in_the_singular(client, auth):
    team = _team_of_one(auth)
    meeting = make_meeting(
        team, segments=[{"title": "Check-in", "planned_minutes": 1}], duration_minutes=1
    )
    pages = {
        "meeting": words(client.get(f"/meetings/{meeting.id}")),
        "meetings": words(client.get(f"/teams/{team.id}/meetings")),
        "dashboard": words(client.get("/")),
        "run view": words(client.get(f"/meetings/{meeting.id}/run")),
    }
    client.post(f"/meetings/{meeting.id}/run/start", data={"version": meeting.version})
    pages["running"] = words(client.get(f"/meetings/{meeting.id}/run"))

    assert "1 of 1 minute planned" in pages["meeting"]
    assert "1 segment" in pages["meetings"]
    assert "1 member" in pages["dashboard"]
    assert "1 segment, 1 minute planned" in pages["run view"]
    assert "Check-in" in pages["running"] and "1 minute planned" in pages["running"]
    for name, page in pages.items():
        assert not ONE_AND_PLURAL.search(page), name


def test_the_agenda_counts_one_spare_minute_and_one_minute_over(client, auth):
    team = _team_of_one(auth)
    short = make_meeting(team, segments=[{"title": "A", "planned_minutes": 29}])
    short.duration_minutes = 30
    long = make_meeting(team, segments=[{"title": "B", "planned_minutes": 31}])
    long.duration_minutes = 30
    db.session.commit()
    assert "29 of 30 minutes planned · 1 minute to spare" in words(
        client.get(f"/meetings/{short.id}")
    )
    assert "31 of 30 minutes planned · 1 minute over the meeting's length" in words(
        client.get(f"/meetings/{long.id}")
    )


def test_minutes_of_a_one_minute_meeting_say_one_planned_minute(client, auth):
    team = _team_of_one(auth)
    meeting = make_past_meeting(
        team, utcnow() - timedelta(days=1), [{"title": "Check-in", "planned_minutes": 1}]
    )
    minutes = words(client.get(f"/meetings/{meeting.id}/minutes"))
    assert "of 1 planned minute" in minutes
    assert not ONE_AND_PLURAL.search(minutes)


def test_the_handoff_of_one_session_says_one_session(client, auth):
    mentor, leader = make_user(), make_user()
    team = make_team(members={mentor: "mentor", leader: "teacher_leader"})
    make_handoff_history(team, mentor, leader, sessions=1)
    auth.login(mentor)
    handoff = words(client.get(f"/teams/{team.id}/leaders/{leader.id}/handoff"))
    assert "1 session from" in handoff
    assert not ONE_AND_PLURAL.search(handoff)
