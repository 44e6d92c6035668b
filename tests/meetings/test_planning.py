"""Planning a meeting: from a protocol or a team template, its details, segments and order."""

import re

import pytest
import sqlalchemy as sa

from app.extensions import db
from app.meetings.models import (
    AgendaTemplate,
    Contribution,
    Meeting,
    ReleaseLevel,
    Segment,
    SegmentKind,
)
from app.meetings.protocols import BUILT_IN
from tests import factories
from tests.meetings.helpers import HTMX, count, fresh, text, words


def meeting_form(**overrides) -> dict:
    data = {
        "template": "select-and-anticipate",
        "title": "Fractions planning",
        "day": "2031-03-04",
        "time": "15:30",
        "duration_minutes": "60",
        "location": "Room 12",
        "video_url": "https://meet.example.org/grade4",
        "goal": "Choose the shared task",
    }
    data.update(overrides)
    return data


def segment_form(**overrides) -> dict:
    data = {
        "title": "Anticipate",
        "kind": "anticipate",
        "planned_minutes": "15",
        "facilitator_id": "",
        "release_level": "co_facilitate",
        "description": "",
    }
    data.update(overrides)
    return data


def titles(meeting_id: int) -> list[str]:
    db.session.expire_all()
    return [s.title for s in db.session.get(Meeting, meeting_id).segments]


def agenda_order(page: str) -> list[int]:
    return [int(i) for i in re.findall(r'data-segment-id="(\d+)"', page)]


# --- planning a new meeting ---------------------------------------------------------------


@pytest.mark.parametrize("protocol", BUILT_IN, ids=lambda p: p.key)
@pytest.mark.parametrize("role", ["mentor", "leader"])
def test_planner_plans_a_meeting_from_each_protocol(client_as, team_world, role, protocol):
    response = client_as(role).post(
        f"/teams/{team_world.team.id}/meetings", data=meeting_form(template=protocol.key)
    )

    meeting = db.session.scalars(sa.select(Meeting)).one()
    assert response.status_code == 302
    assert response.headers["Location"] == f"/meetings/{meeting.id}"
    assert meeting.title == "Fractions planning"
    assert meeting.starts_at.isoformat() == "2031-03-04T15:30:00"
    assert meeting.video_url == "https://meet.example.org/grade4"
    assert [(s.title, s.kind, s.planned_minutes) for s in meeting.segments] == [
        (s.title, s.kind, s.minutes) for s in protocol.segments
    ]
    assert [s.position for s in meeting.segments] == list(range(len(protocol.segments)))
    assert {s.facilitator_id for s in meeting.segments} == {team_world.mentor.id}
    assert {s.release_level for s in meeting.segments} == {ReleaseLevel.mentor_leads}
    assert {s.origin for s in meeting.segments} == {"default"}  # nothing to go on: said so
    assert meeting.created_by_id == getattr(team_world, role).id


def test_planner_plans_a_meeting_from_the_teams_saved_template(client_as, team_world):
    template = factories.make_agenda_template(
        team_world.team,
        "Our Monday routine",
        [("Warm-up number talk", "do_the_math", 10), ("Debrief last lesson", "debrief", 25)],
    )
    new_page = text(client_as("leader").get(f"/teams/{team_world.team.id}/meetings/new"))
    assert "Our template: Our Monday routine" in new_page

    client_as("leader").post(
        f"/teams/{team_world.team.id}/meetings", data=meeting_form(template=f"team-{template.id}")
    )

    meeting = db.session.scalars(sa.select(Meeting)).one()
    assert [(s.title, s.kind, s.planned_minutes) for s in meeting.segments] == [
        ("Warm-up number talk", SegmentKind.do_the_math, 10),
        ("Debrief last lesson", SegmentKind.debrief, 25),
    ]


def test_blank_agenda_starts_with_no_segments(client_as, team_world):
    client_as("mentor").post(
        f"/teams/{team_world.team.id}/meetings", data=meeting_form(template="blank")
    )
    assert db.session.scalars(sa.select(Meeting)).one().segments == []


def test_teacher_cannot_plan_a_meeting(client_as, team_world):
    client = client_as("teacher")
    assert client.get(f"/teams/{team_world.team.id}/meetings/new").status_code == 403
    assert (
        client.post(f"/teams/{team_world.team.id}/meetings", data=meeting_form()).status_code == 403
    )
    assert count(Meeting) == 0


def test_teacher_sees_the_meeting_and_its_agenda_without_planning_tools(client_as, meeting):
    page = text(client_as("teacher").get(f"/meetings/{meeting.id}"))
    assert "Fractions planning" in page
    assert "Check-in" in page and "Do the math" in page and "Next steps" in page
    assert "Save details" not in page
    assert "Add a segment" not in page
    assert "data-sortable" not in page


def test_outsider_cannot_open_or_plan_for_another_team(client_as, team_world, meeting):
    client = client_as("outsider")
    assert client.get(f"/meetings/{meeting.id}").status_code == 404
    assert client.get(f"/teams/{team_world.team.id}/meetings").status_code == 404
    assert (
        client.post(f"/teams/{team_world.team.id}/meetings", data=meeting_form()).status_code == 404
    )


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("title", "   ", "Give the meeting a title."),
        ("duration_minutes", "0", "Between 5 and 480 minutes."),
        ("duration_minutes", "10000", "Between 5 and 480 minutes."),
        ("duration_minutes", "", "Enter the length in minutes."),
        ("video_url", "not a link", "Enter a full link, starting with https://"),
        ("day", "2031-02-30", "Not a valid date value."),
        ("day", "", "Choose the date."),
        ("time", "25:00", "Not a valid time value."),
        ("template", "no-such-protocol", "Not a valid choice."),
    ],
)
def test_bad_meeting_details_are_refused_with_a_message_and_nothing_is_saved(
    client_as, team_world, field, value, message
):
    response = client_as("mentor").post(
        f"/teams/{team_world.team.id}/meetings", data=meeting_form(**{field: value})
    )
    assert response.status_code == 422
    assert message in text(response)
    assert count(Meeting) == 0
    assert count(Segment) == 0


def test_another_teams_template_cannot_be_used(client_as, team_world):
    theirs = factories.make_agenda_template(team_world.other_team, "Their routine")
    response = client_as("mentor").post(
        f"/teams/{team_world.team.id}/meetings", data=meeting_form(template=f"team-{theirs.id}")
    )
    assert response.status_code == 422
    assert count(Meeting) == 0


# --- details -------------------------------------------------------------------------------


def test_planner_edits_the_details(client_as, meeting):
    response = client_as("leader").post(
        f"/meetings/{meeting.id}",
        data=meeting_form(title="Fractions, take two", duration_minutes="45", version="1"),
    )
    assert response.status_code == 302
    saved = fresh(Meeting, meeting.id)
    assert (saved.title, saved.duration_minutes, saved.version) == ("Fractions, take two", 45, 2)


def test_teacher_cannot_edit_the_details(client_as, meeting):
    response = client_as("teacher").post(f"/meetings/{meeting.id}", data=meeting_form(version="1"))
    assert response.status_code == 403
    assert fresh(Meeting, meeting.id).title == "Fractions planning"


def test_invalid_details_edit_answers_422_and_keeps_the_stored_meeting(client_as, meeting):
    response = client_as("leader").post(
        f"/meetings/{meeting.id}", data=meeting_form(title="", version="1")
    )
    assert response.status_code == 422
    assert "Give the meeting a title." in text(response)
    assert fresh(Meeting, meeting.id).title == "Fractions planning"


def test_stale_details_edit_is_a_conflict_that_keeps_the_users_text(client_as, meeting):
    mentor, leader = client_as("mentor"), client_as("leader")
    assert (
        mentor.post(
            f"/meetings/{meeting.id}", data=meeting_form(title="Mentor's title", version="1")
        ).status_code
        == 302
    )

    response = leader.post(
        f"/meetings/{meeting.id}",
        data=meeting_form(title="Leader's title", goal="Leader's goal", version="1"),
    )

    page = text(response)
    assert response.status_code == 409
    assert "Someone else saved these details while you were editing." in page
    assert 'value="Leader\'s title"' in page
    assert "Leader's goal" in page
    assert '<input type="hidden" name="version" value="2">' in page
    assert fresh(Meeting, meeting.id).title == "Mentor's title"

    again = leader.post(
        f"/meetings/{meeting.id}", data=meeting_form(title="Leader's title", version="2")
    )
    assert again.status_code == 302
    assert fresh(Meeting, meeting.id).title == "Leader's title"


def test_planner_deletes_a_planned_meeting_which_is_kept_hidden(client_as, team_world, meeting):
    factories.make_contribution(meeting, team_world.teacher, segment=meeting.segments[0])
    response = client_as("mentor").post(f"/meetings/{meeting.id}/delete")
    assert response.status_code == 302
    deleted = fresh(Meeting, meeting.id)
    assert deleted.deleted_at is not None and deleted.deleted_by_id == team_world.mentor.id
    assert count(Segment) == 3  # kept, to be restored
    assert client_as("mentor").get(f"/meetings/{meeting.id}").status_code == 404


# --- segments ------------------------------------------------------------------------------


def test_planner_adds_a_segment_at_the_end(client_as, team_world, meeting):
    response = client_as("leader").post(
        f"/meetings/{meeting.id}/segments",
        data=segment_form(title="Anticipate responses", facilitator_id=str(team_world.teacher.id)),
    )
    assert response.status_code == 302
    added = fresh(Meeting, meeting.id).segments[-1]
    assert (added.title, added.kind, added.planned_minutes, added.position) == (
        "Anticipate responses",
        SegmentKind.anticipate,
        15,
        3,
    )
    assert added.facilitator_id == team_world.teacher.id
    assert added.release_level == ReleaseLevel.co_facilitate


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("title", "", "Give the segment a title."),
        ("planned_minutes", "0", "Between 1 and 240 minutes."),
        ("planned_minutes", "10000", "Between 1 and 240 minutes."),
        ("kind", "party", "Not a valid choice."),
        ("release_level", "leader_forever", "Not a valid choice."),
    ],
)
def test_bad_segment_is_refused_with_a_message(client_as, meeting, field, value, message):
    response = client_as("leader").post(
        f"/meetings/{meeting.id}/segments", data=segment_form(**{field: value})
    )
    assert response.status_code == 422
    assert message in text(response)
    assert len(fresh(Meeting, meeting.id).segments) == 3


def test_facilitator_must_be_on_the_team(client_as, team_world, meeting):
    response = client_as("leader").post(
        f"/meetings/{meeting.id}/segments",
        data=segment_form(facilitator_id=str(team_world.outsider.id)),
    )
    assert response.status_code == 422
    assert len(fresh(Meeting, meeting.id).segments) == 3


def test_teacher_cannot_change_segments(client_as, meeting):
    client = client_as("teacher")
    first = meeting.segments[0]
    base = f"/meetings/{meeting.id}/segments"
    assert client.post(base, data=segment_form()).status_code == 403
    assert client.get(f"{base}/{first.id}/edit").status_code == 403
    assert client.post(f"{base}/{first.id}", data=segment_form(version="1")).status_code == 403
    assert client.post(f"{base}/{first.id}/delete").status_code == 403
    assert client.post(f"{base}/{first.id}/move", data={"direction": "down"}).status_code == 403
    assert client.post(f"{base}/order", data={"segment_id": []}).status_code == 403
    assert titles(meeting.id) == ["Check-in", "Do the math", "Next steps"]


def test_planner_edits_a_segment(client_as, team_world, meeting):
    segment = meeting.segments[1]
    response = client_as("mentor").post(
        f"/meetings/{meeting.id}/segments/{segment.id}",
        data=segment_form(
            title="Do the math as learners",
            kind="do_the_math",
            planned_minutes="25",
            facilitator_id=str(team_world.leader.id),
            release_level="leader_alone",
            version="1",
        ),
    )
    assert response.status_code == 302
    saved = fresh(Segment, segment.id)
    assert (saved.title, saved.planned_minutes, saved.release_level) == (
        "Do the math as learners",
        25,
        ReleaseLevel.leader_alone,
    )


def test_stale_segment_edit_is_a_conflict_that_keeps_the_users_text(client_as, meeting):
    segment = meeting.segments[1]
    url = f"/meetings/{meeting.id}/segments/{segment.id}"
    client_as("mentor").post(url, data=segment_form(title="Mentor's version", version="1"))

    response = client_as("leader").post(
        url, data=segment_form(title="Leader's version", version="1")
    )

    page = text(response)
    assert response.status_code == 409
    assert "Someone else saved this segment while you were editing." in page
    assert 'value="Leader\'s version"' in page
    assert fresh(Segment, segment.id).title == "Mentor's version"


def test_planner_removes_a_segment_and_the_rest_close_up(client_as, meeting):
    middle = meeting.segments[1]
    response = client_as("mentor").post(f"/meetings/{meeting.id}/segments/{middle.id}/delete")
    assert response.status_code == 302
    saved = fresh(Meeting, meeting.id)
    assert [(s.title, s.position) for s in saved.segments] == [("Check-in", 0), ("Next steps", 1)]


def test_removing_the_current_segment_keeps_its_notes_without_a_segment(
    client_as, team_world, running_meeting
):
    current = running_meeting.segments[0]
    note = factories.make_contribution(running_meeting, team_world.teacher, "Keep me")
    response = client_as("mentor").post(
        f"/meetings/{running_meeting.id}/segments/{current.id}/delete"
    )
    assert response.status_code == 302
    saved = fresh(Meeting, running_meeting.id)
    assert saved.current_segment_id is None and saved.timer_started_at is None
    kept = fresh(Contribution, note.id)
    assert kept.body == "Keep me" and kept.segment_id is None


@pytest.mark.parametrize(
    ("index", "direction", "expected"),
    [
        (0, "down", ["Do the math", "Check-in", "Next steps"]),
        (2, "up", ["Check-in", "Next steps", "Do the math"]),
        (0, "up", ["Check-in", "Do the math", "Next steps"]),
        (2, "down", ["Check-in", "Do the math", "Next steps"]),
    ],
)
def test_planner_moves_a_segment_up_or_down(client_as, meeting, index, direction, expected):
    segment = meeting.segments[index]
    response = client_as("leader").post(
        f"/meetings/{meeting.id}/segments/{segment.id}/move", data={"direction": direction}
    )
    assert response.status_code == 302
    assert titles(meeting.id) == expected


def test_drag_and_drop_posts_the_new_order(client_as, meeting):
    first, second, third = (s.id for s in meeting.segments)
    response = client_as("leader").post(
        f"/meetings/{meeting.id}/segments/order",
        data={"segment_id": [str(third), str(first), str(second)]},
        headers=HTMX,
    )
    assert response.status_code == 200
    assert agenda_order(response.get_data(as_text=True)) == [third, first, second]
    assert titles(meeting.id) == ["Next steps", "Check-in", "Do the math"]


@pytest.mark.parametrize("problem", ["missing", "foreign", "duplicate", "not a number"])
def test_an_order_that_does_not_name_each_segment_once_is_a_conflict(
    client_as, team_world, meeting, problem
):
    first, second, third = (s.id for s in meeting.segments)
    other = factories.make_meeting(team_world.team, segments=["Elsewhere"]).segments[0].id
    posted = {
        "missing": [third, first],
        "foreign": [third, first, other],
        "duplicate": [third, first, first],
        "not a number": [third, first, "second"],
    }[problem]
    response = client_as("leader").post(
        f"/meetings/{meeting.id}/segments/order",
        data={"segment_id": [str(i) for i in posted]},
        headers=HTMX,
    )
    assert response.status_code == 409
    assert "The agenda changed while you were dragging" in text(response)
    assert agenda_order(response.get_data(as_text=True)) == [first, second, third]
    assert titles(meeting.id) == ["Check-in", "Do the math", "Next steps"]


def test_a_segment_of_another_meeting_is_not_found(client_as, team_world, meeting):
    other = factories.make_meeting(team_world.team, segments=["Elsewhere"]).segments[0]
    client = client_as("mentor")
    base = f"/meetings/{meeting.id}/segments/{other.id}"
    assert client.get(f"{base}/edit").status_code == 404
    assert client.post(base, data=segment_form(version="1")).status_code == 404
    assert client.post(f"{base}/move", data={"direction": "up"}).status_code == 404
    assert client.post(f"{base}/delete").status_code == 404
    assert fresh(Segment, other.id).title == "Elsewhere"


def test_agenda_shows_the_planned_total_against_the_meetings_length(client_as, team_world):
    meeting = factories.make_meeting(
        team_world.team,
        duration_minutes=30,
        segments=[{"title": "A", "planned_minutes": 20}, {"title": "B", "planned_minutes": 15}],
    )
    client = client_as("teacher")
    assert "35 of 30 minutes planned · 5 minutes over the meeting's length" in words(
        client.get(f"/meetings/{meeting.id}")
    )
    client_as("mentor").post(
        f"/meetings/{meeting.id}/segments/{meeting.segments[0].id}",
        data=segment_form(title="A", planned_minutes="10", version="1"),
    )
    assert "25 of 30 minutes planned · 5 minutes to spare" in words(
        client.get(f"/meetings/{meeting.id}")
    )


# --- templates -----------------------------------------------------------------------------


def test_planner_saves_the_agenda_as_a_team_template(client_as, team_world, meeting):
    response = client_as("leader").post(
        f"/meetings/{meeting.id}/template", data={"name": "Our fractions routine"}
    )
    assert response.status_code == 302
    template = db.session.scalars(sa.select(AgendaTemplate)).one()
    assert template.team_id == team_world.team.id
    assert [(s.title, s.planned_minutes) for s in template.segments] == [
        ("Check-in", 5),
        ("Do the math", 20),
        ("Next steps", 10),
    ]
    index = text(client_as("teacher").get(f"/teams/{team_world.team.id}/meetings"))
    assert "Our fractions routine · 3 segments, 35 min" in index


def test_template_needs_a_name(client_as, meeting):
    response = client_as("leader").post(
        f"/meetings/{meeting.id}/template", data={"name": " "}, follow_redirects=True
    )
    assert "Name the template." in text(response)
    assert count(AgendaTemplate) == 0


def test_teacher_cannot_save_or_delete_templates(client_as, team_world, meeting):
    template = factories.make_agenda_template(team_world.team)
    client = client_as("teacher")
    assert client.post(f"/meetings/{meeting.id}/template", data={"name": "Mine"}).status_code == 403
    assert client.post(f"/templates/{template.id}/delete").status_code == 403
    assert count(AgendaTemplate) == 1


def test_planner_deletes_a_template_of_their_team_only(client_as, team_world):
    ours = factories.make_agenda_template(team_world.team, "Ours")
    theirs = factories.make_agenda_template(team_world.other_team, "Theirs")
    client = client_as("mentor")
    assert client.post(f"/templates/{theirs.id}/delete").status_code == 404
    assert client.post(f"/templates/{ours.id}/delete").status_code == 302
    assert [t.name for t in db.session.scalars(sa.select(AgendaTemplate))] == ["Theirs"]
