"""Only for bench/pages.py, registered when TANDEM_BENCH=1: two anchor pages (a bare route
and a one-query 30-row page) and the number of SQL statements of every request, in the
X-Bench-Statements response header."""

import sqlalchemy as sa
from flask import Blueprint, Flask, g, has_request_context, render_template_string

from app.extensions import db
from app.meetings.models import Segment

bp = Blueprint("bench", __name__, url_prefix="/bench")

ROWS = """<!doctype html><html lang="en"><title>Segments</title><table>
{% for row in rows %}<tr><td>{{ row.id }}</td><td>{{ row.title }}</td>
<td>{{ row.planned_minutes }} min</td></tr>{% endfor %}</table></html>"""


@bp.get("/bare")
def bare():
    return "ok"


@bp.get("/one-query")
def one_query():
    rows = db.session.execute(
        sa.select(Segment.id, Segment.title, Segment.planned_minutes).order_by(Segment.id).limit(30)
    ).all()
    return render_template_string(ROWS, rows=rows)


def _count(conn, cursor, statement, parameters, context, executemany):
    if has_request_context():
        g.bench_statements = g.get("bench_statements", 0) + 1


def _statements_header(response):
    response.headers["X-Bench-Statements"] = str(g.get("bench_statements", 0))
    return response


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
    if not sa.event.contains(sa.engine.Engine, "before_cursor_execute", _count):
        sa.event.listen(sa.engine.Engine, "before_cursor_execute", _count)
    app.after_request(_statements_header)
