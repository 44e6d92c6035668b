"""A page's behaviour scripts (base.html's scripts block) run when a boosted link opens it, once
per document however often the page is opened, and pages that do not need them go without."""

import pytest
from playwright.sync_api import Page, expect

from app.demo.seed import DEMO_PASSWORD, seed_demo
from tests.browser.conftest import sign_in
from tests.browser.test_meetings import UPCOMING

pytestmark = pytest.mark.browser

LOADED = (
    "(name) => performance.getEntriesByType('resource').filter(e => e.name.endsWith(name)).length"
)


def test_a_boosted_visit_loads_the_pages_behaviours_once(page: Page):
    seed_demo()
    sign_in(page, "leader@demo.test", DEMO_PASSWORD)
    # Signing in hashes a password: on a busy machine it outlasts the default 5 s.
    expect(page.get_by_role("navigation", name="Main")).to_be_visible(timeout=30_000)
    assert page.evaluate(LOADED, "/js/timer.js") == 0
    for _ in range(2):
        # Back twice restores the dashboard from htmx's history, slowly on a busy machine.
        page.get_by_role("link", name=UPCOMING, exact=True).click(timeout=20_000)
        page.get_by_role("link", name="Presenter console").click()
        expect(page.get_by_role("button", name="Start the meeting")).to_be_visible()
        # The boosted swap shows the page before its behaviour script has arrived.
        page.wait_for_function(LOADED, arg="/js/presenter-keys.js")
        # "?" shows the shortcuts: presenter-keys.js came with the boosted page.
        page.keyboard.press("?")
        expect(page.locator("#shortcuts")).to_be_visible()
        page.keyboard.press("?")
        page.go_back()
        page.go_back()
    assert page.evaluate(LOADED, "/js/presenter-keys.js") == 1
    assert page.evaluate(LOADED, "/js/reorder.js") == 1
    assert page.evaluate("document.querySelectorAll('script[src$=\"/js/timer.js\"]').length") <= 1
