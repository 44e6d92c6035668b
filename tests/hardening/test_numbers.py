"""Numbers from requests are ASCII digits within range: anything else is refused, never a 500."""

import pytest

from app.extensions import db
from app.meetings.models import Meeting, Segment
from app.numbers import MAX_ID, parse_id
from tests import factories

ODD_NUMBERS = ["²", "١٢", "9223372036854775808", "9" * 5000, "-1", " 1", "1\n", "1.0", "", "x"]


@pytest.mark.parametrize(
    ("posted", "parsed"),
    [("0", 0), ("7", 7), ("0012", 12), (str(MAX_ID), MAX_ID), (None, None)]
    + [(odd, None) for odd in ODD_NUMBERS]
    + [(str(MAX_ID + 1), None)],
)
def test_parse_id_accepts_ascii_digits_within_range_only(posted, parsed):
    assert parse_id(posted) == parsed


@pytest.fixture
def running(team_world):
    return factories.make_meeting(
        team_world.team,
        segments=[{"title": "Check-in", "facilitator": team_world.leader}, "Do the math"],
        running=True,
    )


@pytest.mark.parametrize("version", ODD_NUMBERS)
def test_next_with_an_odd_run_version_is_a_stale_press_not_an_error(client_as, running, version):
    response = client_as("leader").post(
        f"/meetings/{running.id}/run/next", data={"run_version": version}
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Meeting, running.id).current_segment.title == "Check-in"


@pytest.mark.parametrize("odd", ["²", "١٢", "9223372036854775808", "9" * 5000])
def test_reordering_with_an_odd_segment_id_redraws_the_agenda(client_as, team_world, odd):
    meeting = factories.make_meeting(team_world.team, segments=["A", "B"])
    first, second = (str(s.id) for s in meeting.segments)
    response = client_as("leader").post(
        f"/meetings/{meeting.id}/segments/order", data={"segment_id": [second, odd]}
    )
    assert response.status_code == 409
    db.session.expire_all()
    assert [s.title for s in db.session.get(Meeting, meeting.id).segments] == ["A", "B"]


@pytest.mark.parametrize("odd", ["²", "١٢", "9223372036854775808", "9" * 5000])
@pytest.mark.parametrize("field", ["facilitator", "version"])
def test_release_plan_with_an_odd_number_saves_nothing(client_as, team_world, field, odd):
    meeting = factories.make_meeting(
        team_world.team, segments=[{"title": "Do the math", "facilitator": team_world.mentor}]
    )
    segment = meeting.segments[0]
    row = {
        f"facilitator-{segment.id}": str(team_world.leader.id),
        f"release-{segment.id}": segment.release_level.value,
        f"version-{segment.id}": str(segment.version),
    } | {f"{field}-{segment.id}": odd}
    response = client_as("mentor").post(
        f"/teams/{team_world.team.id}/release-plan/{meeting.id}", data=row
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Segment, segment.id).facilitator_id == team_world.mentor.id


def test_an_id_in_other_digits_is_not_found(client_as, team_world):
    meeting = factories.make_meeting(team_world.team, segments=["A"])
    arabic = str(meeting.id).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    assert client_as("teacher").get(f"/meetings/{meeting.id}").status_code == 200
    assert client_as("teacher").get(f"/meetings/{arabic}").status_code == 404


@pytest.mark.parametrize("huge", ["9223372036854775808", "9" * 5000, str(MAX_ID + 1)])
def test_a_huge_id_in_the_address_is_not_found(client_as, huge):
    assert client_as("teacher").get(f"/meetings/{huge}").status_code == 404
