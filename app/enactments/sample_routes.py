"""Photos of student work: added from the record page or from tap-to-count by whoever records
the enactment, seen by the whole team, served only through here (never from static/)."""

from flask import Blueprint, abort, redirect, render_template, request, send_file, url_for
from flask_login import current_user, login_required

from app import idempotency
from app.enactments import samples
from app.enactments.access import can_record, enactment_for
from app.enactments.queries import record_view
from app.enactments.sample_forms import SampleEditForm, SampleForm
from app.meetings.access import require
from app.uploads import FileProblem

bp = Blueprint("work_samples", __name__)
bp.add_app_template_global(samples.samples_by_response, "samples_by_response")
bp.add_app_template_global(samples.enactment_samples, "enactment_samples")

CHOOSE_PHOTO = "Choose a photo of the student work (or take one)."
CHOOSE_AGAIN = "The photo was fine but is not kept until the form saves: choose it again."


def _recordable(enactment_id: int):
    enactment = enactment_for(current_user, enactment_id)
    require(can_record(current_user, enactment))
    return enactment


def _editable(sample_id: int):
    sample = samples.sample_for(current_user, sample_id)
    require(can_record(current_user, sample.enactment))
    return sample


def _to_record(enactment_id: int, saved: str = "samples"):
    return redirect(
        url_for("enactments.show", enactment_id=enactment_id, saved=saved, _anchor="record-samples")
    )


def _render_new(enactment, form, status: int = 200):
    view = record_view(enactment)
    form.for_chart(view.lines)
    page = render_template(
        "enactments/sample_new.html",
        enactment=enactment,
        cycle=enactment.cycle,
        form=form,
        has_chart=bool(view.lines),
    )
    return page, status


@bp.get("/enactments/<int:enactment_id>/samples/new")
@login_required
def new(enactment_id: int):
    enactment = _recordable(enactment_id)
    return _render_new(
        enactment, SampleForm(formdata=None, data={"response": request.args.get("response", "")})
    )


def _photo_from(field):
    sent = field.data
    if not sent or not getattr(sent, "filename", None):
        field.errors = [CHOOSE_PHOTO]
        return None
    try:
        return samples.check_photo(sent.stream)
    except FileProblem as problem:
        field.errors = [str(problem)]
        return None


@bp.post("/enactments/<int:enactment_id>/samples")
@login_required
def create(enactment_id: int):
    enactment = _recordable(enactment_id)
    form = SampleForm()
    key = idempotency.key_from(request.form)
    if idempotency.seen(current_user, "work_samples.create", key):
        return _to_record(enactment.id)
    valid = form.validate() & form.check_response(record_view(enactment).keys)
    photo = _photo_from(form.photo)
    if not valid or photo is None:
        if photo is not None:
            form.photo.errors = [CHOOSE_AGAIN]
        return _render_new(enactment, form, 422)
    idempotency.once(
        current_user,
        key,
        "work_samples.create",
        lambda: samples.add_sample(
            current_user, enactment, form.response.data, form.caption.data or "", photo
        ),
    )
    return _to_record(enactment.id)


@bp.get("/samples/<int:sample_id>/image")
@login_required
def image(sample_id: int):
    """The photo (or ?size=thumb, 400 px), to the enactment's team only."""
    sample = samples.sample_for(current_user, sample_id)
    folder = samples.THUMBS if request.args.get("size") == "thumb" else samples.SAMPLES
    path = folder.path_of(sample.image_name)
    if path is None:
        abort(404)
    sent = send_file(path, mimetype="image/jpeg", max_age=3600, conditional=True, etag=True)
    sent.headers["X-Content-Type-Options"] = "nosniff"
    sent.headers["Cache-Control"] = "private, max-age=3600"
    return sent


def _render_edit(sample, form, status: int = 200):
    form.for_chart(record_view(sample.enactment).lines)
    page = render_template(
        "enactments/sample_edit.html",
        sample=sample,
        enactment=sample.enactment,
        cycle=sample.enactment.cycle,
        form=form,
    )
    return page, status


@bp.get("/samples/<int:sample_id>/edit")
@login_required
def edit(sample_id: int):
    sample = _editable(sample_id)
    values = {"response": samples.key_of(sample), "caption": sample.caption}
    form = SampleEditForm(formdata=None, data=values | {"in_report": sample.in_report})
    return _render_edit(sample, form)


@bp.post("/samples/<int:sample_id>")
@login_required
def update(sample_id: int):
    sample = _editable(sample_id)
    form = SampleEditForm()
    valid = form.validate() & form.check_response(record_view(sample.enactment).keys)
    if not valid:
        return _render_edit(sample, form, 422)
    samples.update_sample(sample, form.response.data, form.caption.data or "", form.in_report.data)
    return _to_record(sample.enactment_id, "sample-updated")


@bp.get("/samples/<int:sample_id>/remove")
@login_required
def confirm_remove(sample_id: int):
    sample = _editable(sample_id)
    return render_template(
        "enactments/sample_remove.html",
        sample=sample,
        enactment=sample.enactment,
        cycle=sample.enactment.cycle,
    )


@bp.post("/samples/<int:sample_id>/remove")
@login_required
def remove(sample_id: int):
    sample = _editable(sample_id)
    enactment_id = sample.enactment_id
    samples.remove_sample(sample)
    return _to_record(enactment_id, "sample-removed")
