"""Bulk loading of generated rows in one transaction: one COPY per table on PostgreSQL, one
executemany per table elsewhere. Never one ORM object per row: a district has over a million.

A generator hands `Writer.write` plain tuples in the order of the columns it names, with the
models' own enums, dates and datetimes as values; a column it leaves out gets the model's own
default (a scalar, or a callable called once per table), as the ORM would give it.

For the load the database is made to skip what only slows it down, and put back afterwards:
- PostgreSQL checks a foreign key with one query per row, which doubled the time of a COPY; the
  loaded tables' foreign keys are dropped for the load and added back at the end (checking every
  row at once, in one join each). Dropping the secondary indexes as well saved nothing.
- SQLite writes in one transaction with `synchronous=OFF` and its journal in memory, checks
  foreign keys once at the end (`PRAGMA foreign_key_check`) instead of row by row, and builds
  the secondary indexes of the loaded tables after their rows (10 % less CPU than keeping them).
"""

import itertools
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

CHUNK = 20_000  # SQLite rows per executemany


class Ids:
    """Generated rows carry their own ids, counted on from the highest id of each table. The
    highest ids are read before any COPY starts: the connection runs one statement at a time."""

    def __init__(self, connection: sa.Connection, tables: Iterable[sa.Table]):
        self._counters: dict[str, Iterator[int]] = {
            table.name: itertools.count(
                (connection.scalar(sa.select(sa.func.max(table.c.id))) or 0) + 1
            )
            for table in tables
            if "id" in table.c
        }

    def counter(self, model) -> Iterator[int]:
        return self._counters[model.__table__.name]

    def take(self, model) -> int:
        return next(self.counter(model))


class Writer:
    """Writes the rows of one table at a time and counts them."""

    def __init__(self, connection: sa.Connection):
        self.connection = connection
        self.postgresql = connection.dialect.name == "postgresql"
        self.counts: dict[str, int] = defaultdict(int)
        self._foreign_keys: dict[str, list[tuple[str, str]]] = {}
        self._indexes: dict[str, list[str]] = {}

    def write(self, model, columns: Sequence[str], rows: Iterable[tuple]) -> int:
        table = model.__table__
        names, tail = _with_defaults(table, columns)
        if tail:
            rows = (row + tail for row in rows)
        convert = _converters(table, names, self.connection.dialect)
        if convert:
            rows = _converted(rows, convert)
        if self.postgresql:
            self._drop_foreign_keys(table.name)
            written = _copy(self.connection, table.name, names, rows)
        else:
            self._drop_indexes(table.name)
            written = _insert(self.connection, table, names, rows)
        self.counts[table.name] += written
        return written

    def _drop_foreign_keys(self, table: str) -> None:
        if table in self._foreign_keys:
            return
        keys = self.connection.exec_driver_sql(
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
            f"WHERE conrelid = '\"{table}\"'::regclass AND contype = 'f' ORDER BY conname"
        ).all()
        self._foreign_keys[table] = [tuple(key) for key in keys]
        if keys:
            drops = ", ".join(f'DROP CONSTRAINT "{name}"' for name, _ in keys)
            self.connection.exec_driver_sql(f'ALTER TABLE "{table}" {drops}')

    def _drop_indexes(self, table: str) -> None:
        """SQLite: the table's own indexes (not those of its constraints), rebuilt at the end."""
        if table in self._indexes:
            return
        indexes = self.connection.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
            "AND sql IS NOT NULL ORDER BY name",
            (table,),
        ).all()
        self._indexes[table] = [sql for _, sql in indexes]
        for name, _ in indexes:
            self.connection.exec_driver_sql(f'DROP INDEX "{name}"')

    def finish(self) -> None:
        """Check the foreign keys of every row written, and let sequences continue after them."""
        if not self.postgresql:
            for table_indexes in self._indexes.values():
                for sql in table_indexes:
                    self.connection.exec_driver_sql(sql)
            _check_foreign_keys(self.connection)
            return
        for table, keys in self._foreign_keys.items():
            if keys:
                adds = ", ".join(f'ADD CONSTRAINT "{name}" {rule}' for name, rule in keys)
                self.connection.exec_driver_sql(f'ALTER TABLE "{table}" {adds}')
        for table in self.counts:
            self.connection.exec_driver_sql(
                f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
                f'(SELECT coalesce(max(id), 0) + 1 FROM "{table}"), false)'
            )
        # Fresh statistics, so the first pages on the district get the plans they will keep.
        tables = ", ".join(f'"{table}"' for table in self.counts)
        self.connection.exec_driver_sql(f"ANALYZE {tables}")


@contextmanager
def bulk_load(session: Session) -> Iterator[Writer]:
    """A writer on the session's connection, committed at the end; rolled back on error."""
    connection = session.connection()
    restore = _prepare(connection)
    try:
        writer = Writer(connection)
        yield writer
        writer.finish()
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        restore()


def _prepare(connection: sa.Connection):
    """Settings for a fast load; returns what puts them back once the transaction is over."""
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql("SET LOCAL synchronous_commit = off")
        return lambda: None
    if connection.dialect.name != "sqlite":
        return lambda: None
    raw = connection.connection.dbapi_connection
    before = {
        pragma: raw.execute(f"PRAGMA {pragma}").fetchone()[0]
        for pragma in ("synchronous", "journal_mode", "foreign_keys")
    }
    fast = {"synchronous": "OFF", "journal_mode": "MEMORY"}
    if not raw.in_transaction:  # foreign_keys cannot change inside a transaction
        fast["foreign_keys"] = "OFF"
    for pragma, value in fast.items():
        raw.execute(f"PRAGMA {pragma}={value}")
    if not raw.in_transaction:
        raw.execute("BEGIN")  # so that dropped indexes come back if the load fails

    def restore():
        if raw.in_transaction:
            raw.rollback()
        for pragma in fast:
            raw.execute(f"PRAGMA {pragma}={before[pragma]}")

    return restore


def _with_defaults(table: sa.Table, columns: Sequence[str]) -> tuple[list[str], tuple]:
    """The columns to write and the default values that follow a generator's own."""
    names, tail = list(columns), []
    for column in table.columns:
        if column.name in columns or column.default is None or column.primary_key:
            continue
        default = column.default
        names.append(column.name)
        tail.append(default.arg if default.is_scalar else default.arg(None))
    return names, tuple(tail)


def _copy(connection: sa.Connection, table: str, names: list[str], rows: Iterable[tuple]) -> int:
    columns = ", ".join(f'"{name}"' for name in names)
    cursor = connection.connection.driver_connection.cursor()
    written = 0
    with cursor.copy(f'COPY "{table}" ({columns}) FROM STDIN') as copy:
        write_row = copy.write_row
        for written, row in enumerate(rows, 1):  # noqa: B007
            write_row(row)
    return written


def _insert(connection: sa.Connection, table: sa.Table, names: list[str], rows) -> int:
    marks = ", ".join("?" for _ in names)
    columns = ", ".join(f'"{name}"' for name in names)
    sql = f'INSERT INTO "{table.name}" ({columns}) VALUES ({marks})'
    cursor = connection.connection.dbapi_connection.cursor()
    written, rows = 0, iter(rows)
    while chunk := list(itertools.islice(rows, CHUNK)):
        cursor.executemany(sql, chunk)
        written += len(chunk)
    return written


def _converters(table: sa.Table, names: list[str], dialect) -> list[tuple[int, object]]:
    """(position, converter) of the columns whose values the driver cannot take as they are."""
    convert = []
    for i, name in enumerate(names):
        column_type = table.c[name].type
        if dialect.name == "postgresql" and not isinstance(column_type, sa.Enum | sa.JSON):
            continue  # psycopg adapts ints, text, booleans, dates and datetimes itself
        if converter := _converter(column_type, dialect):
            convert.append((i, converter))
    return convert


def _converted(rows: Iterable[tuple], convert) -> Iterator[tuple]:
    """The rows with converted values, converted a column at a time (zip and map run in C)."""
    rows = iter(rows)
    while chunk := list(itertools.islice(rows, CHUNK)):
        values = list(zip(*chunk, strict=True))
        for i, converter in convert:
            values[i] = map(converter, values[i])
        yield from zip(*values, strict=True)


def _converter(column_type, dialect):
    """A fast converter to what the column type binds, or None when the driver takes the value
    as it is. Checked against the type's own bind processor, so a change there is noticed."""
    if isinstance(column_type, sa.JSON) and dialect.name == "postgresql":
        return json.dumps  # COPY takes the JSON as text
    process = column_type.dialect_impl(dialect).bind_processor(dialect)
    if process is None or isinstance(column_type, sa.Boolean):
        return None  # the drivers bind True and False themselves (SQLite as 1 and 0)
    if isinstance(column_type, sa.DateTime):
        sample = datetime(2026, 9, 1, 15, 30, 0, 7)

        def fast(value):
            return value if value is None else value.isoformat(" ", "microseconds")
    elif isinstance(column_type, sa.Date):
        sample = date(2026, 9, 1)

        def fast(value):
            return value if value is None else value.isoformat()
    elif isinstance(column_type, sa.Enum) and column_type.enum_class is not None:
        stored = {member: process(member) for member in column_type.enum_class}
        return None if all(member == value for member, value in stored.items()) else stored.get
    else:
        return process
    return fast if fast(sample) == process(sample) else process


def _check_foreign_keys(connection: sa.Connection) -> None:
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").first()
    if broken:
        raise ValueError(f"generated rows break a foreign key: {tuple(broken)}")
