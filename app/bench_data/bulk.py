"""Bulk inserts for generated data: ids allocated here, rows written in chunks.

Rows are plain dicts keyed by column name, with the models' own enums as values. On PostgreSQL
they go through COPY (values converted by each column's own bind processor, so enums and
booleans are stored exactly as the ORM would store them); elsewhere through Core executemany.
Never one ORM object per row: a district has over a million rows.
"""

from collections import defaultdict

import sqlalchemy as sa

from app.extensions import db

CHUNK = 5_000


class Ids:
    """The next free id of every table, read once: generated rows carry their own ids."""

    def __init__(self):
        self._next: dict[str, int] = {}

    def take(self, model) -> int:
        table = model.__table__
        if table.name not in self._next:
            highest = db.session.scalar(sa.select(sa.func.max(table.c.id)))
            self._next[table.name] = (highest or 0) + 1
        value = self._next[table.name]
        self._next[table.name] = value + 1
        return value

    def tables(self) -> list[str]:
        return list(self._next)


class Writer:
    """Buffers rows per model and writes a chunk whenever one is full (and on flush())."""

    def __init__(self, chunk: int = CHUNK):
        self.chunk = chunk
        self.counts: dict[str, int] = defaultdict(int)
        self._rows: dict[type, list[dict]] = defaultdict(list)
        self._connection = db.session.connection()

    def add(self, model, row: dict) -> None:
        rows = self._rows[model]
        rows.append(row)
        if len(rows) >= self.chunk:
            self._write(model)

    def add_all(self, model, rows) -> None:
        for row in rows:
            self.add(model, row)

    def flush(self, *models) -> None:
        """Write what is buffered (of these models, or of all) before dependent rows follow."""
        for model in models or list(self._rows):
            if self._rows.get(model):
                self._write(model)

    def _write(self, model) -> None:
        rows, self._rows[model] = self._rows[model], []
        table = model.__table__
        rows = _with_defaults(table, rows)
        if self._connection.dialect.name == "postgresql":
            _copy(self._connection, table, rows)
        else:
            self._connection.execute(table.insert(), rows)
        self.counts[table.name] += len(rows)


def _with_defaults(table: sa.Table, rows: list[dict]) -> list[dict]:
    """Fill the columns a generator leaves out with the model's own defaults, as the ORM would:
    COPY skips Python-side defaults, so a column added later would otherwise arrive NULL."""
    defaults = {}
    for column in table.columns:
        if column.name in rows[0] or column.default is None or column.primary_key:
            continue
        default = column.default
        defaults[column.name] = default.arg if default.is_scalar else default.arg(None)
    if not defaults:
        return rows
    return [{**defaults, **row} for row in rows]


def _copy(connection, table: sa.Table, rows: list[dict]) -> None:
    names = list(rows[0])
    dialect = connection.dialect
    processors = [table.c[name].type.bind_processor(dialect) for name in names]
    columns = ", ".join(f'"{name}"' for name in names)
    cursor = connection.connection.driver_connection.cursor()
    with cursor.copy(f'COPY "{table.name}" ({columns}) FROM STDIN') as copy:
        for row in rows:
            copy.write_row(
                [
                    value if process is None or value is None else process(value)
                    for value, process in zip(row.values(), processors, strict=True)
                ]
            )


def reset_sequences(table_names: list[str]) -> None:
    """After explicit ids, PostgreSQL's sequences must continue past them."""
    connection = db.session.connection()
    if connection.dialect.name != "postgresql":
        return
    for name in table_names:
        connection.exec_driver_sql(
            f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
            f'(SELECT coalesce(max(id), 0) + 1 FROM "{name}"), false)'
        )
