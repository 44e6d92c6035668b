"""Names that must be unique are compared case-insensitively in every script, on both databases."""

import pytest
import sqlalchemy as sa

from app.extensions import db
from app.teams.models import School


@pytest.mark.parametrize(
    ("first", "again"),
    [
        ("Ωmega School", "Ωmega School"),
        ("ΩMEGA SCHOOL", "ωmega school"),
        ("École Élan", "école élan"),
    ],
)
def test_a_school_name_taken_in_another_case_is_refused(client_as, team_world, first, again):
    admin = client_as("admin")
    assert admin.post("/admin/schools", data={"name": first}).status_code == 302
    response = admin.post("/admin/schools", data={"name": again})
    assert response.status_code == 422
    assert "There is already a school with this name." in response.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count(School.id))) == 2  # Maple Street + first


def test_renaming_a_school_to_anothers_non_ascii_name_is_refused(client_as, team_world):
    admin = client_as("admin")
    admin.post("/admin/schools", data={"name": "Ωmega School"})
    maple = db.session.scalar(sa.select(School).where(School.name == "Maple Street"))
    response = admin.post(f"/admin/schools/{maple.id}", data={"name": "ωMEGA school"})
    assert response.status_code == 422


def test_the_database_lowers_non_ascii_letters(app):
    assert db.session.scalar(sa.select(sa.func.lower("ΩMEGA École"))) == "ωmega école"
