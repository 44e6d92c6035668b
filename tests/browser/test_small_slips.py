"""Small slips a team trips over: the mentoring loop's layout, the move logger after a nudge,
and the mentor seeing live when the leader has read a nudge."""

import re

import pytest
import sqlalchemy as sa
from playwright.sync_api import Page, expect

from app.auth.models import User
from app.demo.seed import DEMO_PASSWORD, TEAM_NAME
from app.extensions import db
from app.meetings.models import Meeting
from app.teams.models import Team
from tests.browser.conftest import DESKTOP, PHONE, screenshot, sign_in
from tests.demo_snapshot import seed_demo
from tests.factories import make_meeting, make_moves

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


def _running_meeting() -> Meeting:
    seed_demo()
    team = db.session.scalar(sa.select(Team).where(Team.name == TEAM_NAME))
    return make_meeting(
        team,
        segments=["Check-in and norms", "Share student work"],
        title="Cycle 4 planning",
        running=True,
    )


def test_sending_a_nudge_keeps_who_made_the_move(new_context):
    meeting = _running_meeting()
    mentor = signed_in(new_context(viewport=PHONE).new_page(), "mentor@demo.test")
    mentor.goto(f"/meetings/{meeting.id}/moves")
    mentor.get_by_role("radio", name="Participant").check()
    mentor.get_by_label("A few words (optional)").fill("Sofia connected it to last week")

    mentor.get_by_label("Nudge to the leader").fill(NUDGE)
    mentor.get_by_role("button", name="Send nudge").click()

    nudge_box = mentor.get_by_role("region", name="Nudge Jordan")
    expect(nudge_box).to_contain_text(f"{NUDGE} · not yet seen")
    expect(mentor.get_by_label("Nudge to the leader")).to_have_value("")
    expect(mentor.get_by_role("radio", name="Participant")).to_be_checked()
    expect(mentor.get_by_label("A few words (optional)")).to_have_value(
        "Sofia connected it to last week"
    )
    # The next tap is stamped with the person still chosen.
    mentor.get_by_role("button", name="Connecting").click()
    expect(mentor.get_by_text(re.compile(r"^Last logged:"))).to_have_text(
        "Last logged: Participant · Connecting “Sofia connected it to last week”"
    )
    screenshot(mentor, "move-logger-after-nudge")


def test_the_mentor_sees_seen_as_soon_as_the_leader_dismisses_the_nudge(new_context):
    meeting = _running_meeting()
    mentor = signed_in(new_context(viewport=PHONE).new_page(), "mentor@demo.test")
    mentor.goto(f"/meetings/{meeting.id}/moves")
    expect(mentor.get_by_role("status").filter(has_text="Now:")).to_be_visible()
    mentor.get_by_label("Nudge to the leader").fill(NUDGE)
    mentor.get_by_role("button", name="Send nudge").click()
    sent = mentor.get_by_role("region", name="Nudge Jordan").get_by_role("listitem")
    expect(sent).to_have_text(f"{NUDGE} · not yet seen")
    mentor.evaluate("window.notReloaded = true")

    leader = signed_in(new_context(viewport=DESKTOP).new_page(), "leader@demo.test")
    leader.goto(f"/meetings/{meeting.id}/run/console")
    nudges = leader.get_by_role("status", name="Private nudges for you")
    expect(nudges).to_contain_text(NUDGE)
    leader.get_by_role("button", name=re.compile("^Dismiss nudge")).click()
    expect(nudges).to_have_count(0)

    expect(sent).to_have_text(f"{NUDGE} · seen", timeout=2_000)
    assert mentor.evaluate("window.notReloaded") is True
    screenshot(mentor, "move-logger-nudge-seen")
