"""Administration of grade-level teams and who is on them, with which role."""

import sqlalchemy as sa
from flask import abort, flash, redirect, render_template, url_for

from app.admin.forms import MemberForm, RoleForm, TeamForm
from app.admin.guard import admin_blueprint
from app.auth.models import User
from app.extensions import db
from app.forms import choices
from app.teams import services
from app.teams.models import Membership, Role, Team
from app.teams.queries import all_teams, team_with_members

bp = admin_blueprint("admin_teams", "/admin/teams")


@bp.get("/")
def index():
    return render_template("admin/teams.html", teams=all_teams())


@bp.get("/new")
def new():
    return render_template("admin/team_new.html", form=TeamForm(formdata=None))


@bp.post("/")
def create():
    form = TeamForm()
    if not form.validate():
        return render_template("admin/team_new.html", form=form), 422
    team = services.save_team(None, form.name.data, form.grade.data, form.description.data)
    flash(f"{team.name} created. Now add its members.", "success")
    return redirect(url_for("admin_teams.edit", team_id=team.id))


def _team_or_404(team_id: int) -> Team:
    return team_with_members(team_id) or abort(404)


def _member_form(team: Team, submitted: bool = False) -> MemberForm:
    form = MemberForm() if submitted else MemberForm(formdata=None)
    on_team = {m.user_id for m in team.memberships}
    people = db.session.scalars(
        sa.select(User).where(User.active.is_(True)).order_by(sa.func.lower(User.name))
    )
    form.user_id.choices = choices(
        (p.id, f"{p.name} ({p.email})") for p in people if p.id not in on_team
    )
    return form


def _render_edit(team: Team, form=None, member_form=None, status=200):
    return (
        render_template(
            "admin/team_edit.html",
            team=team,
            form=form or TeamForm(obj=team, formdata=None),
            member_form=member_form or _member_form(team),
            roles=list(Role),
        ),
        status,
    )


@bp.get("/<int:team_id>/edit")
def edit(team_id: int):
    return _render_edit(_team_or_404(team_id))


@bp.post("/<int:team_id>")
def update(team_id: int):
    team = _team_or_404(team_id)
    form = TeamForm()
    if not form.validate():
        return _render_edit(team, form=form, status=422)
    services.save_team(team, form.name.data, form.grade.data, form.description.data)
    flash("Team saved.", "success")
    return redirect(url_for("admin_teams.edit", team_id=team.id))


@bp.post("/<int:team_id>/members")
def add_member(team_id: int):
    team = _team_or_404(team_id)
    form = _member_form(team, submitted=True)
    if not form.validate():
        return _render_edit(team, member_form=form, status=422)
    person = db.session.get(User, form.user_id.data)
    services.add_member(team, person, Role(form.role.data))
    flash(f"{person.name} joined {team.name}.", "success")
    return redirect(url_for("admin_teams.edit", team_id=team.id))


def _membership_or_404(team_id: int, membership_id: int) -> Membership:
    membership = db.session.get(Membership, membership_id)
    if membership is None or membership.team_id != team_id:
        abort(404)
    return membership


@bp.post("/<int:team_id>/members/<int:membership_id>")
def update_member(team_id: int, membership_id: int):
    membership = _membership_or_404(team_id, membership_id)
    form = RoleForm()
    if form.validate():
        services.change_role(membership, Role(form.role.data))
        flash(f"{membership.user.name} is now {Role(form.role.data).label.lower()}.", "success")
    else:
        flash("Choose one of the listed roles.", "error")
    return redirect(url_for("admin_teams.edit", team_id=team_id))


@bp.post("/<int:team_id>/members/<int:membership_id>/delete")
def delete_member(team_id: int, membership_id: int):
    membership = _membership_or_404(team_id, membership_id)
    name = membership.user.name
    services.remove_member(membership)
    flash(f"{name} left the team.", "info")
    return redirect(url_for("admin_teams.edit", team_id=team_id))
