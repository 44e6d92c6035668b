"""The run view draws the notes its live stream sends (app/meetings/run_push.py): a note added
on one phone shows on the other screens without their re-fetching it, each with that person's
own buttons, and those buttons work."""

import re

import pytest
from playwright.sync_api import Page, expect

from app.demo.seed import DEMO_PASSWORD
from tests.browser.conftest import PHONE, sign_in
from tests.browser.test_meeting_room import (
    NOTE,
    TITLES,
    UPCOMING,
    add_note,
    heading,
    notes_of,
    snap,
)
from tests.browser.test_move_logging import ConsoleErrors
from tests.demo_snapshot import seed_demo

pytestmark = pytest.mark.browser


@pytest.fixture
def console_errors():
    watch = ConsoleErrors()
    yield watch
    assert watch.errors == [], "console errors:\n" + "\n".join(watch.errors)


def join(page: Page, email: str) -> Page:
    sign_in(page, email, DEMO_PASSWORD)
    page.get_by_role("link", name=UPCOMING, exact=True).click()
    page.get_by_role("link", name="Join the live meeting").click()
    return page


def test_a_note_reaches_every_screen_in_the_stream_with_each_persons_own_buttons(
    new_context, console_errors
):
    seed_demo()
    leader = console_errors.watch(new_context()).new_page()
    sign_in(leader, "leader@demo.test", DEMO_PASSWORD)
    leader.get_by_role("link", name=UPCOMING, exact=True).click()
    leader.get_by_role("link", name="Presenter console").click()
    leader.get_by_role("button", name="Start the meeting").click()
    expect(heading(leader, TITLES[0])).to_be_visible()
    author = join(
        console_errors.watch(new_context(viewport=PHONE)).new_page(), "teacher1@demo.test"
    )
    other = join(console_errors.watch(new_context(viewport=PHONE)).new_page(), "teacher2@demo.test")
    expect(heading(other, TITLES[0])).to_be_visible()
    refetched = []
    for page in (leader, other):
        page.on(
            "request",
            lambda r: refetched.append(r.url) if r.url.endswith("/run/contributions") else None,
        )

    add_note(author, NOTE)

    remove = re.compile(r"^Remove note: Two classrooms")
    expect(notes_of(leader).get_by_text(NOTE)).to_be_visible(timeout=2_000)
    expect(notes_of(other).get_by_text(NOTE)).to_be_visible(timeout=2_000)
    assert refetched == [], "drawn from the stream, not re-fetched"
    # The leader presents and may remove anyone's note; another teacher may not remove hers.
    expect(notes_of(leader).get_by_role("button", name=remove)).to_be_visible()
    expect(notes_of(other).get_by_role("button", name=remove)).to_have_count(0)
    for page, name in ((other, "pushed-notes-phone"), (leader, "pushed-notes-console")):
        notes_of(page).get_by_text(NOTE).scroll_into_view_if_needed()
        snap(page, name)

    # The pushed Remove form works (its CSRF token too), and every screen follows.
    notes_of(leader).get_by_role("button", name=remove).click()
    expect(notes_of(other).get_by_text(NOTE)).to_have_count(0, timeout=2_000)
    # The author may remove her own note: she is offered Undo instead.
    expect(notes_of(author).get_by_role("button", name=remove)).to_have_count(0, timeout=2_000)
    expect(notes_of(author).get_by_role("button", name=re.compile("^Undo"))).to_be_visible()
    expect(leader.get_by_role("list", name="Removed just now")).to_be_visible()
    snap(leader, "pushed-notes-console-removed")
