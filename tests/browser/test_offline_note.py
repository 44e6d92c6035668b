"""Journey (c): a phone loses its connection, notes typed meanwhile are kept, said to be waiting,
and sent once each, in order, when the connection returns."""

import re
from urllib.parse import parse_qs

import pytest
import sqlalchemy as sa
from playwright.sync_api import Page, expect

from app.demo.seed import DEMO_PASSWORD
from app.extensions import db
from app.meetings.models import Contribution
from tests.browser.conftest import PHONE, screenshot, sign_in
from tests.demo_snapshot import seed_demo

pytestmark = pytest.mark.browser

UPCOMING = "Cycle 3 debrief: Fraction Pairs across our classrooms"
# While offline the browser and htmx report each failed request on the console.
OFFLINE_ERRORS = re.compile(
    r"ERR_INTERNET_DISCONNECTED|htmx:sseError|htmx:sendError|htmx:afterRequest|^\[object Event\]"
)


def open_run_view(page: Page, email: str) -> None:
    sign_in(page, email, DEMO_PASSWORD)
    page.get_by_role("link", name=UPCOMING, exact=True).click()
    page.get_by_role(
        "link", name=re.compile("Open the run view|Join the live meeting|Presenter console")
    ).click()
    expect(page.get_by_role("region", name="Notes, questions and decisions")).to_be_visible()


def notes_of(page: Page):
    return page.get_by_role("region", name="Notes, questions and decisions")


def type_note(page: Page, body: str) -> None:
    page.get_by_label("What to add").fill(body)
    page.get_by_role("button", name="Add", exact=True).click()


def saved(body: str) -> int:
    db.session.expire_all()
    return db.session.scalar(
        sa.select(sa.func.count()).select_from(Contribution).where(Contribution.body == body)
    )


def test_notes_typed_offline_are_kept_then_sent_once_in_order(new_context):
    seed_demo()
    errors: list[str] = []
    leader_context, phone_context = new_context(), new_context(viewport=PHONE)
    for context in (leader_context, phone_context):
        context.on("weberror", lambda error: errors.append(str(error.error)))
        context.on(
            "console",
            lambda m: (
                errors.append(f"{m.text} {m.location}")
                if m.type == "error" and not OFFLINE_ERRORS.search(m.text)
                else None
            ),
        )
    leader, phone = leader_context.new_page(), phone_context.new_page()
    open_run_view(leader, "leader@demo.test")
    leader.get_by_role("button", name="Start the meeting").click()
    open_run_view(phone, "teacher1@demo.test")

    phone.context.set_offline(True)
    first = "Two classrooms saw the benchmark strategy first."
    second = "Ask Sofia to share her area model next time."
    type_note(phone, first)
    status = phone.locator("#contribution-form").get_by_role("status")
    expect(status).to_contain_text("Your note was not sent: no connection.")
    expect(phone.get_by_label("What to add")).to_have_value(first)
    type_note(phone, second)
    phone.get_by_role("button", name="Add", exact=True).click()  # an impatient second tap
    expect(status).to_contain_text("2 notes were not sent")
    expect(phone.get_by_label("What to add")).to_have_value(second)
    phone.wait_for_timeout(1_500)  # a retry or two while still offline
    screenshot(phone, "offline-note-waiting", full_page=False)
    assert saved(first) == saved(second) == 0

    phone.context.set_offline(False)
    for page in (leader, phone):
        expect(notes_of(page).get_by_text(first, exact=True)).to_have_count(1)
        expect(notes_of(page).get_by_text(second, exact=True)).to_have_count(1)
    expect(phone.get_by_label("What to add")).to_have_value("")
    expect(status).to_have_text("")
    leader.wait_for_timeout(1_000)
    screenshot(phone, "offline-note-sent", full_page=False)
    assert saved(first) == saved(second) == 1
    in_order = db.session.scalars(sa.select(Contribution.body).order_by(Contribution.id)).all()
    assert in_order.index(first) < in_order.index(second)
    assert errors == []


def test_a_note_whose_answer_was_lost_is_sent_again_and_saved_once(new_context):
    """The server saved the note but the phone got a 502 from the proxy: the retry carries the
    same key, so the note is not saved twice."""
    seed_demo()
    phone = new_context(viewport=PHONE).new_page()
    open_run_view(phone, "leader@demo.test")
    phone.get_by_role("button", name="Start the meeting").click()
    posts = []

    def lose_the_first_answer(route):
        if route.request.method != "POST":
            route.continue_()
            return
        posts.append(route.request.post_data)
        answer = route.fetch()  # the server handles it...
        if len(posts) == 1:
            route.fulfill(status=502, body="Bad gateway")  # ...but the answer is lost
        else:
            route.fulfill(response=answer)

    phone.route(re.compile(r".*/run/contributions$"), lose_the_first_answer)
    body = "Let us compare the two benchmark strategies."
    type_note(phone, body)
    expect(notes_of(phone).get_by_text(body, exact=True)).to_have_count(1)
    expect(phone.get_by_label("What to add")).to_have_value("")
    first_try, retry = (parse_qs(post) for post in posts)
    assert first_try == retry, "the retry is the same request, with the same key"
    assert first_try["idempotency_key"]
    assert saved(body) == 1


def test_a_move_tapped_again_after_a_lost_answer_is_logged_once(new_context):
    seed_demo()
    mentor = new_context(viewport=PHONE).new_page()
    open_run_view(mentor, "mentor@demo.test")
    mentor.get_by_role("button", name="Start the meeting").click()
    expect(mentor.get_by_role("timer")).to_be_visible()
    mentor.goto(re.sub(r"/run(/console)?$", "/moves", mentor.url))
    structuring = mentor.get_by_role("row", name=re.compile("^Structuring")).get_by_role("cell")
    expect(structuring).to_have_text(["0", "0", "0"])
    answers = []

    def lose_the_first_answer(route):
        answer = route.fetch()
        answers.append(answer.status)
        route.fulfill(status=502, body="Bad gateway") if len(answers) == 1 else route.fulfill(
            response=answer
        )

    mentor.route(re.compile(r".*/moves$"), lose_the_first_answer)
    mentor.get_by_role("button", name="Structuring").click()
    expect(mentor.get_by_text("Bad gateway")).to_be_visible()
    mentor.get_by_role("button", name="Structuring").click()  # the same tap again
    expect(structuring).to_have_text(["0", "1", "0"])
    mentor.get_by_role("button", name="Structuring").click()  # a new tap: a new move
    expect(structuring).to_have_text(["0", "2", "0"])
    mentor.get_by_role("button", name="Eliciting").click()
    eliciting = mentor.get_by_role("row", name=re.compile("^Eliciting")).get_by_role("cell")
    expect(eliciting).to_have_text(["0", "1", "0"])
    assert answers[:2] == [200, 200]
