"""Small slips a team trips over: the mentoring loop's layout, the move logger after a nudge,
and the mentor seeing live when the leader has read a nudge."""

import pytest
import sqlalchemy as sa
from playwright.sync_api import Page, expect

from app.auth.models import User
from app.demo.seed import DEMO_PASSWORD, seed_demo
from app.extensions import db
from app.meetings.models import Meeting
from tests.browser.conftest import screenshot, sign_in
from tests.factories import make_moves

pytestmark = pytest.mark.browser

ENDED = "Cycle 3 planning: select the shared task"
NUDGE = "Ask Marcus how he knew 2/5 is close to 1/2."


def signed_in(page: Page, email: str) -> Page:
    sign_in(page, email, DEMO_PASSWORD)
    expect(page.get_by_role("navigation", name="Main")).to_be_visible()
    return page


def box(page: Page, locator) -> dict:
    found = locator.bounding_box()
    assert found is not None
    return found


@pytest.mark.parametrize("width", [1280, 1150, 1024])
def test_mentoring_loop_moves_table_stays_inside_its_column(new_context, width):
    seed_demo()
    meeting = db.session.scalar(sa.select(Meeting).where(Meeting.title == ENDED))
    mentor = db.session.scalar(sa.select(User).where(User.email == "mentor@demo.test"))
    # Big counts widen the number columns, as a long session does.
    make_moves(meeting, mentor, {("mentor", "structuring"): 120, ("leader", "connecting"): 105})
    page = new_context(viewport={"width": width, "height": 800}).new_page()
    signed_in(page, "mentor@demo.test")
    page.goto(f"/meetings/{meeting.id}/mentoring")

    enact = page.locator("#enact")
    table = page.get_by_role("table", name="Facilitation moves by type and by person")
    expect(table).to_be_visible()
    # The table and each of its cells stay within the Enact card's content box.
    column = box(page, enact)
    padding = enact.evaluate("(card) => parseFloat(getComputedStyle(card).paddingRight)")
    right_edge = column["x"] + column["width"] - padding + 0.5
    assert box(page, table)["x"] >= column["x"]
    for cell in table.get_by_role("cell").all() + table.get_by_role("columnheader").all():
        assert box(page, cell)["x"] + box(page, cell)["width"] <= right_edge
    debrief = box(page, page.locator("#debrief"))
    if debrief["y"] < column["y"] + column["height"]:  # side by side
        assert right_edge < debrief["x"]
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    screenshot(page, f"mentoring-loop-{width}")
