import re

import pytest
from playwright.sync_api import Browser, Page, expect

from app.auth.throttling import record_failure
from app.demo.seed import DEMO_PASSWORD
from tests.browser.conftest import DESKTOP, PHONE, screenshot, sign_in, sign_out
from tests.demo_snapshot import seed_demo

pytestmark = pytest.mark.browser

EMAIL, NAME = "teacher2@demo.test", "Marcus Bell"


def expect_sign_in_page(page: Page) -> None:
    expect(page).to_have_url(re.compile(r"/sign-in"))
    expect(page.get_by_role("heading", name="Sign in to Tandem")).to_be_visible()


def test_cookies_saved_before_sign_out_do_not_sign_in_after_it(
    browser: Browser, page: Page, live_server
):
    seed_demo()
    sign_in(page, EMAIL, DEMO_PASSWORD)
    expect(page.get_by_role("heading", name="My teams")).to_be_visible()
    saved = page.context.storage_state()
    assert any(cookie["name"] == "session" for cookie in saved["cookies"])

    sign_out(page, NAME)

    replay = browser.new_context(base_url=live_server, viewport=DESKTOP, storage_state=saved)
    try:
        stolen = replay.new_page()
        stolen.goto("/")
        expect_sign_in_page(stolen)
    finally:
        replay.close()


def test_sign_out_everywhere_from_one_browser_signs_out_the_other(new_context, live_server):
    seed_demo()
    laptop = new_context().new_page()
    sign_in(laptop, EMAIL, DEMO_PASSWORD)
    expect(laptop.get_by_role("heading", name="My teams")).to_be_visible()
    phone = new_context(viewport=PHONE).new_page()
    phone.goto("/sign-in")
    phone.get_by_label("Email").fill(EMAIL)
    phone.get_by_label("Password").fill(DEMO_PASSWORD)
    phone.get_by_label("Keep me signed in on this device").check()
    phone.get_by_role("button", name="Sign in").click()
    expect(phone.get_by_role("heading", name="My teams")).to_be_visible()

    laptop.locator("summary").filter(has_text=NAME).click()
    laptop.get_by_role("link", name="Your account").click()
    expect(laptop.get_by_role("heading", name="Your account")).to_be_visible()
    devices = laptop.get_by_role("table", name="Where you are signed in")
    expect(devices.get_by_role("row")).to_have_count(3)  # the header and two devices
    expect(devices).to_contain_text("(this device)")
    everywhere = laptop.get_by_role("button", name="Sign out everywhere")
    expect(everywhere).to_have_accessible_description(re.compile(r"^Ends every session"))
    screenshot(laptop, "account-page")
    screenshot(phone, "dashboard-phone-before-sign-out-everywhere")

    everywhere.click()

    expect_sign_in_page(laptop)
    expect(laptop.get_by_text("You are signed out everywhere")).to_be_visible()
    phone.context.clear_cookies(name="session")  # a remembered device starts a new session
    phone.goto("/")
    expect_sign_in_page(phone)


def test_wrong_passwords_ask_for_a_few_seconds_wait_beside_the_field(page: Page, live_server):
    seed_demo()
    page.goto("/sign-in")
    page.get_by_label("Email").fill(EMAIL)
    password = page.get_by_label("Password")
    for _ in range(5):
        password.fill("not the password")
        with page.expect_response(re.compile(r"/sign-in$")) as answer:
            page.get_by_role("button", name="Sign in").click()
        assert answer.value.status == 422
        expect(password).to_have_accessible_description(
            "That email and password do not match an account."
        )
    # The fifth failure asks for 2 s; three more (as if typed just now) ask for 16 s, which a
    # busy machine cannot outlast between here and the next click.
    for _ in range(3):
        record_failure(EMAIL, "127.0.0.1")
    password.fill(DEMO_PASSWORD)
    with page.expect_response(re.compile(r"/sign-in$")) as answer:
        page.get_by_role("button", name="Sign in").click()
    assert answer.value.status == 429
    expect(password).to_have_accessible_description(
        re.compile(r"^Too many wrong passwords\. Wait \d+ seconds?, then try again\.")
    )
    screenshot(page, "sign-in-throttled")
