"""The demo's teacher leader: eight and more past sessions that show the facilitation handoff,
checked with the same figures the handoff page draws."""

import re
from datetime import timedelta

import pytest
import sqlalchemy as sa

from app.auth.models import User
from app.demo.seed import DEMO_PASSWORD, PEOPLE, _seed_people
from app.demo.sessions import PLANNING_AGENDA, PLANNING_TITLE, UPCOMING_AGENDA, UPCOMING_TITLE
from app.extensions import db
from app.leadership.figures import handoff
from app.leadership.models import (
    FacilitationMove,
    MentoringLoop,
    MoveBy,
    MoveType,
    Nudge,
    Phase,
    PhaseChange,
)
from app.meetings.models import (
    Attendance,
    Contribution,
    ContributionKind,
    Meeting,
    ReleaseLevel,
    Segment,
)
from app.teams.models import Team
from app.timeutil import local_now
from tests.demo_snapshot import seed_demo

MODELS = (
    User,
    Team,
    Meeting,
    Segment,
    Contribution,
    Attendance,
    FacilitationMove,
    Nudge,
    MentoringLoop,
    PhaseChange,
)


def person(email: str) -> User:
    return db.session.scalar(sa.select(User).where(User.email == email))


def demo_team() -> Team:
    return db.session.scalar(sa.select(Team))


def counts() -> dict[str, int]:
    db.session.expire_all()
    return {
        model.__name__: db.session.scalar(sa.select(sa.func.count()).select_from(model))
        for model in MODELS
    }


@pytest.fixture
def figures():
    seed_demo()
    return handoff(demo_team(), person("leader@demo.test"))


def test_the_leader_has_at_least_eight_ended_meetings_since_the_school_year_began(figures):
    sessions = figures.sessions
    assert len(sessions) >= 8
    days = [s.meeting.starts_at.date() for s in sessions]
    today = local_now().date()
    assert all(s.meeting.ended_at and s.meeting.ended_at > s.meeting.started_at for s in sessions)
    assert all(day < today for day in days)
    assert 70 <= (today - days[0]).days <= 100
    assert all(day.weekday() < 5 for day in days)
    leader = person("leader@demo.test")
    assert all(any(g.facilitator_id == leader.id for g in s.meeting.segments) for s in sessions[1:])


def test_segments_ran_close_to_their_planned_minutes(figures):
    for session in figures.sessions:
        meeting = session.meeting
        for segment in meeting.segments:
            assert 0.75 <= segment.elapsed_seconds / (segment.planned_minutes * 60) <= 1.3
        run = sum(s.elapsed_seconds for s in meeting.segments)
        assert (meeting.ended_at - meeting.started_at).total_seconds() >= run


def test_the_leader_takes_over_the_segment_minutes_and_the_release_level_rises(figures):
    sessions = figures.sessions
    first, last = figures.leader_share_first_last
    assert first < 0.3
    assert last > 0.7
    assert sessions[0].share("mentor") > 0.7 > sessions[-1].share("mentor")
    steps = [s.release_step for s in sessions]
    assert steps[0] == 1.0
    assert steps[-1] > 3.0
    assert sum(steps[-3:]) > sum(steps[:3])
    assert steps[:7] == sorted(steps[:7])
    last_levels = [seg.release_level for seg in sessions[-1].meeting.segments]
    alone = last_levels.count(ReleaseLevel.leader_alone)
    assert alone > len(last_levels) / 2
    first_levels = {seg.release_level for seg in sessions[0].meeting.segments}
    assert first_levels == {ReleaseLevel.mentor_leads}


def test_the_moves_follow_the_research_curve(figures):
    sessions = figures.sessions

    def total(chunk, by, types):
        return sum(s.move_count(by, t) for s in chunk for t in types)

    taken_up = (MoveType.structuring, MoveType.cultivating)
    early, late = sessions[:3], sessions[-3:]
    assert total(late, MoveBy.leader, taken_up) > 3 * total(early, MoveBy.leader, taken_up)
    assert total(late, MoveBy.mentor, taken_up) * 3 < total(early, MoveBy.mentor, taken_up)
    eliciting = (MoveType.eliciting,)
    assert total(late, MoveBy.participant, eliciting) > 2 * total(
        early, MoveBy.participant, eliciting
    )
    # Every session has moves of all three kinds of people.
    assert all(s.move_count(MoveBy.mentor) and s.move_count(MoveBy.participant) for s in sessions)


def test_every_move_is_stamped_with_a_segment_of_its_meeting_during_that_segment(figures):
    meetings = {s.meeting.id: s.meeting for s in figures.sessions}
    moves = db.session.scalars(sa.select(FacilitationMove)).all()
    assert {m.meeting_id for m in moves} == set(meetings)
    mentor = person("mentor@demo.test")
    for move in moves:
        meeting = meetings[move.meeting_id]
        assert move.segment in meeting.segments
        assert move.logged_by_id == mentor.id
        at = meeting.started_at
        for segment in meeting.segments:
            if segment is move.segment:
                assert at <= move.created_at <= at + timedelta(seconds=segment.elapsed_seconds)
            at += timedelta(seconds=segment.elapsed_seconds)
        assert move.created_at <= meeting.ended_at
    noted = [m for m in moves if m.note]
    assert 20 <= len(noted) < len(moves) / 5


def test_minutes_attendance_and_action_items(figures):
    today = local_now().date()
    for session in figures.sessions:
        meeting = session.meeting
        contributions = db.session.scalars(
            sa.select(Contribution).where(Contribution.meeting_id == meeting.id)
        ).all()
        kinds = {c.kind for c in contributions}
        assert {ContributionKind.note, ContributionKind.decision, ContributionKind.action} <= kinds
        assert all(c.segment_id in {s.id for s in meeting.segments} for c in contributions)
        present = db.session.scalars(
            sa.select(Attendance.user_id).where(
                Attendance.meeting_id == meeting.id, Attendance.present
            )
        ).all()
        assert len(present) >= 4
        assert {c.author_id for c in contributions} <= set(present)
        if (today - meeting.starts_at.date()).days > 30:
            actions = [c for c in contributions if c.kind == ContributionKind.action]
            assert all(c.done_at and c.owner_id and c.due_on for c in actions)


def test_a_mentoring_loop_around_each_session(figures):
    """Plan together → enact → debrief: first around the session Jordan watched Ana model,
    then around every session Jordan facilitated, and planned for the upcoming one."""
    loops = figures.loops
    past = [s.meeting for s in figures.sessions]
    assert [loop.meeting for loop in loops[: len(past)]] == past
    debriefed = loops[: len(past)]
    assert all(loop.stage == "debrief" for loop in debriefed)
    for loop in debriefed:
        for text in (
            loop.leader_goals,
            loop.planning_notes,
            loop.leader_reflection,
            loop.mentor_reflection,
            loop.next_goals,
        ):
            assert len(text) > 80
    # The upcoming debrief has been planned together, not yet debriefed.
    upcoming = loops[-1]
    assert upcoming.meeting.title == UPCOMING_TITLE
    assert upcoming.stage == "planned"

    def words(text: str) -> set[str]:
        return {w.lower() for w in re.findall(r"\w{4,}", text)}

    for before, after in zip(loops, loops[1:], strict=False):
        assert len(words(before.next_goals) & words(after.leader_goals)) >= 4
    everything = " ".join(
        loop.planning_notes + loop.leader_reflection + loop.mentor_reflection for loop in loops
    ).lower()
    for topic in ("fraction", "number talk", "anticipat", "justification", "time"):
        assert topic in everything


def test_nudges_reach_only_the_leader_and_some_were_dismissed(figures):
    nudges = db.session.scalars(sa.select(Nudge)).all()
    leader, mentor = person("leader@demo.test"), person("mentor@demo.test")
    assert len(nudges) >= 5
    assert {(n.from_id, n.to_id) for n in nudges} == {(mentor.id, leader.id)}
    dismissed = [n for n in nudges if n.dismissed_at]
    assert 0 < len(dismissed) < len(nudges)
    assert all(n.dismissed_at > n.created_at for n in dismissed)


def test_the_pipeline_of_the_team(figures):
    changes = db.session.scalars(
        sa.select(PhaseChange).order_by(PhaseChange.started_on, PhaseChange.id)
    ).all()
    by_person: dict[str, list[PhaseChange]] = {}
    for change in changes:
        by_person.setdefault(change.user.email, []).append(change)
    jordan = by_person["leader@demo.test"]
    assert [c.phase for c in jordan] == [Phase.experience, Phase.teach, Phase.lead]
    assert jordan[-1].started_on < figures.sessions[0].meeting.starts_at.date()
    assert all(c.note and c.next_step for c in changes)
    assert {c.recorded_by.email for c in changes} == {"mentor@demo.test"}
    teachers = ["teacher1@demo.test", "teacher2@demo.test", "teacher3@demo.test"]
    assert sorted(by_person) == sorted(["leader@demo.test", *teachers])
    for email in teachers:
        assert by_person[email][-1].phase in (Phase.experience, Phase.teach)


def test_the_demo_meetings_of_before_are_kept():
    seed_demo()
    planning = db.session.scalar(sa.select(Meeting).where(Meeting.title == PLANNING_TITLE))
    assert planning.starts_at.date() == local_now().date() - timedelta(days=14)
    assert [s.title for s in planning.segments] == [plan.title for plan in PLANNING_AGENDA]
    upcoming = db.session.scalar(sa.select(Meeting).where(Meeting.title == UPCOMING_TITLE))
    assert upcoming.status == "planned"
    assert upcoming.starts_at > local_now()
    assert [s.title for s in upcoming.segments] == [plan.title for plan in UPCOMING_AGENDA]


def test_seeding_twice_creates_nothing_new():
    assert seed_demo() is True
    before = counts()
    assert seed_demo() is False
    assert counts() == before
    assert before["Meeting"] >= 10


def test_an_older_demo_gains_only_the_missing_handoff():
    """A database loaded before the handoff existed: people and two meetings, nothing else."""
    from app.demo.meetings import seed_meetings

    _seed_people()
    team = demo_team()
    people = {plan.key: person(plan.email) for plan in PEOPLE}
    seed_meetings(team, people, local_now().date())
    before = counts()
    assert before["FacilitationMove"] == before["MentoringLoop"] == 0
    assert seed_demo() is True
    after = counts()
    assert after["User"] == before["User"]
    assert after["Meeting"] > before["Meeting"]
    assert after["FacilitationMove"] > 0
    assert seed_demo() is False


def test_the_mentor_sees_the_handoff_page_and_the_minutes(app):
    seed_demo()
    team, leader = demo_team(), person("leader@demo.test")
    client = app.test_client()
    client.post("/sign-in", data={"email": "mentor@demo.test", "password": DEMO_PASSWORD})
    page = client.get(f"/teams/{team.id}/leaders/{leader.id}/handoff")
    assert page.status_code == 200
    assert "What does S.K. know?" in page.get_data(as_text=True)
    first = db.session.scalar(sa.select(Meeting).order_by(Meeting.starts_at).limit(1))
    minutes = client.get(f"/meetings/{first.id}/minutes")
    assert minutes.status_code == 200
    assert "Auditorium Seats" in minutes.get_data(as_text=True)
