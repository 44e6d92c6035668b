"""Administration of people: their accounts, and the invitations not yet accepted."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from app.admin import access, people
from app.admin.forms import PersonForm
from app.admin.guard import admin_blueprint
from app.paging import page_number

bp = admin_blueprint("admin_people", "/admin")


@bp.get("/people")
def index():
    search = people.search_text(request.args.get("q"))
    return render_template(
        "admin/people.html",
        search=search,
        people=people.people_page(search, page_number(request.args.get("page"))),
        invites=people.pending_invites(
            access.district_of(current_user), page_number(request.args.get("invites_page"))
        ),
    )


def _person_or_404(user_id: int):
    return people.person(user_id) or abort(404)


@bp.get("/people/<int:user_id>/edit")
def edit(user_id: int):
    person = _person_or_404(user_id)
    form = PersonForm(obj=person)
    form.school_id.choices = people.school_choices()
    return render_template("admin/person_edit.html", person=person, form=form)


@bp.post("/people/<int:user_id>")
def update(user_id: int):
    person = _person_or_404(user_id)
    form = PersonForm()
    form.school_id.choices = people.school_choices()
    if form.validate() and person.id == current_user.id:
        if not form.is_admin.data:
            form.is_admin.errors.append("You cannot remove your own administrator role.")
        if not form.active.data:
            form.active.errors.append("You cannot deactivate your own account.")
    if form.errors:
        return render_template("admin/person_edit.html", person=person, form=form), 422
    people.save_person(
        person, form.name.data, form.school_id.data, form.is_admin.data, form.active.data
    )
    flash(f"{person.name} saved.", "success")
    return redirect(url_for("admin_people.index"))
