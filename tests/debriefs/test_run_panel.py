"""A "debrief" segment shows its cycle's heat map and exit bars in the run view and on the
projector, live; nothing more (the reflections stay on the debrief page)."""

from app.meetings.models import SegmentKind
from tests import factories
from tests.debriefs.helpers import grow, make_debrief
from tests.enactments.helpers import make_teaching_lesson
from tests.meetings.test_statement_counts import statements_per_page


def _meeting(team, cycle_id=None):
    return factories.make_meeting(
        team,
        cycle_id=cycle_id,
        segments=[{"title": "Debrief the lesson", "kind": SegmentKind.debrief}],
        running=True,
    )


def test_debrief_segment_panel_shows_the_charts_and_nothing_private(client_as, team_world):
    lesson, room_b, _ = make_debrief(team_world)
    room_b.what_worked = "Private-ish reflection words."
    from app.extensions import db

    db.session.commit()
    meeting = _meeting(team_world.team, lesson.cycle_id)
    leader = client_as("leader")
    for url in (
        f"/meetings/{meeting.id}/run/display/panel",
        f"/meetings/{meeting.id}/run/display",
        f"/meetings/{meeting.id}/run/panel",
    ):
        page = leader.get(url).get_data(as_text=True)
        assert 'id="panel-heat"' in page and 'id="panel-exit"' in page, url
        assert "Private-ish reflection words." not in page, url
        assert f'hx-get="/cycles/{lesson.cycle_id}/debrief/charts"' in page, url
    charts = leader.get(f"/cycles/{lesson.cycle_id}/debrief/charts").get_data(as_text=True)
    assert 'id="panel-heat"' in charts and "<html" not in charts


def test_debrief_panel_of_a_meeting_without_a_cycle_says_so(client_as, team_world):
    meeting = _meeting(team_world.team)
    page = client_as("leader").get(f"/meetings/{meeting.id}/run/display/panel")
    assert "belongs to no cycle" in page.get_data(as_text=True)


def test_debrief_panel_before_any_classroom_recorded_says_so(client_as, team_world):
    lesson = make_teaching_lesson(team_world.team, team_world.leader)
    meeting = _meeting(team_world.team, lesson.cycle_id)
    page = client_as("leader").get(f"/meetings/{meeting.id}/run/panel").get_data(as_text=True)
    assert "No classroom has recorded its lesson yet" in page


def test_debrief_panel_runs_the_same_statements_as_rooms_grow(
    client_as, team_world, count_statements
):
    lesson = make_teaching_lesson(team_world.team, team_world.leader)
    grow(team_world, lesson, rooms=1, more_responses=0)
    meeting = _meeting(team_world.team, lesson.cycle_id)
    client = client_as("leader")
    urls = [f"/meetings/{meeting.id}/run/display/panel", f"/meetings/{meeting.id}/run/panel"]
    with_one = statements_per_page(client, urls, count_statements)
    grow(team_world, lesson, rooms=5, more_responses=9)
    assert statements_per_page(client, urls, count_statements) == with_one
