"""Administration of grade-level teams and who is on them, with which role."""

from flask import abort, flash, redirect, render_template, request, url_for

from app.admin import people, teams
from app.admin.forms import MemberForm, RoleForm, TeamForm
from app.admin.guard import admin_blueprint
from app.numbers import parse_id
from app.paging import page_number
from app.teams import services
from app.teams.models import Membership, Role, Team
from app.teams.queries import team_with_members

bp = admin_blueprint("admin_teams", "/admin/teams")

NOT_ADDABLE = "Choose someone from the search results who is not on this team yet."


@bp.get("/")
def index():
    page = teams.teams_page(page_number(request.args.get("page")))
    return render_template("admin/teams.html", teams=page)


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


def _render_edit(team: Team, search: str, form=None, member_form=None, status=200):
    found, more = teams.candidates(team, search)
    return (
        render_template(
            "admin/team_edit.html",
            team=team,
            form=form or TeamForm(obj=team, formdata=None),
            member_form=member_form or MemberForm(formdata=None),
            search=search,
            candidates=found,
            more_candidates=more,
            roles=list(Role),
        ),
        status,
    )


@bp.get("/<int:team_id>/edit")
def edit(team_id: int):
    return _render_edit(_team_or_404(team_id), people.search_text(request.args.get("q")))


@bp.post("/<int:team_id>")
def update(team_id: int):
    team = _team_or_404(team_id)
    form = TeamForm()
    if not form.validate():
        return _render_edit(team, "", form=form, status=422)
    services.save_team(team, form.name.data, form.grade.data, form.description.data)
    flash("Team saved.", "success")
    return redirect(url_for("admin_teams.edit", team_id=team.id))


@bp.post("/<int:team_id>/members")
def add_member(team_id: int):
    team = _team_or_404(team_id)
    form = MemberForm()
    person = teams.person_to_add(team, parse_id(form.user_id.data))
    if form.validate() and person is None:
        form.user_id.errors.append(NOT_ADDABLE)
    if form.errors:
        search = people.search_text(request.form.get("q"))
        return _render_edit(team, search, member_form=form, status=422)
    services.add_member(team, person, Role(form.role.data))
    flash(f"{person.name} joined {team.name}.", "success")
    return redirect(url_for("admin_teams.edit", team_id=team.id))


def _membership_or_404(team_id: int, membership_id: int) -> Membership:
    return teams.membership_of(team_id, membership_id) or abort(404)


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
