import pytest
from playwright.sync_api import Page, expect

from app.demo.seed import DEMO_PASSWORD
from tests.browser.conftest import PHONE, screenshot, sign_in
from tests.demo_snapshot import seed_demo

pytestmark = pytest.mark.browser

TEAM = "Grade 6 Ratio Team"
PERSON = "Marcus Bell"


def test_admin_builds_a_team_and_manages_a_member(page: Page, new_context, live_server):
    seed_demo()
    sign_in(page, "admin@demo.test", DEMO_PASSWORD)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Administration").click()
    page.get_by_role("navigation", name="Administration").get_by_role("link", name="Teams").click()
    expect(page.get_by_role("heading", name="Teams", level=1)).to_be_visible()
    page.get_by_role("link", name="New team").click()

    page.get_by_role("button", name="Create team").click()
    expect(page.get_by_label("Team name")).to_have_accessible_description(
        "For example: Grade 4 Math Team Give the team a name."
    )
    page.get_by_label("Team name").fill(TEAM)
    page.get_by_label("Grade").select_option(label="Grade 6")
    page.get_by_label("About this team").fill("Ratios and rates across both schools.")
    page.get_by_role("button", name="Create team").click()
    expect(page.get_by_text(f"{TEAM} created. Now add its members.")).to_be_visible()
    expect(page.get_by_role("heading", name=TEAM, level=1)).to_be_visible()
    expect(page.get_by_text("No members yet.")).to_be_visible()

    page.get_by_role("searchbox", name="Find a person by name or email").fill("teacher2@demo")
    page.get_by_role("button", name="Search").click()
    page.get_by_label("Role on this team").select_option(label="Teacher")
    page.get_by_role("button", name=f"Add {PERSON}").click()
    expect(page.get_by_text(f"{PERSON} joined {TEAM}.")).to_be_visible()
    members = page.get_by_role("region", name="Members")
    expect(members.get_by_role("row")).to_have_count(2)
    role = page.get_by_label(f"Role of {PERSON}")
    expect(role).to_have_value("teacher")

    role.select_option(label="Teacher leader")
    page.get_by_role("button", name=f"Change role of {PERSON}").click()
    expect(page.get_by_text(f"{PERSON} is now teacher leader.")).to_be_visible()
    expect(page.get_by_label(f"Role of {PERSON}")).to_have_value("teacher_leader")
    screenshot(page, "admin-team-edit")
    phone = new_context(viewport=PHONE).new_page()
    sign_in(phone, "admin@demo.test", DEMO_PASSWORD)
    expect(phone.get_by_role("heading", name="My teams")).to_be_visible()
    phone.goto(page.url)
    expect(phone.get_by_label(f"Role of {PERSON}")).to_be_visible()
    screenshot(phone, "admin-team-edit-phone")

    page.get_by_role("link", name="View team page").click()
    expect(page.get_by_role("heading", name=TEAM, level=1)).to_be_visible()
    expect(
        page.get_by_role("row", name=f"{PERSON} Teacher leader Riverbend Elementary")
    ).to_be_visible()
    page.get_by_role("link", name="Manage members").click()

    page.get_by_role("button", name=f"Remove {PERSON}").click()
    expect(page.get_by_text(f"{PERSON} left the team.")).to_be_visible()
    expect(page.get_by_label(f"Role of {PERSON}")).to_have_count(0)
    expect(page.get_by_text("No members yet.")).to_be_visible()
    page.get_by_role("searchbox", name="Find a person by name or email").fill("marcus")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("button", name=f"Add {PERSON}")).to_be_visible()
