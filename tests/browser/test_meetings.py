"""Grade-level meetings in real Chromium: planning the agenda, then running it live."""

import re

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from app.demo.meetings import UPCOMING_AGENDA as UPCOMING_SEGMENTS
from app.demo.seed import DEMO_PASSWORD, TEAM_NAME
from tests.browser.conftest import PHONE, screenshot, sign_in
from tests.demo_snapshot import seed_demo

pytestmark = pytest.mark.browser

# The built-in protocol the leader plans from, and the segments it fills the agenda with.
PROTOCOL = "Select the shared task and anticipate (60 min)"
CHECK_IN = "Check-in, norms and what we left open"
DO_MATH = "Do the candidate tasks as learners"
SELECT = "Weigh the candidates and select the shared task"
ANTICIPATE = "Anticipate student responses"
NEXT_STEPS = "Next steps and who teaches when"

# The demo's upcoming meeting, run live.
UPCOMING = "Cycle 3 debrief: Fraction Pairs across our classrooms"
UPCOMING_AGENDA = [segment.title for segment in UPCOMING_SEGMENTS]
SHARE_WORK = UPCOMING_AGENDA[1]
PROJECTOR = {"width": 1600, "height": 900}


class ConsoleWatch:
    """Collects console errors and uncaught exceptions of every watched context."""

    def __init__(self):
        self.errors: list[str] = []
        self.allowed: list[re.Pattern] = []

    def watch(self, context: BrowserContext) -> BrowserContext:
        context.on("console", self._console)
        context.on("weberror", self._uncaught)
        return context

    def allow(self, pattern: str) -> None:
        self.allowed.append(re.compile(pattern))

    def _uncaught(self, error) -> None:
        page = error.page.url if error.page else "?"
        self.errors.append(f"uncaught on {page}: {error.error.stack or error.error.message}")

    def _console(self, message) -> None:
        if message.type != "error":
            return
        text = f"{message.text} ({message.location.get('url', '')})"
        if not any(pattern.search(text) for pattern in self.allowed):
            self.errors.append(text)


@pytest.fixture
def console():
    watch = ConsoleWatch()
    yield watch
    assert watch.errors == [], "console errors:\n" + "\n".join(watch.errors)


@pytest.fixture
def open_page(new_context, console):
    """open_page(viewport=...) -> a page in a fresh context whose console errors fail the test."""

    def make(**kwargs) -> Page:
        return console.watch(new_context(**kwargs)).new_page()

    return make


DUPLICATE_IDS = """() => {
    const ids = [...document.querySelectorAll("[id]")].map((element) => element.id);
    return ids.filter((id, index) => ids.indexOf(id) !== index);
}"""


def expect_agenda(page: Page, titles: list[str]) -> None:
    """The agenda lists exactly these segments, in this order."""
    items = page.get_by_role("region", name="Agenda").get_by_role("listitem")
    expect(items).to_have_text([re.compile(re.escape(title)) for title in titles])


def test_planning_an_agenda_from_a_protocol(open_page, console):
    seed_demo()
    # The empty title below answers 422: the browser and htmx report that status on the console.
    console.allow(r"status of 422|Response Status Error Code 422")
    page = open_page()
    sign_in(page, "leader@demo.test", DEMO_PASSWORD)
    page.get_by_role("link", name=f"Meetings of {TEAM_NAME}").click()
    page.get_by_role("link", name="Plan a meeting").click()
    expect(page.get_by_role("heading", name="Plan a meeting")).to_be_visible()

    page.get_by_label("Start from").select_option(label=PROTOCOL)
    page.get_by_label("Title").fill("")
    page.get_by_label("Start time").fill("15:30")
    page.get_by_label("Length in minutes").fill("50")
    page.get_by_role("button", name="Plan meeting").click()
    title = page.get_by_label("Title")
    expect(title).to_have_accessible_description("Give the meeting a title.")
    expect(title).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_role("alert")).to_contain_text("Please fix the problem marked below.")
    expect(page.get_by_label("Start from")).to_have_value("select-and-anticipate")

    title.fill("Cycle 4 planning: choose the shared task")
    page.get_by_role("button", name="Plan meeting").click()
    expect(
        page.get_by_role("heading", name="Cycle 4 planning: choose the shared task")
    ).to_be_visible()
    expect(page.get_by_text("60 of 50 minutes planned")).to_be_visible()
    expect(page.get_by_text("10 minutes over the meeting's length")).to_be_visible()
    expect_agenda(page, [CHECK_IN, DO_MATH, SELECT, ANTICIPATE, NEXT_STEPS])
    # The meeting's details and the new segment form share the page: each label finds its field.
    assert page.evaluate(DUPLICATE_IDS) == []
    details = page.get_by_role("region", name="Details")
    expect(details.get_by_label("Title")).to_have_value("Cycle 4 planning: choose the shared task")

    page.get_by_role("link", name="Edit “Do the candidate tasks as learners”").click()
    expect(page.get_by_role("heading", name="Edit segment")).to_be_visible()
    page.get_by_label("Facilitator").select_option(label="Jordan Lee")
    page.get_by_label("Release level").select_option(label="Leader leads with support")
    page.get_by_role("button", name="Save segment").click()
    expect(page.get_by_text("Segment saved.")).to_be_visible()
    edited = page.get_by_role("listitem").filter(has_text="Do the candidate tasks as learners")
    expect(edited).to_contain_text("Do the math · Jordan Lee · Leader leads with support")

    # The move buttons work from the keyboard, and keep the focus for the next press.
    move_up = page.get_by_role("button", name=f"Move “{ANTICIPATE}” up")
    move_up.focus()
    page.keyboard.press("Enter")
    expect_agenda(page, [CHECK_IN, DO_MATH, ANTICIPATE, SELECT, NEXT_STEPS])
    expect(move_up).to_be_focused()
    page.keyboard.press("Enter")
    expect_agenda(page, [CHECK_IN, ANTICIPATE, DO_MATH, SELECT, NEXT_STEPS])
    expect(page.get_by_role("button", name=f"Move “{CHECK_IN}” up")).to_be_disabled()
    page.get_by_role("button", name=f"Move “{CHECK_IN}” down").focus()
    page.keyboard.press("Enter")
    expect_agenda(page, [ANTICIPATE, CHECK_IN, DO_MATH, SELECT, NEXT_STEPS])
    expect(page.get_by_text("60 of 50 minutes planned")).to_be_visible()

    # Drag and drop: drop "Next steps" on the upper half of the first segment.
    items = page.get_by_role("region", name="Agenda").get_by_role("listitem")
    with page.expect_response(re.compile(r"/segments/order$")) as answer:
        items.filter(has_text=NEXT_STEPS).drag_to(
            items.filter(has_text=ANTICIPATE), target_position={"x": 40, "y": 5}
        )
    assert answer.value.ok
    expect_agenda(page, [NEXT_STEPS, ANTICIPATE, CHECK_IN, DO_MATH, SELECT])
    page.reload()
    expect_agenda(page, [NEXT_STEPS, ANTICIPATE, CHECK_IN, DO_MATH, SELECT])

    page.get_by_role("button", name="Save as template").click()
    template_name = page.get_by_label("Template name")
    expect(template_name).to_have_accessible_description("Name the template.")
    template_name.fill("Our planning meeting, fractions cycle")
    page.get_by_role("button", name="Save as template").click()
    expect(
        page.get_by_text(
            "Saved this agenda as the template “Our planning meeting, fractions cycle”."
        )
    ).to_be_visible()
    page.get_by_role("link", name=f"{TEAM_NAME} meetings").click()
    expect(page.get_by_role("region", name="Our agenda templates")).to_contain_text(
        "Our planning meeting, fractions cycle · 5 segments, 60 min"
    )
    page.get_by_role("link", name="Plan a meeting").click()
    page.get_by_label("Start from").select_option(
        label="Our template: Our planning meeting, fractions cycle"
    )


def open_run_view(page: Page, email: str) -> None:
    """Sign in and open the demo's upcoming meeting live, as a person would."""
    sign_in(page, email, DEMO_PASSWORD)
    page.get_by_role("link", name=UPCOMING, exact=True).click()
    page.get_by_role("link", name=re.compile("Open the run view|Join the live meeting")).click()
    expect(page.get_by_role("timer").or_(page.get_by_text("Not started"))).to_be_visible()
    expect(page.get_by_role("region", name="Notes, questions and decisions")).to_be_visible()


def open_console(page: Page, email: str = "leader@demo.test") -> None:
    """Sign in and open the demo's upcoming meeting on the presenter console."""
    sign_in(page, email, DEMO_PASSWORD)
    page.get_by_role("link", name=UPCOMING, exact=True).click()
    page.get_by_role("link", name="Presenter console").click()
    expect(page.get_by_role("timer").or_(page.get_by_text("Not started"))).to_be_visible()
    expect(page.get_by_role("region", name="Notes, questions and decisions")).to_be_visible()


def notes_of(page: Page):
    return page.get_by_role("region", name="Notes, questions and decisions")


def add(page: Page, body: str, kind: str = "Note", owner: str | None = None, private=False):
    page.get_by_label("Type").select_option(label=kind)
    page.get_by_label("What to add").fill(body)
    if owner:
        page.get_by_label("Owner").select_option(label=owner)
    if private:
        page.get_by_label("Only me").check()
    page.get_by_role("button", name="Add", exact=True).click()
    # The saved note leaves the box when this page's own answer arrives (a teammate's screen
    # may show it sooner): only then is the form ready for the next one.
    expect(page.get_by_label("What to add")).to_have_value("")


def seconds_left(page: Page) -> int:
    minutes, seconds = page.get_by_role("timer").inner_text().split()[0].split(":")
    return int(minutes) * 60 + int(seconds)


def test_a_live_meeting_on_the_projector_and_a_phone(open_page):
    seed_demo()
    projector = open_page(viewport=PROJECTOR)  # the leader's presenter console
    open_console(projector)
    expect(projector.get_by_role("heading", name=UPCOMING, level=1)).to_be_visible()
    presses = []  # presenter actions: each must go through htmx, none may reload the page
    projector.on(
        "request", lambda r: presses.append(r) if "/run/" in r.url and r.method == "POST" else None
    )
    projector.get_by_role("button", name="Start the meeting").click()
    expect(projector.get_by_role("heading", name="Check-in and norms", level=1)).to_be_visible()

    phone = open_page(viewport=PHONE)
    open_run_view(phone, "teacher1@demo.test")
    expect(phone.get_by_role("heading", name="Check-in and norms", level=1)).to_be_visible()
    assert phone.evaluate(DUPLICATE_IDS) == projector.evaluate(DUPLICATE_IDS) == []

    norm = "Norm for today: every idea gets a second look before we judge it."
    add(phone, norm)
    expect(notes_of(projector).get_by_text(norm)).to_be_visible(timeout=1_000)
    expect(notes_of(phone).get_by_text(norm)).to_be_visible()

    projector.keyboard.press("ArrowRight")
    expect(projector.get_by_role("heading", name=SHARE_WORK, level=1)).to_be_visible()
    expect(phone.get_by_role("heading", name=SHARE_WORK, level=1)).to_be_visible(timeout=1_000)

    action = "Bring three de-identified work samples to the next meeting"
    add(phone, action, kind="Action item", owner="Marcus Bell")
    item = notes_of(projector).get_by_role("listitem").filter(has_text=action)
    expect(item).to_be_visible(timeout=1_000)
    expect(item).to_contain_text("owner Marcus Bell")

    private = "Ask Ana about my launch: I rushed it."
    add(phone, private, private=True)
    expect(phone.get_by_role("region", name="My private notes")).to_contain_text(private)
    shared = "Two classrooms saw the benchmark strategy first."
    add(phone, shared)
    expect(notes_of(projector).get_by_text(shared)).to_be_visible(timeout=1_000)
    expect(projector.get_by_text(private)).to_have_count(0)
    projector.reload()
    expect(notes_of(projector).get_by_text(shared)).to_be_visible()
    expect(projector.get_by_text(private)).to_have_count(0)

    shortcuts = projector.get_by_role("heading", name="Keyboard shortcuts")
    projector.keyboard.press("?")
    expect(shortcuts).to_be_visible()
    expect(projector.get_by_role("button", name="Keyboard shortcuts (?)")).to_have_attribute(
        "aria-expanded", "true"
    )
    projector.keyboard.press("?")
    expect(shortcuts).to_be_hidden()

    # The countdown runs on every screen from the start time the server keeps.
    before = seconds_left(projector)
    projector.wait_for_timeout(2_000)
    after = seconds_left(projector)
    assert 1 <= before - after <= 3, (before, after)
    assert abs(seconds_left(phone) - after) <= 1

    screenshot(projector, "run-view-console", full_page=False)
    screenshot(phone, "run-view-phone")

    # To the last segment, then end: every screen is offered the minutes.
    for title in UPCOMING_AGENDA[2:]:
        projector.keyboard.press("ArrowRight")
        expect(projector.get_by_role("heading", name=title, level=1)).to_be_visible()
    projector.get_by_role("link", name="End the meeting…").click()
    projector.get_by_role("button", name="End the meeting").click()
    expect(projector.get_by_role("heading", name="Thank you, everyone")).to_be_visible()
    assert [r.url.rsplit("/", 1)[1] for r in presses] == ["start", "next"] + ["next"] * 3 + ["end"]
    assert all(r.headers.get("hx-request") == "true" for r in presses)
    expect(phone.get_by_role("heading", name="Thank you, everyone")).to_be_visible(timeout=1_000)
    phone.get_by_role("link", name="Read the minutes").click()

    expect(phone.get_by_role("heading", name=UPCOMING, level=1)).to_be_visible()
    expect(phone.get_by_text("Present: Jordan Lee, Priya Natarajan")).to_be_visible()
    expect(phone.get_by_role("row").filter(has_text=action)).to_contain_text("Marcus Bell")
    for body in (norm, shared):
        expect(phone.get_by_text(body)).to_be_visible()
    expect(phone.get_by_text(private)).to_have_count(0)
    with phone.expect_download() as download:
        phone.get_by_role("link", name="Download PDF").click()
    assert download.value.suggested_filename.endswith(".pdf")
    with open(download.value.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"


def start_with_a_phone(open_page, teacher: str) -> tuple[Page, Page]:
    """The leader starts the meeting on the presenter console; a teacher follows on a phone."""
    seed_demo()
    leader = open_page()
    open_console(leader)
    leader.get_by_role("button", name="Start the meeting").click()
    expect(leader.get_by_role("heading", name="Check-in and norms", level=1)).to_be_visible()
    phone = open_page(viewport=PHONE)
    open_run_view(phone, teacher)
    expect(phone.get_by_role("heading", name="Check-in and norms", level=1)).to_be_visible()
    return leader, phone


# While offline, the browser and htmx report each failed request on the console; htmx logs a
# broken event stream as the bare error event.
OFFLINE_ERRORS = (
    r"ERR_INTERNET_DISCONNECTED|htmx:sseError|htmx:sendError|htmx:afterRequest|^\[object Event\]"
)


@pytest.fixture
def short_streams(app, monkeypatch):
    """Event streams that end after a second, so an offline phone surely loses its stream."""
    monkeypatch.setitem(app.config, "LIVE_STREAM_SECONDS", 1)


def test_a_phone_that_drops_its_connection_catches_up(open_page, console, short_streams):
    # A stream ending is an error event to the browser, reported on the console by htmx.
    console.allow(OFFLINE_ERRORS)
    leader, phone = start_with_a_phone(open_page, "teacher2@demo.test")
    phone.context.set_offline(True)
    phone.wait_for_timeout(2_500)  # the stream has ended and cannot reconnect
    missed = ["We open with the benchmark strategy.", "Sofia shares her area models next."]
    for body in missed:
        add(leader, body)
        expect(notes_of(leader).get_by_text(body, exact=True)).to_be_visible()
    phone.wait_for_timeout(1_000)
    for body in missed:
        expect(notes_of(phone).get_by_text(body, exact=True)).to_have_count(0)
    with phone.expect_request(re.compile(r"/run/events"), timeout=10_000):
        phone.context.set_offline(False)
    for body in missed:
        expect(notes_of(phone).get_by_text(body, exact=True)).to_be_visible()


def test_a_refresh_lost_on_the_way_is_fetched_again(open_page, console):
    """The stream delivers the event but the fetch it starts fails: the phone tries again.
    (The notes come in the stream itself; the segment's state and panel are fetched.)"""
    leader, phone = start_with_a_phone(open_page, "teacher3@demo.test")
    console.allow(OFFLINE_ERRORS)
    fragments = re.compile(r"/run/(state|panel)$")
    phone.route(fragments, lambda route: route.abort("internetdisconnected"))
    with phone.expect_event("requestfailed", lambda request: fragments.search(request.url)):
        leader.get_by_role("button", name="Next segment →").click()
    expect(phone.get_by_role("heading", name=SHARE_WORK, level=1)).to_have_count(0)
    phone.unroute(fragments)
    expect(phone.get_by_role("heading", name=SHARE_WORK, level=1)).to_be_visible()
