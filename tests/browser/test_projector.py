import pytest
from playwright.sync_api import Page, expect

from app.demo.seed import DEMO_PASSWORD, TEAM_NAME
from tests.browser.conftest import PHONE, publish_for_readme, screenshot, sign_in
from tests.demo_snapshot import seed_demo

pytestmark = pytest.mark.browser


def large_type(page: Page):
    """The large-type toggle, inside the account menu (so hidden until the menu opens)."""
    return page.get_by_role("button", name="Large type", include_hidden=True)


def toggle_large_type(page: Page, name: str) -> None:
    page.locator("summary").filter(has_text=name).click()
    large_type(page).click()


def heading_size(page: Page, name: str) -> float:
    heading = page.get_by_role("heading", name=name)
    return heading.evaluate("h => parseFloat(getComputedStyle(h).fontSize)")


def test_large_type_persists_across_pages_and_reloads(page: Page, live_server):
    seed_demo()
    sign_in(page, "leader@demo.test", DEMO_PASSWORD)
    expect(page.get_by_role("heading", name="My teams")).to_be_visible()
    expect(large_type(page)).to_have_attribute("aria-pressed", "false")
    # Not one tap away: the toggle sits in the account menu, out of sight until it opens.
    expect(large_type(page)).to_be_hidden()
    normal_size = heading_size(page, "My teams")

    toggle_large_type(page, "Jordan Lee")
    expect(large_type(page)).to_have_attribute("aria-pressed", "true")
    expect(page).to_have_url(f"{live_server}/")
    assert heading_size(page, "My teams") > normal_size * 1.3

    page.get_by_role("link", name=TEAM_NAME, exact=True).click()
    expect(page.get_by_role("heading", name=TEAM_NAME, level=1)).to_be_visible()
    expect(large_type(page)).to_have_attribute("aria-pressed", "true")
    page.reload()
    expect(page.get_by_role("heading", name=TEAM_NAME, level=1)).to_be_visible()
    expect(large_type(page)).to_have_attribute("aria-pressed", "true")

    toggle_large_type(page, "Jordan Lee")
    expect(large_type(page)).to_have_attribute("aria-pressed", "false")
    expect(page.get_by_role("heading", name=TEAM_NAME, level=1)).to_be_visible()
    page.reload()
    expect(large_type(page)).to_have_attribute("aria-pressed", "false")


def test_dashboard_screenshots(page: Page, new_context, live_server):
    seed_demo()
    sign_in(page, "teacher1@demo.test", DEMO_PASSWORD)
    expect(page.get_by_role("link", name=TEAM_NAME, exact=True)).to_be_visible()
    screenshot(page, "dashboard")

    toggle_large_type(page, "Priya Natarajan")
    expect(large_type(page)).to_have_attribute("aria-pressed", "true")
    publish_for_readme(screenshot(page, "dashboard-projector"), "projector-dashboard.png")

    phone = new_context(viewport=PHONE).new_page()
    sign_in(phone, "teacher1@demo.test", DEMO_PASSWORD)
    expect(phone.get_by_role("link", name=TEAM_NAME, exact=True)).to_be_visible()
    no_sideways_scroll = "() => document.documentElement.scrollWidth <= window.innerWidth"
    assert phone.evaluate(no_sideways_scroll)
    screenshot(phone, "dashboard-phone")
    toggle_large_type(phone, "Priya Natarajan")
    expect(large_type(phone)).to_have_attribute("aria-pressed", "true")
    assert phone.evaluate(no_sideways_scroll)
    screenshot(phone, "dashboard-projector-phone")
