"""Two teacher leaders on the demo team: the mentor nudges the one they choose; the second
leader's mentoring loop page shows only their own loop."""

import pytest
import sqlalchemy as sa
from playwright.sync_api import expect

from app.auth.models import User
from app.demo.seed import DEMO_PASSWORD
from app.extensions import db
from app.meetings.models import Meeting
from app.teams.models import Membership, Role
from tests.browser.conftest import screenshot, sign_in
from tests.demo_snapshot import seed_demo

pytestmark = pytest.mark.browser

UPCOMING = "Cycle 3 debrief: Fraction Pairs across our classrooms"


def signed_in(page, email: str) -> None:
    sign_in(page, email, DEMO_PASSWORD)
    expect(page.get_by_role("heading", name="My teams")).to_be_visible()


def person(email: str) -> User:
    return db.session.scalar(sa.select(User).where(User.email == email))


def make_sofia_a_second_leader() -> User:
    sofia = person("teacher3@demo.test")
    membership = db.session.scalar(sa.select(Membership).where(Membership.user_id == sofia.id))
    membership.role = Role.teacher_leader
    db.session.commit()
    return sofia


def test_a_mentor_nudges_the_leader_they_choose_and_leaders_see_only_their_own_loop(
    new_context, live_server
):
    seed_demo()
    sofia = make_sofia_a_second_leader()
    jordan = person("leader@demo.test")
    meeting = db.session.scalar(sa.select(Meeting).where(Meeting.title == UPCOMING))

    mentor = new_context().new_page()
    signed_in(mentor, "mentor@demo.test")
    mentor.goto(f"/meetings/{meeting.id}/moves")
    box = mentor.get_by_role("region", name="Nudge a teacher leader")
    to = box.get_by_role("group", name="To")
    expect(to.get_by_role("radio")).to_have_count(2)
    to.get_by_role("radio", name="Sofia Alvarez").check()
    box.get_by_label("Nudge to the leader").fill("Invite the quiet table to share first.")
    box.get_by_role("button", name="Send nudge").click()
    sent = mentor.get_by_role("region", name="Nudge a teacher leader")
    expect(sent).to_contain_text("Invite the quiet table to share first. · to Sofia")
    screenshot(mentor, "moves-nudge-two-leaders")

    leader = new_context().new_page()
    signed_in(leader, sofia.email)
    leader.goto(f"/meetings/{meeting.id}/mentoring")
    expect(
        leader.get_by_role("heading", name=f"Sofia Alvarez facilitates {UPCOMING}")
    ).to_be_visible()
    expect(leader.get_by_role("navigation", name="Teacher leaders")).to_have_count(0)
    expect(leader.get_by_text("Invite the quiet table to share first.")).to_be_visible()
    screenshot(leader, "mentoring-second-leader")

    answer = leader.goto(f"/meetings/{meeting.id}/mentoring?leader={jordan.id}")
    assert answer.status == 403
    leader.goto(f"/meetings/{meeting.id}/moves")
    expect(leader.get_by_role("button", name="Send nudge")).to_have_count(0)
