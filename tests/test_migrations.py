"""Migrations build the whole schema from an empty database, on SQLite and on PostgreSQL."""

import os
import uuid

import psycopg
import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade

from app import create_app
from app.extensions import db

PG_SERVER = os.environ.get("TANDEM_PG_SERVER", "postgresql://postgres@127.0.0.1:5432")


def _pg_answers() -> bool:
    try:
        psycopg.connect(f"{PG_SERVER}/test", connect_timeout=3).close()
    except psycopg.Error:
        return False
    return True


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_database(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'migrations.sqlite3'}"
        return
    if not _pg_answers():
        pytest.skip("no PostgreSQL server answers at 127.0.0.1:5432")
    name = f"tandem_migrations_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(f"{PG_SERVER}/test", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield f"postgresql+psycopg://{PG_SERVER.removeprefix('postgresql://')}/{name}"
    with psycopg.connect(f"{PG_SERVER}/test", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _app_on(url: str):
    return create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "migrations"})


def test_migrations_build_the_schema_the_models_describe(empty_database):
    app = _app_on(empty_database)
    with app.app_context():
        upgrade()
        with db.engine.connect() as conn:
            drift = compare_metadata(MigrationContext.configure(conn), db.metadata)
        db.engine.dispose()
    assert drift == [], f"models and migrations disagree: {drift}"


def test_migrations_downgrade_to_nothing_and_up_again(empty_database):
    app = _app_on(empty_database)
    with app.app_context():
        upgrade()
        downgrade(revision="base")
        assert sa.inspect(db.engine).get_table_names() == ["alembic_version"]
        upgrade()
        assert "users" in sa.inspect(db.engine).get_table_names()
        db.engine.dispose()
