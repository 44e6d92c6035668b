"""A generated district for benchmarks (`flask --app wsgi seed-district`), not the demo.

At scale 1 it is the district of issue 9: 50 schools, 100 grade-level teams, 600 people and
five school years of weekly meetings with their segments, attendance, minutes, facilitation
moves, mentoring loops, nudges and pipeline. A fixed seed makes it the same on every run.

Each feature adds its rows in one function of FEATURES, in order; a later feature appends
its own (one random generator per feature, so adding one leaves the others' data unchanged).
"""

from collections.abc import Callable

import sqlalchemy as sa

from app.auth.models import User
from app.auth.passwords import hash_password
from app.bench_data import (
    cycles,
    enactments,
    leadership,
    lessons,
    meetings,
    people,
    selection,
    tasks,
)
from app.bench_data.bulk import Ids, bulk_load
from app.bench_data.context import Generation, Size
from app.extensions import db
from app.timeutil import local_now

DISTRICT_PASSWORD = "tandem-district"
SEED = 9

FEATURES: list[Callable[[Generation], None]] = [
    people.seed_schools,
    people.seed_people_and_teams,
    people.seed_phases,
    meetings.seed_meetings,
    meetings.seed_attendance,
    meetings.seed_contributions,
    leadership.seed_moves,
    leadership.seed_loops_and_nudges,
    tasks.seed_tasks,
    cycles.seed_cycles,
    selection.seed_selection,
    lessons.seed_lessons,
    enactments.seed_enactments,
]


class AlreadySeeded(Exception):
    pass


def has_data() -> bool:
    return db.session.scalar(sa.select(User.id).limit(1)) is not None


def seed_district(scale: float = 1.0, force: bool = False, seed: int = SEED) -> dict[str, int]:
    """Generate the district; the number of rows written per table."""
    if not force and has_data():
        raise AlreadySeeded("the database already has people in it")
    if db.session.scalar(sa.select(User.id).where(User.email == people.ADMIN_EMAIL)):
        raise AlreadySeeded(f"{people.ADMIN_EMAIL} exists: the district is already loaded")
    with bulk_load(db.session) as writer:
        gen = Generation(
            size=Size.at(scale),
            seed=seed,
            today=local_now().date(),
            ids=Ids(writer.connection, db.metadata.sorted_tables),
            writer=writer,
            password_hash=hash_password(DISTRICT_PASSWORD),  # one hash shared by every account
        )
        for feature in FEATURES:
            feature(gen)
    return dict(writer.counts)
