import re

import pytest
from playwright.sync_api import Page, expect

from app.demo.seed import DEMO_PASSWORD, PEOPLE, TEAM_NAME
from tests.browser.conftest import PHONE, screenshot, sign_in, sign_out
from tests.demo_snapshot import seed_demo

pytestmark = pytest.mark.browser

TEAM_MEMBERS = [person.email for person in PEOPLE if person.role]
NAMES = {person.email: person.name for person in PEOPLE}


@pytest.mark.parametrize("email", [person.email for person in PEOPLE])
def test_each_demo_person_signs_in_to_their_dashboard(page: Page, live_server, email):
    seed_demo()
    sign_in(page, email, DEMO_PASSWORD)
    expect(page).to_have_url(f"{live_server}/")
    first_name = NAMES[email].removeprefix("Dr. ").split()[0]
    expect(page.get_by_role("heading", name=f"Good to see you, {first_name}")).to_be_visible()
    expect(page.get_by_role("heading", name="My teams")).to_be_visible()
    team_link = page.get_by_role("link", name=TEAM_NAME, exact=True)
    if email in TEAM_MEMBERS:
        expect(team_link).to_be_visible()
    else:
        expect(team_link).to_have_count(0)
    administration = page.get_by_role("navigation", name="Main").get_by_role(
        "link", name="Administration"
    )
    expect(administration).to_have_count(1 if email == "admin@demo.test" else 0)


def test_wrong_password_shows_the_error_beside_the_password_field(page: Page, live_server):
    seed_demo()
    page.goto("/sign-in")
    page.get_by_label("Email").fill("teacher1@demo.test")
    page.get_by_label("Password").fill("not the password")
    with page.expect_response(re.compile(r"/sign-in$")) as answer:
        page.get_by_role("button", name="Sign in").click()
    assert answer.value.status == 422
    # A boosted post: htmx must swap the 422 page in, which base.html's responseHandling allows.
    assert answer.value.request.headers.get("hx-request") == "true"
    password = page.get_by_label("Password")
    expect(password).to_have_accessible_description(
        "That email and password do not match an account."
    )
    expect(password).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_text("That email and password do not match an account.")).to_be_visible()
    expect(page.get_by_role("alert")).to_contain_text("Please fix the problem marked below.")
    expect(page.get_by_label("Email")).to_have_value("teacher1@demo.test")
    expect(page).to_have_title("Sign in · Tandem")

    password.fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="My teams")).to_be_visible()


def test_sign_out_ends_the_session(page: Page, live_server):
    seed_demo()
    sign_in(page, "teacher2@demo.test", DEMO_PASSWORD)
    expect(page.get_by_role("heading", name="My teams")).to_be_visible()
    sign_out(page, "Marcus Bell")
    expect(page.get_by_text("You are signed out.")).to_be_visible()
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/sign-in\?next=(/|%2F)$"))
    expect(page.get_by_role("heading", name="Sign in to Tandem")).to_be_visible()


def test_csrf_protection_is_on_and_htmx_sends_the_token(page: Page, live_server):
    seed_demo()
    sign_in(page, "teacher1@demo.test", DEMO_PASSWORD)
    expect(page.get_by_role("heading", name="My teams")).to_be_visible()
    refused = page.request.post(f"{live_server}/display", form={"mode": "large"})
    assert refused.status == 400
    # An htmx request whose only token is the X-CSRFToken header that static/js/app.js adds.
    status = page.evaluate(
        """() => new Promise((resolve) => {
            document.body.addEventListener("htmx:afterRequest",
                (event) => resolve(event.detail.xhr.status), {once: true});
            htmx.ajax("POST", "/display", {values: {mode: "large"}, swap: "none"});
        })"""
    )
    assert status == 200
    page.reload()
    large_type = page.get_by_role("button", name="Large type", include_hidden=True)
    expect(large_type).to_have_attribute("aria-pressed", "true")


def test_sign_in_page_screenshots(page: Page, new_context, live_server):
    page.goto("/sign-in")
    expect(page.get_by_role("heading", name="Sign in to Tandem")).to_be_visible()
    screenshot(page, "sign-in")
    phone = new_context(viewport=PHONE).new_page()
    phone.goto("/sign-in")
    expect(phone.get_by_role("button", name="Sign in")).to_be_visible()
    screenshot(phone, "sign-in-phone")
