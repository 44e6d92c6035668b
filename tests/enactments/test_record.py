"""The record page of one enactment: each part saved on its own, bad input refused with a
message, stale saves answered 409, teammates read-only, another team's a 404."""

import pytest

from app import live
from app.cycles.models import live_channel
from app.enactments import counting
from tests import factories
from tests.conftest import Auth
from tests.enactments.helpers import (
    fresh,
    make_enactment,
    make_teaching_lesson,
    responses,
    tallies,
    url,
)


@pytest.fixture
def lesson(team_world):
    return make_teaching_lesson(team_world.team, team_world.leader)


@pytest.fixture
def enactment(team_world, lesson):
    return make_enactment(lesson.cycle, team_world.teacher)


def test_the_teacher_saves_the_facts(client_as, enactment):
    data = {"taught_on": "2026-11-30", "class_code": "Room 12", "students": "26", "minutes": "60"}
    response = client_as("teacher").post(url(enactment, "facts"), data=data | {"version": "1"})
    assert response.status_code == 302
    assert "saved=facts" in response.headers["Location"]
    saved = fresh(enactment)
    assert (saved.class_code, saved.students, saved.minutes, saved.version) == (
        "Room 12",
        26,
        60,
        2,
    )


def test_a_stale_facts_save_is_409_and_keeps_what_was_typed(client_as, enactment):
    client = client_as("teacher")
    data = {"taught_on": "2026-11-30", "class_code": "4B", "students": "20", "minutes": ""}
    client.post(url(enactment, "reflection"), data={"what_worked": "Talk", "version": "1"})
    refused = client.post(url(enactment, "facts"), data=data | {"class_code": "4C", "version": "1"})
    page = refused.get_data(True)
    assert refused.status_code == 409
    assert "Someone else saved this record" in page
    assert 'value="4C"' in page
    assert fresh(enactment).class_code == "4B"


def test_facts_refuse_unicode_digits_and_a_second_same_class(client_as, team_world, enactment):
    make_enactment(enactment.cycle, team_world.teacher, "4C")
    client = client_as("teacher")
    base = {"taught_on": "2026-11-30", "class_code": "4B", "minutes": "", "version": "1"}
    refused = client.post(url(enactment, "facts"), data=base | {"students": "٢٤"})
    assert refused.status_code == 422
    assert "digits 0 to 9" in refused.get_data(True)
    same = client.post(url(enactment, "facts"), data=base | {"students": "2", "class_code": "4c"})
    assert same.status_code == 422
    assert "already recorded this lesson with that class" in same.get_data(True)
    assert fresh(enactment).students == 24


def test_exit_levels_are_saved_and_the_rest_not_accounted_for(client_as, enactment):
    client = client_as("teacher")
    levels = {"not_yet": "3", "approaching": "5", "meets": "10", "exceeds": "", "version": "1"}
    assert client.post(url(enactment, "exit"), data=levels).status_code == 302
    saved = fresh(enactment)
    assert (saved.not_yet, saved.approaching, saved.meets, saved.exceeds) == (3, 5, 10, None)
    assert "6 of the 24 students are not accounted for" in client.get(url(enactment)).get_data(True)


@pytest.mark.parametrize(
    ("levels", "message"),
    [
        ({"meets": "20", "exceeds": "5"}, "These add up to 25, more than the 24 students"),
        ({"meets": "٥"}, "digits 0 to 9"),
        ({"meets": "61"}, "from 0 to 60"),
    ],
)
def test_exit_levels_refused(client_as, enactment, levels, message):
    response = client_as("teacher").post(url(enactment, "exit"), data=levels | {"version": "1"})
    assert response.status_code == 422
    assert message in response.get_data(True)
    assert fresh(enactment).meets is None


def test_demand_factors_are_stored_and_unknown_ones_dropped(client_as, enactment):
    client = client_as("teacher")
    data = {"factor": ["pressing", "became_routine", "nonsense"], "version": "1"}
    assert client.post(url(enactment, "factors"), data=data).status_code == 302
    assert fresh(enactment).demand_factors == "pressing became_routine"
    page = client.get(url(enactment)).get_data(True)
    assert 'value="pressing" checked' in page and 'value="scaffolding" checked' not in page


def test_a_stale_factors_save_is_409(client_as, enactment):
    client = client_as("teacher")
    client.post(url(enactment, "factors"), data={"factor": ["pressing"], "version": "1"})
    refused = client.post(
        url(enactment, "factors"), data={"factor": ["scaffolding"], "version": "1"}
    )
    assert refused.status_code == 409
    assert 'value="scaffolding" checked' in refused.get_data(True)
    assert fresh(enactment).demand_factors == "pressing"


def test_the_reflection_is_saved(client_as, enactment):
    data = {
        "what_worked": "Pairs talked first.",
        "surprised": "Nobody drew a number line.",
        "would_change": "More time to explore.",
        "video_url": "https://video.example.org/lesson/4b",
        "video_moments": "12:40 the number line at table 3\n1:02:05 the share-out",
        "version": "1",
    }
    assert client_as("teacher").post(url(enactment, "reflection"), data=data).status_code == 302
    saved = fresh(enactment)
    assert saved.video_url == data["video_url"]
    assert saved.video_moments.splitlines()[1] == "1:02:05 the share-out"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("video_url", "javascript:alert(1)", "starts with https://"),
        ("video_url", "ftp://example.org/v", "starts with https://"),
        ("video_url", "https://e.org/" + "v" * 500, "under 500 characters"),
        ("video_moments", "the share-out at the end", "Line 1: start each moment"),
        ("video_moments", "12:40 ok\n٣:٤٠ digits", "Line 2"),
        ("what_worked", "x" * 4001, "under 4,000 characters"),
    ],
)
def test_bad_reflection_input_is_refused(client_as, enactment, field, value, message):
    response = client_as("teacher").post(
        url(enactment, "reflection"), data={field: value, "version": "1"}
    )
    assert response.status_code == 422
    assert message in response.get_data(True)
    assert fresh(enactment).version == 1


@pytest.mark.parametrize(
    ("part", "data"),
    [
        ("facts", {"taught_on": "2026-11-30", "class_code": "9Z", "students": "1"}),
        ("chart", {}),
        ("unanticipated", {"name": "Mine now"}),
        ("exit", {"meets": "3"}),
        ("factors", {"factor": "pressing"}),
        ("reflection", {"what_worked": "Not mine to say"}),
    ],
)
def test_a_teammate_reads_but_cannot_change_anothers_record(
    app, team_world, lesson, enactment, part, data
):
    colleague = factories.add_member(team_world.team)
    client = app.test_client()
    Auth(client).login(colleague)
    page = client.get(url(enactment)).get_data(True)
    assert "you see it as it was saved" in page and "Save the chart" not in page
    before = (fresh(enactment).version, tallies(enactment))
    assert client.post(url(enactment, part), data=data).status_code == 403
    assert (fresh(enactment).version, tallies(enactment)) == before


def test_the_class_cannot_shrink_below_what_the_exit_prompt_counts(client_as, enactment):
    client = client_as("teacher")
    client.post(url(enactment, "exit"), data={"meets": "20", "version": "1"})
    data = {"taught_on": "2026-11-30", "class_code": "4B", "students": "19", "version": "2"}
    refused = client.post(url(enactment, "facts"), data=data)
    assert refused.status_code == 422
    assert "already counts 20 students" in refused.get_data(True)
    assert fresh(enactment).students == 24


def test_a_planner_corrects_a_teachers_record(client_as, enactment):
    data = {"meets": "4", "version": "1"}
    assert client_as("leader").post(url(enactment, "exit"), data=data).status_code == 302
    assert fresh(enactment).meets == 4


def test_another_teams_enactment_is_a_404(client_as, enactment):
    client = client_as("outsider")
    assert client.get(url(enactment)).status_code == 404
    assert client.post(url(enactment, "exit"), data={"meets": "1"}).status_code == 404
    assert fresh(enactment).meets is None


def test_every_save_tells_the_cycles_channel(app, client_as, enactment):
    channel = live_channel(enactment.cycle_id)
    before = live.latest_id(channel)
    client_as("teacher").post(url(enactment, "factors"), data={"factor": "pressing"})
    events = live.broker().read(channel, before, timeout=0.1)
    assert [event.name for event in events] == ["enactment"]


def test_the_chart_alone_is_redrawn_for_a_record_following_taps(client_as, enactment, lesson):
    first = responses(lesson)[0]
    counting.tap(enactment, "k" * 20, 1, response_id=first.id)
    client = client_as("mentor")
    response = client.get(url(enactment, "responses"), headers={"HX-Request": "true"})
    page = response.get_data(True)
    assert response.status_code == 200
    assert page.lstrip().startswith('<div id="record-responses"')
    assert f'id="count-r{first.id}" name="count-r{first.id}" value="1"' in page
    assert "<html" not in page and "Reflection" not in page
    kept = client.get(url(enactment, "responses") + "?saved=chart").get_data(True)
    assert "The monitoring chart is saved." in kept
