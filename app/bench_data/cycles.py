"""A cycle per team per month in which it meets: done ones with next steps, this month's in
the stage its date suggests; each meeting is linked to its month's cycle."""

from calendar import monthrange
from datetime import date, datetime, time

import sqlalchemy as sa

from app.bench_data import texts
from app.bench_data.context import Generation
from app.cycles.models import Cycle, CycleStage
from app.extensions import db
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
    links = []
    for team in gen.teams:
        for number, first in enumerate(sorted(months.get(team.id, []))):
            cycle_id = gen.ids.take(Cycle)
            topic_index = (number + team.id) % len(texts.TOPICS)
            topic = texts.TOPICS[topic_index]
            stage = _stage(first, gen.today)
            last = first.replace(day=monthrange(first.year, first.month)[1])
            gen.writer.add(
                Cycle,
                {
                    "id": cycle_id,
                    "team_id": team.id,
                    "title": f"{grade_label(team.grade)} — {topic}, {first.strftime('%B %Y')}",
                    "goal": f"Students reason about {topic} and explain their strategies.",
                    "big_idea": f"The big idea behind {topic}, in our students' words.",
                    "standards": f"{team.grade}.{STANDARDS[topic_index]}",
                    "starts_on": first,
                    "ends_on": last,
                    "stage": stage,
                    "next_steps": rng.choice(NEXT_STEPS) if stage == CycleStage.done else "",
                    "created_by_id": team.leader_id,
                    "created_at": datetime.combine(first, time(12)),
                    "version": 1,
                },
            )
            links.append(
                {
                    "cycle": cycle_id,
                    "team": team.id,
                    "start": datetime.combine(first, time()),
                    "end": datetime.combine(_next_month(first), time()),
                }
            )
    gen.writer.flush(Cycle)
    _link_meetings(links)


def _link_meetings(links: list[dict]) -> None:
    """One UPDATE per cycle, sent as a batch: each meeting joins its month's cycle."""
    if not links:
        return
    meetings = Meeting.__table__
    statement = (
        meetings.update()
        .where(
            meetings.c.team_id == sa.bindparam("team"),
            meetings.c.starts_at >= sa.bindparam("start"),
            meetings.c.starts_at < sa.bindparam("end"),
        )
        .values(cycle_id=sa.bindparam("cycle"))
    )
    db.session.connection().execute(statement, links)
