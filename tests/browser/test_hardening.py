"""On a shared school computer, Back after signing out shows no private page."""

import pytest
from playwright.sync_api import Page, expect

from app.demo.seed import DEMO_PASSWORD
from tests.browser.conftest import screenshot, sign_in, sign_out
from tests.demo_snapshot import seed_demo

pytestmark = pytest.mark.browser


def test_pages_arrive_uncacheable_and_back_after_signing_out_shows_sign_in(page: Page, live_server):
    seed_demo()
    sign_in(page, "teacher2@demo.test", DEMO_PASSWORD)
    expect(page.get_by_role("heading", name="My teams")).to_be_visible()
    response = page.goto("/")  # a full page load, as when someone opens it from the address bar
    assert response.headers["cache-control"] == "no-store"
    sign_out(page, "Marcus Bell")
    page.go_back()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", name="Sign in to Tandem")).to_be_visible()
    expect(page.get_by_role("heading", name="My teams")).to_have_count(0)
    screenshot(page, "hardening-back-after-sign-out")


def test_a_nul_byte_in_the_sign_in_email_shows_a_message_not_a_server_error(
    page: Page, live_server
):
    seed_demo()
    page.goto("/sign-in")
    answer = page.request.post(
        f"{live_server}/sign-in",
        form={
            "csrf_token": page.locator("input[name=csrf_token]").first.input_value(),
            "email": "a\x00b@demo.test",
            "password": "whatever",
        },
    )
    assert answer.status == 422
    page.set_content(answer.text())
    expect(page.get_by_text("That email and password do not match an account.")).to_be_visible()
