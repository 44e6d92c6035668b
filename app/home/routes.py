import sqlalchemy as sa
from flask import Blueprint, redirect, render_template, request
from flask_login import current_user, login_required

from app import live
from app.extensions import db
from app.home import display, owed
from app.meetings.queries import upcoming_for
from app.navigation import local_url
from app.paging import page_number
from app.teams.queries import teams_of
from app.timeutil import local_now

bp = Blueprint("home", __name__)


@bp.get("/")
@login_required
def index():
    return render_template(
        "home/dashboard.html",
        teams=teams_of(current_user),
        upcoming=upcoming_for(current_user),
        owed=owed.owed_by(current_user),
        today=local_now().date(),
    )


@bp.get("/owed")
@login_required
def owed_index():
    """Every open action item assigned to me, a page at a time."""
    return render_template(
        "home/owed.html",
        owed=owed.owed_page(current_user, page_number(request.args.get("page"))),
        today=local_now().date(),
    )


@bp.post("/display")
def display_post():
    """Switch this browser between normal and large type."""
    response = redirect(local_url(request.form.get("next")))
    display.remember(response, request.form.get("mode", ""))
    return response


@bp.get("/healthz")
def healthz():
    """200 while the database answers; a broker outage only slows live updates down."""
    broker = live.broker_state()
    try:
        db.session.execute(sa.text("SELECT 1"))
    except sa.exc.SQLAlchemyError:
        return {"status": "database unavailable", "database": "down", "broker": broker}, 503
    return {"status": "ok", "database": "ok", "broker": broker}
