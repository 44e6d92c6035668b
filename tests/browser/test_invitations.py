"""An administrator invites into a team with a role, one person or a CSV file of them."""

import re
import socket

import pytest
from playwright.sync_api import Page, expect

from app.demo.seed import DEMO_PASSWORD, TEAM_NAME
from tests.browser.conftest import PHONE, screenshot, sign_in
from tests.demo_snapshot import seed_demo

pytestmark = pytest.mark.browser

NEW_PASSWORD = "fractions on a number line"


def go_to_people(page: Page) -> None:
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Administration").click()
    expect(page.get_by_role("heading", name="People", level=1)).to_be_visible()


def accept(page: Page, link: str, name: str) -> None:
    page.goto(link)
    expect(page.get_by_role("heading", name="Join Tandem")).to_be_visible()
    page.get_by_label("Your full name").fill(name)
    page.get_by_label("Choose a password").fill(NEW_PASSWORD)
    page.get_by_label("Repeat the password").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Create my account").click()


def test_invited_teacher_leader_lands_on_the_team_page_as_a_member(
    page: Page, new_context, live_server
):
    seed_demo()
    sign_in(page, "admin@demo.test", DEMO_PASSWORD)
    go_to_people(page)
    page.get_by_role("link", name="Invite a person").click()
    page.get_by_label("Their email").fill("rosa.park@riverbend.example")
    page.get_by_label("Their name").fill("Rosa Park")
    page.get_by_label("School", exact=True).select_option(label="Riverbend Elementary")
    expect(page.get_by_label("Role on that team")).to_have_value("teacher")
    page.get_by_label("Team", exact=True).select_option(label=TEAM_NAME)
    page.get_by_label("Role on that team").select_option(label="Teacher leader")
    screenshot(page, "invite-form")
    page.get_by_role("button", name="Create invitation link").click()
    expect(
        page.get_by_role("heading", name="Invitation for rosa.park@riverbend.example")
    ).to_be_visible()
    expect(page.get_by_text(f"{TEAM_NAME}, as teacher leader")).to_be_visible()
    link = page.get_by_label("Invitation link").input_value()

    newcomer = new_context().new_page()
    newcomer.goto(link)
    expect(newcomer.get_by_text(f"to join {TEAM_NAME} as teacher leader")).to_be_visible()
    accept(newcomer, link, "Rosa Park")
    expect(newcomer.get_by_role("heading", name=TEAM_NAME, level=1)).to_be_visible()
    expect(newcomer.get_by_text("Welcome to Tandem, Rosa.")).to_be_visible()
    expect(
        newcomer.get_by_role("row", name="Rosa Park Teacher leader Riverbend Elementary")
    ).to_be_visible()

    again = new_context().new_page()
    again.goto(link)
    expect(again.get_by_role("heading", name="This invitation has been used")).to_be_visible()
    expect(again.get_by_role("link", name="Sign in")).to_be_visible()

    broken = new_context().new_page()
    broken.goto(link[:-6])
    heading = broken.get_by_role("heading", name="This invitation link is not complete")
    expect(heading).to_be_visible()
    expect(broken.get_by_text("ask your administrator for a new invitation")).to_be_visible()
    screenshot(broken, "invite-broken-link")


def test_bulk_invitations_report_a_bad_line_then_go_through_once_fixed(
    page: Page, new_context, live_server
):
    seed_demo()
    sign_in(page, "admin@demo.test", DEMO_PASSWORD)
    go_to_people(page)
    page.get_by_role("link", name="Invite from a CSV file").click()
    expect(page.get_by_role("heading", name="Invite many people from a CSV file")).to_be_visible()
    rows = [
        "email,name,school,team,role",
        f"li.chen@maple.example,Li Chen,Maple Street Elementary,{TEAM_NAME},teacher",
        "omar.haddad@maple.example,Omar Haddad,Maple Street Elementary,Grade 9 Team,mentor",
    ]
    upload = page.get_by_label("CSV file of the people to invite")
    upload.set_input_files(
        {"name": "people.csv", "mimeType": "text/csv", "buffer": "\n".join(rows).encode()}
    )
    page.get_by_role("button", name="Check and invite").click()
    expect(upload).to_have_accessible_description(
        "1 line has a problem, so nobody was invited. Fix the file and upload it again."
    )
    expect(
        page.get_by_text("Line 3: there is no team called “Grade 9 Team” in this district.")
    ).to_be_visible()
    screenshot(page, "invite-csv-errors")

    rows[2] = rows[2].replace("Grade 9 Team", TEAM_NAME)
    page.get_by_label("CSV file of the people to invite").set_input_files(
        {"name": "people.csv", "mimeType": "text/csv", "buffer": "\n".join(rows).encode()}
    )
    page.get_by_role("button", name="Check and invite").click()
    expect(page.get_by_role("heading", name="2 invitations made")).to_be_visible()
    screenshot(page, "invite-csv-done")
    link = page.get_by_label("Invitation link for omar.haddad@maple.example").input_value()
    page.get_by_role("link", name="Back to people").click()
    waiting = page.get_by_role("region", name="Invitations not yet accepted")
    expect(
        waiting.get_by_role("row", name=re.compile("omar.haddad@maple.example"))
    ).to_contain_text(f"{TEAM_NAME}, mentor")
    screenshot(page, "invite-people-list")

    newcomer = new_context(viewport=PHONE).new_page()
    accept(newcomer, link, "Omar Haddad")
    expect(newcomer.get_by_role("heading", name=TEAM_NAME, level=1)).to_be_visible()
    expect(
        newcomer.get_by_role("row", name="Omar Haddad Mentor Maple Street Elementary")
    ).to_be_visible()


def overflow(page: Page, selector: str) -> float:
    """How many pixels the widest element inside `selector` sticks out of its content box."""
    return page.eval_on_selector(
        selector,
        """(box) => {
            const style = getComputedStyle(box);
            const inner = box.getBoundingClientRect().right
                - parseFloat(style.paddingRight) - parseFloat(style.borderRightWidth);
            const rights = [...box.querySelectorAll('*')]
                .filter((e) => getComputedStyle(e).position !== 'absolute')
                .map((e) => e.getBoundingClientRect().right);
            return Math.max(0, ...rights.map((right) => right - inner));
        }""",
    )


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 800}, PHONE], ids=["1280", "phone"])
def test_admin_members_table_stays_inside_its_card(page: Page, new_context, live_server, viewport):
    seed_demo()
    admin = new_context(viewport=viewport).new_page()
    sign_in(admin, "admin@demo.test", DEMO_PASSWORD)
    expect(admin.get_by_role("heading", name="My teams")).to_be_visible()
    admin.goto("/admin/teams/")
    admin.get_by_role("link", name=f"Manage {TEAM_NAME}").click()
    expect(admin.get_by_role("heading", name="Members")).to_be_visible()
    screenshot(admin, f"admin-members-{viewport['width']}")
    assert overflow(admin, "section[aria-labelledby=members-heading]") < 1
    assert admin.evaluate("document.documentElement.scrollWidth") <= viewport["width"]


def test_admin_sees_why_an_invitation_was_not_emailed_and_copies_the_link(
    app, page: Page, live_server
):
    seed_demo()
    with socket.socket() as probe:  # a port nothing listens on: the mail server is down
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    saved = {key: app.config[key] for key in ("SMTP_HOST", "SMTP_PORT", "SMTP_STARTTLS")}
    app.config.update(SMTP_HOST="127.0.0.1", SMTP_PORT=closed_port, SMTP_STARTTLS=False)
    try:
        sign_in(page, "admin@demo.test", DEMO_PASSWORD)
        go_to_people(page)
        page.get_by_role("link", name="Invite a person").click()
        page.get_by_label("Their email").fill("kim.ito@maple.example")
        page.get_by_label("Team", exact=True).select_option(label=TEAM_NAME)
        page.get_by_role("button", name="Create invitation link").click()
        expect(page.get_by_role("alert")).to_have_text(
            "Not e-mailed: the mail server refused the connection; copy the link and send it "
            "to kim.ito@maple.example yourself."
        )
        expect(page.get_by_label("Invitation link")).to_have_value(re.compile("/invites/"))
        screenshot(page, "invite-not-emailed")
    finally:
        app.config.update(saved)
