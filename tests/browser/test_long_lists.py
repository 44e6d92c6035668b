"""Long lists in a browser: the member search on a team, and a team's meetings by school year."""

import uuid
from datetime import datetime, timedelta

import pytest
from playwright.sync_api import Page, expect

from app.auth.models import User
from app.demo.seed import DEMO_PASSWORD
from app.extensions import db
from app.meetings.models import Contribution, ContributionKind, Meeting, Segment
from app.schoolyear import school_year_label, school_year_of
from app.teams.models import Team
from app.timeutil import local_now
from tests import factories
from tests.browser.conftest import PHONE, screenshot, sign_in
from tests.demo_snapshot import seed_demo

pytestmark = pytest.mark.browser

TEAM = "Grade 5 Science Team"
PERSON = "Marcus Bell"


def _district_sized_team() -> tuple[int, int]:
    """A team with 30 meetings in the last school year and 3 the year before, and 60 more
    people in the district; returns (team id, last school year)."""
    demo_team = db.session.query(Team).filter_by(name="Grade 4 Math Team").one()
    team = factories.make_team(TEAM, grade="5", district=demo_team.district)
    db.session.add_all(
        User(
            email=f"extra{i}-{uuid.uuid4().hex[:6]}@demo.test",
            name=f"Extra Teacher {i:02d}",
            password_hash="x",
        )
        for i in range(60)
    )
    last = school_year_of(local_now()) - 1
    for year, count in ((last, 30), (last - 1, 3)):
        first = datetime(year, 9, 8, 15, 30)
        db.session.add_all(
            Meeting(
                team=team,
                title=f"Science meeting {year} #{i + 1:02d}",
                starts_at=first + timedelta(days=7 * i),
                started_at=first + timedelta(days=7 * i),
                ended_at=first + timedelta(days=7 * i, hours=1),
                segments=[Segment(position=0, title="Check-in")],
            )
            for i in range(count)
        )
    db.session.commit()
    return team.id, last


def test_admin_adds_a_member_by_search_and_pages_through_the_meetings_by_year(
    page: Page, new_context, live_server
):
    seed_demo()
    team_id, last = _district_sized_team()
    sign_in(page, "admin@demo.test", DEMO_PASSWORD)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Administration").click()
    page.get_by_role("navigation", name="Administration").get_by_role("link", name="Teams").click()
    page.get_by_role("link", name=f"Manage {TEAM}").click()
    expect(page.get_by_role("heading", name=TEAM, level=1)).to_be_visible()

    search = page.get_by_role("searchbox", name="Find a person by name or email")
    search.fill("extra teacher")
    page.get_by_role("button", name="Search").click()
    found = page.get_by_role("form", name="People found")
    expect(found.get_by_role("button", name="Add Extra Teacher 00")).to_be_visible()
    expect(found.get_by_role("button", name="Add Extra Teacher 19")).to_be_visible()
    expect(found.get_by_role("button", name="Add Extra Teacher 20")).to_have_count(0)
    expect(page.get_by_text("Only the first 20 matches are shown")).to_be_visible()

    search.fill("marcus")
    page.get_by_role("button", name="Search").click()
    expect(found.get_by_role("button", name=f"Add {PERSON}")).to_be_visible()
    found.get_by_label("Role on this team").select_option(label="Teacher leader")
    screenshot(page, "admin-team-member-search")
    found.get_by_role("button", name=f"Add {PERSON}").click()
    expect(page.get_by_text(f"{PERSON} joined {TEAM}.")).to_be_visible()
    expect(page.get_by_label(f"Role of {PERSON}")).to_have_value("teacher_leader")
    search.fill("marcus")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_text("who is not on this team matches “marcus”")).to_be_visible()

    page.get_by_role("link", name="View team page").click()
    page.get_by_role("link", name="Meetings", exact=True).click()
    past = page.get_by_role("region", name=f"Past meetings, {school_year_label(last)}")
    expect(past).to_be_visible()
    expect(past.get_by_role("link", name=f"Science meeting {last} #30", exact=True)).to_be_visible()
    expect(past.get_by_role("link", name=f"Minutes of Science meeting {last} #")).to_have_count(25)
    expect(past.get_by_text("1–25 of 30")).to_be_visible()
    screenshot(page, "team-meetings-by-year")
    past.get_by_role("link", name="Next page").click()
    expect(past.get_by_role("link", name=f"Science meeting {last} #01", exact=True)).to_be_visible()
    expect(past.get_by_role("link", name=f"Minutes of Science meeting {last} #")).to_have_count(5)

    years = page.get_by_role("navigation", name="School years")
    years.get_by_role("link", name=school_year_label(last - 1)).click()
    earlier = page.get_by_role("region", name=f"Past meetings, {school_year_label(last - 1)}")
    expect(
        earlier.get_by_role("link", name=f"Minutes of Science meeting {last - 1} #")
    ).to_have_count(3)
    expect(years.get_by_role("link", name=school_year_label(last - 1))).to_have_attribute(
        "aria-current", "page"
    )
    phone = new_context(viewport=PHONE).new_page()
    sign_in(phone, "admin@demo.test", DEMO_PASSWORD)
    expect(phone.get_by_role("heading", name="My teams")).to_be_visible()
    phone.goto(f"/teams/{team_id}/meetings")
    expect(phone.get_by_role("navigation", name="School years")).to_be_visible()
    screenshot(phone, "team-meetings-by-year-phone")
    phone.goto(f"/admin/teams/{team_id}/edit?q=extra")
    screenshot(phone, "admin-team-member-search-phone")


def _owed_by_priya(n: int) -> None:
    team = db.session.query(Team).filter_by(name="Grade 4 Math Team").one()
    priya = db.session.query(User).filter_by(email="teacher1@demo.test").one()
    meeting = factories.make_meeting(team, segments=["Next steps"], title="Planning follow-up")
    db.session.add_all(
        Contribution(
            meeting_id=meeting.id,
            segment_id=meeting.segments[0].id,
            author_id=priya.id,
            kind=ContributionKind.action,
            body=f"Bring student work sample {i + 1}",
            owner_id=priya.id,
            due_on=local_now().date() + timedelta(days=i - 2),
        )
        for i in range(n)
    )
    db.session.commit()


def test_screens_of_the_other_bounded_lists(page: Page, new_context, live_server):
    seed_demo()
    _district_sized_team()
    _owed_by_priya(13)
    sign_in(page, "admin@demo.test", DEMO_PASSWORD)
    expect(page.get_by_role("heading", name="My teams")).to_be_visible()
    page.goto("/admin/people")
    expect(page.get_by_role("navigation", name="Pages of people")).to_be_visible()
    screenshot(page, "admin-people-paged")
    page.get_by_role("searchbox", name="Find a person by name or email").fill("bell")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("cell", name=PERSON, exact=True)).to_be_visible()
    screenshot(page, "admin-people-searched")
    page.goto("/admin/teams/")
    screenshot(page, "admin-teams-paged")
    teacher = new_context().new_page()
    sign_in(teacher, "teacher1@demo.test", DEMO_PASSWORD)
    expect(teacher.get_by_role("heading", name="What I owe")).to_be_visible()
    screenshot(teacher, "dashboard-what-i-owe")
    teacher.get_by_role("link", name="And 3 more action items I owe").click()
    expect(teacher.get_by_role("heading", name="What I owe", level=1)).to_be_visible()
    screenshot(teacher, "owed-page")
