"""The record page of one enactment: each part saved on its own, bad input refused with a
message, stale saves and taps in between answered 409, teammates read-only."""

import pytest
import sqlalchemy as sa

from app import live
from app.cycles.models import live_channel
from app.enactments import counting
from app.enactments.models import Enactment, Tally, Unanticipated
from app.extensions import db
from app.lessons.models import AnticipatedResponse
from tests import factories
from tests.conftest import Auth
from tests.enactments.helpers import make_enactment, make_teaching_lesson


@pytest.fixture
def lesson(team_world):
    return make_teaching_lesson(team_world.team, team_world.leader)


@pytest.fixture
def enactment(team_world, lesson):
    return make_enactment(lesson.cycle, team_world.teacher)


def responses(lesson) -> list[AnticipatedResponse]:
    return db.session.scalars(
        sa.select(AnticipatedResponse)
        .where(AnticipatedResponse.lesson_id == lesson.id)
        .order_by(AnticipatedResponse.position)
    ).all()


def fresh(enactment) -> Enactment:
    db.session.expire_all()
    return db.session.get(Enactment, enactment.id)


def tallies(enactment) -> dict[str, tuple]:
    db.session.expire_all()
    rows = db.session.scalars(sa.select(Tally).where(Tally.enactment_id == enactment.id))
    return {
        (f"r{t.response_id}" if t.response_id else f"u{t.unanticipated_id}"): (
            t.count,
            t.codes,
            t.share_order,
        )
        for t in rows
    }


def chart_form(lesson, **rows) -> dict:
    """Every anticipated response at 0 as drawn; rows: key -> dict of overrides."""
    form = {}
    for response in responses(lesson):
        key = f"r{response.id}"
        row = {"count": "0", "drawn": "0", "codes": "", "order": ""} | rows.get(key, {})
        for name, value in row.items():
            if value is not None:
                form[f"{name}-{key}"] = value
    return form


def url(enactment, part: str = "") -> str:
    return f"/enactments/{enactment.id}" + (f"/{part}" if part else "")


def test_the_record_page_shows_the_chart_in_the_planned_sequence(client_as, lesson, enactment):
    page = client_as("mentor").get(url(enactment)).get_data(True)
    first, second, third = (r.name for r in responses(lesson))
    assert page.index(first) < page.index(third)
    assert "Kept the demand high" in page and "Lowered the demand" in page
    assert "Save the chart" in page


def test_a_removed_response_is_not_on_the_chart(client_as, lesson, enactment):
    gone = responses(lesson)[1]
    gone.removed_at = gone.created_at
    db.session.commit()
    page = client_as("teacher").get(url(enactment)).get_data(True)
    assert f'name="count-r{gone.id}"' not in page
    assert f'name="count-r{responses(lesson)[0].id}"' in page


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


def test_the_chart_is_saved_in_one_go(client_as, lesson, enactment):
    first, second, _ = (f"r{r.id}" for r in responses(lesson))
    data = chart_form(
        lesson,
        **{
            first: {"count": "7", "codes": "A.R., K7 S12", "shared": "y", "order": "2"},
            second: {"count": "3", "shared": "y", "order": "1"},
        },
    )
    response = client_as("teacher").post(url(enactment, "chart"), data=data)
    assert response.status_code == 302
    saved = tallies(enactment)
    assert saved[first] == (7, "A.R., K7 S12", 2)
    assert saved[second] == (3, "", 1)


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ({"count": ""}, "digits 0 to 9"),
        ({"count": "٣"}, "digits 0 to 9"),
        ({"count": "1000"}, "At most 999"),
        ({"count": "9" * 40}, "digits 0 to 9"),
        ({"codes": "Maria, K7"}, "“Maria” looks like a name"),
        ({"codes": "x1 " * 200}, "under 400 characters"),
        ({"shared": "y"}, "Give its place in the sharing order"),
        ({"shared": "y", "order": "41"}, "A place from 1 to 40"),
        ({"shared": "y", "order": "0"}, "A place from 1 to 40"),
        ({"order": "3"}, "Tick “Shared” too"),
    ],
)
def test_bad_chart_rows_get_a_message_next_to_them(client_as, lesson, enactment, row, message):
    key = f"r{responses(lesson)[0].id}"
    data = chart_form(lesson, **{key: row})
    response = client_as("teacher").post(url(enactment, "chart"), data=data)
    assert response.status_code == 422
    assert message in response.get_data(True)
    assert tallies(enactment) == {}


def test_two_shared_rows_in_the_same_place_are_refused(client_as, lesson, enactment):
    first, second, _ = (f"r{r.id}" for r in responses(lesson))
    shared = {"shared": "y", "order": "1"}
    data = chart_form(lesson, **{first: shared, second: shared})
    response = client_as("teacher").post(url(enactment, "chart"), data=data)
    assert response.status_code == 422
    assert "Another response is shared in place 1." in response.get_data(True)


def test_a_response_of_another_cycle_in_the_chart_is_422(client_as, team_world, enactment):
    other = make_teaching_lesson(team_world.team, team_world.leader, ("Elsewhere",), "Other")
    theirs = responses(other)[0]
    data = {f"count-r{theirs.id}": "4", f"drawn-r{theirs.id}": "0"}
    response = client_as("teacher").post(url(enactment, "chart"), data=data)
    assert response.status_code == 422
    assert "reload it" in response.get_data(True)
    assert tallies(enactment) == {}


def test_a_chart_saved_after_a_tap_changed_a_count_is_409(client_as, lesson, enactment):
    first, second, _ = responses(lesson)
    counting.tap(enactment, "t" * 20, 1, response_id=first.id)  # drawn at 1
    data = chart_form(
        lesson,
        **{
            f"r{first.id}": {"count": "4", "drawn": "1"},
            f"r{second.id}": {"count": "2", "codes": "JMK"},
        },
    )
    counting.tap(enactment, "u" * 20, 1, response_id=first.id)  # a tap in between: now 2
    refused = client_as("teacher").post(url(enactment, "chart"), data=data)
    page = refused.get_data(True)
    assert refused.status_code == 409
    assert "Counts changed by tapping" in page
    assert f"{first.name}: now 2 (it was 1; you typed 4)" in page
    assert 'value="JMK"' in page, "the rest of what was typed is kept"
    assert tallies(enactment)[f"r{first.id}"][0] == 2
    assert f"r{second.id}" not in tallies(enactment)


def test_unanticipated_responses_are_added_and_get_a_chart_row(client_as, enactment):
    client = client_as("teacher")
    added = client.post(
        url(enactment, "unanticipated"),
        data={"name": "Subtracted 3 from 4", "description": "Said each gets 1."},
    )
    assert added.status_code == 302
    found = db.session.scalars(sa.select(Unanticipated)).one()
    assert found.description == "Said each gets 1."
    page = client.get(url(enactment)).get_data(True)
    assert f'name="count-u{found.id}"' in page
    for bad, message in (({"name": ""}, "Name the response"), ({"name": "x" * 121}, "120")):
        refused = client.post(url(enactment, "unanticipated"), data=bad)
        assert refused.status_code == 422
        assert message in refused.get_data(True)


def test_a_retried_add_makes_one_unanticipated_response(client_as, enactment):
    client = client_as("teacher")
    data = {"name": "Subtracted 3 from 4", "idempotency_key": "a" * 24}
    assert client.post(url(enactment, "unanticipated"), data=data).status_code == 302
    assert client.post(url(enactment, "unanticipated"), data=data).status_code == 302
    assert len(db.session.scalars(sa.select(Unanticipated)).all()) == 1


def test_removing_a_counted_unanticipated_response_asks_first(client_as, team_world, enactment):
    found = counting.add_unanticipated(team_world.teacher, enactment, "Guessed")
    found_id = found.id
    counting.tap(enactment, "g" * 20, 1, unanticipated_id=found_id)
    client = client_as("teacher")
    path = url(enactment, f"unanticipated/{found_id}/remove")
    asked = client.post(path)
    assert asked.status_code == 200
    assert "1 student was counted for it" in asked.get_data(True)
    assert db.session.get(Unanticipated, found_id) is not None
    assert client.get(path).status_code == 200
    removed = client.post(path, data={"confirmed": "yes"})
    assert removed.status_code == 302
    db.session.expire_all()
    assert db.session.get(Unanticipated, found_id) is None
    assert tallies(enactment) == {}


def test_an_uncounted_unanticipated_response_is_removed_at_once(client_as, team_world, enactment):
    found_id = counting.add_unanticipated(team_world.teacher, enactment, "Guessed").id
    response = client_as("teacher").post(url(enactment, f"unanticipated/{found_id}/remove"))
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Unanticipated, found_id) is None


def test_another_enactments_unanticipated_response_is_404(client_as, team_world, enactment):
    other = make_enactment(enactment.cycle, team_world.leader, "4D")
    theirs = counting.add_unanticipated(team_world.leader, other, "Theirs")
    path = url(enactment, f"unanticipated/{theirs.id}/remove")
    assert client_as("teacher").post(path, data={"confirmed": "yes"}).status_code == 404
    assert db.session.get(Unanticipated, theirs.id) is not None


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
