"""The field editor refuses what cannot be kept with a message beside the field (422, the text
as typed kept), and never lets one save silently overwrite another: the later save of the same
field gets both versions side by side (409), then keeps one or merges."""

import pytest

from app.extensions import db
from app.lessons import writing
from app.lessons.models import LessonChange
from tests.lessons.helpers import make_lesson
from tests.lessons.test_fields import HTMX, add_response
from tests.meetings.helpers import at_the_same_moment


@pytest.fixture
def lesson(team_world):
    return make_lesson(team_world.team)


def _post(client, url, text, base="0", htmx=True):
    return client.post(url, data={"text": text, "base": base}, headers=HTMX if htmx else {})


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("name", "   ", "Give the response a name."),
        ("name", "x" * 121, "Keep the name to 120 characters (it has 121)."),
        ("description", "y" * 4001, "Keep this to 4,000 characters (it has 4,001)."),
        ("representation", "interpretive dance", "Choose one of the list."),
        ("correctness", "", "Choose one of the list."),
    ],
)
def test_bad_response_fields_are_refused_beside_the_field_with_the_text_kept(
    client_as, lesson, name, text, message
):
    response = add_response(lesson)
    before = writing.text_of(response, name)
    for htmx in (True, False):
        answer = _post(
            client_as("teacher"), f"/responses/{response.id}/fields/{name}", text, htmx=htmx
        )
        assert answer.status_code == 422
        assert f'id="field-response-{response.id}-{name}-input-error">{message}</p>' in answer.text
        if text.strip() and name not in ("representation", "correctness"):
            assert text.strip() in answer.text
    db.session.refresh(response)
    assert writing.text_of(response, name) == before


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("241", "At most 240 minutes"),
        ("٣", "in digits 0–9"),
        ("²", "in digits 0–9"),
        ("12.5", "in digits 0–9"),
        ("-3", "in digits 0–9"),
        ("1e3", "in digits 0–9"),
        ("99999999999999999999", "At most 240 minutes"),
    ],
)
def test_minutes_are_whole_numbers_from_0_to_240_in_ascii_digits(client_as, lesson, text, message):
    answer = _post(client_as("teacher"), f"/lessons/{lesson.id}/fields/launch_minutes", text)
    assert answer.status_code == 422 and message in answer.text
    assert f'value="{text}"' in answer.text
    db.session.refresh(lesson)
    assert lesson.launch_minutes is None


def test_minutes_save_240_and_0_and_clear_with_nothing(client_as, lesson):
    client = client_as("teacher")
    url = f"/lessons/{lesson.id}/fields/discuss_minutes"
    first = _post(client, url, " 240 ")
    assert first.status_code == 200 and "240 min" in first.text
    db.session.refresh(lesson)
    assert lesson.discuss_minutes == 240
    _post(client, url, "0", base=str(lesson.field_revision("discuss_minutes")))
    db.session.refresh(lesson)
    assert lesson.discuss_minutes == 0
    _post(client, url, "", base=str(lesson.field_revision("discuss_minutes")))
    db.session.refresh(lesson)
    assert lesson.discuss_minutes is None


def test_nul_bytes_and_control_characters_are_cleaned_away(client_as, lesson):
    response = add_response(lesson)
    client = client_as("teacher")
    _post(
        client, f"/lessons/{lesson.id}/fields/launch", "Read\x00 the\x07 task\x1b aloud.\r\nTwice."
    )
    _post(
        client,
        f"/responses/{response.id}/fields/name",
        "Halves\tand\x0b\nquarters",
        base=str(response.field_revision("name")),
    )
    db.session.refresh(lesson)
    db.session.refresh(response)
    assert lesson.launch == "Read the task aloud.\nTwice."
    assert response.name == "Halves and quarters"


def test_a_garbled_or_missing_base_shows_the_conflict_rather_than_overwriting(client_as, lesson):
    writing.save_field(lesson.cycle.team.memberships[0].user, lesson, "launch", "Theirs", base=0)
    client = client_as("teacher")
    for base in ("", "٣", "abc", "99999999999"):
        answer = _post(client, f"/lessons/{lesson.id}/fields/launch", "Mine", base=base)
        assert answer.status_code == 409
    db.session.refresh(lesson)
    assert lesson.launch == "Theirs"


def test_the_later_save_of_the_same_field_sees_both_versions_and_keeps_mine(
    client_as, team_world, lesson
):
    leader, teacher = client_as("leader"), client_as("teacher")
    url = f"/lessons/{lesson.id}/fields/launch"
    assert _post(leader, url, "Read the task aloud.").status_code == 200
    conflict = _post(teacher, url, "Show a picture first.")
    assert conflict.status_code == 409
    page = conflict.text
    assert "Theirs — saved by Jordan Leader at" in page and "Read the task aloud." in page
    assert ">Yours</h3>" in page and "Show a picture first." in page
    db.session.refresh(lesson)
    revision = lesson.field_revision("launch")
    assert f'name="base" value="{revision}"' in page
    assert "Keep mine" in page and "Keep theirs" in page and "Save the merge" in page
    kept = _post(teacher, url, "Show a picture first.", base=str(revision))
    assert kept.status_code == 200
    db.session.refresh(lesson)
    assert lesson.launch == "Show a picture first."
    authors = [
        c.author_id
        for c in db.session.scalars(db.select(LessonChange).where(LessonChange.field == "launch"))
    ]
    assert authors == [team_world.leader.id, team_world.teacher.id]


def test_a_merge_saves_both_versions_edited_into_one(client_as, lesson):
    leader, teacher = client_as("leader"), client_as("teacher")
    url = f"/lessons/{lesson.id}/fields/explore"
    _post(leader, url, "Pairs work with paper.")
    page = _post(teacher, url, "Groups of four.").text
    assert "Pairs work with paper.\n\nGroups of four.</textarea>" in page
    db.session.refresh(lesson)
    merged = _post(
        teacher,
        url,
        "Pairs, then groups of four, with paper.",
        base=str(lesson.field_revision("explore")),
    )
    assert merged.status_code == 200
    db.session.refresh(lesson)
    assert lesson.explore == "Pairs, then groups of four, with paper."


def test_keep_theirs_is_the_field_shown_again_and_writes_nothing(client_as, lesson):
    leader, teacher = client_as("leader"), client_as("teacher")
    url = f"/lessons/{lesson.id}/fields/materials"
    _post(leader, url, "Paper brownies")
    page = _post(teacher, url, "Real brownies").text
    assert f'hx-get="{url}"' in page  # Keep theirs
    shown = teacher.get(url, headers=HTMX)
    assert shown.status_code == 200 and "Paper brownies" in shown.text
    assert 'data-saved-by="Jordan Leader"' in shown.text


def test_a_choice_or_a_number_in_conflict_offers_no_merge(client_as, lesson):
    response = add_response(lesson)
    leader, teacher = client_as("leader"), client_as("teacher")
    url = f"/responses/{response.id}/fields/correctness"
    _post(leader, url, "partial")
    page = _post(teacher, url, "incorrect").text
    assert "Keep mine" in page and "Save the merge" not in page
    assert "Partial" in page and "Incorrect" in page


def test_the_plain_conflict_page_without_javascript(client_as, lesson):
    leader, teacher = client_as("leader"), client_as("teacher")
    url = f"/lessons/{lesson.id}/fields/launch"
    _post(leader, url, "A", htmx=False)
    page = _post(teacher, url, "B", htmx=False)
    assert page.status_code == 409 and "<h1>Launch</h1>" in page.text
    assert "hx-post" not in page.text.split("<main")[1]


def test_a_retry_of_a_save_that_landed_changes_nothing(client_as, lesson):
    client = client_as("teacher")
    url = f"/lessons/{lesson.id}/fields/launch"
    assert _post(client, url, "Read it.").status_code == 200
    again = _post(client, url, "Read it.")  # same base: the answer was lost, the browser retries
    assert again.status_code == 200
    count = db.session.scalar(
        db.select(db.func.count()).select_from(LessonChange).where(LessonChange.field == "launch")
    )
    assert count == 1


def test_the_same_field_saved_at_the_same_moment_one_wins_the_other_sees_the_conflict(
    app, client_as, lesson
):
    leader, teacher = client_as("leader"), client_as("teacher")
    url = f"/lessons/{lesson.id}/fields/discuss"
    for round_ in range(3):  # several rounds: each is a race that may or may not collide
        db.session.refresh(lesson)
        base = str(lesson.field_revision("discuss"))
        answers = at_the_same_moment(
            app,
            lambda r=round_, b=base: _post(leader, url, f"Leader plan {r}", base=b),
            lambda r=round_, b=base: _post(teacher, url, f"Teacher plan {r}", base=b),
        )
        assert sorted(a.status_code for a in answers) == [200, 409]
        won = next(a for a in answers if a.status_code == 200)
        lost = next(a for a in answers if a.status_code == 409)
        db.session.refresh(lesson)
        assert lesson.discuss in won.text and lesson.discuss in lost.text
