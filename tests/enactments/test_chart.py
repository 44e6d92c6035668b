"""The monitoring chart of an enactment and the responses nobody anticipated: saved in one
go, bad rows refused next to the row, a tap between drawing and saving answered 409."""

import pytest
import sqlalchemy as sa

from app.enactments import counting
from app.enactments.models import Unanticipated
from app.extensions import db
from tests.enactments.helpers import (
    chart_form,
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
