"""The generated district's enactments and debriefs: each taught cycle's classrooms with
their charts, taps, exit levels and reflections; each finished cycle's debrief record and
promotions, as the app's own write paths leave them."""

from collections import Counter, defaultdict

import sqlalchemy as sa

from app.bench_data import seed_district
from app.bench_data.enactments import SAMPLE_IMAGE
from app.cycles.models import Cycle, CycleStage
from app.enactments import samples
from app.enactments.models import Enactment, Tally, Tap, Unanticipated, WorkSample
from app.extensions import db
from app.lessons.models import AnticipatedResponse, ChangeKind, Lesson, LessonChange
from app.teams.models import Membership, Role

SCALE = 0.05


def _all(model) -> list:
    return db.session.scalars(sa.select(model).order_by(model.id)).all()


def test_taught_cycles_have_a_classroom_per_teacher_with_its_chart_and_reflection(app):
    written = seed_district(scale=SCALE)
    cycles = {cycle.id: cycle for cycle in _all(Cycle)}
    lessons = {lesson.cycle_id: lesson for lesson in _all(Lesson)}
    teachers = defaultdict(set)
    for team_id, user_id, role in db.session.execute(
        sa.select(Membership.team_id, Membership.user_id, Membership.role)
    ):
        if role in (Role.teacher, Role.teacher_leader):
            teachers[team_id].add(user_id)
    enactments = _all(Enactment)
    assert written["enactments"] == len(enactments)
    by_cycle = defaultdict(list)
    for enactment in enactments:
        by_cycle[enactment.cycle_id].append(enactment)
    for cycle_id, rooms in by_cycle.items():
        cycle = cycles[cycle_id]
        assert cycle.stage in (CycleStage.teach, CycleStage.debrief, CycleStage.done)
        assert cycle_id in lessons
        assert {room.teacher_id for room in rooms} <= teachers[cycle.team_id]
        assert len({room.teacher_id for room in rooms}) == len(rooms)
    finished = [c for c in cycles.values() if c.stage == CycleStage.done and c.id in lessons]
    full = [c for c in finished if len(by_cycle[c.id]) == len(teachers[c.team_id])]
    assert len(full) >= len(finished) * 0.6  # most finished cycles: every teacher taught
    teaching = [c for c in cycles.values() if c.stage == CycleStage.teach and c.id in lessons]
    assert all(len(by_cycle[c.id]) <= len(teachers[c.team_id]) for c in teaching)
    assert not any(
        by_cycle[c.id] for c in cycles.values() if c.stage in (CycleStage.select, CycleStage.design)
    )
    for room in enactments:
        cycle = cycles[room.cycle_id]
        assert cycle.starts_on <= room.taught_on <= min(cycle.ends_on, room.created_at.date())
        if room.not_yet is not None:
            levels = (room.not_yet, room.approaching, room.meets, room.exceeds)
            assert min(levels) >= 0 and sum(levels) <= room.students
        assert 1 <= len(room.factors) <= 3 and len(room.factors) == len(room.demand_factors.split())
    assert any(room.what_worked for room in enactments)
    assert any(room.not_yet is not None for room in enactments)


def test_charts_count_every_response_share_in_order_and_taps_add_up(app):
    written = seed_district(scale=SCALE)
    rooms = {room.id: room for room in _all(Enactment)}
    lesson_of = {lesson.cycle_id: lesson.id for lesson in _all(Lesson)}
    responses = defaultdict(list)
    for response in _all(AnticipatedResponse):
        responses[response.lesson_id].append(response)
    unanticipated = {found.id: found for found in _all(Unanticipated)}
    promoted = {found.promoted_to_id for found in unanticipated.values()}  # after the debrief
    tallies = _all(Tally)
    assert written["tallies"] == len(tallies) and written["taps"] == db.session.scalar(
        sa.select(sa.func.count(Tap.id))
    )
    charts = defaultdict(list)
    for row in tallies:
        charts[row.enactment_id].append(row)
    for enactment_id, chart in charts.items():
        room = rooms[enactment_id]
        planned = {r.id: r for r in responses[lesson_of[room.cycle_id]] if r.id not in promoted}
        counted = {row.response_id for row in chart if row.response_id}
        kept = {r for r, response in planned.items() if response.removed_at is None}
        assert counted == kept  # a row per response still in the lesson when it was taught
        for row in chart:
            if row.unanticipated_id:
                assert unanticipated[row.unanticipated_id].enactment_id == enactment_id
        assert sum(row.count for row in chart) <= room.students
        orders = sorted(row.share_order for row in chart if row.share_order is not None)
        assert orders == list(range(1, len(orders) + 1))
        shared = [r for r in chart if r.share_order is not None and r.response_id]
        assert all(planned[r.response_id].to_share and r.count for r in shared)
    taps = Counter()
    tapped_rooms = set()
    for tally_id, by, enactment_id in db.session.execute(
        sa.select(Tap.tally_id, Tap.by, Tap.enactment_id)
    ):
        taps[tally_id] += by
        tapped_rooms.add(enactment_id)
    assert tapped_rooms
    for row in tallies:
        if row.enactment_id in tapped_rooms:
            assert taps[row.id] == row.count
    assert any(by == -1 for by in db.session.scalars(sa.select(Tap.by)))


def test_finished_cycles_have_their_debrief_record_and_promotions_in_the_lessons(app):
    seed_district(scale=SCALE)
    cycles = _all(Cycle)
    done = [c for c in cycles if c.stage == CycleStage.done]
    assert done and all(c.debrief_worked and c.debrief_learned and c.next_steps for c in done)
    assert not any(c.debrief_worked for c in cycles if c.stage != CycleStage.done)
    promoted = [found for found in _all(Unanticipated) if found.promoted_to_id]
    everything = db.session.scalar(sa.select(sa.func.count(Unanticipated.id)))
    assert promoted and len(promoted) < everything
    history = defaultdict(list)
    for change in _all(LessonChange):
        history[change.lesson_id].append(change)
    for found in promoted:
        response = db.session.get(AnticipatedResponse, found.promoted_to_id)
        enactment = found.enactment
        assert response.lesson.cycle_id == enactment.cycle_id
        assert enactment.cycle.stage == CycleStage.done
        assert (response.name, response.description) == (found.name, found.description)
        added = [c for c in history[response.lesson_id] if c.response_id == response.id]
        assert [(c.kind, c.revision) for c in added] == [
            (ChangeKind.add, response.field_revisions["name"])
        ]
    for lesson in _all(Lesson):
        revisions = [c.revision for c in history[lesson.id]]
        assert revisions == list(range(1, lesson.revision + 1))


def test_work_samples_show_one_stored_image_to_the_team(app, client, monkeypatch, tmp_path):
    monkeypatch.setitem(app.config, "UPLOAD_FOLDER", str(tmp_path / "uploads"))
    seed_district(scale=SCALE)
    sample = db.session.scalars(sa.select(WorkSample).limit(1)).one()
    assert sample.image_name == SAMPLE_IMAGE and samples.SAMPLES.path_of(SAMPLE_IMAGE)
    assert samples.THUMBS.path_of(SAMPLE_IMAGE)
    tally = db.session.get(Tally, sample.tally_id)
    assert tally.enactment_id == sample.enactment_id and tally.count > 0
