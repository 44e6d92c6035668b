from datetime import datetime

from wtforms import (
    BooleanField,
    DateField,
    IntegerField,
    SelectField,
    StringField,
    TextAreaField,
    TimeField,
    URLField,
)
from wtforms.validators import (
    URL,
    DataRequired,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    ValidationError,
)

from app.forms import Form, choices, coerce_optional_int, strip_text, version_field
from app.meetings.contributions import MAX_BODY
from app.meetings.models import ContributionKind, Meeting, ReleaseLevel, SegmentKind


def _optional_id(value):
    """A posted id; 0 (no such row) for anything that is not one."""
    try:
        return coerce_optional_int(value)
    except ValueError:
        return 0


class MeetingForm(Form):
    title = StringField(
        "Title",
        validators=[DataRequired("Give the meeting a title."), Length(max=160)],
        filters=[strip_text],
    )
    day = DateField("Date", validators=[InputRequired("Choose the date.")])
    time = TimeField("Start time", validators=[InputRequired("Choose the start time.")])
    duration_minutes = IntegerField(
        "Length in minutes",
        default=60,
        validators=[
            InputRequired("Enter the length in minutes."),
            NumberRange(5, 480, "Between 5 and 480 minutes."),
        ],
    )
    location = StringField("Place", validators=[Optional(), Length(max=200)], filters=[strip_text])
    video_url = URLField(
        "Video link",
        validators=[
            Optional(),
            Length(max=500),
            URL(require_tld=False, message="Enter a full link, starting with https://"),
        ],
        filters=[strip_text],
    )
    goal = TextAreaField(
        "Goal of the meeting", validators=[Optional(), Length(max=2000)], filters=[strip_text]
    )
    # Its options (the team's cycles) are set by with_cycles().
    cycle_id = SelectField(
        "Cycle", coerce=_optional_id, choices=choices([(None, "No cycle")]), validate_choice=False
    )
    version = version_field()

    def with_cycles(self, options) -> "MeetingForm":
        self.cycle_id.choices = options
        return self

    def validate_cycle_id(self, field):
        if field.data not in [option.value for option in field.choices]:
            raise ValidationError("Choose one of this team's open cycles, or no cycle.")

    def details(self) -> dict:
        return {
            "title": self.title.data,
            "starts_at": datetime.combine(self.day.data, self.time.data),
            "duration_minutes": self.duration_minutes.data,
            "location": self.location.data or "",
            "video_url": self.video_url.data or "",
            "goal": self.goal.data or "",
            "cycle_id": self.cycle_id.data,
        }


class NewMeetingForm(MeetingForm):
    template = SelectField("Start from", default="select-and-anticipate")


class SegmentForm(Form):
    # The meeting page shows this form beside the meeting's own: its title needs its own id.
    title = StringField(
        "Segment title",
        id="segment_title",
        validators=[DataRequired("Give the segment a title."), Length(max=160)],
        filters=[strip_text],
    )
    kind = SelectField("Kind", choices=choices((k.value, k.label) for k in SegmentKind))
    planned_minutes = IntegerField(
        "Planned minutes",
        default=10,
        validators=[
            InputRequired("Enter the planned minutes."),
            NumberRange(1, 240, "Between 1 and 240 minutes."),
        ],
    )
    facilitator_id = SelectField("Facilitator", coerce=coerce_optional_int)
    release_level = SelectField(
        "Release level", choices=choices((r.value, r.label) for r in ReleaseLevel)
    )
    description = TextAreaField(
        "Plan for this segment", validators=[Optional(), Length(max=4000)], filters=[strip_text]
    )
    version = version_field()

    def fields(self) -> dict:
        return {
            "title": self.title.data,
            "kind": SegmentKind(self.kind.data),
            "planned_minutes": self.planned_minutes.data,
            "facilitator_id": self.facilitator_id.data,
            "release_level": ReleaseLevel(self.release_level.data),
            "description": self.description.data or "",
        }


class ContributionForm(Form):
    kind = SelectField(
        "Type", choices=choices((k.value, k.label) for k in ContributionKind), default="note"
    )
    body = TextAreaField(
        "What to add",
        validators=[
            DataRequired("Write something first."),
            Length(max=MAX_BODY, message=f"Keep it under {MAX_BODY} characters."),
        ],
        filters=[strip_text],
    )
    is_private = BooleanField("Only me: a personal note, never shown to others")
    owner_id = SelectField("Owner", coerce=coerce_optional_int)
    due_on = DateField("Due", validators=[Optional()])

    def validate_owner_id(self, field):
        if self.kind.data == ContributionKind.action and not field.data:
            raise ValidationError("Choose who owns this action item.")


class TemplateForm(Form):
    name = StringField(
        "Template name",
        validators=[DataRequired("Name the template."), Length(max=160)],
        filters=[strip_text],
    )


class AddTimeForm(Form):
    minutes = IntegerField(default=1, validators=[Optional(), NumberRange(1, 30)])


def member_choices(meeting: Meeting, unset_label: str) -> list:
    """The meeting's team members by name, after an option for nobody yet."""
    members = sorted((m.user for m in meeting.team.memberships), key=lambda u: u.name.lower())
    return choices([(None, unset_label)] + [(u.id, u.name) for u in members])
