"""The sketch of an anticipated response: an image only, shrunk to at most 1600 px on its
longer side, kept in the upload folder's `sketches`. Adding, replacing and removing one is a
change in the lesson's history (field "sketch", value "added", "replaced" or "removed").

A lesson revised from an earlier one carries its responses' sketches by name (starting.py):
one file may belong to several responses, so a file goes only when no response holds it."""

import sqlalchemy as sa
from sqlalchemy.exc import SQLAlchemyError

from app.auth.models import User
from app.extensions import db
from app.lessons.models import AnticipatedResponse, ChangeKind
from app.lessons.writing import _change, _done, _lock
from app.uploads import CheckedFile, Folder, check_upload

SKETCHES = Folder("sketches")
MAX_SIDE = 1600
FIELD = "sketch"


def check_sketch(stream) -> CheckedFile:
    """The image `stream` holds, re-encoded without metadata; FileProblem if refused."""
    return check_upload(stream, pdf=False, max_side=MAX_SIDE)


def attach(actor: User, response: AnticipatedResponse, sketch: CheckedFile) -> str:
    """Give `response` this sketch (replacing any); "added" or "replaced"."""
    name = SKETCHES.store(sketch)
    try:
        replaced = _set_sketch(actor, response, name)
    except SQLAlchemyError:
        db.session.rollback()
        SKETCHES.remove(name)
        raise
    _forget(replaced)
    return "replaced" if replaced else "added"


def remove(actor: User, response: AnticipatedResponse) -> bool:
    """Take the sketch away (its file too); False when there was none."""
    removed = _set_sketch(actor, response, None)
    _forget(removed)
    return removed is not None


def _forget(name: str | None) -> None:
    """Delete the file `name` unless another response (an earlier lesson's) still shows it."""
    held = name and db.session.scalar(
        sa.select(sa.func.count()).where(AnticipatedResponse.sketch_name == name)
    )
    if name and not held:
        SKETCHES.remove(name)


def _set_sketch(actor: User, response: AnticipatedResponse, name: str | None) -> str | None:
    """Store `name` as the sketch; the name it replaced (None if none). Nothing changes, and
    nothing is recorded, when removing a sketch that is already gone."""
    lesson = response.lesson
    revision = _lock(lesson)
    db.session.refresh(response)
    before = response.sketch_name
    if before is None and name is None:
        db.session.rollback()
        return None
    response.sketch_name = name
    value = "removed" if name is None else ("replaced" if before else "added")
    _change(
        lesson, revision, actor, ChangeKind.edit, response_id=response.id, field=FIELD, value=value
    )
    _done(lesson)
    return before
