"""The enactments of a cycle and a new enactment: who sees them, what is refused."""

import re

import pytest
import sqlalchemy as sa

from app.enactments.models import Enactment
from app.extensions import db
from app.timeutil import local_now
from tests import factories
from tests.enactments.helpers import make_enactment, make_teaching_lesson

KEY = "k" * 24


@pytest.fixture
def lesson(team_world):
    return make_teaching_lesson(team_world.team, team_world.leader)


def facts(**more) -> dict:
    form = {
        "taught_on": local_now().date().isoformat(),
        "class_code": "4B",
        "students": "24",
        "minutes": "55",
        "idempotency_key": KEY,
    }
    return form | more


def enactments() -> list[Enactment]:
    return db.session.scalars(sa.select(Enactment).order_by(Enactment.id)).all()


def test_the_list_shows_every_member_with_their_role_and_what_they_recorded(
    client_as, team_world, lesson
):
    recorded = make_enactment(lesson.cycle, team_world.leader, "Room 12", students=22)
    page = client_as("teacher").get(f"/cycles/{lesson.cycle_id}/enactments").get_data(True)
    for person in (team_world.mentor, team_world.leader, team_world.teacher):
        assert person.name in page
    assert "Teacher leader" in page and "Mentor" in page
    assert f"/enactments/{recorded.id}" in page
    assert "class Room 12" in page and "22 students" in page
    assert "chart not filled in yet" in page
    assert "exit prompt not yet" in page and "reflection not yet" in page
    assert page.count("Not recorded yet.") == 2
    assert "Record my lesson" in page


def test_the_cycle_page_links_the_enactments_once_the_cycle_is_taught(
    client_as, team_world, lesson
):
    page = client_as("teacher").get(f"/cycles/{lesson.cycle_id}").get_data(True)
    assert f"/cycles/{lesson.cycle_id}/enactments" in page
    designing = factories.make_cycle(team_world.team, title="Later", stage="design")
    page = client_as("teacher").get(f"/cycles/{designing.id}").get_data(True)
    assert f"/cycles/{designing.id}/enactments" not in page
    make_enactment(designing, team_world.teacher, "Early")
    page = client_as("teacher").get(f"/cycles/{designing.id}").get_data(True)
    assert f"/cycles/{designing.id}/enactments" in page, "a lesson taught before the stage moved"


def test_the_new_form_defaults_to_today_and_hints_at_codes_not_names(client_as, lesson):
    page = client_as("teacher").get(f"/cycles/{lesson.cycle_id}/enactments/new").get_data(True)
    assert local_now().date().isoformat() in page
    assert "never a student&#39;s name" in page or "never a student's name" in page


def test_a_teacher_records_their_lesson_and_lands_on_its_record(client_as, team_world, lesson):
    response = client_as("teacher").post(f"/cycles/{lesson.cycle_id}/enactments", data=facts())
    assert response.status_code == 302
    (made,) = enactments()
    assert response.headers["Location"] == f"/enactments/{made.id}"
    assert (made.teacher_id, made.class_code, made.students, made.minutes) == (
        team_world.teacher.id,
        "4B",
        24,
        55,
    )


def test_a_retried_post_records_the_lesson_once(client_as, lesson):
    client = client_as("teacher")
    first = client.post(f"/cycles/{lesson.cycle_id}/enactments", data=facts())
    again = client.post(f"/cycles/{lesson.cycle_id}/enactments", data=facts())
    assert len(enactments()) == 1
    assert again.status_code == 302
    assert again.headers["Location"] == first.headers["Location"]


def test_the_same_class_twice_is_refused_with_a_message(client_as, lesson):
    client = client_as("teacher")
    client.post(f"/cycles/{lesson.cycle_id}/enactments", data=facts())
    again = client.post(
        f"/cycles/{lesson.cycle_id}/enactments",
        data=facts(class_code="4b", idempotency_key="j" * 24),
    )
    assert again.status_code == 422
    assert "already recorded this lesson with that class" in again.get_data(True)
    assert len(enactments()) == 1


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("class_code", "", "Name the class"),
        ("class_code", "x" * 41, "under 40 characters"),
        ("students", "", "Write a number from 0 to 60"),
        ("students", "٣", "digits 0 to 9"),
        ("students", "²", "digits 0 to 9"),
        ("students", "61", "Write a number from 0 to 60"),
        ("students", "-1", "digits 0 to 9"),
        ("students", "9" * 30, "digits 0 to 9"),
        ("minutes", "0", "from 1 to 240"),
        ("minutes", "241", "from 1 to 240"),
        ("taught_on", "yesterday", "Not a valid date"),
    ],
)
def test_bad_lesson_facts_get_a_message_and_keep_the_input(
    client_as, lesson, field, value, message
):
    response = client_as("teacher").post(
        f"/cycles/{lesson.cycle_id}/enactments", data=facts(**{field: value})
    )
    page = response.get_data(True)
    assert response.status_code == 422
    assert message in page
    assert enactments() == []


def test_nul_is_cleaned_from_the_class_code(client_as, lesson):
    client_as("teacher").post(
        f"/cycles/{lesson.cycle_id}/enactments", data=facts(class_code="4\x00B")
    )
    assert enactments()[0].class_code == "4B"


def test_a_cycle_without_a_lesson_says_so_and_links_the_lesson_page(client_as, team_world):
    cycle = factories.make_cycle(team_world.team, title="No lesson", stage="teach")
    client = client_as("teacher")
    page = client.get(f"/cycles/{cycle.id}/enactments/new").get_data(True)
    assert "no lesson yet" in page and f"/cycles/{cycle.id}/lesson" in page
    refused = client.post(f"/cycles/{cycle.id}/enactments", data=facts())
    assert refused.status_code == 422
    assert enactments() == []
    listing = client.get(f"/cycles/{cycle.id}/enactments").get_data(True)
    assert "no lesson yet" in listing and "Record my lesson" not in listing


def test_another_teams_cycle_is_a_404(client_as, lesson):
    client = client_as("outsider")
    assert client.get(f"/cycles/{lesson.cycle_id}/enactments").status_code == 404
    assert client.get(f"/cycles/{lesson.cycle_id}/enactments/new").status_code == 404
    posted = client.post(f"/cycles/{lesson.cycle_id}/enactments", data=facts())
    assert posted.status_code == 404
    assert enactments() == []


def test_the_list_names_a_former_member_who_recorded(client_as, team_world, lesson):
    former = factories.make_user(name="Fay Former")
    make_enactment(lesson.cycle, former, "5A")
    page = client_as("teacher").get(f"/cycles/{lesson.cycle_id}/enactments").get_data(True)
    assert "Fay Former" in page and "No longer on the team" in page
    assert re.search(r"class 5A", page)


def test_a_post_without_an_idempotency_key_still_lands_on_the_record(client_as, lesson):
    data = facts()
    del data["idempotency_key"]
    response = client_as("teacher").post(f"/cycles/{lesson.cycle_id}/enactments", data=data)
    assert response.headers["Location"] == f"/enactments/{enactments()[0].id}"
