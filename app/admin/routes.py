"""Administration: the district and its schools. People and teams have their own files."""

from flask import abort, flash, redirect, render_template, url_for

from app.admin import schools as school_admin
from app.admin.forms import DistrictForm, SchoolForm
from app.admin.guard import admin_blueprint
from app.teams import services
from app.teams.models import School

bp = admin_blueprint("admin", "/admin")


@bp.get("/")
def index():
    return redirect(url_for("admin_people.index"))


def _render_schools(form=None, district_form=None, status=200):
    district = services.the_district()
    return (
        render_template(
            "admin/schools.html",
            schools=school_admin.all_schools(),
            district=district,
            form=form or SchoolForm(formdata=None),
            district_form=district_form
            or DistrictForm(obj=district, formdata=None, prefix="district"),
        ),
        status,
    )


@bp.get("/schools")
def schools():
    return _render_schools()


@bp.post("/schools")
def create_school():
    form = SchoolForm()
    if form.validate() and services.school_name_taken(form.name.data):
        form.name.errors.append("There is already a school with this name.")
    if form.errors:
        return _render_schools(form=form, status=422)
    services.save_school(None, form.name.data)
    flash(f"{form.name.data} added.", "success")
    return redirect(url_for("admin.schools"))


@bp.post("/district")
def update_district():
    form = DistrictForm(prefix="district")
    if not form.validate():
        return _render_schools(district_form=form, status=422)
    school_admin.rename_district(form.name.data)
    flash("District name saved.", "success")
    return redirect(url_for("admin.schools"))


def _school_or_404(school_id: int) -> School:
    return school_admin.school(school_id) or abort(404)


@bp.get("/schools/<int:school_id>/edit")
def edit_school(school_id: int):
    school = _school_or_404(school_id)
    return render_template("admin/school_edit.html", school=school, form=SchoolForm(obj=school))


@bp.post("/schools/<int:school_id>")
def update_school(school_id: int):
    school = _school_or_404(school_id)
    form = SchoolForm()
    if form.validate() and services.school_name_taken(form.name.data, except_id=school.id):
        form.name.errors.append("There is already a school with this name.")
    if form.errors:
        return render_template("admin/school_edit.html", school=school, form=form), 422
    services.save_school(school, form.name.data)
    flash("School saved.", "success")
    return redirect(url_for("admin.schools"))
