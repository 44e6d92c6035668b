"""Parsing and checking a cycle's details: standards codes, dates in order."""

from wtforms import DateField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional, ValidationError

from app.cycles.models import CycleStage
from app.forms import Form, strip_text, version_field
from app.standards import parse_standards


class CycleForm(Form):
    title = StringField(
        "Title",
        validators=[DataRequired("Give the cycle a title."), Length(max=160)],
        filters=[strip_text],
    )
    goal = TextAreaField(
        "Goal",
        validators=[Optional(), Length(max=4000, message="Keep it under 4,000 characters.")],
        filters=[strip_text],
    )
    big_idea = TextAreaField(
        "Big idea",
        validators=[Optional(), Length(max=2000, message="Keep it under 2,000 characters.")],
        filters=[strip_text],
    )
    standards = StringField(
        "Standards",
        validators=[Optional(), Length(max=400, message="Keep it under 400 characters.")],
        filters=[strip_text],
    )
    starts_on = DateField("Starts on", validators=[InputRequired("Choose the first day.")])
    ends_on = DateField("Ends on", validators=[InputRequired("Choose the last day.")])
    version = version_field()

    def validate_standards(self, field):
        try:
            field.data = ", ".join(parse_standards(field.data))
        except ValueError as problem:
            raise ValidationError(str(problem)) from None

    def validate_ends_on(self, field):
        if field.data and self.starts_on.data and field.data < self.starts_on.data:
            raise ValidationError("The cycle cannot end before it starts.")

    def details(self) -> dict:
        return {
            "title": self.title.data,
            "goal": self.goal.data or "",
            "big_idea": self.big_idea.data or "",
            "standards": self.standards.data or "",
            "starts_on": self.starts_on.data,
            "ends_on": self.ends_on.data,
        }


class CycleEditForm(CycleForm):
    next_steps = TextAreaField(
        "Next steps",
        validators=[Optional(), Length(max=4000, message="Keep it under 4,000 characters.")],
        filters=[strip_text],
    )

    def details(self) -> dict:
        return super().details() | {"next_steps": self.next_steps.data or ""}


def stage_from(value: str | None) -> CycleStage | None:
    """A posted stage name, or None for anything else."""
    try:
        return CycleStage(value)
    except ValueError:
        return None
