"""A page's behaviour scripts (base.html's scripts block) run when a boosted link opens it, once
per document however often the page is opened, and pages that do not need them go without."""

import pytest
from playwright.sync_api import Page, expect

from app.demo.seed import DEMO_PASSWORD
from tests.browser.conftest import sign_in
from tests.browser.test_meetings import UPCOMING
from tests.demo_snapshot import seed_demo

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
        page.get_by_role("link", name=UPCOMING, exact=True).click()
        page.get_by_role("link", name="Presenter console").click()
        expect(page.get_by_role("button", name="Start the meeting")).to_be_visible()
        # The boosted swap shows the page before its behaviour script has arrived.
        page.wait_for_function(LOADED, arg="/js/presenter-keys.js")
        # "?" shows the shortcuts: presenter-keys.js came with the boosted page.
        page.keyboard.press("?")
        expect(page.locator("#shortcuts")).to_be_visible()
        page.keyboard.press("?")
        # Each step back waits for its page: a second Back before the first has landed
        # leaves the browser on the meeting page when the machine is busy.
        page.go_back()
        expect(page.get_by_role("link", name="Presenter console")).to_be_visible(timeout=20_000)
        page.go_back()
        expect(page.get_by_role("link", name=UPCOMING, exact=True)).to_be_visible(timeout=20_000)
    assert page.evaluate(LOADED, "/js/presenter-keys.js") == 1
    assert page.evaluate(LOADED, "/js/reorder.js") == 1
    assert page.evaluate("document.querySelectorAll('script[src$=\"/js/timer.js\"]').length") <= 1
