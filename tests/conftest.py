"""Fixtures: an app on a fresh database (SQLite, or DATABASE_URL), clients, sign-in, counters."""

import contextvars
import os
from contextlib import contextmanager

import pytest
import sqlalchemy as sa
from flask.testing import FlaskClient

from app import create_app
from app.extensions import db
from tests import factories

TEST_PASSWORD = factories.PASSWORD


def _database_url(tmp_path_factory) -> str:
    url = os.environ.get("DATABASE_URL")
    if url:
        return url
    return f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite3'}"


class IsolatedClient(FlaskClient):
    """Each request runs in its own app context and database session, as in production.

    Without this, a request would reuse the test's app context and so its identity map,
    hiding statements and stale reads.
    """

    def open(self, *args, **kwargs):
        response = contextvars.Context().run(super().open, *args, **kwargs)
        db.session.expire_all()
        return response


def _no_waiting_for_the_disk(dbapi_connection, connection_record) -> None:
    """A commit need not survive a power cut in a test: without waiting for the disk, the
    suite's thousands of commits cost next to nothing (the demo's seed alone makes ~150)."""
    cursor = dbapi_connection.cursor()
    if type(dbapi_connection).__module__.startswith("sqlite3"):
        cursor.execute("PRAGMA synchronous=OFF")
    else:
        cursor.execute("SET synchronous_commit = off")
    cursor.close()
    if not type(dbapi_connection).__module__.startswith("sqlite3"):
        dbapi_connection.commit()  # psycopg opened a transaction for the SET


@pytest.fixture(scope="session")
def app(tmp_path_factory):
    app = create_app(
        {
            "TESTING": True,
            "SQLALCHEMY_DATABASE_URI": _database_url(tmp_path_factory),
            "SECRET_KEY": "test-secret-key",
            "WTF_CSRF_ENABLED": False,
            "ARGON2_TIME_COST": 1,
            "ARGON2_MEMORY_COST": 1024,
            "SERVER_NAME": None,
            # The demo's work samples and any upload a test leaves: never in instance/.
            "UPLOAD_FOLDER": str(tmp_path_factory.mktemp("uploads")),
        }
    )
    app.test_client_class = IsolatedClient
    with app.app_context():
        sa.event.listen(db.engine, "connect", _no_waiting_for_the_disk)
        db.engine.dispose()  # connections opened while the app was made get the setting too
        db.drop_all()
        db.create_all()
    yield app
    with app.app_context():
        db.drop_all()
        db.engine.dispose()


def _empty_all_tables() -> None:
    """DELETE in dependency order: on small tables much faster than TRUNCATE on PostgreSQL."""
    deletes = [f'DELETE FROM "{table.name}"' for table in reversed(db.metadata.sorted_tables)]
    with db.engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql("; ".join(deletes))  # one round trip
        else:
            for statement in deletes:
                conn.exec_driver_sql(statement)


@pytest.fixture(autouse=True)
def app_context(app):
    """Each test runs inside an app context on empty tables (and no cached run fragments:
    SQLite gives the next test's rows the same ids)."""
    app.extensions.pop("run_cache", None)
    app.extensions.pop("presence", None)  # who edits what (app/live/presence.py), likewise
    with app.app_context():
        yield
        db.session.rollback()
        _empty_all_tables()
        db.session.remove()
    app.config["WTF_CSRF_ENABLED"] = False


@pytest.fixture
def client(app):
    return app.test_client()


class Auth:
    def __init__(self, client):
        self.client = client

    def login(self, user, password: str = TEST_PASSWORD, remember: bool = False):
        data = {"email": user.email, "password": password}
        if remember:
            data["remember"] = "y"
        return self.client.post("/sign-in", data=data)

    def logout(self):
        return self.client.post("/sign-out")


@pytest.fixture
def auth(client):
    return Auth(client)


@pytest.fixture
def team_world():
    """A grade-level team with each role, an admin, and a second team with its own people."""
    return factories.make_world()


@pytest.fixture
def client_as(app, team_world):
    """client_as("teacher") -> a test client signed in as that member of team_world."""

    def make(role: str):
        client = app.test_client()
        Auth(client).login(getattr(team_world, role))
        return client

    return make


class StatementCounter:
    def __init__(self):
        self.count = 0
        self.statements: list[str] = []

    def __call__(self, conn, cursor, statement, parameters, context, executemany):
        self.count += 1
        self.statements.append(statement)


@pytest.fixture
def count_statements(app):
    """with count_statements() as counter: ...; counter.count is the SQL statements run."""

    @contextmanager
    def counting():
        counter = StatementCounter()
        sa.event.listen(db.engine, "before_cursor_execute", counter)
        try:
            yield counter
        finally:
            sa.event.remove(db.engine, "before_cursor_execute", counter)

    return counting
