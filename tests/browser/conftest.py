"""Playwright in Debian's Chromium against the app served by a real threaded WSGI server."""

import os
import shutil
import threading
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright
from werkzeug.serving import make_server

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-results" / "screenshots"
README_SCREENSHOTS = ROOT / "static" / "img" / "screenshots"
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}

# CI runs the journeys beside the rest of the suite and the PostgreSQL run on 2 cores: a step
# that takes 1 s on a quiet machine can take several there. Waiting longer changes no check.
WAIT_MS = 10_000
expect.set_options(timeout=WAIT_MS)


@pytest.fixture(scope="session")
def _server(app):
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)


@pytest.fixture
def live_server(app, _server):
    """The base URL of the app, served with CSRF protection on as in production."""
    was_enabled = app.config["WTF_CSRF_ENABLED"]
    app.config["WTF_CSRF_ENABLED"] = True
    yield _server
    app.config["WTF_CSRF_ENABLED"] = was_enabled


@pytest.fixture(scope="session")
def browser():
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(
            f"The browser tests need Debian's Chromium at {CHROMIUM}; `make test` installs it "
            "(apt-get install chromium). Never download a browser with `playwright install`.",
            pytrace=False,
        )
    playwright = sync_playwright().start()
    browser = playwright.chromium.launch(
        executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
    )
    yield browser
    browser.close()
    playwright.stop()


@pytest.fixture
def new_context(browser: Browser, live_server):
    """new_context(viewport=...) -> a fresh browser context (its own cookies), closed after."""
    contexts = []

    def make(viewport: dict = DESKTOP):
        context = browser.new_context(base_url=live_server, viewport=viewport)
        context.set_default_timeout(WAIT_MS)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_context) -> Page:
    return new_context().new_page()


def sign_in(page: Page, email: str, password: str) -> None:
    page.goto("/sign-in")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def sign_out(page: Page, name: str) -> None:
    """Open the account menu (a <details> whose summary is the person's name) and sign out."""
    # Playwright gives <summary> no ARIA role (Chromium exposes it as a disclosure button),
    # so the menu is found by its visible text.
    page.locator("summary").filter(has_text=name).click()
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("heading", name="Sign in to Tandem")).to_be_visible()


def screenshot(page: Page, name: str, full_page: bool = True) -> Path:
    """Save test-results/screenshots/<name>.png; returns its path."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.wait_for_function("() => [...document.images].every((image) => image.complete)")
    page.screenshot(path=str(path), full_page=full_page)
    return path


def publish_for_readme(path: Path, name: str) -> None:
    """Copy a screenshot into static/img/screenshots/ when UPDATE_SCREENSHOTS=1."""
    if os.environ.get("UPDATE_SCREENSHOTS") == "1":
        README_SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, README_SCREENSHOTS / name)
