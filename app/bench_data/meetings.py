"""Weekly meetings of every team over five school years: held ones with their segments,
attendance and minutes, and the next few weeks planned."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from flask import current_app

from app.bench_data import texts
from app.bench_data.context import Generation, MeetingPlan, TeamPlan
from app.meetings.models import (
    Attendance,
    Contribution,
    ContributionKind,
    Meeting,
    ReleaseLevel,
    Segment,
    SegmentKind,
)

LEVELS = list(ReleaseLevel)
KIND_WEIGHTS = {
    ContributionKind.note: 55,
    ContributionKind.question: 20,
    ContributionKind.decision: 12,
    ContributionKind.action: 13,
}
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


def _utc(local: datetime) -> datetime:
    zone = ZoneInfo(current_app.config["TIMEZONE"])
    return local.replace(tzinfo=zone).astimezone(UTC).replace(tzinfo=None)


def seed_meetings(gen: Generation) -> None:
    rng = gen.random("meetings")
    size = gen.size
    for team in gen.teams:
        days = meeting_days(team, gen.today, size.held_weeks, size.planned_weeks)
        for number, day in enumerate(days):
            starts_at = datetime.combine(day, START)
            held = number < size.held_weeks
            started_at = _utc(starts_at) + timedelta(minutes=rng.randint(0, 4)) if held else None
            meeting = MeetingPlan(
                id=gen.ids.take(Meeting),
                team=team,
                number=number,
                day=day,
                starts_at=starts_at,
                started_at=started_at,
                release_step=min(3, number * 4 // len(days)),
            )
            gen.meetings.append(meeting)
            _add_meeting(gen, meeting, rng)
    gen.writer.flush(Meeting)
    _seed_segments(gen)


def _add_meeting(gen: Generation, meeting: MeetingPlan, rng) -> None:
    cycle = meeting.number // 6 + 1
    topic = texts.TOPICS[(meeting.number // 6 + meeting.team.id) % len(texts.TOPICS)]
    ended_at = None
    if meeting.held:
        ended_at = meeting.started_at + timedelta(minutes=rng.randint(70, 95))
    gen.writer.add(
        Meeting,
        {
            "id": meeting.id,
            "team_id": meeting.team.id,
            "title": f"Cycle {cycle}, week {meeting.number % 6 + 1}: {topic}",
            "starts_at": meeting.starts_at,
            "duration_minutes": 90,
            "location": texts.LOCATIONS[meeting.team.id % len(texts.LOCATIONS)],
            "video_url": "",
            "goal": f"Plan and debrief a shared task on {topic}.",
            "created_by_id": meeting.team.mentor_id,
            "started_at": meeting.started_at,
            "ended_at": ended_at,
            "current_segment_id": None,
            "timer_started_at": None,
            "run_version": 2 * len(texts.AGENDA) + 2 if meeting.held else 0,
            "version": 1,
        },
    )


def _seed_segments(gen: Generation) -> None:
    rng = gen.random("segments")
    for meeting in gen.meetings:
        team = meeting.team
        for position, (title, kind, minutes) in enumerate(texts.AGENDA):
            level = LEVELS[min(3, max(0, meeting.release_step + rng.choice((-1, 0, 0, 1))))]
            leads = level != ReleaseLevel.mentor_leads and rng.random() < 0.3 + 0.2 * level.step
            seconds = max(60, minutes * 60 + rng.randint(-120, 180)) if meeting.held else 0
            segment_id = gen.ids.take(Segment)
            meeting.segment_ids.append(segment_id)
            meeting.segment_seconds.append(seconds)
            gen.writer.add(
                Segment,
                {
                    "id": segment_id,
                    "meeting_id": meeting.id,
                    "position": position,
                    "title": title,
                    "kind": SegmentKind(kind),
                    "planned_minutes": minutes,
                    "facilitator_id": team.leader_id if leads else team.mentor_id,
                    "release_level": level,
                    "description": "",
                    "added_minutes": 0,
                    "elapsed_seconds": seconds,
                    "version": 1,
                },
            )
    gen.writer.flush(Segment)


def segment_at(meeting: MeetingPlan, rng) -> tuple[int, datetime]:
    """A random segment of a held meeting and a moment while it ran."""
    index = rng.randrange(len(meeting.segment_ids))
    before = sum(meeting.segment_seconds[:index])
    moment = before + rng.randrange(max(1, meeting.segment_seconds[index]))
    return meeting.segment_ids[index], meeting.started_at + timedelta(seconds=moment)


def seed_attendance(gen: Generation) -> None:
    rng = gen.random("attendance")
    for meeting in gen.meetings:
        if not meeting.held:
            continue
        for user_id in meeting.team.member_ids:
            gen.writer.add(
                Attendance,
                {
                    "id": gen.ids.take(Attendance),
                    "meeting_id": meeting.id,
                    "user_id": user_id,
                    "present": rng.random() < 0.9,
                },
            )


def seed_contributions(gen: Generation) -> None:
    """About 29 notes, questions, decisions and action items per held meeting; most action
    items are done, the recent ones and a few old ones still open."""
    rng = gen.random("contributions")
    kinds, weights = list(KIND_WEIGHTS), list(KIND_WEIGHTS.values())
    recent = gen.today - timedelta(weeks=3)
    for meeting in gen.meetings:
        if not meeting.held:
            continue
        members = meeting.team.member_ids
        for _ in range(rng.randint(19, 39)):
            kind = rng.choices(kinds, weights)[0]
            segment_id, created_at = segment_at(meeting, rng)
            row = {
                "id": gen.ids.take(Contribution),
                "meeting_id": meeting.id,
                "segment_id": segment_id,
                "author_id": rng.choice(members),
                "kind": kind,
                "body": rng.choice(_BODIES[kind]),
                "is_private": kind == ContributionKind.note and rng.random() < 0.03,
                "owner_id": None,
                "due_on": None,
                "done_at": None,
                "created_at": created_at,
            }
            if kind == ContributionKind.action:
                row["owner_id"] = rng.choice(members)
                row["due_on"] = meeting.day + timedelta(days=rng.randint(3, 14))
                if meeting.day < recent and rng.random() < 0.92:
                    row["done_at"] = created_at + timedelta(days=rng.randint(1, 10))
            gen.writer.add(Contribution, row)


_BODIES = {
    ContributionKind.note: texts.NOTES,
    ContributionKind.question: texts.QUESTIONS,
    ContributionKind.decision: texts.DECISIONS,
    ContributionKind.action: texts.ACTIONS,
}
