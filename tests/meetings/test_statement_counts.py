"""Every meeting page runs a fixed number of SQL statements, however much the team has done."""

import uuid
from datetime import timedelta

import pytest
from flask import current_app

from app.auth.models import User
from app.extensions import db
from app.meetings.models import (
    AgendaTemplate,
    Attendance,
    Contribution,
    ContributionKind,
    Meeting,
    Segment,
    SegmentKind,
    TemplateSegment,
)
from app.teams.models import Membership, Role
from app.timeutil import local_now, utcnow
from tests import factories

KINDS = ("note", "question", "decision")


def grow(world, meeting, n: int) -> None:
    """n more of everything: members, segments, contributions, attendance, meetings, templates.

    Rows are added in bulk (a few commits, not hundreds) to keep the test fast on SQLite.
    """
    current = meeting.segments[0]
    members = [
        User(email=f"grown{uuid.uuid4().hex}@example.org", name=f"Grown {i}", password_hash="x")
        for i in range(n)
    ]
    db.session.add_all(members)
    db.session.add_all(Membership(team=world.team, user=m, role=Role.teacher) for m in members)
    db.session.flush()

    def note(where, author, body, kind="note", segment=None, **fields):
        return Contribution(
            meeting_id=where.id,
            segment_id=(segment or where.segments[0]).id,
            author_id=author.id,
            kind=ContributionKind(kind),
            body=body,
            **fields,
        )

    rows = []
    for i, member in enumerate(members):
        meeting.segments.append(
            Segment(
                position=len(meeting.segments),
                title=f"Segment {i}",
                kind=SegmentKind.next_steps,
                planned_minutes=5,
                facilitator_id=member.id,
                elapsed_seconds=120,
            )
        )
        rows.append(Attendance(meeting_id=meeting.id, user_id=member.id, present=i % 2 == 0))
        rows += [note(meeting, member, f"{kind} {i}", kind, current) for kind in KINDS]
        rows.append(note(meeting, member, f"action {i}", "action", current, owner_id=member.id))
        rows.append(note(meeting, world.teacher, f"my private {i}", is_private=True))
        rows.append(note(meeting, member, f"their private {i}", is_private=True))
        rows.append(
            AgendaTemplate(
                team_id=world.team.id,
                name=f"Template {i}",
                segments=[
                    TemplateSegment(
                        position=0, title="One", kind=SegmentKind.check_in, planned_minutes=5
                    ),
                    TemplateSegment(
                        position=1, title="Two", kind=SegmentKind.debrief, planned_minutes=10
                    ),
                ],
            )
        )

    earlier = [
        Meeting(
            team=world.team,
            title=f"Earlier {i}",
            starts_at=meeting.starts_at - timedelta(days=i + 1),
            ended_at=utcnow(),
            segments=[Segment(position=0, title="Next steps", kind=SegmentKind.next_steps)],
        )
        for i in range(n)
    ]
    upcoming = [
        Meeting(
            team=world.team,
            title=f"Upcoming {i}",
            starts_at=local_now() + timedelta(days=i + 2),
            segments=[Segment(position=0, title="A"), Segment(position=1, title="B")],
        )
        for i in range(n)
    ]
    db.session.add_all(rows + earlier + upcoming)
    db.session.flush()
    for i, member in enumerate(members):
        db.session.add_all(
            [
                note(earlier[i], member, f"open action {i}", "action", owner_id=member.id),
                note(earlier[i], member, f"next step {i}", "decision"),
                note(upcoming[i], member, f"owed {i}", "action", owner_id=world.teacher.id),
                note(upcoming[i], member, f"owed {i}", "action", owner_id=world.mentor.id),
            ]
        )
    db.session.commit()


def pages(world, meeting, presenter: bool = False) -> list[str]:
    run = f"/meetings/{meeting.id}/run"
    console = [f"{run}/console", f"{run}/console/state", f"{run}/console/end"]
    display = [f"{run}/display"] + [
        f"{run}/display/{part}" for part in ("state", "panel", "contributions", "attendance")
    ]
    return [
        run,
        f"{run}/state",
        f"{run}/contributions",
        f"{run}/attendance",
        f"{run}/panel",
        *(console if presenter else []),
        *display,
        f"/meetings/{meeting.id}/minutes",
        f"/meetings/{meeting.id}",
        f"/teams/{world.team.id}/meetings",
        "/",
    ]


def statements_per_page(client, urls, count_statements) -> dict[str, int]:
    """Statements of each page rendered afresh (run-view fragments not from their cache)."""
    counts = {}
    for url in urls:
        current_app.extensions.pop("run_cache", None)
        with count_statements() as counter:
            response = client.get(url)
        assert response.status_code == 200, url
        counts[url] = counter.count
    return counts


@pytest.mark.parametrize("role", ["teacher", "mentor"])
def test_meeting_pages_run_the_same_statements_with_one_or_twenty_of_everything(
    client_as, team_world, count_statements, role
):
    meeting = factories.make_meeting(
        team_world.team,
        title="Fractions planning",
        segments=[{"title": "Check-in", "kind": SegmentKind.check_in}],
        running=True,
    )
    grow(team_world, meeting, 1)
    client = client_as(role)
    urls = pages(team_world, meeting, presenter=role == "mentor")
    statements_per_page(client, urls, count_statements)  # the first visit records attendance

    with_one = statements_per_page(client, urls, count_statements)
    grow(team_world, meeting, 19)
    with_twenty = statements_per_page(client, urls, count_statements)

    assert with_twenty == with_one


def test_twenty_of_everything_is_really_on_the_pages(client_as, team_world):
    meeting = factories.make_meeting(
        team_world.team,
        segments=[{"title": "Check-in", "kind": SegmentKind.check_in}],
        running=True,
    )
    grow(team_world, meeting, 20)
    client = client_as("teacher")
    run = client.get(f"/meetings/{meeting.id}/run").get_data(as_text=True)
    assert run.count('class="contribution ') == 20 * 4 + 20
    assert "open action 19" in run and "next step 0" in run
    # What was left open is bounded: the newest eight, then how many more.
    assert run.count("open action ") == 8 and "and 12 more not yet done" in run
    assert "their private" not in run
    display = client.get(f"/meetings/{meeting.id}/run/display").get_data(as_text=True)
    assert display.count('class="contribution ') == 20 * 4
    assert "my private" not in display and "their private" not in display
    minutes = client.get(f"/meetings/{meeting.id}/minutes").get_data(as_text=True)
    assert minutes.count("<tr>") >= 21 + 20
    dashboard = client.get("/").get_data(as_text=True)
    assert dashboard.count("<p>owed ") == 10 and "And 10 more" in dashboard
    owed = client.get("/owed").get_data(as_text=True)
    assert owed.count("<p>owed ") == 20
    index = client.get(f"/teams/{team_world.team.id}/meetings").get_data(as_text=True)
    assert "Template 19 · 2 segments, 15 min" in index


def grow_trust(world, meeting, planned, n: int) -> None:
    """n more deleted meetings (each by a new person), contributions removed a moment ago,
    and segments of `planned` taken from n different earlier meetings."""
    people = [
        User(email=f"deleter{uuid.uuid4().hex}@example.org", name=f"Deleter {i}", password_hash="x")
        for i in range(n)
    ]
    db.session.add_all(people)
    db.session.flush()
    sources = [
        Meeting(
            team=world.team,
            title=f"Source {i}",
            starts_at=planned.starts_at - timedelta(days=i + 1),
            deleted_at=utcnow(),
            deleted_by_id=person.id,
        )
        for i, person in enumerate(people)
    ]
    db.session.add_all(sources)
    db.session.flush()
    for i, source in enumerate(sources):
        planned.segments.append(
            Segment(
                position=len(planned.segments),
                title=f"From source {i}",
                origin="last_session",
                origin_meeting_id=source.id,
            )
        )
        db.session.add(
            Contribution(
                meeting_id=meeting.id,
                segment_id=meeting.segments[0].id,
                author_id=world.teacher.id,
                kind=ContributionKind.note,
                body=f"removed {i}",
                removed_at=utcnow(),
                removed_by_id=world.teacher.id,
            )
        )
    db.session.commit()


@pytest.mark.parametrize("role", ["teacher", "mentor"])
def test_undo_offers_deleted_meetings_and_planning_sources_keep_statements_constant(
    client_as, team_world, count_statements, role
):
    meeting = factories.make_meeting(
        team_world.team, segments=[{"title": "Check-in"}], running=True
    )
    planned = factories.make_meeting(team_world.team, title="Planned", segments=[])
    grow_trust(team_world, meeting, planned, 1)
    client = client_as(role)
    urls = [
        f"/meetings/{meeting.id}/run/contributions",
        f"/meetings/{planned.id}",
        f"/teams/{team_world.team.id}/meetings",
    ]
    if role == "mentor":
        urls.append(f"/meetings/{planned.id}/delete")
    statements_per_page(client, urls, count_statements)

    with_one = statements_per_page(client, urls, count_statements)
    grow_trust(team_world, meeting, planned, 19)
    with_twenty = statements_per_page(client, urls, count_statements)

    assert with_twenty == with_one
    undo = client.get(urls[0]).get_data(as_text=True)
    assert undo.count('class="undo-offer"') == 20
    if role == "mentor":
        index = client.get(urls[2]).get_data(as_text=True)
        assert index.count("Deleter ") == 20
        assert client.get(urls[1]).get_data(as_text=True).count("Source ") == 20


FRAGMENTS = {
    # fragment: statements rendered afresh, after the sign-in's own (the user loader). Each
    # starts with access.run_check (the cache key: access, role, run columns, facts), which is
    # all a stored fragment costs; a fresh one then loads:
    "state": 2,  # the meeting, its team and agenda: one statement
    "panel": 4,  # that, and the continuity panel's open actions and next steps
    "contributions": 3,  # that, and the contributions with their authors' and owners' names
    "attendance": 3,  # that, and the members with whether they are here
    "display/state": 2,
    "display/panel": 4,
    "display/contributions": 3,
    "display/attendance": 3,
    "console/state": 2,
}


@pytest.mark.parametrize("n", [1, 20])
def test_each_run_fragment_runs_a_fixed_number_of_statements_and_one_when_stored(
    client_as, team_world, count_statements, n
):
    meeting = factories.make_meeting(
        team_world.team,
        segments=[{"title": "Check-in", "kind": SegmentKind.check_in}],
        running=True,
    )
    grow(team_world, meeting, n)
    meeting.timer_started_at = None  # paused: the state's countdown second is its cache key
    db.session.commit()
    client = client_as("mentor")
    with count_statements() as signed_in:
        client.get("/bench/nothing-here")  # the user loader's statements on any request
    for fragment, statements in FRAGMENTS.items():
        url = f"/meetings/{meeting.id}/run/{fragment}"
        (fresh,) = statements_per_page(client, [url], count_statements).values()
        with count_statements() as counter:
            assert client.get(url).status_code == 200
        assert (fresh, counter.count) == (signed_in.count + statements, signed_in.count + 1), url


def test_no_run_fragment_reads_a_members_password_hash(client_as, team_world, count_statements):
    meeting = factories.make_meeting(team_world.team, segments=["Check-in"], running=True)
    grow(team_world, meeting, 3)
    client = client_as("mentor")
    for fragment in ["", *FRAGMENTS]:
        current_app.extensions.pop("run_cache", None)
        with count_statements() as counter:
            client.get(f"/meetings/{meeting.id}/run/{fragment}".rstrip("/"))
        # Only the signed-in person's own row (the user loader; after the run page records
        # their visit, its refresh): never the team's.
        hashes = [s for s in counter.statements if "password_hash" in s]
        assert all(" WHERE users.id = " in " ".join(s.split()) for s in hashes), fragment
        assert all("memberships" not in s for s in hashes), fragment
