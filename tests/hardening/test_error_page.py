"""The error page itself never fails: the failed request's session is rolled back first."""

from contextlib import contextmanager

import pytest
import sqlalchemy as sa

from app.extensions import db
from app.meetings.models import Contribution
from tests import factories


@pytest.fixture
def unhandled_errors_answered(app):
    """Errors reach the 500 handler, as in production, instead of propagating to the test."""
    app.config["PROPAGATE_EXCEPTIONS"] = False
    yield
    app.config["PROPAGATE_EXCEPTIONS"] = None


@contextmanager
def failing_statement(table: str):
    """Every INSERT into `table` fails in the database itself, mid-request."""

    def broken(conn, cursor, statement, parameters, context, executemany):
        prefix = f"INSERT INTO {table} "
        if statement.startswith(prefix):
            statement = statement.replace(prefix, "INSERT INTO no_such_table ", 1)
        return statement, parameters

    sa.event.listen(db.engine, "before_cursor_execute", broken, retval=True)
    try:
        yield
    finally:
        sa.event.remove(db.engine, "before_cursor_execute", broken)


def test_a_database_error_mid_request_answers_the_friendly_500_page(
    client_as, team_world, unhandled_errors_answered
):
    meeting = factories.make_meeting(team_world.team, segments=["Check-in"], running=True)
    client = client_as("teacher")
    with failing_statement("contributions"):
        response = client.post(
            f"/meetings/{meeting.id}/run/contributions", data={"kind": "note", "body": "Hi"}
        )
    assert response.status_code == 500
    page = response.get_data(as_text=True)
    assert "Something went wrong on our side" in page
    assert "Priya Teacher" in page  # the signed-in header drew after the rollback
    assert db.session.scalar(sa.select(sa.func.count(Contribution.id))) == 0
    assert client.get(f"/meetings/{meeting.id}/run").status_code == 200


@contextmanager
def unreadable_table(table: str):
    """Every read of `table` fails in the database, as when it is gone or unreachable."""

    def broken(conn, cursor, statement, parameters, context, executemany):
        return statement.replace(f"FROM {table}", "FROM no_such_table"), parameters

    sa.event.listen(db.engine, "before_cursor_execute", broken, retval=True)
    try:
        yield
    finally:
        sa.event.remove(db.engine, "before_cursor_execute", broken)


def test_when_even_the_signed_in_person_cannot_be_loaded_a_plain_500_page_answers(
    client_as, team_world, unhandled_errors_answered
):
    client = client_as("teacher")
    with unreadable_table("users"):
        response = client.get("/")
    assert response.status_code == 500
    page = response.get_data(as_text=True)
    assert "Something went wrong on our side" in page
    assert "Priya Teacher" not in page
