"""The mentor opens the demo leader's handoff (this school year), switches to an earlier school
year and to every year, and downloads the PDF of the year shown."""

from datetime import datetime

import pytest
import sqlalchemy as sa
from playwright.sync_api import expect

from app.auth.models import User
from app.demo.seed import DEMO_PASSWORD
from app.extensions import db
from app.schoolyear import SchoolYear
from app.teams.models import Membership, Role
from app.timeutil import local_now
from tests import factories
from tests.browser.conftest import PHONE, screenshot, sign_in
from tests.demo_snapshot import seed_demo

pytestmark = pytest.mark.browser


def person(email: str) -> User:
    return db.session.scalar(sa.select(User).where(User.email == email))


def test_mentor_switches_school_years_and_downloads_the_pdf(new_context):
    seed_demo()
    mentor, leader = person("mentor@demo.test"), person("leader@demo.test")
    team = db.session.scalar(
        sa.select(Membership).where(
            Membership.user_id == leader.id, Membership.role == Role.teacher_leader
        )
    ).team
    this = SchoolYear.of(local_now().date())
    before = SchoolYear(this.starts - 1)
    # 45 fortnightly sessions over the two school years before this one: "All years" then
    # holds more sessions than are drawn one by one.
    factories.make_handoff_history(
        team, mentor, leader, 45, first=datetime(this.starts - 2, 8, 20, 15, 30)
    )

    page = new_context().new_page()
    sign_in(page, mentor.email, DEMO_PASSWORD)
    expect(page.get_by_role("heading", name="My teams")).to_be_visible()
    page.goto(f"/teams/{team.id}/leaders/{leader.id}/handoff")
    expect(page.get_by_text(f"School year {this.label}")).to_be_visible()
    years = page.get_by_role("navigation", name="School years")
    expect(years.get_by_role("link")).to_have_text(
        [this.label, before.label, SchoolYear(this.starts - 2).label, "All years"]
    )
    expect(years.get_by_role("link", name=this.label)).to_have_attribute("aria-current", "page")
    expect(page.get_by_role("img", name="Who led the segment-minutes")).to_be_visible()
    expect(page.get_by_label("From", exact=True)).to_have_value(this.start.isoformat())
    screenshot(page, "handoff-this-year")

    years.get_by_role("link", name=before.label).click()
    expect(page.get_by_text(f"School year {before.label}")).to_be_visible()
    expect(years.get_by_role("link", name=before.label)).to_have_attribute("aria-current", "page")
    expect(page.get_by_label("From", exact=True)).to_have_value(before.start.isoformat())
    expect(page.get_by_label("To", exact=True)).to_have_value(before.end.isoformat())
    figures = page.get_by_role("table", name="Share of segment-minutes led, and the release step")
    expect(figures).to_contain_text("Shared task, cycle")
    screenshot(page, "handoff-earlier-year")

    # The PDF opens in the browser's viewer (it is served inline, with its file name).
    with page.expect_response(lambda r: "/handoff.pdf" in r.url, timeout=30_000) as opened:
        page.get_by_role("button", name="Download the PDF report").click(timeout=30_000)
    pdf = opened.value
    assert pdf.status == 200 and pdf.headers["content-type"] == "application/pdf"
    filename = f"handoff-{leader.id}-from-{before.start}-to-{before.end}.pdf"
    assert filename in pdf.headers["content-disposition"]
    assert page.request.get(pdf.url, timeout=30_000).body().startswith(b"%PDF-")
    page.wait_for_timeout(1_500)  # the viewer draws the first page
    screenshot(page, "handoff-earlier-year-pdf", full_page=False)
    page.go_back()
    years = page.get_by_role("navigation", name="School years")
    expect(years.get_by_role("link", name=before.label)).to_have_attribute("aria-current", "page")

    years.get_by_role("link", name="All years").click()
    expect(page.get_by_text("Every ended session")).to_be_visible()
    expect(page.get_by_role("heading", name="The figures, month by month")).to_be_visible()
    expect(page.get_by_role("img", name="Facilitation moves per session, averaged by month"))
    screenshot(page, "handoff-all-years")

    phone = new_context(viewport=PHONE).new_page()
    sign_in(phone, mentor.email, DEMO_PASSWORD)
    expect(phone.get_by_role("heading", name="My teams")).to_be_visible()
    phone.goto(f"/teams/{team.id}/leaders/{leader.id}/handoff")
    expect(phone.get_by_role("navigation", name="School years")).to_be_visible()
    screenshot(phone, "handoff-this-year-phone", full_page=False)
