"""A member opens one of the demo's past cycles from the team page and follows the link to
its PDF summary."""

import pytest
import sqlalchemy as sa
from playwright.sync_api import expect

from app.cycles.models import Cycle, CycleStage
from app.demo.seed import DEMO_PASSWORD, demo_team
from app.extensions import db
from tests.browser.conftest import screenshot, sign_in
from tests.demo_snapshot import seed_demo

pytestmark = pytest.mark.browser


def test_a_member_opens_a_past_cycle_and_its_pdf_summary(new_context):
    seed_demo()
    team, people = demo_team()
    past = db.session.scalar(
        sa.select(Cycle)
        .where(Cycle.team_id == team.id, Cycle.stage == CycleStage.done)
        .order_by(Cycle.starts_on.desc())
        .limit(1)
    )
    assert past.shared_task_id is not None

    page = new_context().new_page()
    sign_in(page, people["teacher1"].email, DEMO_PASSWORD)
    expect(page.get_by_role("navigation", name="Main")).to_be_visible()
    page.goto(f"/teams/{team.id}")
    page.get_by_role("link", name=past.title).first.click()
    expect(page.get_by_role("heading", name=past.title, level=1)).to_be_visible()
    screenshot(page, "cycle-past-with-summary-link", full_page=False)

    with page.expect_response(lambda r: "/summary.pdf" in r.url, timeout=30_000) as opened:
        page.get_by_role("link", name="Download the summary (PDF)").click(timeout=30_000)
    pdf = opened.value
    assert pdf.status == 200 and pdf.headers["content-type"] == "application/pdf"
    assert f"cycle-{past.id}-summary.pdf" in pdf.headers["content-disposition"]
    assert page.request.get(pdf.url, timeout=30_000).body().startswith(b"%PDF-")
