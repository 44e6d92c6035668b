"""Minutes: the agenda as run, attendance, notes, decisions and action items; page and PDF."""

from flask import Blueprint, render_template
from flask_login import current_user, login_required

from app.meetings.access import meeting_for
from app.meetings.minutes import minutes_of
from app.pdf import render_pdf

bp = Blueprint("minutes", __name__, url_prefix="/meetings/<int:meeting_id>")


@bp.get("/minutes")
@login_required
def show(meeting_id: int):
    meeting_for(current_user, meeting_id)
    return render_template("meetings/minutes.html", minutes=minutes_of(meeting_id))


@bp.get("/minutes.pdf")
@login_required
def pdf(meeting_id: int):
    meeting_for(current_user, meeting_id)
    minutes = minutes_of(meeting_id)
    filename = f"minutes-{minutes.day:%Y-%m-%d}-{minutes.meeting.id}.pdf"
    return render_pdf("meetings/minutes_pdf.html", filename, minutes=minutes)
