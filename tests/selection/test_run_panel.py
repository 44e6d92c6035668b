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
