"""Weekly meetings of every team over five school years: held ones with their segments,
attendance and minutes, and the next few weeks planned. Each team follows the demo team's
agendas in the order the demo team met (app.demo.sessions.AGENDAS), round and round."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from flask import current_app

from app.bench_data import texts
from app.bench_data.context import Generation, MeetingPlan, TeamPlan
from app.demo.sessions import AGENDAS
from app.meetings.models import (
    Attendance,
    Contribution,
    ContributionKind,
    Meeting,
    ReleaseLevel,
    Segment,
)

LEVELS = list(ReleaseLevel)
# A hundred draws: weighted choice by indexing, far cheaper than random.choices.
KINDS = (
    [ContributionKind.note] * 55
    + [ContributionKind.question] * 20
    + [ContributionKind.decision] * 12
    + [ContributionKind.action] * 13
)
BODIES = {
    ContributionKind.note: texts.NOTES,
    ContributionKind.question: texts.QUESTIONS,
    ContributionKind.decision: texts.DECISIONS,
    ContributionKind.action: texts.ACTIONS,
}
DAYS = [timedelta(days=n) for n in range(32)]
START = time(15, 30)


def school_day(day: date) -> bool:
    """No meetings at weekends, in the summer (20 June – 24 August) or over winter break."""
    if day.weekday() >= 5:
        return False
    if (6, 20) <= (day.month, day.day) <= (8, 24):
        return False
    return not ((day.month, day.day) >= (12, 22) or (day.month, day.day) <= (1, 2))


def meeting_days(team: TeamPlan, today: date, held: int, planned: int) -> list[date]:
    """The team's last `held` meeting days before today and its next `planned` from today on."""
    first = today + timedelta(days=(team.weekday - today.weekday()) % 7)
    past, day = [], first - timedelta(weeks=1)
    while len(past) < held:
        if school_day(day):
            past.append(day)
        day -= timedelta(weeks=1)
    ahead, day = [], first
    while len(ahead) < planned:
        if school_day(day):
            ahead.append(day)
        day += timedelta(weeks=1)
    return past[::-1] + ahead


def seed_meetings(gen: Generation) -> None:
    rng = gen.random("meetings")
    size, ids = gen.size, gen.ids.counter(Meeting)
    zone = ZoneInfo(current_app.config["TIMEZONE"])
    for team in gen.teams:
        days = meeting_days(team, gen.today, size.held_weeks, size.planned_weeks)
        for number, day in enumerate(days):
            starts_at = datetime.combine(day, START)
            started_at = None
            if number < size.held_weeks:
                utc = starts_at.replace(tzinfo=zone).astimezone(UTC).replace(tzinfo=None)
                started_at = utc + timedelta(minutes=rng.randint(0, 4))
            gen.meetings.append(
                MeetingPlan(
                    id=next(ids),
                    team=team,
                    number=number,
                    day=day,
                    starts_at=starts_at,
                    started_at=started_at,
                    agenda=AGENDAS[number % len(AGENDAS)],
                    release_step=min(3, number * 4 // len(days)),
                )
            )
    gen.writer.write(Meeting, MEETING_COLUMNS, (_meeting_row(m, rng) for m in gen.meetings))
    gen.writer.write(Segment, SEGMENT_COLUMNS, _segment_rows(gen))


MEETING_COLUMNS = (
    "id",
    "team_id",
    "title",
    "starts_at",
    "duration_minutes",
    "location",
    "video_url",
    "goal",
    "created_by_id",
    "started_at",
    "ended_at",
    "current_segment_id",
    "timer_started_at",
    "run_version",
)


def _meeting_row(meeting: MeetingPlan, rng) -> tuple:
    team = meeting.team
    topic = texts.TOPICS[(meeting.number // 6 + team.id) % len(texts.TOPICS)]
    ended_at = None
    if meeting.held:
        ended_at = meeting.started_at + timedelta(minutes=rng.randint(70, 95))
    return (
        meeting.id,
        team.id,
        f"Cycle {meeting.number // 6 + 1}, week {meeting.number % 6 + 1}: {topic}",
        meeting.starts_at,
        90,
        texts.LOCATIONS[team.id % len(texts.LOCATIONS)],
        "",
        f"Plan and debrief a shared task on {topic}.",
        team.mentor_id,
        meeting.started_at,
        ended_at,
        None,
        None,
        2 * len(meeting.agenda) + 2 if meeting.held else 0,
    )


SEGMENT_COLUMNS = (
    "id",
    "meeting_id",
    "position",
    "title",
    "kind",
    "planned_minutes",
    "facilitator_id",
    "release_level",
    "elapsed_seconds",
)


def _segment_rows(gen: Generation):
    """The segments of every meeting, remembered on its plan for the rows that point at them:
    the release level climbs with the team's history, held segments ran a little off plan."""
    rng = gen.random("segments")
    random, ids = rng.random, gen.ids.counter(Segment)
    for meeting in gen.meetings:
        team, step, held, offset = meeting.team, meeting.release_step, meeting.held, 0
        for position, plan in enumerate(meeting.agenda):
            level = LEVELS[min(3, max(0, step + (-1, 0, 0, 1)[int(random() * 4)]))]
            leads = level is not ReleaseLevel.mentor_leads and random() < 0.3 + 0.2 * level.step
            seconds = max(60, plan.minutes * 60 - 120 + int(random() * 301)) if held else 0
            segment_id = next(ids)
            meeting.segment_ids.append(segment_id)
            meeting.segment_offsets.append(offset)
            meeting.segment_seconds.append(seconds)
            offset += seconds
            yield (
                segment_id,
                meeting.id,
                position,
                plan.title,
                plan.kind,
                plan.minutes,
                team.leader_id if leads else team.mentor_id,
                level,
                seconds,
            )


def moment(meeting: MeetingPlan, random) -> tuple[int, datetime]:
    """A random segment of a held meeting and a moment while it ran."""
    index = int(random() * len(meeting.segment_ids))
    second = meeting.segment_offsets[index] + int(random() * meeting.segment_seconds[index])
    return meeting.segment_ids[index], meeting.started_at + timedelta(seconds=second)


def seed_attendance(gen: Generation) -> None:
    rng = gen.random("attendance")
    random, ids = rng.random, gen.ids.counter(Attendance)
    rows = (
        (next(ids), meeting.id, user_id, random() < 0.9)
        for meeting in gen.held_meetings
        for user_id in meeting.team.member_ids
    )
    gen.writer.write(Attendance, ("id", "meeting_id", "user_id", "present"), rows)


CONTRIBUTION_COLUMNS = (
    "id",
    "meeting_id",
    "segment_id",
    "author_id",
    "kind",
    "body",
    "is_private",
    "owner_id",
    "due_on",
    "done_at",
    "created_at",
)


def seed_contributions(gen: Generation) -> None:
    gen.writer.write(Contribution, CONTRIBUTION_COLUMNS, _contribution_rows(gen))


def _contribution_rows(gen: Generation):
    """About 29 notes, questions, decisions and action items per held meeting; most action
    items are done, the recent ones and a few old ones still open."""
    rng = gen.random("contributions")
    random, ids = rng.random, gen.ids.counter(Contribution)
    note, action = ContributionKind.note, ContributionKind.action
    recent = gen.today - timedelta(weeks=3)
    for meeting in gen.held_meetings:
        members, meeting_id, day = meeting.team.member_ids, meeting.id, meeting.day
        done_possible = day < recent
        for _ in range(19 + int(random() * 21)):
            kind = KINDS[int(random() * 100)]
            segment_id, created_at = moment(meeting, random)
            author = members[int(random() * len(members))]
            bodies = BODIES[kind]
            body = bodies[int(random() * len(bodies))]
            if kind is action:
                owner = members[int(random() * len(members))]
                due_on = day + DAYS[3 + int(random() * 12)]
                done_at = None
                if done_possible and random() < 0.92:
                    done_at = created_at + DAYS[1 + int(random() * 10)]
                yield (next(ids), meeting_id, segment_id, author, kind, body, False,
                       owner, due_on, done_at, created_at)  # fmt: skip
            else:
                private = kind is note and random() < 0.03
                yield (next(ids), meeting_id, segment_id, author, kind, body, private,
                       None, None, None, created_at)  # fmt: skip
