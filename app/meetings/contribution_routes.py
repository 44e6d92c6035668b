"""Changing one contribution: marking an action item done, removing a contribution."""

from flask import Blueprint, flash, redirect, request
from flask_login import current_user, login_required

from app.htmx import is_htmx
from app.meetings import contributions
from app.meetings.access import can_present, contribution_for, require
from app.navigation import local_url

bp = Blueprint("contributions", __name__, url_prefix="/contributions")


def _back():
    if is_htmx():
        return "", 204
    return redirect(local_url(request.form.get("next")))


@bp.post("/<int:contribution_id>/done")
@login_required
def done(contribution_id: int):
    contribution = contribution_for(current_user, contribution_id)
    require(
        contribution.owner_id == current_user.id or can_present(current_user, contribution.meeting)
    )
    done = request.form.get("done", "1") == "1"
    contributions.set_done(contribution, done)
    if not is_htmx():
        flash("Marked done." if done else "Marked not done.", "success")
    return _back()


@bp.post("/<int:contribution_id>/delete")
@login_required
def delete(contribution_id: int):
    contribution = contribution_for(current_user, contribution_id)
    require(
        contribution.author_id == current_user.id or can_present(current_user, contribution.meeting)
    )
    contributions.delete(contribution)
    return _back()
