import re

import pytest
from playwright.sync_api import Page, expect

from app.demo.seed import DEMO_PASSWORD
from tests.browser.conftest import screenshot, sign_in, sign_out
from tests.demo_snapshot import seed_demo

pytestmark = pytest.mark.browser

NEW_PASSWORD = "fractions on a number line"


def invite_link_for(page: Page, email: str, name: str) -> str:
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Administration").click()
    expect(page.get_by_role("heading", name="People", level=1)).to_be_visible()
    page.get_by_role("link", name="Invite a person").click()
    expect(page.get_by_role("heading", name="Invite a person")).to_be_visible()
    page.get_by_label("Their email").fill(email)
    page.get_by_label("Their name").fill(name)
    page.get_by_label("School", exact=True).select_option(label="Riverbend Elementary")
    page.get_by_role("button", name="Create invitation link").click()
    expect(page.get_by_role("heading", name=f"Invitation for {email}")).to_be_visible()
    link = page.get_by_label("Invitation link")
    expect(link).to_have_attribute("readonly", "")
    return link.input_value()


def test_invited_teacher_joins_through_the_link_once(page: Page, new_context, live_server):
    seed_demo()
    sign_in(page, "admin@demo.test", DEMO_PASSWORD)
    link = invite_link_for(page, "rosa.park@riverbend.example", "Rosa Park")
    assert re.fullmatch(rf"{re.escape(live_server)}/invites/[\w.-]+", link)
    page.get_by_role("button", name="Copy link").click()
    expect(page.get_by_role("status")).to_have_text("Copied. Paste it into an email or message.")
    screenshot(page, "invite-link")
    sign_out(page, "Dana Whitfield")

    newcomer = new_context().new_page()
    newcomer.goto(link)
    expect(newcomer.get_by_role("heading", name="Join Tandem")).to_be_visible()
    expect(newcomer.get_by_text("rosa.park@riverbend.example")).to_be_visible()
    expect(newcomer.get_by_label("Your full name")).to_have_value("Rosa Park")
    newcomer.get_by_label("Your full name").fill("Rosa Parkinson")
    newcomer.get_by_label("Choose a password").fill(NEW_PASSWORD)
    newcomer.get_by_label("Repeat the password").fill("a different sentence")
    newcomer.get_by_role("button", name="Create my account").click()
    expect(newcomer.get_by_label("Repeat the password")).to_have_accessible_description(
        "The two passwords do not match."
    )

    newcomer.get_by_label("Choose a password").fill(NEW_PASSWORD)
    newcomer.get_by_label("Repeat the password").fill(NEW_PASSWORD)
    newcomer.get_by_role("button", name="Create my account").click()
    expect(newcomer).to_have_url(f"{live_server}/")
    expect(newcomer.get_by_text("Welcome to Tandem, Rosa.")).to_be_visible()
    expect(newcomer.get_by_role("heading", name="Good to see you, Rosa")).to_be_visible()
    expect(newcomer.get_by_role("heading", name="My teams")).to_be_visible()
    expect(newcomer.locator("summary").filter(has_text="Rosa Parkinson")).to_be_visible()

    newcomer.goto(link)
    expect(newcomer.get_by_role("heading", name="This invitation has been used")).to_be_visible()
    expect(newcomer.get_by_role("button", name="Create my account")).to_have_count(0)

    stranger = new_context().new_page()
    stranger.goto(link)
    expect(stranger.get_by_role("heading", name="This invitation has been used")).to_be_visible()
    stranger.get_by_role("link", name="Sign in").click()
    sign_in(stranger, "rosa.park@riverbend.example", NEW_PASSWORD)
    expect(stranger.get_by_role("heading", name="Good to see you, Rosa")).to_be_visible()
