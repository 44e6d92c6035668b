"""The demo for tests that only need it there: seeded once per test process, then copied back.

The demo's seed writes its lesson history through the app's one write path (~150 commits, 2–4 s);
dozens of journeys start from it. The first seed_demo() of a process (on empty tables) runs the
real seed and keeps every row it wrote and every file it stored; later calls on empty tables
insert those rows back in one transaction. The copy is of that day and expires after a few
minutes, so times relative to now stay close to a fresh seed's. On tables that are not empty
(a partly loaded demo, a second call) it is the real seed. The seed's own tests
(tests/demo/test_seed.py) call app.demo.seed.seed_demo itself.
"""

import time
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa
from flask import current_app

from app.demo import seed
from app.extensions import db
from app.timeutil import local_now

MAX_AGE_SECONDS = 300


@dataclass
class _Snapshot:
    key: tuple
    taken: float
    rows: dict[str, list[dict]] = field(default_factory=dict)
    files: dict[Path, bytes] = field(default_factory=dict)


_snapshot: _Snapshot | None = None


def seed_demo() -> bool:
    """Like app.demo.seed.seed_demo on empty tables; the real seed on anything else."""
    global _snapshot
    if not _empty():
        return seed.seed_demo()
    key = (str(db.engine.url), local_now().date(), _upload_base())
    if _snapshot and _snapshot.key == key and time.monotonic() - _snapshot.taken < MAX_AGE_SECONDS:
        _restore(_snapshot)
        return True
    files_before = _files()
    added = seed.seed_demo()
    _snapshot = _take(key, files_before)
    return added


def _tables() -> list[sa.Table]:
    return db.metadata.sorted_tables


def _empty() -> bool:
    return not any(
        db.session.execute(sa.select(sa.literal(1)).select_from(table).limit(1)).first()
        for table in _tables()
    )


def _upload_base() -> Path:
    configured = current_app.config.get("UPLOAD_FOLDER")
    return Path(configured) if configured else Path(current_app.instance_path) / "uploads"


def _files() -> set[Path]:
    base = _upload_base()
    return {path for path in base.rglob("*") if path.is_file()} if base.exists() else set()


def _take(key: tuple, files_before: set[Path]) -> _Snapshot:
    snapshot = _Snapshot(key=key, taken=time.monotonic())
    for table in _tables():
        # In id order: a row that names another of its table (a response carried from an
        # earlier one) comes after it, as PostgreSQL checks each row's keys on insert.
        in_order = sa.select(table).order_by(*table.primary_key.columns)
        rows = db.session.execute(in_order).mappings().all()
        if rows:
            snapshot.rows[table.name] = [dict(row) for row in rows]
    snapshot.files = {path: path.read_bytes() for path in _files() - files_before}
    return snapshot


def _restore(snapshot: _Snapshot) -> None:
    # Inserting ids the sequences already passed: on PostgreSQL the next id is still free, and
    # SQLite takes the largest id + 1.
    for table in _tables():
        if rows := snapshot.rows.get(table.name):
            db.session.execute(table.insert(), rows)
    db.session.commit()
    for path, content in snapshot.files.items():
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
