"""Adding an anticipated response with every field, and removing one with Undo."""

import sqlalchemy as sa
from flask import render_template

from app.cycles.models import Cycle
from app.extensions import db
from app.lessons import writing
from app.lessons.content import lesson_context
from app.lessons.models import AnticipatedResponse, ChangeKind, LessonChange
from app.lessons.writing import MAX_RESPONSES
from tests.lessons.helpers import make_lesson
from tests.lessons.response_helpers import add, response_form, sequence

KEY = "retry-key-0123456789abcdef"


def _responses(lesson) -> list[AnticipatedResponse]:
    db.session.expire_all()
    return list(
        db.session.scalars(
            sa.select(AnticipatedResponse)
            .where(AnticipatedResponse.lesson_id == lesson.id)
            .order_by(AnticipatedResponse.id)
        )
    )


def test_adding_a_response_keeps_every_field_and_shows_it_on_the_page(team_world, client_as):
    lesson = make_lesson(team_world.team)
    teacher = client_as("teacher")
    form = response_form(
        representation="area_model",
        correctness="partial",
        misconception="Thinks the pieces need not be equal.",
        assessing_questions="  Why there?\n\n   How many pieces?  \n",
    )
    answer = teacher.post(f"/lessons/{lesson.id}/responses", data=form)
    [response] = _responses(lesson)
    assert answer.status_code == 302
    assert answer.headers["Location"].endswith(
        f"/cycles/{lesson.cycle_id}/lesson#response-{response.id}"
    )
    assert response.name == "Halves, then halves again"
    assert response.representation.value == "area_model"
    assert response.correctness.value == "partial"
    assert response.misconception == "Thinks the pieces need not be equal."
    assert response.assessing == ["Why there?", "How many pieces?"]
    assert response.assessing_questions == "Why there?\nHow many pieces?"
    assert response.connection.startswith("Each share is 3 × ¼")
    assert response.created_by_id == team_world.teacher.id
    page = teacher.get(answer.headers["Location"]).get_data(as_text=True)
    assert "Added “Halves, then halves again”." in page
    assert f'id="response-{response.id}"' in page


def test_a_retried_add_with_the_same_key_adds_one_response(team_world, client_as):
    lesson = make_lesson(team_world.team)
    teacher = client_as("teacher")
    form = response_form(idempotency_key=KEY)
    first = teacher.post(f"/lessons/{lesson.id}/responses", data=form)
    again = teacher.post(f"/lessons/{lesson.id}/responses", data=form)
    assert len(_responses(lesson)) == 1
    assert first.headers["Location"] == again.headers["Location"]
    other_key = teacher.post(
        f"/lessons/{lesson.id}/responses", data=response_form(idempotency_key=KEY[::-1])
    )
    assert other_key.status_code == 302 and len(_responses(lesson)) == 2


def test_a_response_without_a_name_is_refused_and_nothing_typed_is_lost(team_world, client_as):
    lesson = make_lesson(team_world.team)
    answer = client_as("teacher").post(
        f"/lessons/{lesson.id}/responses",
        data=response_form(name="   ", misconception="Adds the numerators"),
    )
    page = answer.get_data(as_text=True)
    assert answer.status_code == 422
    assert 'id="new-response-name-error">Give the response a short name.' in page
    assert "Adds the numerators</textarea>" in page
    assert "How did you decide where to cut?" in page
    assert _responses(lesson) == []


def test_overlong_fields_get_a_message_beside_each(team_world, client_as):
    lesson = make_lesson(team_world.team)
    answer = client_as("teacher").post(
        f"/lessons/{lesson.id}/responses",
        data=response_form(name="n" * 121, connection="c" * 4001, description="d" * 4000),
    )
    page = answer.get_data(as_text=True)
    assert answer.status_code == 422
    assert 'id="new-response-name-error">Keep it to 120 characters or fewer.' in page
    assert 'id="new-response-connection-error">Keep it to 4,000 characters or fewer.' in page
    assert "new-response-description-error" not in page
    assert _responses(lesson) == []


def test_unknown_choices_are_refused_beside_their_field(team_world, client_as):
    lesson = make_lesson(team_world.team)
    answer = client_as("teacher").post(
        f"/lessons/{lesson.id}/responses",
        data=response_form(representation="hologram", correctness="sort of"),
    )
    page = answer.get_data(as_text=True)
    assert answer.status_code == 422
    assert "Choose one of the representations in the list." in page
    assert "Choose correct, partial or incorrect." in page


def test_nul_bytes_are_cleaned_on_the_way_in(team_world, client_as):
    lesson = make_lesson(team_world.team)
    form = response_form(name="Hal\x00ves", description="Cuts\x00 in half")
    assert (
        client_as("teacher").post(f"/lessons/{lesson.id}/responses", data=form).status_code == 302
    )
    [response] = _responses(lesson)
    assert (response.name, response.description) == ("Halves", "Cuts in half")


def test_past_forty_responses_the_page_and_the_post_say_so(team_world, client_as):
    lesson = make_lesson(team_world.team)
    add(lesson, team_world.teacher, *(f"Way {i}" for i in range(MAX_RESPONSES)))
    teacher = client_as("teacher")
    page = teacher.get(f"/cycles/{lesson.cycle_id}/lesson").get_data(as_text=True)
    assert "holds 40 anticipated responses, the most it can" in page
    assert 'action="/lessons/' not in page.split('id="add-response"')[1]
    answer = teacher.post(f"/lessons/{lesson.id}/responses", data=response_form(name="One more"))
    assert answer.status_code == 422
    assert "A lesson holds at most 40 anticipated responses" in answer.get_data(as_text=True)
    assert 'value="One more"' in answer.get_data(as_text=True)
    assert len(_responses(lesson)) == MAX_RESPONSES


def test_removing_offers_undo_and_lists_the_response_to_bring_back(team_world, client_as):
    lesson = make_lesson(team_world.team)
    first, second, third = add(lesson, team_world.teacher, "Halves", "Draws", "Guesses")
    teacher = client_as("teacher")
    answer = teacher.post(f"/responses/{second.id}/remove", headers={"HX-Request": "true"})
    fragment = answer.get_data(as_text=True)
    assert answer.status_code == 200
    assert "Removed “Draws”." in fragment
    assert f'action="/responses/{second.id}/bring-back"' in fragment
    assert ">Undo</button>" in fragment and "<html" not in fragment
    assert "Removed responses" in fragment
    assert sequence(lesson) == ["Halves", "Guesses"]
    change = db.session.scalars(sa.select(LessonChange).order_by(LessonChange.id.desc())).first()
    assert (change.kind, change.response_id) == (ChangeKind.remove, second.id)

    plain = teacher.post(f"/responses/{third.id}/remove")
    assert plain.status_code == 302
    assert plain.headers["Location"].endswith(f"removed={third.id}#responses")
    page = teacher.get(plain.headers["Location"]).get_data(as_text=True)
    assert "Removed “Guesses”." in page
    assert 'Bring back<span class="visually-hidden"> “Draws”</span>' in page
    assert 'Bring back<span class="visually-hidden"> “Guesses”</span>' in page


def test_undo_brings_the_response_back_in_its_place(team_world, client_as):
    lesson = make_lesson(team_world.team)
    _, second, _ = add(lesson, team_world.teacher, "Halves", "Draws", "Guesses")
    teacher = client_as("teacher")
    teacher.post(f"/responses/{second.id}/remove")
    answer = teacher.post(f"/responses/{second.id}/bring-back", headers={"HX-Request": "true"})
    assert answer.status_code == 200
    assert "Removed responses" not in answer.get_data(as_text=True)
    assert sequence(lesson) == ["Halves", "Draws", "Guesses"]
    again = teacher.post(f"/responses/{second.id}/bring-back")  # a retry changes nothing
    assert again.status_code == 302 and sequence(lesson) == ["Halves", "Draws", "Guesses"]


def test_an_old_undo_link_for_a_response_not_removed_offers_nothing(team_world, client_as):
    lesson = make_lesson(team_world.team)
    [kept] = add(lesson, team_world.teacher, "Halves")
    page = client_as("teacher").get(f"/cycles/{lesson.cycle_id}/lesson?removed={kept.id}")
    assert "Removed “Halves”." not in page.get_data(as_text=True)


def test_bringing_back_past_forty_is_refused_with_a_message(team_world, client_as):
    lesson = make_lesson(team_world.team)
    [gone] = add(lesson, team_world.teacher, "Gone")
    teacher = client_as("teacher")
    teacher.post(f"/responses/{gone.id}/remove")
    add(lesson, team_world.teacher, *(f"Way {i}" for i in range(MAX_RESPONSES)))
    answer = teacher.post(f"/responses/{gone.id}/bring-back", headers={"HX-Request": "true"})
    assert answer.status_code == 422
    assert "A lesson holds at most 40" in answer.get_data(as_text=True)
    assert "Gone" not in sequence(lesson)


def test_another_teams_lesson_and_responses_are_404(team_world, client_as):
    lesson = make_lesson(team_world.team)
    [response] = add(lesson, team_world.teacher, "Halves")
    outsider = client_as("outsider")
    assert outsider.post(f"/lessons/{lesson.id}/responses", data=response_form()).status_code == 404
    for action in ("remove", "bring-back", "move", "share", "sketch", "sketch/remove"):
        assert outsider.post(f"/responses/{response.id}/{action}").status_code == 404, action
    assert outsider.get(f"/cycles/{lesson.cycle_id}/lesson/board").status_code == 404
    assert sequence(lesson) == ["Halves"]


def test_the_list_draws_from_the_lesson_pages_own_context_alone(app, team_world):
    """Whatever else draws the list (the page's live re-fetch) hands it content.lesson_context
    only: the form, the undo offer and the limits have their defaults."""
    lesson = make_lesson(team_world.team)
    kept, gone = add(lesson, team_world.teacher, "Halves", "Draws")
    writing.remove_response(team_world.teacher, gone)
    cycle = db.session.get(Cycle, lesson.cycle_id)
    with app.test_request_context(f"/cycles/{cycle.id}/lesson?removed={gone.id}"):
        html = render_template("lessons/_responses.html", **lesson_context(cycle))
    assert f'id="response-{kept.id}"' in html
    assert "Removed “Draws”." in html and 'id="new-response-name"' in html
