"""Invitations: one at a time or from a CSV file; e-mailed when SMTP is set up; renewed."""

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user

from app.admin import access, schools, teams
from app.admin.bulk_invites import MAX_BYTES, read_invitations
from app.admin.forms import BulkInviteForm, InviteForm
from app.admin.guard import admin_blueprint
from app.auth import invitations
from app.auth.invitations import Invitee
from app.auth.services import user_by_email
from app.forms import choices
from app.teams.models import Role

bp = admin_blueprint("admin_invites", "/admin/invites")


def _invite_form(submitted: bool = False) -> InviteForm:
    form = InviteForm() if submitted else InviteForm(formdata=None)
    district = access.district_of(current_user)
    form.school_id.choices = choices(
        [(None, "No school (district staff)")]
        + [(s.id, s.name) for s in access.schools_of(district)]
    )
    form.team_id.choices = choices(
        [(None, "No team yet")] + [(t.id, t.name) for t in access.teams_of(district)]
    )
    return form


def _email_taken(email: str) -> str | None:
    if user_by_email(email):
        return "Someone with this email already has an account."
    if invitations.pending_invite_for(email):
        return "This email already has an invitation waiting: find its link under People."
    return None


@bp.get("/new")
def new_invite():
    return render_template("admin/invite_new.html", form=_invite_form())


@bp.post("")
def create_invite():
    form = _invite_form(submitted=True)
    if form.validate() and (taken := _email_taken(form.email.data)):
        form.email.errors.append(taken)
    if form.errors:
        return render_template("admin/invite_new.html", form=form), 422
    invitee = Invitee(
        email=form.email.data,
        name=form.name.data or "",
        school=schools.school(form.school_id.data) if form.school_id.data else None,
        team=teams.team(form.team_id.data) if form.team_id.data else None,
        role=Role(form.role.data),
        is_admin=form.is_admin.data,
    )
    invite = invitations.create_invite(current_user, access.district_of(current_user), invitee)
    invitations.email_invites([invite])
    return redirect(url_for("admin_invites.show_invite", invite_id=invite.id))


@bp.get("/<int:invite_id>")
def show_invite(invite_id: int):
    invite = access.invite_for(current_user, invite_id)
    link = invitations.invite_url(invite) if invite.status == "pending" else None
    return render_template("admin/invite_show.html", invite=invite, link=link)


@bp.post("/<int:invite_id>/revoke")
def revoke_invite(invite_id: int):
    invite = access.invite_for(current_user, invite_id)
    if invite.status == "pending":
        invitations.revoke_invite(invite)
        flash(f"The invitation for {invite.email} no longer works.", "info")
    return redirect(url_for("admin_people.index"))


def _renewal_refused(invite) -> str | None:
    if invite.status == "accepted":
        return f"{invite.email} has already accepted this invitation: they can sign in."
    if user_by_email(invite.email):
        return f"{invite.email} already has an account: they can sign in."
    waiting = invitations.pending_invite_for(invite.email)
    if waiting is not None and waiting.id != invite.id:
        return f"{invite.email} already has a newer invitation waiting."
    return None


@bp.post("/<int:invite_id>/renew")
def renew_invite(invite_id: int):
    invite = access.invite_for(current_user, invite_id)
    if refusal := _renewal_refused(invite):
        flash(refusal, "error")
        return redirect(url_for("admin_invites.show_invite", invite_id=invite.id))
    invitations.renew_invite(invite)
    invitations.email_invites([invite])
    flash("A new link is ready; the old link no longer works.", "success")
    return redirect(url_for("admin_invites.show_invite", invite_id=invite.id))


@bp.get("/bulk")
def new_bulk():
    return render_template("admin/invite_bulk.html", form=BulkInviteForm(formdata=None))


def _lines_summary(reading) -> str:
    count = len(reading.line_problems)
    lines = "1 line has a problem" if count == 1 else f"{count} lines have problems"
    return f"{lines}, so nobody was invited. Fix the file and upload it again."


@bp.post("/bulk")
def create_bulk():
    form = BulkInviteForm()
    upload = request.files.get("file")
    data = upload.stream.read(MAX_BYTES + 1) if upload else b""
    district = access.district_of(current_user)
    reading = read_invitations(data, district)
    if not reading.ok:
        form.file.errors = [reading.file_problem or _lines_summary(reading)]
        return render_template("admin/invite_bulk.html", form=form, reading=reading), 422
    invites = invitations.create_invites(current_user, district, reading.invitees)
    ids = [invite.id for invite in invites]
    invitations.email_invites(invites)
    invites = invitations.load_invites(ids)
    links = {invite.id: invitations.invite_url(invite) for invite in invites}
    return render_template("admin/invite_bulk_done.html", invites=invites, links=links)
