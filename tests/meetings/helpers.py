"""Small readers shared by the meeting tests."""

import html
import re
import threading

import sqlalchemy as sa

from app.extensions import db

HTMX = {"HX-Request": "true"}


def text(response) -> str:
    """The response body as a person reads it: HTML entities decoded."""
    return html.unescape(response.get_data(as_text=True))


def fresh(model, id_):
    """The row as stored now, not as this test's session remembers it."""
    db.session.expire_all()
    return db.session.get(model, id_)


def count(model) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


def words(response) -> str:
    """The visible text, tags removed and whitespace collapsed."""
    return " ".join(re.sub(r"<[^>]+>", " ", text(response)).split())


def at_the_same_moment(app, *calls):
    """Run each call in its own thread, released together; their results, or the first error.

    Each thread has its own app context, as a server's worker thread would.
    """
    barrier = threading.Barrier(len(calls))
    results, errors = [None] * len(calls), []

    def run(index, call):
        barrier.wait()
        try:
            with app.app_context():
                results[index] = call()
        except BaseException as error:  # noqa: BLE001 - re-raised in the test's thread
            errors.append(error)

    threads = [threading.Thread(target=run, args=item) for item in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    if errors:
        raise errors[0]
    return results
