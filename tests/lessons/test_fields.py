"""The field editor: each field of the plan and of a response shown, edited and saved on its
own, as plain pages and as htmx fragments; bad input kept with a message; another team's ids
and unknown fields are 404."""

import pytest

from app.extensions import db
from app.lessons import writing
from app.lessons.fields import EDITABLE_RESPONSE_FIELDS, PLAN_ALL
from app.lessons.models import AnticipatedResponse, LessonChange
from tests.lessons.helpers import make_lesson

HTMX = {"HX-Request": "true"}


def add_response(lesson, name="Halves then quarters") -> AnticipatedResponse:
    actor = lesson.cycle.team.memberships[0].user
    return writing.add_response(actor, lesson, {"name": name, "description": "Cuts in halves."})


@pytest.fixture
def lesson(team_world):
    return make_lesson(team_world.team)


@pytest.mark.parametrize("name", sorted(PLAN_ALL))
def test_every_plan_field_shows_edits_and_saves_in_place(client_as, lesson, name):
    client = client_as("teacher")
    url = f"/lessons/{lesson.id}/fields/{name}"
    assert client.get(url).status_code == 200
    form = client.get(f"{url}/edit", headers=HTMX)
    assert form.status_code == 200 and 'name="base" value="0"' in form.text
    text = "25" if name.endswith("_minutes") else "Fold paper strips."
    saved = client.post(url, data={"text": text, "base": "0"}, headers=HTMX)
    assert saved.status_code == 200
    assert f'id="field-plan-{name}"' in saved.text and f">{text}" in saved.text
    assert "<form" not in saved.text  # the field shown again, not its editor
    db.session.refresh(lesson)
    assert str(getattr(lesson, name)) == text


@pytest.mark.parametrize("name", sorted(EDITABLE_RESPONSE_FIELDS))
def test_every_response_field_but_the_share_toggle_saves(client_as, lesson, name):
    response = add_response(lesson)
    client = client_as("leader")
    url = f"/responses/{response.id}/fields/{name}"
    text = {"representation": "number_line", "correctness": "partial"}.get(name, "Ask why.")
    assert client.get(f"{url}/edit").status_code == 200
    saved = client.post(url, data={"text": text, "base": str(response.field_revision(name))})
    assert saved.status_code == 302
    assert saved.headers["Location"].endswith(
        f"/cycles/{lesson.cycle_id}/lesson#field-response-{response.id}-{name}"
    )
    db.session.refresh(response)
    assert writing.text_of(response, name) == text


def test_the_share_toggle_and_unknown_fields_have_no_editor(client_as, lesson):
    response = add_response(lesson)
    client = client_as("teacher")
    for url in (
        f"/responses/{response.id}/fields/to_share",
        f"/responses/{response.id}/fields/position",
        f"/lessons/{lesson.id}/fields/revision",
        f"/lessons/{lesson.id}/fields/name",
    ):
        assert client.get(url).status_code == 404
        assert client.get(f"{url}/edit").status_code == 404
        assert client.post(url, data={"text": "x", "base": "0"}).status_code == 404


def test_another_teams_lesson_and_response_are_404(client_as, team_world, lesson):
    response = add_response(lesson)
    client = client_as("outsider")
    for url in (f"/lessons/{lesson.id}/fields/launch", f"/responses/{response.id}/fields/name"):
        assert client.get(url).status_code == 404
        assert client.get(f"{url}/edit").status_code == 404
        assert client.post(url, data={"text": "Mine now", "base": "0"}).status_code == 404
    assert client.get(f"/lessons/{lesson.id}/content").status_code == 404
    assert client.get(f"/lessons/{lesson.id}/presence").status_code == 404


def test_the_lesson_page_has_an_editor_for_every_field(client_as, lesson):
    response = add_response(lesson)
    page = client_as("teacher").get(f"/cycles/{lesson.cycle_id}/lesson")
    assert page.status_code == 200
    for name in PLAN_ALL:
        assert f'href="/lessons/{lesson.id}/fields/{name}/edit"' in page.text
    for name in EDITABLE_RESPONSE_FIELDS:
        assert f'href="/responses/{response.id}/fields/{name}/edit"' in page.text
    assert f"/lessons/{lesson.id}/events" in page.text


def test_questions_are_saved_one_a_line_and_shown_as_a_list(client_as, lesson):
    response = add_response(lesson)
    client = client_as("teacher")
    url = f"/responses/{response.id}/fields/assessing_questions"
    shown = client.post(
        url,
        data={"text": "  How did you cut it?\r\n\r\nWhy four parts?  \n", "base": "0"},
        headers=HTMX,
    )
    db.session.refresh(response)
    assert response.assessing_questions == "How did you cut it?\nWhy four parts?"
    assert "<li>How did you cut it?</li><li>Why four parts?</li>" in shown.text


def test_the_plain_edit_page_posts_back_to_the_lesson(client_as, lesson):
    client = client_as("teacher")
    page = client.get(f"/lessons/{lesson.id}/fields/launch/edit")
    assert page.status_code == 200 and "<h1>Launch</h1>" in page.text
    assert "hx-post" not in page.text.split("<main")[1]
    assert "HX-Request" in page.headers["Vary"]


def test_every_save_is_kept_with_its_author(client_as, team_world, lesson):
    client_as("teacher").post(
        f"/lessons/{lesson.id}/fields/launch", data={"text": "Read it aloud.", "base": "0"}
    )
    change = db.session.scalars(db.select(LessonChange).where(LessonChange.field == "launch")).one()
    assert (change.value, change.author_id) == ("Read it aloud.", team_world.teacher.id)
