"""A "do the math" or "select the task" segment shows its cycle's board in the run view and on
the projector, without anyone's unrevealed work."""

import pytest

from app.meetings.models import SegmentKind
from tests import factories
from tests.selection.test_selection import SECRET, _candidate


@pytest.mark.parametrize("kind", [SegmentKind.do_the_math, SegmentKind.select_task])
def test_segment_panel_shows_the_board_and_nothing_private(client_as, team_world, kind):
    candidate = _candidate(team_world, title="Garden Plots")
    meeting = factories.make_meeting(
        team_world.team,
        cycle_id=candidate.cycle_id,
        segments=[{"title": "Selecting", "kind": kind}],
        running=True,
    )
    client_as("teacher").post(
        f"/candidates/{candidate.id}/work", data={"solution": SECRET, "demand": "memorization"}
    )
    leader = client_as("leader")
    for url in (
        f"/meetings/{meeting.id}/run/display/panel",
        f"/meetings/{meeting.id}/run/display",
        f"/meetings/{meeting.id}/run/panel",
    ):
        page = leader.get(url).get_data(as_text=True)
        assert "Garden Plots" in page, url
        assert SECRET not in page, url
        assert f"/cycles/{candidate.cycle_id}/board/fragment" in page
    leader.post(f"/cycles/{candidate.cycle_id}/reveal")
    panel = leader.get(f"/meetings/{meeting.id}/run/display/panel").get_data(as_text=True)
    assert SECRET in panel


def test_segment_panel_of_a_meeting_without_a_cycle_says_so(client_as, team_world):
    meeting = factories.make_meeting(
        team_world.team,
        segments=[{"title": "Selecting", "kind": SegmentKind.select_task}],
        running=True,
    )
    page = client_as("leader").get(f"/meetings/{meeting.id}/run/display/panel")
    assert "belongs to no cycle" in page.get_data(as_text=True)


def test_the_selection_panel_runs_the_same_statements_as_candidates_grow(
    client_as, team_world, count_statements
):
    from tests.meetings.test_statement_counts import statements_per_page
    from tests.selection.test_statement_counts import grow

    cycle = factories.make_cycle(team_world.team)
    meeting = factories.make_meeting(
        team_world.team,
        cycle_id=cycle.id,
        segments=[{"title": "Selecting", "kind": SegmentKind.select_task}],
        running=True,
    )
    grow(team_world, cycle, 1)
    client = client_as("leader")
    urls = [f"/meetings/{meeting.id}/run/display/panel", f"/meetings/{meeting.id}/run/panel"]
    with_one = statements_per_page(client, urls, count_statements)
    grow(team_world, cycle, 19)
    assert statements_per_page(client, urls, count_statements) == with_one
