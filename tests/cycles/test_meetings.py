"""A meeting can belong to one of its team's cycles; the cycle page lists its meetings."""

from datetime import datetime, timedelta

import pytest
import sqlalchemy as sa

from app.extensions import db
from app.meetings.models import Meeting
from app.timeutil import local_now
from tests.factories import make_cycle, make_meeting, make_past_meeting


def _meeting_form(**more) -> dict:
    day = local_now().date() + timedelta(days=2)
    return {
        "title": "Do the math: candidate tasks",
        "day": day.isoformat(),
        "time": "15:30",
        "duration_minutes": "60",
        "template": "blank",
    } | more


def _meetings() -> list[Meeting]:
    db.session.expire_all()
    return list(db.session.scalars(sa.select(Meeting).order_by(Meeting.id)))


def test_a_meeting_planned_for_a_cycle_shows_on_both_pages(client_as, team_world):
    cycle = make_cycle(team_world.team)
    client = client_as("leader")
    response = client.post(
        f"/teams/{team_world.team.id}/meetings", data=_meeting_form(cycle_id=str(cycle.id))
    )
    assert response.status_code == 302
    [meeting] = _meetings()
    assert meeting.cycle_id == cycle.id
    meeting_page = client.get(f"/meetings/{meeting.id}").get_data(as_text=True)
    assert "Part of the cycle" in meeting_page and cycle.title in meeting_page
    cycle_page = client.get(f"/cycles/{cycle.id}").get_data(as_text=True)
    assert "Do the math: candidate tasks" in cycle_page


def test_plan_a_meeting_for_this_cycle_preselects_it(client_as, team_world):
    cycle = make_cycle(team_world.team)
    page = client_as("leader").get(f"/teams/{team_world.team.id}/meetings/new?cycle={cycle.id}")
    assert f'<option selected value="{cycle.id}">' in page.get_data(as_text=True)


@pytest.mark.parametrize("which", ["other team", "done", "garbage", "huge", "unicode"])
def test_a_cycle_not_open_in_this_team_is_a_field_error_and_never_linked(
    client_as, team_world, which
):
    theirs = make_cycle(team_world.other_team)
    done = make_cycle(team_world.team, stage="done")
    value = {
        "other team": str(theirs.id),
        "done": str(done.id),
        "garbage": "abc",
        "huge": "99999999999",
        "unicode": "١٢",
    }[which]
    response = client_as("leader").post(
        f"/teams/{team_world.team.id}/meetings", data=_meeting_form(cycle_id=value)
    )
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert 'id="cycle_id-error"' in page and "Choose one of this team" in page
    assert theirs.title not in page.split('id="cycle_id"')[1].split("</select>")[0]
    assert _meetings() == []


def test_editing_a_meeting_keeps_its_closed_cycle_and_can_unlink_it(client_as, team_world):
    cycle = make_cycle(team_world.team, stage="done")
    meeting = make_meeting(team_world.team, cycle_id=cycle.id)
    client = client_as("leader")
    page = client.get(f"/meetings/{meeting.id}").get_data(as_text=True)
    assert f'<option selected value="{cycle.id}">' in page
    day, version = meeting.starts_at.date().isoformat(), meeting.version
    form = _meeting_form(day=day, version=str(version), cycle_id=str(cycle.id))
    assert client.post(f"/meetings/{meeting.id}", data=form).status_code == 302
    assert _meetings()[0].cycle_id == cycle.id
    form = _meeting_form(day=day, version=str(version + 1), cycle_id="")
    assert client.post(f"/meetings/{meeting.id}", data=form).status_code == 302
    assert _meetings()[0].cycle_id is None


def test_the_cycle_page_lists_upcoming_and_recent_meetings_and_counts_the_rest(
    client_as, team_world
):
    cycle = make_cycle(team_world.team)
    now = local_now().replace(second=0, microsecond=0)
    for i in range(8):
        held = make_past_meeting(
            team_world.team, now - timedelta(days=i + 1), [], title=f"Held {i}"
        )
        held.cycle_id = cycle.id
    for i in range(7):
        make_meeting(
            team_world.team,
            title=f"Ahead {i}",
            starts_at=now + timedelta(days=i + 1),
            cycle_id=cycle.id,
        )
    make_meeting(team_world.team, title="Not in the cycle")
    deleted = make_meeting(team_world.team, title="Deleted one", cycle_id=cycle.id)
    deleted.deleted_at = datetime(2026, 1, 1)
    db.session.commit()

    page = client_as("teacher").get(f"/cycles/{cycle.id}").get_data(as_text=True)

    assert [f"Ahead {i}" in page for i in range(7)] == [True] * 5 + [False] * 2
    assert [f"Held {i}" in page for i in range(8)] == [True] * 5 + [False] * 3
    assert "5 earlier meetings of this cycle" in page
    assert "Not in the cycle" not in page and "Deleted one" not in page
