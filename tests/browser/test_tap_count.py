"""Journey: a teacher counts on a phone in a classroom whose wifi drops. Taps made offline are
kept on the phone (also across a reload), the screen says how many wait, and when the
connection returns each is counted exactly once on the server."""

import json
import re

import pytest
import sqlalchemy as sa
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from app.enactments.models import Tally, Tap, Unanticipated
from app.extensions import db
from tests.browser.conftest import PHONE, screenshot, sign_in, sign_out
from tests.enactments.tap_helpers import make_room
from tests.factories import PASSWORD, make_world

pytestmark = pytest.mark.browser

NEW = "Counted on by quarters"


@pytest.fixture
def phone(browser, live_server):
    context = browser.new_context(
        base_url=live_server, viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2
    )
    context.set_default_timeout(5_000)
    yield context
    context.close()


@pytest.fixture
def room():
    world = make_world()
    enactment, responses = make_room(world.team, world.teacher)
    return world, enactment, responses


def open_count(page: Page, world, enactment) -> None:
    sign_in(page, world.teacher.email, PASSWORD)
    expect(page.get_by_role("link", name="Dashboard", exact=True)).to_be_visible()
    page.goto(f"/enactments/{enactment.id}/count")
    expect(page.get_by_role("heading", name=re.compile("Count by tapping"))).to_be_visible()


def target(page: Page, name: str):
    escaped = re.escape(name).replace("/", r"\/")  # Playwright hands the pattern to JavaScript
    return page.get_by_role("button", name=re.compile(rf"^{escaped}, \d+ students?$"))


def status(page: Page):
    return page.get_by_role("status").filter(has_text=re.compile("tap|saved|Offline"))


def server_counts(enactment) -> dict[str, int]:
    db.session.expire_all()
    rows = db.session.execute(
        sa.select(Tally, Unanticipated.name)
        .outerjoin(Unanticipated, Unanticipated.id == Tally.unanticipated_id)
        .where(Tally.enactment_id == enactment.id)
    ).all()
    return {(tally.response.name if tally.response else name): tally.count for tally, name in rows}


def waiting_on_the_phone(page: Page, world, enactment) -> list[dict]:
    stored = page.evaluate(
        "key => window.localStorage.getItem(key)", f"tandem.taps.{world.teacher.id}.{enactment.id}"
    )
    return json.loads(stored)["queue"] if stored else []


def test_taps_made_offline_are_kept_and_counted_exactly_once(phone, room):
    world, enactment, _ = room
    errors: list[str] = []
    page = phone.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    open_count(page, world, enactment)
    screenshot(page, "tap-count-phone-top", full_page=False)

    target(page, "Halves then quarters").tap()
    expect(page.get_by_role("button", name="Halves then quarters, 1 student")).to_be_visible()
    target(page, "Each gets 3/4").tap()
    target(page, "Each gets 3/4").tap()
    expect(page.get_by_role("button", name="Each gets 3/4, 2 students")).to_be_visible()
    page.get_by_role("button", name="Undo last tap (Each gets 3/4)").tap()
    expect(page.get_by_role("button", name="Each gets 3/4, 1 student")).to_be_visible()
    expect(status(page)).to_have_text("All taps saved.")
    screenshot(page, "tap-count-phone-online", full_page=False)

    phone.set_offline(True)
    target(page, "Halves then quarters").tap()
    target(page, "Halves then quarters").tap()
    target(page, "Cuts each brownie into 4").tap()
    page.get_by_label("Something nobody anticipated").fill(NEW)
    page.get_by_role("button", name="Add", exact=True).tap()
    target(page, NEW).tap()
    target(page, NEW).tap()
    expect(status(page)).to_have_text(
        "Offline — 5 taps and 1 new response waiting; they'll be sent when the connection returns."
    )
    expect(page.get_by_role("button", name="Halves then quarters, 3 students")).to_be_visible()
    expect(page.get_by_role("button", name=f"{NEW}, 2 students")).to_be_visible()
    assert len(waiting_on_the_phone(page, world, enactment)) == 6
    screenshot(page, "tap-count-phone-offline", full_page=False)
    assert server_counts(enactment) == {"Halves then quarters": 1, "Each gets 3/4": 1}

    # The wifi is back but Tandem is still out of reach: a reload keeps every waiting tap.
    page.route(re.compile(r".*/(taps|unanticipated)$"), lambda route: route.abort())
    phone.set_offline(False)
    page.reload()
    expect(page.get_by_role("button", name="Halves then quarters, 3 students")).to_be_visible()
    expect(page.get_by_role("button", name=f"{NEW}, 2 students")).to_be_visible()
    expect(status(page)).to_contain_text("5 taps and 1 new response waiting")
    assert len(waiting_on_the_phone(page, world, enactment)) == 6

    page.unroute(re.compile(r".*/(taps|unanticipated)$"))
    expect(status(page)).to_have_text("All taps saved.", timeout=15_000)
    screenshot(page, "tap-count-phone-saved", full_page=False)
    assert waiting_on_the_phone(page, world, enactment) == []
    assert server_counts(enactment) == {
        "Halves then quarters": 3,
        "Each gets 3/4": 1,
        "Cuts each brownie into 4": 1,
        NEW: 2,
    }
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Tap)) == 9
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Unanticipated)) == 1
    page.reload()  # what the server has, drawn afresh
    expect(page.get_by_role("button", name="Halves then quarters, 3 students")).to_be_visible()
    expect(page.get_by_role("button", name=f"{NEW}, 2 students")).to_be_visible()
    assert errors == []


def test_a_tap_whose_answer_was_lost_is_sent_again_and_counted_once(phone, room):
    world, enactment, _ = room
    page = phone.new_page()
    open_count(page, world, enactment)
    sent = []

    def lose_the_first_answer(route):
        sent.append(route.request.post_data_json)
        answer = route.fetch()  # the server counts it...
        if len(sent) == 1:
            route.fulfill(status=502, body="Bad gateway")  # ...but the answer is lost
        else:
            route.fulfill(response=answer)

    page.route(re.compile(r".*/taps$"), lose_the_first_answer)
    target(page, "Each gets 3/4").tap()
    expect(page.get_by_role("button", name="Each gets 3/4, 1 student")).to_be_visible()
    expect(status(page)).to_have_text(
        "1 tap waiting: Tandem could not save it just now and will try again."
    )
    expect(status(page)).to_have_text("All taps saved.", timeout=10_000)
    assert len(sent) == 2 and sent[0] == sent[1], "the retry is the same tap, with its key"
    assert server_counts(enactment) == {"Each gets 3/4": 1}


def test_signing_out_with_taps_waiting_asks_first_and_keeps_them(phone, room):
    world, enactment, _ = room
    page = phone.new_page()
    open_count(page, world, enactment)
    page.route(re.compile(r".*/taps$"), lambda route: route.abort())
    target(page, "Halves then quarters").tap()
    expect(status(page)).to_contain_text("1 tap waiting")
    questions = []
    page.once("dialog", lambda dialog: (questions.append(dialog.message), dialog.dismiss()))
    page.locator("summary").filter(has_text=world.teacher.name).tap()
    page.get_by_role("button", name="Sign out").tap()
    expect(page.get_by_role("heading", name=re.compile("Count by tapping"))).to_be_visible()
    assert questions and "1 tap has not been sent yet" in questions[0]
    assert len(waiting_on_the_phone(page, world, enactment)) == 1


def test_the_count_page_passes_axe(phone, room):
    world, enactment, _ = room
    page = phone.new_page()
    open_count(page, world, enactment)
    page.get_by_label("Something nobody anticipated").fill(NEW)
    page.get_by_role("button", name="Add", exact=True).tap()
    expect(status(page)).to_have_text("All taps saved.")
    results = Axe().run(page).response
    assert results["passes"]
    assert results["violations"] == [], [v["id"] for v in results["violations"]]


def test_on_a_tablet_the_responses_stand_in_two_columns(browser, live_server, room):
    world, enactment, _ = room
    tablet = browser.new_context(
        base_url=live_server,
        viewport={"width": 820, "height": 1180},
        is_mobile=True,
        has_touch=True,
    )
    try:
        page = tablet.new_page()
        open_count(page, world, enactment)
        first = target(page, "Halves then quarters").bounding_box()
        second = target(page, "Each gets 3/4").bounding_box()
        assert first["y"] == second["y"] and first["x"] < second["x"]
        assert first["height"] >= 72 and first["width"] >= 300  # a target for a thumb
        screenshot(page, "tap-count-tablet", full_page=False)
    finally:
        tablet.close()


def test_a_tap_made_after_the_session_ended_is_kept_until_signed_in_again(phone, room):
    """Signed out in another tab (or the session ended): the tap is not lost to the sign-in
    page; the phone keeps it and sends it once the teacher is back."""
    world, enactment, _ = room
    page = phone.new_page()
    open_count(page, world, enactment)
    other_tab = phone.new_page()
    other_tab.goto("/")
    sign_out(other_tab, world.teacher.name)

    target(page, "Cuts each brownie into 4").tap()
    expect(status(page)).to_contain_text("1 tap kept on this device")
    expect(page.get_by_role("button", name="Cuts each brownie into 4, 1 student")).to_be_visible()
    assert server_counts(enactment) == {}

    page.reload()  # the sign-in page, then back to counting
    page.get_by_label("Email").fill(world.teacher.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").tap()
    expect(status(page)).to_have_text("All taps saved.")
    assert server_counts(enactment) == {"Cuts each brownie into 4": 1}


def test_the_page_counts_once_per_tap_after_boosted_visits(phone, room):
    """Opened through htmx's boosted links (its scripts arriving with the swap) and again
    through history, the page's script starts once for the page on screen: a tap is one tap,
    not one per visit."""
    world, enactment, _ = room
    page = phone.new_page()
    sign_in(page, world.teacher.email, PASSWORD)
    expect(page.get_by_role("link", name="Dashboard", exact=True)).to_be_visible()
    page.goto(f"/cycles/{enactment.cycle_id}")
    # The record page's link (enactments/_modes.html), put on the cycle page for this test.
    page.evaluate(
        """(href) => {
            const link = document.createElement("a");
            link.href = href;
            link.textContent = "Count by tapping";
            document.querySelector("main").prepend(link);
            htmx.process(link);
        }""",
        f"/enactments/{enactment.id}/count",
    )
    page.get_by_role("link", name="Count by tapping").tap()
    for visit in (1, 2, 3):
        target(page, "Each gets 3/4").tap()
        students = "1 student" if visit == 1 else f"{visit} students"
        expect(page.get_by_role("button", name=f"Each gets 3/4, {students}")).to_be_visible()
        expect(status(page)).to_have_text("All taps saved.")
        page.get_by_role("link", name=enactment.cycle.title).tap()
        expect(page.get_by_role("heading", name=re.compile("Count by tapping"))).to_have_count(0)
        page.go_back()
    assert server_counts(enactment) == {"Each gets 3/4": 3}
    loaded = "(name) => performance.getEntriesByType('resource')"
    loaded += ".filter(e => e.name.endsWith(name)).length"
    assert page.evaluate(loaded, "/js/tap-count.js") == 1


def test_a_tap_the_server_refuses_is_said_and_let_go_and_the_rest_are_sent(phone, room):
    """A waiting tap on a response that is not on this lesson's chart any more (a 422) is
    named on the screen and dropped; it does not hold back the taps behind it."""
    world, enactment, (response, *_) = room
    _, (elsewhere, *_) = make_room(world.team, world.teacher, "Another cycle")
    page = phone.new_page()
    open_count(page, world, enactment)
    waiting = {
        "queue": [
            {"type": "tap", "key": "refused-tap-000001", "by": 1, "response": elsewhere.id},
            {"type": "tap", "key": "kept-tap-000000001", "by": 1, "response": response.id},
        ],
        "undo": [f"r:{response.id}", f"r:{elsewhere.id}"],
    }
    page.evaluate(
        "([key, value]) => window.localStorage.setItem(key, value)",
        [f"tandem.taps.{world.teacher.id}.{enactment.id}", json.dumps(waiting)],
    )
    page.reload()
    expect(page.get_by_role("alert")).to_have_text(
        "A tap was not saved: That response is not on this lesson's chart."
    )
    expect(status(page)).to_have_text("All taps saved.")
    expect(page.get_by_role("button", name="Halves then quarters, 1 student")).to_be_visible()
    # Undo takes back the tap that counted, not the refused one.
    expect(page.get_by_role("button", name="Undo last tap (Halves then quarters)")).to_be_enabled()
    assert waiting_on_the_phone(page, world, enactment) == []
    assert server_counts(enactment) == {"Halves then quarters": 1}
