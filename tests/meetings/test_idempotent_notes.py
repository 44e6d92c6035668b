"""A note sent again with the same idempotency key (a retry after a lost answer) is saved once."""

from datetime import timedelta

import pytest
import sqlalchemy as sa

from app import idempotency
from app.extensions import db
from app.idempotency import IdempotencyKey
from app.meetings.models import Contribution
from app.timeutil import utcnow
from tests.meetings.helpers import HTMX, at_the_same_moment, count, text

KEY = "k" * 16 + "-retry_1"


def add(client, meeting_id: int, body: str = "Try a number line", key: str | None = KEY, **extra):
    form = {"kind": "note", "body": body, "owner_id": "", "due_on": "", **extra}
    if key is not None:
        form["idempotency_key"] = key
    return client.post(f"/meetings/{meeting_id}/run/contributions", data=form, headers=HTMX)


def bodies() -> list[str]:
    db.session.expire_all()
    return list(db.session.scalars(sa.select(Contribution.body).order_by(Contribution.id)))


def test_the_form_carries_a_fresh_key_each_time_it_is_drawn(client_as, running_meeting):
    teacher = client_as("teacher")
    page = text(teacher.get(f"/meetings/{running_meeting.id}/run"))
    answer = text(add(teacher, running_meeting.id))
    first = page.split('name="idempotency_key" value="')[1].split('"')[0]
    second = answer.split('name="idempotency_key" value="')[1].split('"')[0]
    assert len(first) >= 16 and first != second
    assert idempotency.key_from({"idempotency_key": first}) == first


def test_a_note_sent_twice_with_one_key_is_saved_once_and_both_answers_agree(
    client_as, running_meeting
):
    teacher = client_as("teacher")
    first, again = add(teacher, running_meeting.id), add(teacher, running_meeting.id)

    assert first.status_code == again.status_code == 200
    assert first.headers["HX-Trigger"] == again.headers["HX-Trigger"] == "contributions-changed"
    assert "Try a number line" not in text(again)  # the box is empty after both answers
    assert bodies() == ["Try a number line"]
    (key,) = db.session.scalars(sa.select(IdempotencyKey))
    assert key.object_id == db.session.scalar(sa.select(Contribution.id))


def test_a_replay_without_htmx_redirects_like_the_first_post(client_as, running_meeting):
    teacher = client_as("teacher")
    form = {"kind": "note", "body": "Plain form", "idempotency_key": KEY}
    url = f"/meetings/{running_meeting.id}/run/contributions"
    answers = [teacher.post(url, data=form), teacher.post(url, data=form)]
    assert [a.status_code for a in answers] == [302, 302]
    assert bodies() == ["Plain form"]


def test_the_same_key_at_the_same_moment_saves_one_note(app, client_as, running_meeting):
    teacher, meeting_id = client_as("teacher"), running_meeting.id

    answers = at_the_same_moment(
        app, lambda: add(teacher, meeting_id), lambda: add(teacher, meeting_id)
    )

    assert [a.status_code for a in answers] == [200, 200]
    assert bodies() == ["Try a number line"]
    assert count(IdempotencyKey) == 1


def test_another_persons_key_never_matches(client_as, running_meeting):
    add(client_as("teacher"), running_meeting.id, body="Teacher's")
    add(client_as("leader"), running_meeting.id, body="Leader's")
    assert bodies() == ["Teacher's", "Leader's"]


def test_new_keys_save_new_notes_and_no_key_behaves_as_before(client_as, running_meeting):
    teacher = client_as("teacher")
    add(teacher, running_meeting.id, key="a" * 20)
    add(teacher, running_meeting.id, key="b" * 20)
    add(teacher, running_meeting.id, key=None)
    add(teacher, running_meeting.id, key=None)
    assert len(bodies()) == 4
    assert count(IdempotencyKey) == 2


@pytest.mark.parametrize(
    "garbled", ["", "short", "x" * 65, "\x00" * 20, "ключ" * 5, "a" * 19 + " ", "²" * 20]
)
def test_a_malformed_key_is_ignored_never_a_500(client_as, running_meeting, garbled):
    teacher = client_as("teacher")
    assert add(teacher, running_meeting.id, key=garbled).status_code == 200
    assert add(teacher, running_meeting.id, key=garbled).status_code == 200
    assert len(bodies()) == 2
    assert count(IdempotencyKey) == 0


def test_a_note_refused_as_invalid_keeps_its_key_unused(client_as, running_meeting):
    teacher = client_as("teacher")
    assert add(teacher, running_meeting.id, body="   ").status_code == 422
    assert add(teacher, running_meeting.id, body="Now with words").status_code == 200
    assert bodies() == ["Now with words"]


def test_keys_older_than_a_day_are_purged(client_as, team_world, running_meeting):
    add(client_as("teacher"), running_meeting.id)
    db.session.add(
        IdempotencyKey(
            user_id=team_world.leader.id,
            endpoint="run.add_contribution",
            key="o" * 20,
            created_at=utcnow() - timedelta(days=2),
        )
    )
    db.session.commit()
    assert idempotency.purge() == 1
    assert [k.key for k in db.session.scalars(sa.select(IdempotencyKey))] == [KEY]


def test_a_retry_after_the_meeting_ended_is_answered_as_saved(client_as, running_meeting):
    teacher, mentor = client_as("teacher"), client_as("mentor")
    add(teacher, running_meeting.id, body="Said just before the end")
    ended = mentor.post(f"/meetings/{running_meeting.id}/run/end", data={"run_version": "0"})
    assert ended.status_code == 302

    retry = add(teacher, running_meeting.id, body="Said just before the end")
    assert retry.status_code == 200
    assert retry.headers["HX-Trigger"] == "contributions-changed"
    assert bodies() == ["Said just before the end"]
    assert add(teacher, running_meeting.id, body="Too late", key="n" * 20).status_code == 422
