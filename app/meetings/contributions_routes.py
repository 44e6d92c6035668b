"""Changing one contribution: marking an action item done, removing one and its Undo."""

from flask import Blueprint, flash, redirect, render_template, request
from flask_login import current_user, login_required
from markupsafe import Markup

from app.htmx import is_htmx
from app.meetings import contributions
from app.meetings.access import can_present, can_remove, contribution_for, require
from app.navigation import local_url

bp = Blueprint("contributions", __name__, url_prefix="/contributions")


def _back(changed: bool = False):
    if is_htmx():
        return "", 204, {"HX-Trigger": "contributions-changed"} if changed else {}
    return redirect(local_url(request.form.get("next")))


def _refused(error: contributions.Refused):
    """409 with the reason: a line for the run view's notice, or a page without htmx."""
    message = str(error)
    if is_htmx():
        return Markup('<p class="flash flash-error">%s</p>') % message, 409
    page = render_template(
        "errors/error.html", status=409, title="That could not be done", advice=message
    )
    return page, 409


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
    require(can_remove(current_user, contribution))
    try:
        contributions.remove(current_user, contribution)
    except contributions.Refused as error:
        return _refused(error)
    if not is_htmx():
        flash("Removed. Undo it within 10 seconds from the list of notes.", "info")
    return _back(changed=True)


@bp.post("/<int:contribution_id>/restore")
@login_required
def restore(contribution_id: int):
    contribution = contribution_for(current_user, contribution_id, removed=True)
    require(can_remove(current_user, contribution))
    try:
        contributions.restore(current_user, contribution)
    except contributions.Refused as error:
        return _refused(error)
    if not is_htmx():
        flash("Restored.", "success")
    return _back(changed=True)
