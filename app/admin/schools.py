"""The district and its schools, for administrators."""

import sqlalchemy as sa

from app.extensions import db
from app.teams.models import School
from app.teams.services import the_district


def all_schools() -> list[School]:
    return list(db.session.scalars(sa.select(School).order_by(School.name)))


def school(school_id: int) -> School | None:
    return db.session.get(School, school_id)


def rename_district(name: str) -> None:
    the_district().name = name
    db.session.commit()
