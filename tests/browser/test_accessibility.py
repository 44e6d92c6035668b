"""axe-core finds no accessibility violation on any main page of any role.

Each main page is one `MainPage` row in PAGES: its name, how to build its URL from the demo,
who reaches it, and whether it is checked on a phone too. A new page is one more row.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

import pytest
import sqlalchemy as sa
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from app.auth.models import User
from app.cycles.queries import team_cycles
from app.demo.seed import DEMO_PASSWORD, TEAM_NAME
from app.enactments.models import Enactment, Unanticipated, WorkSample
from app.extensions import db
from app.lessons.queries import lesson_view
from app.meetings.models import Meeting
from app.selection.models import Candidate
from app.tasks.models import Task
from app.teams.models import Team
from app.timeutil import local_now
from tests.browser.conftest import DESKTOP, PHONE, sign_in
from tests.demo_snapshot import seed_demo
from tests.factories import make_contribution, make_cycle, make_meeting, make_nudge

pytestmark = pytest.mark.browser

UPCOMING = "Cycle 3 debrief: Fraction Pairs across our classrooms"
ENDED = "Cycle 3 planning: select the shared task"
AXE = Axe()


@dataclass
class Demo:
    """The ids a main page's URL is built from: the demo district plus a running meeting."""

    team: int
    leader: int
    school: int
    upcoming: int
    segment: int
    running: int
    ended: int
    invite: int
    invite_token: str
    task: int = 1
    draft: int = 1
    cycle: int = 0  # the team's current cycle (designing its lesson)
    lesson: int = 0  # its lesson (revised from last year's)
    response: int = 0  # the first anticipated response of that lesson
    past_cycle: int = 0  # a done one, which can be moved back
    selecting: int = 0  # a cycle still selecting its shared task, made for this test
    teaching: int = 0  # the cycle being taught (three classrooms have recorded their lesson)
    enactment: int = 0  # the teacher's own record of that lesson
    unanticipated: int = 0  # a response nobody anticipated on that record
    sample: int = 0  # a photo of student work on it
    debriefed: int = 0  # last year's cycle, debriefed and done


def _invitation(app) -> tuple[int, str]:
    """A waiting invitation made through the admin's own form: its id and its link's token."""
    client = app.test_client()
    csrf, app.config["WTF_CSRF_ENABLED"] = app.config["WTF_CSRF_ENABLED"], False
    try:
        client.post("/sign-in", data={"email": LOGINS[ADMIN], "password": DEMO_PASSWORD})
        invitee = {"email": "newcomer@demo.test", "name": "Rosa Newcomer", "role": "teacher"}
        response = client.post("/admin/invites", data={**invitee, "school_id": "", "team_id": ""})
    finally:
        app.config["WTF_CSRF_ENABLED"] = csrf
    assert response.status_code == 302, response.get_data(as_text=True)
    shown = client.get(response.headers["Location"]).get_data(as_text=True)
    token = re.search(r"(?<!/admin)/invites/([\w.\-]+)", shown)
    assert token, "the invitation page shows its link"
    return int(response.headers["Location"].rstrip("/").rsplit("/", 1)[-1]), token.group(1)


def _build_demo(app) -> Demo:
    seed_demo()
    team = db.session.scalar(sa.select(Team).where(Team.name == TEAM_NAME))
    people = {u.email.split("@")[0]: u for u in db.session.scalars(sa.select(User))}
    meeting = {m.title: m for m in db.session.scalars(sa.select(Meeting))}
    running = make_meeting(
        team,
        segments=[
            {"title": "Check-in", "planned_minutes": 5, "facilitator_id": people["leader"].id},
            {"title": "Share student work", "planned_minutes": 20},
        ],
        title="Cycle 4 planning: the next shared task",
        running=True,
    )
    make_contribution(running, people["teacher1"], "Two of us used benchmark fractions.")
    make_contribution(running, people["mentor"], "Which strategy first?", kind="question")
    make_nudge(running, people["mentor"], people["leader"], "Ask Marcus how he knew.")
    invite, token = _invitation(app)
    tasks = {t.title: t.id for t in db.session.scalars(sa.select(Task))}
    cycles = team_cycles(team.id)
    selecting = _selecting_cycle(team, people, tasks)
    lesson = lesson_view(cycles.current.cycle)
    mine = db.session.scalar(
        sa.select(Enactment)
        .where(Enactment.teacher_id == people["teacher1"].id)
        .order_by(Enactment.taught_on.desc())
    )
    return Demo(
        team=team.id,
        leader=people["leader"].id,
        school=people["leader"].school_id,
        upcoming=meeting[UPCOMING].id,
        segment=meeting[UPCOMING].segments[1].id,
        running=running.id,
        ended=meeting[ENDED].id,
        invite=invite,
        invite_token=token,
        task=tasks["Fraction Pairs"],
        draft=tasks["Sharing Brownies"],
        cycle=cycles.current.cycle.id,
        past_cycle=next(r.cycle.id for r in cycles.others if r.cycle.stage.value == "done"),
        selecting=selecting,
        lesson=lesson.lesson.id,
        response=lesson.responses[0].id,
        teaching=mine.cycle_id,
        enactment=mine.id,
        unanticipated=_first(Unanticipated.id, Unanticipated.enactment_id == mine.id),
        sample=_first(WorkSample.id, WorkSample.enactment_id == mine.id),
        debriefed=next(r.cycle.id for r in cycles.others if r.cycle.debrief_worked),
    )


def _first(column, where) -> int:
    return db.session.scalar(sa.select(column).where(where).order_by(column).limit(1))


def _selecting_cycle(team, people, tasks) -> int:
    """The demo's current cycle has chosen its task; the selection pages before the vote
    closes are checked on a later cycle of the team, with two candidates proposed."""
    later = local_now().date() + timedelta(weeks=8)
    cycle = make_cycle(team, title="Grade 4 — fractions as division, later", starts_on=later)
    for title, who in (("Sharing Brownies", "teacher2"), ("Fraction Pairs", "leader")):
        db.session.add(
            Candidate(cycle_id=cycle.id, task_id=tasks[title], proposed_by_id=people[who].id)
        )
    db.session.commit()
    return cycle.id


SIGNED_OUT, ADMIN, MENTOR, LEADER, TEACHER = "signed out", "admin", "mentor", "leader", "teacher"
EVERYONE = (ADMIN, MENTOR, LEADER, TEACHER)  # an admin reaches every team's pages
PLANNERS = (ADMIN, MENTOR, LEADER)
MENTORS = (ADMIN, MENTOR)
MEMBERS = (MENTOR, LEADER, TEACHER)  # the demo admin is on no team: no drafts, no writing
LOGINS = {
    ADMIN: "admin@demo.test",
    MENTOR: "mentor@demo.test",
    LEADER: "leader@demo.test",
    TEACHER: "teacher1@demo.test",
}


@dataclass(frozen=True)
class MainPage:
    name: str
    path: Callable[[Demo], str]
    roles: tuple[str, ...]
    phone: bool = False  # also checked at 390×844
    status: int = 200
    then: Callable[[Page], None] | None = None  # a state reached by acting on the page


def submit_empty(button: str) -> Callable[[Page], None]:
    """Send the form as it is: the page shows its messages (422)."""

    def act(page: Page) -> None:
        page.get_by_role("button", name=button).click()
        expect(page.get_by_role("alert").first).to_be_visible()

    return act


def wrong_password(page: Page) -> None:
    page.get_by_label("Email").fill("teacher1@demo.test")
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert").first).to_be_visible()


def search_the_library(page: Page) -> None:
    page.get_by_label("Words").fill("fractions")
    page.get_by_label("Grade").select_option(label="Grade 4")
    page.get_by_label("Standard").fill("4.NF")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_text("Enter a standard code like 4.NF.A.1.")).to_be_visible()


def submit_blank_task(page: Page) -> None:
    """Spaces pass the browser's `required` check; the server refuses them (422)."""
    for label in ("Title", "Task statement", "Why this level"):
        page.get_by_label(label).fill(" ")
    page.get_by_label("Standards").fill("4.NF")
    page.get_by_role("button", name="Save the draft").click()
    expect(page.get_by_role("alert").first).to_be_visible()


def search(words: str) -> Callable[[Page], None]:
    """Search a long list by name or email: the page shows what it found."""

    def act(page: Page) -> None:
        page.get_by_role("searchbox", name="Find a person by name or email").fill(words)
        page.get_by_role("button", name="Search").click()
        expect(page.get_by_role("searchbox")).to_have_value(words)
        page.wait_for_url(f"**q={words}**")

    return act


def open_account_menu(page: Page) -> None:
    page.locator("summary").first.click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()


PAGES = [
    MainPage("sign-in", lambda d: "/sign-in", (SIGNED_OUT,), phone=True),
    MainPage("sign-in refused", lambda d: "/sign-in", (SIGNED_OUT,), then=wrong_password),
    MainPage("accept invitation", lambda d: f"/invites/{d.invite_token}", (SIGNED_OUT,)),
    MainPage("not found", lambda d: "/no-such-page", (SIGNED_OUT, *EVERYONE), status=404),
    MainPage("forbidden", lambda d: f"/teams/{d.team}/release-plan", (TEACHER,), status=403),
    MainPage("dashboard", lambda d: "/", EVERYONE, phone=True),
    MainPage("account menu", lambda d: "/", (TEACHER,), phone=True, then=open_account_menu),
    MainPage("what I owe", lambda d: "/owed", EVERYONE),
    MainPage("account", lambda d: "/account", EVERYONE),
    MainPage("password", lambda d: "/account/password", EVERYONE),
    MainPage(
        "account, errors",
        lambda d: "/account/password",
        (TEACHER,),
        then=submit_empty("Change password"),
    ),
    MainPage("team", lambda d: f"/teams/{d.team}", EVERYONE, phone=True),
    MainPage("cycles", lambda d: f"/teams/{d.team}/cycles", EVERYONE),
    MainPage("new cycle", lambda d: f"/teams/{d.team}/cycles/new", PLANNERS),
    MainPage(
        "new cycle, errors",
        lambda d: f"/teams/{d.team}/cycles/new",
        (LEADER,),
        then=submit_empty("Open the cycle"),
    ),
    MainPage("cycle", lambda d: f"/cycles/{d.cycle}", EVERYONE, phone=True),
    MainPage("cycle, done", lambda d: f"/cycles/{d.past_cycle}", (TEACHER, LEADER)),
    MainPage("edit the cycle", lambda d: f"/cycles/{d.cycle}/edit", PLANNERS),
    MainPage("selection board", lambda d: f"/cycles/{d.selecting}/board", EVERYONE, phone=True),
    MainPage("selection board, decided", lambda d: f"/cycles/{d.cycle}/board", (TEACHER,)),
    MainPage("write a candidate", lambda d: f"/cycles/{d.selecting}/candidates/new", MEMBERS),
    MainPage("close the vote?", lambda d: f"/cycles/{d.selecting}/decision", PLANNERS),
    MainPage("lesson", lambda d: f"/cycles/{d.cycle}/lesson", EVERYONE, phone=True),
    MainPage("lesson history", lambda d: f"/cycles/{d.cycle}/lesson/history", (TEACHER,)),
    MainPage("what changed since", lambda d: f"/cycles/{d.cycle}/lesson/changes", (TEACHER,)),
    MainPage("monitoring chart", lambda d: f"/cycles/{d.cycle}/lesson/monitoring", (TEACHER,)),
    MainPage("edit a plan field", lambda d: f"/lessons/{d.lesson}/fields/launch/edit", (TEACHER,)),
    MainPage(
        "edit a response field",
        lambda d: f"/responses/{d.response}/fields/advancing_questions/edit",
        (TEACHER,),
    ),
    MainPage("enactments", lambda d: f"/cycles/{d.cycle}/enactments", (TEACHER, LEADER)),
    MainPage("record my lesson", lambda d: f"/cycles/{d.cycle}/enactments/new", (TEACHER,)),
    MainPage("debrief", lambda d: f"/cycles/{d.cycle}/debrief", (TEACHER,)),
    MainPage("debrief on the projector", lambda d: f"/cycles/{d.cycle}/debrief/display", (LEADER,)),
    MainPage("debrief record", lambda d: f"/cycles/{d.cycle}/debrief/record", (TEACHER,)),
    MainPage("enactments, taught", lambda d: f"/cycles/{d.teaching}/enactments", (TEACHER,)),
    MainPage("my lesson's record", lambda d: f"/enactments/{d.enactment}", (TEACHER, LEADER)),
    MainPage(
        "remove an unanticipated response?",
        lambda d: f"/enactments/{d.enactment}/unanticipated/{d.unanticipated}/remove",
        (TEACHER,),
    ),
    MainPage("tap to count", lambda d: f"/enactments/{d.enactment}/count", (TEACHER,), phone=True),
    MainPage(
        "add a photo", lambda d: f"/enactments/{d.enactment}/samples/new", (TEACHER,), phone=True
    ),
    MainPage("edit a photo", lambda d: f"/samples/{d.sample}/edit", (TEACHER,)),
    MainPage("remove a photo?", lambda d: f"/samples/{d.sample}/remove", (TEACHER,)),
    MainPage(
        "remove my lesson's record?",
        lambda d: f"/enactments/{d.enactment}/remove",
        (TEACHER, LEADER),
    ),
    MainPage("debrief, taught", lambda d: f"/cycles/{d.teaching}/debrief", EVERYONE),
    MainPage(
        "debrief on the projector, taught",
        lambda d: f"/cycles/{d.teaching}/debrief/display",
        (LEADER,),
    ),
    MainPage("debrief, done", lambda d: f"/cycles/{d.debriefed}/debrief", (TEACHER,)),
    MainPage("debrief record, done", lambda d: f"/cycles/{d.debriefed}/debrief/record", (MENTOR,)),
    MainPage("move the cycle back?", lambda d: f"/cycles/{d.past_cycle}/stage/back", PLANNERS),
    MainPage("meetings", lambda d: f"/teams/{d.team}/meetings", EVERYONE),
    MainPage("new meeting", lambda d: f"/teams/{d.team}/meetings/new", PLANNERS),
    MainPage(
        "new meeting, errors",
        lambda d: f"/teams/{d.team}/meetings/new",
        (LEADER,),
        then=submit_empty("Plan meeting"),
    ),
    MainPage("meeting (planning)", lambda d: f"/meetings/{d.upcoming}", EVERYONE, phone=True),
    MainPage("segment", lambda d: f"/meetings/{d.upcoming}/segments/{d.segment}/edit", PLANNERS),
    MainPage("run view, before start", lambda d: f"/meetings/{d.upcoming}/run", EVERYONE),
    MainPage("run view, running", lambda d: f"/meetings/{d.running}/run", EVERYONE, phone=True),
    MainPage("run view, ended", lambda d: f"/meetings/{d.ended}/run", EVERYONE),
    MainPage("projector display", lambda d: f"/meetings/{d.running}/run/display", EVERYONE),
    MainPage("projector display, ended", lambda d: f"/meetings/{d.ended}/run/display", (LEADER,)),
    MainPage(
        "presenter console", lambda d: f"/meetings/{d.running}/run/console", PLANNERS, phone=True
    ),
    MainPage("end the meeting?", lambda d: f"/meetings/{d.running}/run/console/end", PLANNERS),
    MainPage("delete the meeting?", lambda d: f"/meetings/{d.upcoming}/delete", PLANNERS),
    MainPage("minutes", lambda d: f"/meetings/{d.ended}/minutes", EVERYONE),
    MainPage("cohort", lambda d: f"/teams/{d.team}/pipeline", MENTORS),
    MainPage("pipeline", lambda d: f"/teams/{d.team}/pipeline/{d.leader}", MENTORS),
    MainPage("release plan", lambda d: f"/teams/{d.team}/release-plan", MENTORS),
    MainPage("mentoring loop", lambda d: f"/meetings/{d.ended}/mentoring", PLANNERS),
    MainPage("move logger", lambda d: f"/meetings/{d.running}/moves", PLANNERS, phone=True),
    MainPage("handoff", lambda d: f"/teams/{d.team}/leaders/{d.leader}/handoff", PLANNERS),
    MainPage("task library", lambda d: "/tasks", EVERYONE, phone=True),
    MainPage("task library, searched", lambda d: "/tasks", (TEACHER,), then=search_the_library),
    MainPage("task", lambda d: f"/tasks/{d.task}", EVERYONE, phone=True),
    MainPage("task draft", lambda d: f"/tasks/{d.draft}", MEMBERS),
    MainPage("write a task", lambda d: "/tasks/new", MEMBERS, phone=True),
    MainPage(
        "write a task, errors",
        lambda d: "/tasks/new",
        (TEACHER,),
        then=submit_blank_task,
    ),
    MainPage("edit a task", lambda d: f"/tasks/{d.task}/edit", EVERYONE),
    MainPage("delete the task?", lambda d: f"/tasks/{d.draft}/delete", MEMBERS),
    MainPage("import tasks", lambda d: "/tasks/import", MEMBERS),
    MainPage("admin: schools", lambda d: "/admin/schools", (ADMIN,)),
    MainPage("admin: school", lambda d: f"/admin/schools/{d.school}/edit", (ADMIN,)),
    MainPage("admin: people", lambda d: "/admin/people", (ADMIN,)),
    MainPage("admin: people, searched", lambda d: "/admin/people", (ADMIN,), then=search("e")),
    MainPage("admin: person", lambda d: f"/admin/people/{d.leader}/edit", (ADMIN,)),
    MainPage("admin: teams", lambda d: "/admin/teams/", (ADMIN,)),
    MainPage("admin: new team", lambda d: "/admin/teams/new", (ADMIN,)),
    MainPage("admin: team", lambda d: f"/admin/teams/{d.team}/edit", (ADMIN,), phone=True),
    MainPage(
        "admin: team, member search",
        lambda d: f"/admin/teams/{d.team}/edit",
        (ADMIN,),
        phone=True,
        then=search("e"),
    ),
    MainPage("admin: new invitation", lambda d: "/admin/invites/new", (ADMIN,)),
    MainPage("admin: invitation", lambda d: f"/admin/invites/{d.invite}", (ADMIN,)),
    MainPage("admin: bulk invitations", lambda d: "/admin/invites/bulk", (ADMIN,)),
    MainPage("broken invitation link", lambda d: "/invites/garbled", (SIGNED_OUT,), status=404),
]


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"  {violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"]:
            lines.append(f"    at {', '.join(map(str, node['target']))}")
            lines.append(f"       {node['failureSummary'].replace(chr(10), ' ')}")
    return "\n".join(lines)


def axe_violations(page: Page, demo: Demo, main_page: MainPage) -> list[str]:
    """Open `main_page` and return a description of each violation axe reports, if any."""
    response = page.goto(main_page.path(demo))
    assert response is not None and response.status == main_page.status, main_page.name
    assert response.url.endswith(main_page.path(demo)), f"{main_page.name} redirected"
    # Live fragments settle before axe looks: htmx is idle once nothing is in flight.
    page.wait_for_load_state("networkidle")
    expect(page.locator(".htmx-request")).to_have_count(0)
    if main_page.then:
        main_page.then(page)
        page.wait_for_load_state("networkidle")
    results = AXE.run(page).response
    assert results["passes"], "axe checked nothing"
    if not results["violations"]:
        return []
    return [f"{main_page.name} at {page.viewport_size}:\n{describe(results['violations'])}"]


@pytest.mark.parametrize("role", [SIGNED_OUT, ADMIN, MENTOR, LEADER, TEACHER])
def test_every_main_page_of_a_role_passes_axe(role, new_context, app):
    demo = _build_demo(app)
    found = []
    for viewport in (DESKTOP, PHONE):
        page = new_context(viewport=viewport).new_page()
        if role != SIGNED_OUT:
            sign_in(page, LOGINS[role], DEMO_PASSWORD)
            expect(page.get_by_role("navigation", name="Main")).to_be_visible()
        for main_page in PAGES:
            if role in main_page.roles and (viewport is DESKTOP or main_page.phone):
                found += axe_violations(page, demo, main_page)
    assert not found, "axe found accessibility violations:\n" + "\n".join(found)


@pytest.mark.parametrize(
    "viewport", [{"width": 1280, "height": 720}, {"width": 1920, "height": 1080}]
)
def test_the_projector_display_passes_axe_at_projector_sizes(viewport, new_context, app):
    demo = _build_demo(app)
    page = new_context(viewport=viewport).new_page()
    sign_in(page, LOGINS[LEADER], DEMO_PASSWORD)
    expect(page.get_by_role("navigation", name="Main")).to_be_visible()
    found = []
    for name, meeting in (("running", demo.running), ("ended", demo.ended)):
        path = f"/meetings/{meeting}/run/display"
        found += axe_violations(page, demo, MainPage(f"display, {name}", lambda d, p=path: p, ()))
    assert not found, "axe found accessibility violations:\n" + "\n".join(found)


# GET routes that draw no page of their own: fragments, streams, files and redirects.
NOT_PAGES = {
    "static",
    "home.healthz",
    "admin.index",  # redirects to the people
    "minutes.pdf",
    "handoff.pdf",
    "cycles.summary",  # the cycle summary PDF
    "run.events",
    "selection.events",  # the board's live stream
    "selection.board_fragment",  # the board, swapped into the board and cycle pages
    "run.state",
    "run.panel",
    "run.attendance_list",
    "run.contributions_list",
    "display.state",
    "display.panel",
    "display.contributions_list",
    "display.attendance_list",
    "console.state",
    "moves.show_log",
    "moves.waiting_nudges",
    "moves.sent_nudges",
    "tasks.file",  # the task's image or PDF, shown inside the task page
    "lesson_responses.board",  # the anticipate panel's board, swapped into the run views
    "lesson_responses.sketch",  # a response's sketch, shown inside the lesson page
    # The demo has no sketch to replace: axe checks this page in test_lesson_responses.py.
    "lesson_responses.edit_sketch",
    "lesson_fields.content",  # the lesson's plan and responses, swapped into its page
    "lesson_fields.plan_show",  # a field as shown, swapped back after its editor
    "lesson_fields.response_show",
    "lesson_fields.events",
    "lesson_fields.presence",  # who edits what, swapped into the lesson page
    "lesson_packet.packet",  # the lesson packet PDF
    "debriefs.events",
    "enactments.events",  # the record page's live stream
    "enactments.responses_fragment",  # the chart, swapped into the record page
    "debriefs.comparison_fragment",  # the comparison, swapped into the debrief page
    "debriefs.display_fragment",  # the same, into the debrief's projector view
    "debriefs.panel_charts",  # the charts, swapped into a debrief segment's run views
    "debriefs.report",  # the debrief report PDF
    "tap_count.current_counts",  # JSON for a counting device catching up
    "work_samples.image",  # a photo, shown inside the record and debrief pages
    # The demo restores nothing: axe checks this question in test_lesson_history.py.
    "lesson_history.confirm_restore",
    "task_transfer.export_csv",
    "task_transfer.export_json",
}


def test_every_page_route_is_a_main_page_checked_by_axe(app):
    """A new page fails here until it is added to PAGES (or NOT_PAGES, if it is no page)."""
    demo = Demo(
        *range(1, 9),
        invite_token="token",
        cycle=9,
        past_cycle=10,
        selecting=11,
        lesson=12,
        response=13,
        teaching=14,
        enactment=15,
        unanticipated=16,
        sample=17,
        debriefed=18,
    )
    urls = app.url_map.bind("localhost")
    checked = {urls.match(page.path(demo))[0] for page in PAGES if page.status == 200}
    pages = {rule.endpoint for rule in app.url_map.iter_rules() if "GET" in rule.methods}
    assert pages - NOT_PAGES - checked == set()
    assert not NOT_PAGES - pages, "a route named in NOT_PAGES is gone"
