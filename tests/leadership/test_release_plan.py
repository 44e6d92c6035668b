"""The mentor's release plan: a grid of the coming meetings × their segments."""

from datetime import timedelta

import pytest

from app.extensions import db
from app.meetings.models import ReleaseLevel, Segment
from app.teams.models import Role
from app.timeutil import local_now, utcnow
from tests import factories
from tests.meetings.helpers import fresh, text, words


@pytest.fixture
def coming(team_world):
    """A meeting next week with two segments, both still led by the mentor."""
    return factories.make_meeting(
        team_world.team,
        title="Cycle 4 planning",
        starts_at=local_now().replace(microsecond=0) + timedelta(days=7),
        segments=[
            {"title": "Do the math", "facilitator": team_world.mentor},
            {"title": "Anticipate", "facilitator": team_world.mentor},
        ],
    )


def row_of(meeting, **values) -> dict[str, str]:
    """The form of one meeting's row; values: {segment title: (facilitator id, level)}."""
    data = {}
    for segment in meeting.segments:
        facilitator, level = values.get(
            segment.title,
            (str(segment.facilitator_id or ""), segment.release_level.value),
        )
        data[f"facilitator-{segment.id}"] = facilitator
        data[f"release-{segment.id}"] = level
    return data


def saved(meeting) -> list[tuple[int | None, ReleaseLevel]]:
    return [
        (fresh(Segment, s.id).facilitator_id, fresh(Segment, s.id).release_level)
        for s in meeting.segments
    ]


def test_grid_lists_upcoming_meetings_by_segment_and_not_ended_ones(client_as, team_world, coming):
    world = team_world
    soon = factories.make_meeting(
        world.team, title="Debrief Fraction Pairs", segments=["Share student work"]
    )
    ended = factories.make_meeting(
        world.team,
        title="Last month's planning",
        starts_at=local_now().replace(microsecond=0) - timedelta(days=30),
        segments=["Old segment"],
    )
    ended.started_at = ended.ended_at = utcnow()
    db.session.commit()
    factories.make_meeting(world.other_team, title="Grade 2 planning", segments=["Theirs"])

    response = client_as("mentor").get(f"/teams/{world.team.id}/release-plan")

    assert response.status_code == 200
    page = text(response)
    # Soonest first: tomorrow's meeting, then next week's.
    assert page.index("Debrief Fraction Pairs") < page.index("Cycle 4 planning")
    for segment in [*soon.segments, *coming.segments]:
        assert f'id="facilitator-{segment.id}"' in page
        assert f'id="release-{segment.id}"' in page
    assert "Last month's planning" not in page and "Old segment" not in page
    assert "Grade 2 planning" not in page and "Theirs" not in page
    assert "Save the plan for" in page


def test_grid_shows_the_current_facilitator_and_level_selected(client_as, team_world, coming):
    first = coming.segments[0]
    first.release_level = ReleaseLevel.co_facilitate
    db.session.commit()

    page = text(client_as("mentor").get(f"/teams/{team_world.team.id}/release-plan"))

    cell = page[page.index(f'id="facilitator-{first.id}"') : page.index("</fieldset>")]
    assert f'<option value="{team_world.mentor.id}" selected>Ana Mentor</option>' in cell
    assert '<option value="co_facilitate" selected>2. Co-facilitate</option>' in cell


def test_no_upcoming_meetings_says_so(client_as, team_world):
    page = words(client_as("mentor").get(f"/teams/{team_world.team.id}/release-plan"))

    assert "No meetings are coming up." in page


def test_saving_a_row_updates_facilitator_and_release_level(client_as, team_world, coming):
    world = team_world
    data = row_of(
        coming,
        **{
            "Do the math": (str(world.leader.id), "leader_supported"),
            "Anticipate": ("", "co_facilitate"),
        },
    )

    mentor = client_as("mentor")

    response = mentor.post(f"/teams/{world.team.id}/release-plan/{coming.id}", data=data)

    assert response.status_code == 302
    assert response.headers["Location"] == f"/teams/{world.team.id}/release-plan#m{coming.id}"
    assert saved(coming) == [
        (world.leader.id, ReleaseLevel.leader_supported),
        (None, ReleaseLevel.co_facilitate),
    ]
    page = text(mentor.get(response.headers["Location"]))
    assert "Release plan for Cycle 4 planning saved." in page


def test_saving_one_row_leaves_other_meetings_alone(client_as, team_world, coming):
    other = factories.make_meeting(
        team_world.team, segments=[{"title": "Check-in", "facilitator": team_world.mentor}]
    )
    data = row_of(coming, **{"Do the math": (str(team_world.leader.id), "leader_alone")})

    client_as("mentor").post(f"/teams/{team_world.team.id}/release-plan/{coming.id}", data=data)

    assert saved(other) == [(team_world.mentor.id, ReleaseLevel.mentor_leads)]


@pytest.mark.parametrize(
    ("facilitator", "level", "message"),
    [
        ("outsider", "leader_alone", "Choose a team member to facilitate “Do the math”."),
        ("stranger", "leader_alone", "Choose a team member to facilitate “Do the math”."),
        ("not-a-number", "leader_alone", "Choose a team member to facilitate “Do the math”."),
        ("leader", "leader_runs_the_district", "Choose a release level for “Do the math”."),
        ("leader", "", "Choose a release level for “Do the math”."),
    ],
    ids=["other team", "nobody's team", "not a number", "bogus level", "no level"],
)
def test_bad_row_flashes_an_error_and_saves_nothing(
    client_as, team_world, coming, facilitator, level, message
):
    world = team_world
    ids = {
        "outsider": str(world.outsider.id),
        "stranger": str(factories.make_user().id),
        "leader": str(world.leader.id),
    }
    # The second segment is valid: nothing of the row is saved all the same.
    data = row_of(
        coming,
        **{
            "Do the math": (ids.get(facilitator, facilitator), level),
            "Anticipate": (str(world.leader.id), "leader_alone"),
        },
    )
    mentor = client_as("mentor")

    response = mentor.post(f"/teams/{world.team.id}/release-plan/{coming.id}", data=data)

    assert response.status_code == 302
    assert saved(coming) == [(world.mentor.id, ReleaseLevel.mentor_leads)] * 2
    assert message in text(mentor.get(response.headers["Location"]))


def versions_as_drawn(client, team, meeting) -> dict[str, str]:
    """The hidden segment versions of the meeting's row, as the grid drew them."""
    page = text(client.get(f"/teams/{team.id}/release-plan"))
    found = {}
    for segment in meeting.segments:
        name = f'name="version-{segment.id}" value="'
        start = page.index(name) + len(name)
        found[f"version-{segment.id}"] = page[start : page.index('"', start)]
    return found


def test_saving_a_row_does_not_undo_a_change_made_since_the_grid_was_drawn(
    client_as, team_world, coming
):
    """The leader hands "Anticipate" to themself on the segment page while the mentor plans."""
    world = team_world
    mentor = client_as("mentor")
    drawn = versions_as_drawn(mentor, world.team, coming)
    anticipate = fresh(Segment, coming.segments[1].id)
    anticipate.facilitator_id = world.leader.id
    anticipate.version += 1  # as every planning edit does
    db.session.commit()

    # The mentor's row still shows Ana on "Anticipate"; saving it would put her back.
    data = row_of(coming, **{"Do the math": (str(world.leader.id), "co_facilitate")})
    data[f"facilitator-{anticipate.id}"] = str(world.mentor.id)
    response = mentor.post(
        f"/teams/{world.team.id}/release-plan/{coming.id}", data={**data, **drawn}
    )

    assert response.status_code == 302
    assert saved(coming) == [
        (world.mentor.id, ReleaseLevel.mentor_leads),
        (world.leader.id, ReleaseLevel.mentor_leads),
    ]
    page = text(mentor.get(response.headers["Location"]))
    assert "Someone changed “Anticipate” while you were planning, so nothing was saved." in page


def test_a_change_elsewhere_in_the_segment_does_not_block_the_row(client_as, team_world, coming):
    """Someone renamed a segment: the row still saves when it undoes nothing of theirs."""
    world = team_world
    mentor = client_as("mentor")
    drawn = versions_as_drawn(mentor, world.team, coming)
    renamed = fresh(Segment, coming.segments[1].id)
    renamed.planned_minutes = 25
    db.session.commit()

    data = row_of(coming, **{"Do the math": (str(world.leader.id), "co_facilitate")})
    response = mentor.post(
        f"/teams/{world.team.id}/release-plan/{coming.id}", data={**data, **drawn}
    )

    assert response.status_code == 302
    assert saved(coming) == [
        (world.leader.id, ReleaseLevel.co_facilitate),
        (world.mentor.id, ReleaseLevel.mentor_leads),
    ]


def test_an_ended_meeting_is_404(client_as, team_world, coming):
    coming.started_at = coming.ended_at = utcnow()
    db.session.commit()
    data = row_of(coming, **{"Do the math": (str(team_world.leader.id), "leader_alone")})

    response = client_as("mentor").post(
        f"/teams/{team_world.team.id}/release-plan/{coming.id}", data=data
    )

    assert response.status_code == 404
    assert saved(coming) == [(team_world.mentor.id, ReleaseLevel.mentor_leads)] * 2


def test_another_teams_meeting_id_is_404(client_as, team_world):
    theirs = factories.make_meeting(team_world.other_team, segments=["Theirs"])
    data = row_of(theirs, Theirs=(str(team_world.leader.id), "leader_alone"))

    response = client_as("mentor").post(
        f"/teams/{team_world.team.id}/release-plan/{theirs.id}", data=data
    )

    assert response.status_code == 404
    assert saved(theirs) == [(None, ReleaseLevel.mentor_leads)]


def test_a_meeting_id_that_does_not_exist_is_404(client_as, team_world):
    response = client_as("mentor").post(f"/teams/{team_world.team.id}/release-plan/987654")

    assert response.status_code == 404


@pytest.mark.parametrize("role", ["teacher", "leader"])
def test_teacher_or_teacher_leader_gets_403(client_as, team_world, coming, role):
    client = client_as(role)
    data = row_of(coming, **{"Do the math": (str(team_world.leader.id), "leader_alone")})

    assert client.get(f"/teams/{team_world.team.id}/release-plan").status_code == 403
    response = client.post(f"/teams/{team_world.team.id}/release-plan/{coming.id}", data=data)
    assert response.status_code == 403
    assert saved(coming) == [(team_world.mentor.id, ReleaseLevel.mentor_leads)] * 2


def test_another_teams_member_gets_404(client_as, team_world, coming):
    outsider = client_as("outsider")

    assert outsider.get(f"/teams/{team_world.team.id}/release-plan").status_code == 404
    response = outsider.post(
        f"/teams/{team_world.team.id}/release-plan/{coming.id}", data=row_of(coming)
    )
    assert response.status_code == 404


def test_release_plan_statement_count_does_not_grow_with_meetings(
    client_as, team_world, coming, count_statements
):
    mentor = client_as("mentor")
    url = f"/teams/{team_world.team.id}/release-plan"
    with count_statements() as one:
        assert mentor.get(url).status_code == 200

    for n in range(8):
        factories.add_member(team_world.team, role=Role.teacher)
        factories.make_meeting(
            team_world.team,
            title=f"Meeting {n}",
            segments=[
                {"title": f"Segment {n}.{i}", "facilitator": team_world.leader} for i in range(4)
            ],
        )
    with count_statements() as nine:
        assert mentor.get(url).status_code == 200

    assert nine.count == one.count
