"""The facilitation handoff of every team: moves logged by the mentor, a mentoring loop with
the teacher leader around almost every held meeting, and the mentor's nudges."""

from datetime import timedelta

from app.bench_data import texts
from app.bench_data.context import Generation
from app.bench_data.meetings import segment_at
from app.leadership.models import FacilitationMove, MentoringLoop, MoveBy, MoveType, Nudge

BY_STEP = {  # who makes the moves as the release level rises: mentor, leader, participant
    0: (60, 25, 15),
    1: (40, 45, 15),
    2: (25, 60, 15),
    3: (10, 70, 20),
}


def seed_moves(gen: Generation) -> None:
    rng = gen.random("moves")
    types, makers = list(MoveType), list(MoveBy)
    for meeting in gen.meetings:
        if not meeting.held:
            continue
        for _ in range(rng.randint(6, 17)):
            segment_id, created_at = segment_at(meeting, rng)
            gen.writer.add(
                FacilitationMove,
                {
                    "id": gen.ids.take(FacilitationMove),
                    "meeting_id": meeting.id,
                    "segment_id": segment_id,
                    "move_type": rng.choice(types),
                    "made_by": rng.choices(makers, BY_STEP[meeting.release_step])[0],
                    "note": rng.choice(texts.MOVE_NOTES),
                    "logged_by_id": meeting.team.mentor_id,
                    "created_at": created_at,
                },
            )


def seed_loops_and_nudges(gen: Generation) -> None:
    rng = gen.random("loops")
    for meeting in gen.meetings:
        if not meeting.held or rng.random() >= 0.97:
            continue
        team = meeting.team
        gen.writer.add(
            MentoringLoop,
            {
                "id": gen.ids.take(MentoringLoop),
                "meeting_id": meeting.id,
                "leader_id": team.leader_id,
                "leader_goals": rng.choice(texts.LEADER_GOALS),
                "planning_notes": "Walked through the agenda; the leader opens the debrief.",
                "leader_reflection": rng.choice(texts.REFLECTIONS),
                "mentor_reflection": "Good wait time; next, press for justification.",
                "next_goals": rng.choice(texts.LEADER_GOALS),
                "updated_at": meeting.started_at + timedelta(days=1),
                "version": 1,
            },
        )
        for _ in range(rng.randint(0, 3)):
            segment_id, created_at = segment_at(meeting, rng)
            gen.writer.add(
                Nudge,
                {
                    "id": gen.ids.take(Nudge),
                    "meeting_id": meeting.id,
                    "segment_id": segment_id,
                    "from_id": team.mentor_id,
                    "to_id": team.leader_id,
                    "body": rng.choice(texts.NUDGES),
                    "created_at": created_at,
                    "dismissed_at": created_at + timedelta(seconds=rng.randint(10, 120)),
                },
            )
