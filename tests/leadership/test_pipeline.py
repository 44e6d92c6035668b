"""The Experience → Teach → Lead pipeline: a mentor records moves, the cohort page shows who is
where."""

from datetime import date

import pytest
import sqlalchemy as sa

from app.extensions import db
from app.leadership.models import Phase, PhaseChange
from app.teams.models import Role
from tests import factories
from tests.meetings.helpers import count, text, words


def changes_of(user) -> list[PhaseChange]:
    db.session.expire_all()
    return list(
        db.session.scalars(
            sa.select(PhaseChange)
            .where(PhaseChange.user_id == user.id)
            .order_by(PhaseChange.started_on, PhaseChange.id)
        )
    )


def record(client, team, person, **data):
    form = {"phase": "experience", "started_on": "2024-09-03", "note": "", "next_step": ""}
    form.update(data)
    return client.post(f"/teams/{team.id}/pipeline/{person.id}", data=form)


def column(page: str, phase: str) -> str:
    """The words of one phase's column of the cohort board."""
    start = page.index(f'id="phase-{phase}"')
    end = page.index("</section>", start)
    return " ".join(page[start:end].split())


def test_mentor_records_moves_experience_teach_lead_with_date_note_and_next_step(
    client_as, team_world
):
    world = team_world
    mentor = client_as("mentor")

    steps = [
        ("experience", "2024-09-03", "Joined the fall institute.", "Co-plan one task in October"),
        ("teach", "2024-11-12", "Taught Fraction Pairs and shared work.", "Observe a debrief"),
        ("lead", "2025-02-04", "Ran the anticipation segment.", "Lead the check-in in March"),
    ]
    for phase, day, note, next_step in steps:
        data = {"phase": phase, "started_on": day, "note": note, "next_step": next_step}
        response = record(mentor, world.team, world.leader, **data)
        assert response.status_code == 302
        assert response.headers["Location"] == f"/teams/{world.team.id}/pipeline"

    history = changes_of(world.leader)
    assert [(c.phase, c.started_on, c.note, c.next_step) for c in history] == [
        (Phase(p), date.fromisoformat(d), n, s) for p, d, n, s in steps
    ]
    assert {c.recorded_by_id for c in history} == {world.mentor.id}
    assert {c.team_id for c in history} == {world.team.id}

    person_page = words(mentor.get(f"/teams/{world.team.id}/pipeline/{world.leader.id}"))
    assert "Lead since February 4, 2025" in person_page
    assert "Joined the fall institute." in person_page
    assert "Next: Lead the check-in in March" in person_page
    assert "recorded by Ana Mentor" in person_page


def test_recording_a_move_says_who_is_now_in_which_phase(client_as, team_world):
    mentor = client_as("mentor")

    response = record(mentor, team_world.team, team_world.teacher, phase="teach")
    page = text(mentor.get(response.headers["Location"]))

    assert "Priya Teacher is now in the Teach phase." in page


def test_cohort_page_groups_people_by_current_phase_with_since_dates(client_as, team_world):
    world = team_world
    newcomer = factories.add_member(world.team, factories.make_user(name="Noor Newcomer"))
    factories.make_phase_change(world.team, world.leader, "experience", date(2024, 9, 3))
    factories.make_phase_change(
        world.team, world.leader, "lead", date(2025, 2, 4), next_step="Lead the March check-in"
    )
    factories.make_phase_change(world.team, world.teacher, "teach", date(2024, 11, 12))

    page = text(client_as("mentor").get(f"/teams/{world.team.id}/pipeline"))

    lead, teach, experience = (column(page, p) for p in ("lead", "teach", "experience"))
    assert "Jordan Leader" in lead
    assert "Teacher leader · since February 4, 2025" in lead
    assert "Next: Lead the March check-in" in lead
    assert "Priya Teacher" in teach and "since November 12, 2024" in teach
    assert "Jordan Leader" not in teach + experience
    assert "Nobody in this phase." in experience
    # Someone without any phase yet is listed apart; mentors are not in the cohort.
    unplaced = page[page.index("Not yet placed in a phase") :]
    assert "Noor Newcomer" in unplaced
    assert "Ana Mentor" not in page[page.index('class="pipeline-board"') :]
    assert newcomer.name not in lead + teach + experience


def test_cohort_page_shows_the_latest_phase_by_date_not_by_entry_order(client_as, team_world):
    world = team_world
    factories.make_phase_change(world.team, world.teacher, "teach", date(2025, 1, 10))
    # Entered later, but it happened earlier: the current phase is still Teach.
    factories.make_phase_change(world.team, world.teacher, "experience", date(2024, 9, 1))

    page = text(client_as("mentor").get(f"/teams/{world.team.id}/pipeline"))

    assert "Priya Teacher" in column(page, "teach")
    assert "Priya Teacher" not in column(page, "experience")


@pytest.mark.parametrize("role", ["teacher", "leader"])
def test_teacher_or_teacher_leader_gets_403_on_the_pipeline(client_as, team_world, role):
    client = client_as(role)
    team, person = team_world.team, team_world.teacher

    assert client.get(f"/teams/{team.id}/pipeline").status_code == 403
    assert client.get(f"/teams/{team.id}/pipeline/{person.id}").status_code == 403
    assert record(client, team, person).status_code == 403
    assert count(PhaseChange) == 0


def test_admin_may_record_a_phase(client_as, team_world):
    response = record(client_as("admin"), team_world.team, team_world.teacher)

    assert response.status_code == 302
    assert [c.recorded_by_id for c in changes_of(team_world.teacher)] == [team_world.admin.id]


def test_another_teams_member_gets_404(client_as, team_world):
    outsider = client_as("outsider")
    team = team_world.team

    assert outsider.get(f"/teams/{team.id}/pipeline").status_code == 404
    assert outsider.get(f"/teams/{team.id}/pipeline/{team_world.teacher.id}").status_code == 404
    assert record(outsider, team, team_world.teacher).status_code == 404
    assert count(PhaseChange) == 0


def test_mentor_of_one_team_gets_404_on_another_team(client_as, team_world):
    mentor = client_as("mentor")
    other = team_world.other_team

    assert mentor.get(f"/teams/{other.id}/pipeline").status_code == 404
    assert record(mentor, other, team_world.outsider).status_code == 404
    assert count(PhaseChange) == 0


def test_a_user_not_on_the_team_is_404(client_as, team_world):
    mentor = client_as("mentor")
    team = team_world.team
    stranger = factories.make_user()

    for person_id in (team_world.outsider.id, stranger.id, 987654):
        assert mentor.get(f"/teams/{team.id}/pipeline/{person_id}").status_code == 404
        response = mentor.post(
            f"/teams/{team.id}/pipeline/{person_id}",
            data={"phase": "teach", "started_on": "2024-09-03"},
        )
        assert response.status_code == 404
    assert count(PhaseChange) == 0


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"started_on": ""}, "started_on", "Choose the date."),
        ({"started_on": "next tuesday"}, "started_on", "Not a valid date value."),
        ({"phase": "superstar"}, "phase", "Not a valid choice."),
        ({"next_step": "x" * 301}, "next_step", "Field cannot be longer than 300 characters."),
    ],
    ids=["missing date", "bad date", "bogus phase", "long next step"],
)
def test_bad_input_is_422_with_messages_and_nothing_saved(
    client_as, team_world, data, field, message
):
    response = record(client_as("mentor"), team_world.team, team_world.teacher, **data)

    assert response.status_code == 422
    page = text(response)
    assert "Please fix the problem marked below." in page
    assert f'id="{field}-error">{message}' in page
    assert 'aria-invalid="true"' in page
    assert count(PhaseChange) == 0


def test_bad_input_keeps_what_the_mentor_typed(client_as, team_world):
    response = record(
        client_as("mentor"),
        team_world.team,
        team_world.teacher,
        started_on="",
        note="Strong questioning in the debrief.",
        next_step="x" * 301,
    )

    page = text(response)
    assert "Strong questioning in the debrief." in page
    assert "x" * 301 in page


def test_next_step_of_exactly_300_characters_is_saved(client_as, team_world):
    response = record(client_as("mentor"), team_world.team, team_world.teacher, next_step="y" * 300)

    assert response.status_code == 302
    assert changes_of(team_world.teacher)[0].next_step == "y" * 300


def test_cohort_statement_count_does_not_grow_with_people_or_moves(
    client_as, team_world, count_statements
):
    world = team_world
    mentor = client_as("mentor")
    url = f"/teams/{world.team.id}/pipeline"
    factories.make_phase_change(world.team, world.teacher, "teach", recorded_by=world.mentor)
    mentor.get(url)
    with count_statements() as few:
        assert mentor.get(url).status_code == 200

    for n in range(12):
        person = factories.add_member(
            world.team, factories.make_user(), Role.teacher if n % 3 else Role.teacher_leader
        )
        for phase in ("experience", "teach", "lead")[: n % 3 + 1]:
            factories.make_phase_change(world.team, person, phase, recorded_by=world.mentor)
    with count_statements() as many:
        assert mentor.get(url).status_code == 200

    assert many.count == few.count


def test_person_page_statement_count_does_not_grow_with_history(
    client_as, team_world, count_statements
):
    world = team_world
    mentor = client_as("mentor")
    url = f"/teams/{world.team.id}/pipeline/{world.leader.id}"
    factories.make_phase_change(world.team, world.leader, "experience", recorded_by=world.mentor)
    with count_statements() as few:
        assert mentor.get(url).status_code == 200

    second_mentor = factories.add_member(world.team, role=Role.mentor)
    for n in range(10):
        recorder = world.mentor if n % 2 else second_mentor
        factories.make_phase_change(world.team, world.leader, "teach", recorded_by=recorder)
    with count_statements() as many:
        assert mentor.get(url).status_code == 200

    assert many.count == few.count


def test_mentors_are_not_in_the_pipeline(client_as, team_world):
    mentor = client_as("mentor")
    path = f"/teams/{team_world.team.id}/pipeline/{team_world.mentor.id}"

    assert mentor.get(path).status_code == 404
    refused = mentor.post(path, data={"phase": "lead", "started_on": "2026-09-01"})
    assert refused.status_code == 404
