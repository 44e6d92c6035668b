"""The facilitation handoff of every team: moves logged by the mentor, a mentoring loop with
the teacher leader around almost every held meeting, and the mentor's nudges."""

from datetime import timedelta

from app.bench_data import texts
from app.bench_data.context import Generation
from app.bench_data.meetings import moment
from app.leadership.models import FacilitationMove, MentoringLoop, MoveBy, MoveType, Nudge

BY_STEP = {  # who makes the moves as the release level rises: mentor, leader, participant
    0: (60, 25, 15),
    1: (40, 45, 15),
    2: (25, 60, 15),
    3: (10, 70, 20),
}
# A hundred draws per step: weighted choice by indexing.
MAKERS = {
    step: [by for by, weight in zip(MoveBy, weights, strict=True) for _ in range(weight)]
    for step, weights in BY_STEP.items()
}
TYPES = list(MoveType)
MOVE_COLUMNS = (
    "id",
    "meeting_id",
    "segment_id",
    "move_type",
    "made_by",
    "note",
    "logged_by_id",
    "created_at",
)


def seed_moves(gen: Generation) -> None:
    gen.writer.write(FacilitationMove, MOVE_COLUMNS, _move_rows(gen))


def _move_rows(gen: Generation):
    rng = gen.random("moves")
    random, ids = rng.random, gen.ids.counter(FacilitationMove)
    notes = texts.MOVE_NOTES
    for meeting in gen.held_meetings:
        makers, mentor_id = MAKERS[meeting.release_step], meeting.team.mentor_id
        for _ in range(6 + int(random() * 12)):
            segment_id, created_at = moment(meeting, random)
            yield (
                next(ids),
                meeting.id,
                segment_id,
                TYPES[int(random() * 4)],
                makers[int(random() * 100)],
                notes[int(random() * len(notes))],
                mentor_id,
                created_at,
            )


LOOP_COLUMNS = (
    "id",
    "meeting_id",
    "leader_id",
    "leader_goals",
    "planning_notes",
    "leader_reflection",
    "mentor_reflection",
    "next_goals",
    "updated_at",
)
NUDGE_COLUMNS = (
    "id",
    "meeting_id",
    "segment_id",
    "from_id",
    "to_id",
    "body",
    "created_at",
    "dismissed_at",
)


def seed_loops_and_nudges(gen: Generation) -> None:
    """A loop around 97 % of held meetings, with up to three nudges during the meeting."""
    rng = gen.random("loops")
    random, choice = rng.random, rng.choice
    looped = [meeting for meeting in gen.held_meetings if random() < 0.97]
    ids = gen.ids.counter(MentoringLoop)
    loops = (
        (
            next(ids),
            meeting.id,
            meeting.team.leader_id,
            choice(texts.LEADER_GOALS),
            "Walked through the agenda; the leader opens the debrief.",
            choice(texts.REFLECTIONS),
            "Good wait time; next, press for justification.",
            choice(texts.LEADER_GOALS),
            meeting.started_at + timedelta(days=1),
        )
        for meeting in looped
    )
    gen.writer.write(MentoringLoop, LOOP_COLUMNS, loops)
    gen.writer.write(Nudge, NUDGE_COLUMNS, _nudge_rows(gen, looped, rng))


def _nudge_rows(gen: Generation, looped, rng):
    random, ids = rng.random, gen.ids.counter(Nudge)
    for meeting in looped:
        team = meeting.team
        for _ in range(int(random() * 4)):
            segment_id, created_at = moment(meeting, random)
            yield (
                next(ids),
                meeting.id,
                segment_id,
                team.mentor_id,
                team.leader_id,
                texts.NUDGES[int(random() * len(texts.NUDGES))],
                created_at,
                created_at + timedelta(seconds=10 + int(random() * 111)),
            )
