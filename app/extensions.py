"""Extensions, created unbound and bound to the app in create_app()."""

import sqlalchemy as sa
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect
from sqlalchemy.orm import DeclarativeBase

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = sa.MetaData(naming_convention=NAMING_CONVENTION)


db = SQLAlchemy(model_class=Base)
migrate = Migrate(render_as_batch=True, compare_type=True)
login_manager = LoginManager()
csrf = CSRFProtect()


def _unicode_lower(value):
    return value.lower() if isinstance(value, str) else value


@sa.event.listens_for(sa.engine.Engine, "connect")
def _sqlite_behaves_like_postgresql(dbapi_connection, connection_record) -> None:
    """SQLite ignores foreign keys (and ON DELETE) unless asked, PostgreSQL always keeps them;
    SQLite's lower() changes ASCII letters only, PostgreSQL's every letter ("Ω" -> "ω"), so
    case-insensitive name checks need Python's lower() in its place."""
    if type(dbapi_connection).__module__.startswith("sqlite3"):
        dbapi_connection.create_function("lower", 1, _unicode_lower, deterministic=True)
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()
