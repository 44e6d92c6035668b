"""Administration of people: their accounts, and the invitations not yet accepted."""

import sqlalchemy as sa
from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user
from sqlalchemy.orm import selectinload

from app.admin import access
from app.admin.forms import PersonForm
from app.admin.guard import admin_blueprint
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
        .where(
            Invite.district_id == access.district_of(current_user).id,
            Invite.accepted_at.is_(None),
            Invite.revoked_at.is_(None),
        )
        .options(selectinload(Invite.school), selectinload(Invite.team))
        .order_by(Invite.created_at.desc())
    ).all()
    return render_template("admin/people.html", people=people, invites=invites)


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
