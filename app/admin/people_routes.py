"""Administration of people: invitations and accounts."""

import sqlalchemy as sa
from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user
from sqlalchemy.orm import selectinload

from app.admin.forms import InviteForm, PersonForm
from app.admin.guard import admin_blueprint
from app.auth import services as auth_services
from app.auth import sessions
from app.auth.models import Invite, User
from app.extensions import db
from app.forms import SelectChoice, choices
from app.teams.models import Membership, School

bp = admin_blueprint("admin_people", "/admin")


def _school_choices() -> list[SelectChoice]:
    schools = db.session.scalars(sa.select(School).order_by(School.name))
    return choices([(None, "No school (district staff)")] + [(s.id, s.name) for s in schools])


@bp.get("/people")
def index():
    people = db.session.scalars(
        sa.select(User)
        .options(
            selectinload(User.school),
            selectinload(User.memberships).joinedload(Membership.team),
        )
        .order_by(sa.func.lower(User.name))
    ).all()
    invites = db.session.scalars(
        sa.select(Invite)
        .where(Invite.accepted_at.is_(None), Invite.revoked_at.is_(None))
        .options(selectinload(Invite.school))
        .order_by(Invite.created_at.desc())
    ).all()
    return render_template("admin/people.html", people=people, invites=invites)


@bp.get("/invites/new")
def new_invite():
    form = InviteForm(formdata=None)
    form.school_id.choices = _school_choices()
    return render_template("admin/invite_new.html", form=form)


@bp.post("/invites")
def create_invite():
    form = InviteForm()
    form.school_id.choices = _school_choices()
    if form.validate():
        if auth_services.user_by_email(form.email.data):
            form.email.errors.append("Someone with this email already has an account.")
        elif auth_services.pending_invite_for(form.email.data):
            form.email.errors.append(
                "This email already has an invitation waiting: find its link under People."
            )
    if form.errors:
        return render_template("admin/invite_new.html", form=form), 422
    invite = auth_services.create_invite(
        current_user,
        form.email.data,
        form.name.data or "",
        form.school_id.data,
        form.is_admin.data,
    )
    return redirect(url_for("admin_people.show_invite", invite_id=invite.id))


def _invite_or_404(invite_id: int) -> Invite:
    return db.session.get(Invite, invite_id) or abort(404)


@bp.get("/invites/<int:invite_id>")
def show_invite(invite_id: int):
    invite = _invite_or_404(invite_id)
    link = None
    if invite.status == "pending":
        token = auth_services.invite_token(invite)
        link = url_for("auth.accept_invite", token=token, _external=True)
    return render_template("admin/invite_show.html", invite=invite, link=link)


@bp.post("/invites/<int:invite_id>/revoke")
def revoke_invite(invite_id: int):
    invite = _invite_or_404(invite_id)
    if invite.status == "pending":
        auth_services.revoke_invite(invite)
        flash(f"The invitation for {invite.email} no longer works.", "info")
    return redirect(url_for("admin_people.index"))


def _person_or_404(user_id: int) -> User:
    return db.session.get(User, user_id) or abort(404)


@bp.get("/people/<int:user_id>/edit")
def edit(user_id: int):
    person = _person_or_404(user_id)
    form = PersonForm(obj=person)
    form.school_id.choices = _school_choices()
    return render_template("admin/person_edit.html", person=person, form=form)


@bp.post("/people/<int:user_id>")
def update(user_id: int):
    person = _person_or_404(user_id)
    form = PersonForm()
    form.school_id.choices = _school_choices()
    if form.validate() and person.id == current_user.id:
        if not form.is_admin.data:
            form.is_admin.errors.append("You cannot remove your own administrator role.")
        if not form.active.data:
            form.active.errors.append("You cannot deactivate your own account.")
    if form.errors:
        return render_template("admin/person_edit.html", person=person, form=form), 422
    was_active = person.active
    person.name, person.school_id = form.name.data, form.school_id.data
    person.is_admin, person.active = form.is_admin.data, form.active.data
    if was_active and not person.active:
        sessions.end_all(person)
    db.session.commit()
    flash(f"{person.name} saved.", "success")
    return redirect(url_for("admin_people.index"))
