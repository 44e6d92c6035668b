"""Saving a record several people edit: the stale-save check, in one place for every feature.

A form carries the version its record had when the form was drawn (`app.forms.version_field`).
A save from an older version is refused with `StaleEdit`, and the route answers 409 with the
page and the `stale_notice` macro, the user's text kept in the form. `version_id_col` alone
would not catch it: it guards only the moment between loading and flushing the row. Edit
history (lesson co-editing) belongs in `edit`, the one path every guarded save takes.
"""

from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa
from flask import render_template
from sqlalchemy.orm.exc import StaleDataError

from app.extensions import db
from app.numbers import parse_id

CONFLICT = 409


class StaleEdit(Exception):
    """Someone saved this record after the editor loaded it."""


def is_stale(record, posted_version: int | None) -> bool:
    """Whether the form was drawn from an older version; a form without one is not checked."""
    return posted_version is not None and posted_version != record.version


def posted_is_stale(record, posted: str) -> bool:
    """As `is_stale`, for a version read straight from the form: none posted is not checked,
    but one that is not a version at all (², 9999999999999, text) is stale."""
    if posted == "":
        return False
    version = parse_id(posted)
    return version is None or is_stale(record, version)


def check_version(record, posted_version: int | None) -> None:
    if is_stale(record, posted_version):
        raise StaleEdit()


@contextmanager
def edit(record, posted_version: int | None) -> Iterator[None]:
    """Check the posted version, let the caller change `record`, then bump its version (unless
    SQLAlchemy generates it) and commit; StaleEdit, with nothing saved, if the record is stale."""
    check_version(record, posted_version)
    yield
    if sa.inspect(type(record)).version_id_generator is False:
        record.version += 1
    commit()


def commit() -> None:
    """Commit guarded edits; StaleEdit if another save landed after our version check."""
    try:
        db.session.commit()
    except StaleDataError as error:
        db.session.rollback()
        raise StaleEdit() from error


def conflict(template: str, **context) -> tuple[str, int]:
    """The edit page again, with the user's form and the stale notice, as 409. `conflict` in
    the context says where the notice goes on a page with several forms."""
    context.setdefault("conflict", True)
    return render_template(template, **context), CONFLICT
