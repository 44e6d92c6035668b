"""A cycle per team per month in which it meets: done ones with next steps, this month's in
the stage its date suggests; each meeting is linked to its month's cycle."""

from calendar import monthrange
from datetime import date, datetime, time

import sqlalchemy as sa

from app.bench_data import texts
from app.bench_data.context import CyclePlan, Generation
from app.cycles.models import Cycle, CycleStage
from app.meetings.models import Meeting
from app.teams.models import grade_label

# A standard for each of texts.TOPICS, without its grade.
STANDARDS = (
    "NF.A.2",
    "NF.A.1",
    "NBT.B.5",
    "MD.A.3",
    "NBT.A.2",
    "NBT.B.6",
    "NF.C.6",
    "MD.C.6",
    "RP.A.3",
    "OA.C.5",
    "MD.B.4",
    "OA.C.6",
)
NEXT_STEPS = (
    "Start the next cycle by doing the candidate tasks ourselves.",
    "Bring three de-identified work samples per classroom to the debrief.",
    "Choose a task with more entry points for students who struggled to start.",
    "Keep the sharing sequence, with the general rule last.",
    "Anticipate the misconception we missed this time before we teach again.",
)
CYCLE_COLUMNS = (
    "id",
    "team_id",
    "title",
    "goal",
    "big_idea",
    "standards",
    "starts_on",
    "ends_on",
    "stage",
    "next_steps",
    "created_by_id",
    "created_at",
    "version",
)
# This month's cycle is in its select stage in the first week, and so on.
STAGE_BY_WEEK = (CycleStage.select, CycleStage.design, CycleStage.teach, CycleStage.debrief)


def _month_start(day: date) -> date:
    return day.replace(day=1)


def _next_month(first: date) -> date:
    return date(first.year + first.month // 12, first.month % 12 + 1, 1)


def _stage(first: date, today: date) -> CycleStage:
    if first > today:
        return CycleStage.select
    if _next_month(first) <= today:
        return CycleStage.done
    return STAGE_BY_WEEK[min(3, (today.day - 1) // 7)]


def seed_cycles(gen: Generation) -> None:
    rng = gen.random("cycles")
    months: dict[int, list[date]] = {}
    for meeting in gen.meetings:
        found = months.setdefault(meeting.team.id, [])
        first = _month_start(meeting.day)
        if first not in found:
            found.append(first)
    cycles, cycle_of = [], {}
    for team in gen.teams:
        for number, first in enumerate(sorted(months.get(team.id, []))):
            cycle_id = gen.ids.take(Cycle)
            topic_index = (number + team.id) % len(texts.TOPICS)
            topic = texts.TOPICS[topic_index]
            stage = _stage(first, gen.today)
            last = first.replace(day=monthrange(first.year, first.month)[1])
            cycles.append(
                (cycle_id, team.id, f"{grade_label(team.grade)} — {topic}, {first:%B %Y}")
                + (f"Students reason about {topic} and explain their strategies.",)
                + (f"The big idea behind {topic}, in our students' words.",)
                + (f"{team.grade}.{STANDARDS[topic_index]}", first, last, stage)
                + (rng.choice(NEXT_STEPS) if stage == CycleStage.done else "", team.leader_id)
                + (datetime.combine(first, time(12)), 1)
            )
            cycle_of[(team.id, first)] = cycle_id
            gen.cycles.append(CyclePlan(cycle_id, team, first, stage, topic))
    gen.writer.write(Cycle, CYCLE_COLUMNS, cycles)
    links = [
        {"meeting": m.id, "cycle": cycle_of[(m.team.id, _month_start(m.day))]} for m in gen.meetings
    ]
    _link_meetings(gen.writer.connection, links)


def _link_meetings(connection: sa.Connection, links: list[dict]) -> None:
    """Each meeting joins its month's cycle: one UPDATE by primary key, sent as a batch."""
    if not links:
        return
    meetings = Meeting.__table__
    statement = (
        meetings.update()
        .where(meetings.c.id == sa.bindparam("meeting"))
        .values(cycle_id=sa.bindparam("cycle"))
    )
    connection.execute(statement, links)
