"""The generated benchmark district: its size, its refusal to mix with other data, and
pages of a generated team rendered for a generated member."""

import hashlib
from datetime import datetime

import pytest
import sqlalchemy as sa

from app import bench_data
from app.auth.models import User
from app.bench_data import DISTRICT_PASSWORD, seed_district
from app.bench_data.context import Size
from app.cycles.models import Cycle, CycleStage
from app.demo.sessions import AGENDAS
from app.enactments.models import Enactment, Tally, Tap, Unanticipated, WorkSample
from app.extensions import db
from app.leadership.models import FacilitationMove, MentoringLoop, Nudge, PhaseChange
from app.lessons.models import AnticipatedResponse, Lesson, LessonChange
from app.meetings.models import Attendance, Contribution, Meeting, Segment
from app.selection.models import Candidate, CandidateRating, CandidateWork
from app.tasks.models import Task
from app.teams.models import Membership, Role, School, Team
from tests import factories
from tests.conftest import _empty_all_tables

SCALE = 0.05


def count(model) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


def test_district_has_the_size_asked_for_and_the_same_rows_every_run(app):
    size = Size.at(SCALE)
    written = seed_district(scale=SCALE)
    meetings = size.teams * (size.held_weeks + size.planned_weeks)
    assert count(School) == size.schools
    assert count(Team) == size.teams
    assert count(User) == size.people
    assert count(Meeting) == meetings == written["meetings"]
    per_team = [len(AGENDAS[n % len(AGENDAS)]) for n in range(meetings // size.teams)]
    assert count(Segment) == size.teams * sum(per_team) == written["segments"]
    held = db.session.scalar(
        sa.select(sa.func.count(Meeting.id)).where(Meeting.ended_at.is_not(None))
    )
    assert held == size.teams * size.held_weeks
    for model in (
        Contribution,
        FacilitationMove,
        MentoringLoop,
        Nudge,
        Attendance,
        PhaseChange,
        Candidate,
        CandidateWork,
        CandidateRating,
        Lesson,
        AnticipatedResponse,
        LessonChange,
        Enactment,
        Unanticipated,
        Tally,
        Tap,
        WorkSample,
    ):
        assert count(model) == written[model.__tablename__] > 0
    assert 19 * held <= count(Contribution) <= 39 * held
    assert count(MentoringLoop) <= held

    first = fingerprint()
    db.session.commit()
    _empty_all_tables()
    assert seed_district(scale=SCALE) == written
    assert fingerprint() == first


# Set at load time, not generated: the moment of the load and the salted password hash.
NOT_GENERATED = {"password_hash", "created_at:users", "created_at:phase_changes"}


def fingerprint() -> dict[str, str]:
    """A digest of every row of every table, in id order."""
    digests = {}
    for table in db.metadata.sorted_tables:
        columns = [
            c for c in table.columns if not {c.name, f"{c.name}:{table.name}"} & NOT_GENERATED
        ]
        rows = db.session.execute(sa.select(*columns).order_by(*table.primary_key.columns))
        digests[table.name] = hashlib.sha256(repr(rows.all()).encode()).hexdigest()
    return digests


def test_meetings_follow_the_demo_teams_agendas_in_order(app):
    seed_district(scale=SCALE)
    team_id = db.session.scalar(sa.select(Team.id).order_by(Team.id).limit(1))
    meetings = db.session.scalars(
        sa.select(Meeting).where(Meeting.team_id == team_id).order_by(Meeting.starts_at)
    ).all()
    for number, meeting in enumerate(meetings[: len(AGENDAS) + 1]):
        plans = AGENDAS[number % len(AGENDAS)]
        assert [(s.title, s.kind, s.planned_minutes) for s in meeting.segments] == [
            (plan.title, plan.kind, plan.minutes) for plan in plans
        ]


def test_generated_times_compare_as_the_orm_binds_them(app):
    """Rows written in bulk store datetimes and dates exactly as the ORM would, so a filter
    on a value read back finds its row (on SQLite they are compared as text)."""
    seed_district(scale=SCALE)
    action = db.session.scalars(
        sa.select(Contribution).where(Contribution.done_at.is_not(None)).limit(1)
    ).one()
    found = db.session.scalar(
        sa.select(sa.func.count(Contribution.id)).where(
            Contribution.id == action.id,
            Contribution.created_at == action.created_at,
            Contribution.done_at == action.done_at,
            Contribution.due_on == action.due_on,
        )
    )
    assert found == 1


def schema() -> dict[str, tuple]:
    """Every table's indexes and foreign keys, as the database reports them."""
    db.session.commit()
    inspector = sa.inspect(db.engine)
    return {
        table: (
            sorted(i["name"] for i in inspector.get_indexes(table) if i["name"].startswith("ix_")),
            sorted(key["name"] for key in inspector.get_foreign_keys(table)),
        )
        for table in inspector.get_table_names()
        if table != "alembic_version"
    }


def models_schema() -> dict[str, tuple]:
    """The same as the models declare it (the tests share one schema for the whole session, so
    a load that lost an index would also spoil a snapshot taken before the next load)."""
    return {
        table.name: (
            sorted(index.name for index in table.indexes if _built_here(index)),
            sorted(key.name for key in table.foreign_key_constraints),
        )
        for table in db.metadata.sorted_tables
    }


def _built_here(index: sa.Index) -> bool:
    """Whether this database has the index: some exist on one dialect only (ddl_if)."""
    only_on = getattr(index, "_ddl_if", None)
    return only_on is None or only_on.dialect in (None, db.engine.dialect.name)


def test_foreign_keys_and_indexes_hold_after_the_load(app):
    assert schema() == models_schema()
    seed_district(scale=SCALE)
    assert schema() == models_schema()
    segment = db.session.scalars(sa.select(Segment).limit(1)).one()
    db.session.add(Segment(meeting_id=segment.meeting_id + 10**6, title="Nowhere"))
    with pytest.raises(sa.exc.IntegrityError):
        db.session.commit()
    db.session.rollback()


def test_a_failed_load_leaves_nothing_behind_and_the_schema_as_it_was(app, monkeypatch):
    def broken(gen):
        raise RuntimeError("feature failed")

    monkeypatch.setattr(bench_data, "FEATURES", [*bench_data.FEATURES, broken])
    with pytest.raises(RuntimeError, match="feature failed"):
        seed_district(scale=SCALE)
    assert count(User) == count(Meeting) == 0
    assert schema() == models_schema()
    team = factories.make_team()
    db.session.add(
        Meeting(team_id=team.id + 10**6, title="Nowhere", starts_at=datetime(2026, 9, 1, 15, 30))
    )
    with pytest.raises(sa.exc.IntegrityError):
        db.session.commit()
    db.session.rollback()


def test_planned_meetings_are_ahead_and_held_ones_are_in_the_past(app):
    seed_district(scale=SCALE)
    planned = db.session.scalars(sa.select(Meeting).where(Meeting.started_at.is_(None))).all()
    ended = db.session.scalars(sa.select(Meeting).where(Meeting.ended_at.is_not(None))).all()
    newest_ended = max(m.starts_at for m in ended)
    assert planned and min(m.starts_at for m in planned).date() >= newest_ended.date()
    assert all(m.ended_at > m.started_at for m in ended)
    assert not db.session.scalar(
        sa.select(Contribution.id).join(Meeting).where(Meeting.started_at.is_(None)).limit(1)
    )


def test_refuses_a_database_with_data_unless_forced(app):
    factories.make_user()
    runner = app.test_cli_runner()
    refused = runner.invoke(args=["seed-district", "--scale", str(SCALE)])
    assert refused.exit_code != 0
    assert "already has people" in refused.output and "--force" in refused.output
    assert count(Team) == 0
    forced = runner.invoke(args=["seed-district", "--scale", str(SCALE), "--force"])
    assert forced.exit_code == 0, forced.output
    assert DISTRICT_PASSWORD in forced.output
    assert count(Team) == Size.at(SCALE).teams
    again = runner.invoke(args=["seed-district", "--scale", str(SCALE), "--force"])
    assert again.exit_code != 0 and "already loaded" in again.output


def test_a_generated_teacher_signs_in_and_sees_their_teams_pages(app, client):
    seed_district(scale=SCALE)
    membership = db.session.scalars(
        sa.select(Membership).where(Membership.role == Role.teacher).limit(1)
    ).one()
    email, team_id = membership.user.email, membership.team_id
    meeting_id = db.session.scalar(
        sa.select(Meeting.id)
        .where(Meeting.team_id == team_id, Meeting.ended_at.is_not(None))
        .limit(1)
    )
    signed_in = client.post("/sign-in", data={"email": email, "password": DISTRICT_PASSWORD})
    assert signed_in.status_code == 302
    for url in (
        "/",
        f"/teams/{team_id}",
        f"/teams/{team_id}/meetings",
        f"/meetings/{meeting_id}",
        f"/meetings/{meeting_id}/minutes",
        f"/meetings/{meeting_id}/run",
    ):
        assert client.get(url).status_code == 200, url
    other_team = db.session.scalar(sa.select(Team.id).where(Team.id != team_id).limit(1))
    assert client.get(f"/teams/{other_team}").status_code == 404


def test_every_cycle_selects_from_its_teams_library_and_decided_ones_keep_the_record(app):
    seed_district(scale=SCALE)
    cycles = db.session.scalars(sa.select(Cycle)).all()
    candidates = db.session.execute(
        sa.select(Candidate.cycle_id, Candidate.task_id, Task.team_id, Task.shared_at).join(Task)
    ).all()
    by_cycle: dict[int, list[int]] = {}
    for cycle_id, task_id, _, _ in candidates:
        by_cycle.setdefault(cycle_id, []).append(task_id)
    team_of = {cycle.id: cycle.team_id for cycle in cycles}
    assert all(shared or team_of[cycle] == owner for cycle, _, owner, shared in candidates)
    assert {cycle.stage for cycle in cycles} >= {CycleStage.done, CycleStage.select}
    for cycle in cycles:
        assert 2 <= len(by_cycle[cycle.id]) <= 4
        assert len(set(by_cycle[cycle.id])) == len(by_cycle[cycle.id])
        if cycle.stage == CycleStage.select:
            assert cycle.shared_task_id is None and not cycle.revealed and not cycle.vote_closed
        else:
            assert cycle.shared_task_id in by_cycle[cycle.id] and cycle.decision_rationale
            assert cycle.revealed_at <= cycle.vote_closed_at
    members = {
        team: db.session.scalar(
            sa.select(sa.func.count()).select_from(Membership).where(Membership.team_id == team)
        )
        for team in set(team_of.values())
    }
    work = db.session.execute(
        sa.select(Candidate.cycle_id, CandidateWork.user_id, CandidateWork.solution).join(Candidate)
    ).all()
    decided = [c for c in cycles if c.stage != CycleStage.select]
    for cycle in decided:  # every member's work on every candidate
        done = [row for row in work if row.cycle_id == cycle.id]
        assert len(done) == members[cycle.team_id] * len(by_cycle[cycle.id])
    assert any(row.solution for row in work)


def test_dots_stay_within_each_members_budget_and_each_rating_is_unique(app):
    seed_district(scale=SCALE)
    spent = db.session.execute(
        sa.select(Candidate.cycle_id, CandidateWork.user_id, sa.func.sum(CandidateWork.dots))
        .join(Candidate)
        .group_by(Candidate.cycle_id, CandidateWork.user_id)
    ).all()
    budget = dict(db.session.execute(sa.select(Cycle.id, Cycle.dot_budget)).all())
    assert spent and all(dots <= budget[cycle] for cycle, _, dots in spent)
    assert any(dots == budget[cycle] for cycle, _, dots in spent)
    for model, columns in (
        (Candidate, ("cycle_id", "task_id")),
        (CandidateWork, ("candidate_id", "user_id")),
        (CandidateRating, ("candidate_id", "user_id", "criterion")),
    ):
        keys = [getattr(model, name) for name in columns]
        most = db.session.scalar(
            sa.select(sa.func.max(sa.literal_column("n"))).select_from(
                sa.select(sa.func.count().label("n")).select_from(model).group_by(*keys).subquery()
            )
        )
        assert most == 1, model.__tablename__
    scores = db.session.scalars(sa.select(CandidateRating.score).distinct()).all()
    assert set(scores) <= {1, 2, 3, 4}
    # the database agrees: a second calibration of the same candidate is refused
    first = db.session.scalars(sa.select(CandidateWork).limit(1)).one()
    db.session.add(CandidateWork(candidate_id=first.candidate_id, user_id=first.user_id))
    with pytest.raises(sa.exc.IntegrityError):
        db.session.commit()
    db.session.rollback()
