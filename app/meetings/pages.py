"""The meeting page, drawn the same way after a GET and after a refused POST."""

from flask import render_template
from flask_login import current_user

from app.meetings.access import can_plan, can_present
from app.meetings.forms import MeetingForm, SegmentForm, TemplateForm, member_choices
from app.meetings.models import Meeting, Segment
from app.meetings.queries import load_meeting


def segment_form(meeting: Meeting, segment: Segment | None = None, submitted=False):
    if submitted:
        form = SegmentForm()
    elif segment is not None:
        form = SegmentForm(formdata=None, obj=segment)
        form.kind.data, form.release_level.data = segment.kind.value, segment.release_level.value
    else:
        form = SegmentForm(formdata=None)
    form.facilitator_id.choices = member_choices(meeting, "Not decided yet")
    return form


def render_show(
    meeting: Meeting, form=None, segment=None, template=None, status=200, conflict=False
):
    meeting = load_meeting(meeting.id)
    return (
        render_template(
            "meetings/show.html",
            meeting=meeting,
            team=meeting.team,
            form=form or meeting_form(meeting),
            segment_form=segment or segment_form(meeting),
            template_form=template or TemplateForm(formdata=None),
            can_plan=can_plan(current_user, meeting.team_id),
            can_present=can_present(current_user, meeting),
            conflict=conflict,
        ),
        status,
    )


def meeting_form(meeting: Meeting) -> MeetingForm:
    values = {
        "title": meeting.title,
        "day": meeting.starts_at.date(),
        "time": meeting.starts_at.time(),
        "duration_minutes": meeting.duration_minutes,
        "location": meeting.location,
        "video_url": meeting.video_url,
        "goal": meeting.goal,
        "version": meeting.version,
    }
    return MeetingForm(formdata=None, data=values)
