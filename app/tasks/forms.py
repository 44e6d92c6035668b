"""A task's fields, checked the same way for the form and for every imported row."""

from flask_wtf.file import FileField
from wtforms import BooleanField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional, ValidationError

from app.forms import Form, choices, coerce_optional_int, strip_text, version_field
from app.standards import parse_standards
from app.tasks.models import Demand
from app.teams.models import GRADES, grade_label

MAX_STATEMENT = 20_000


class StandardsField(StringField):
    """Codes separated by spaces or commas; `codes` holds them once validated."""

    codes: list[str] = []

    def pre_validate(self, form):
        try:
            self.codes = parse_standards(self.data)
        except ValueError as problem:
            self.codes = []
            raise ValidationError(str(problem)) from None


GRADE_CHOICES = choices((g, grade_label(g)) for g in GRADES)
DEMAND_CHOICES = choices((d.value, d.label) for d in Demand)


class TaskFieldsForm(Form):
    title = StringField(
        "Title",
        validators=[DataRequired("Give the task a title."), Length(max=200)],
        filters=[strip_text],
    )
    grade = SelectField(
        "Grade",
        choices=GRADE_CHOICES,
        validators=[InputRequired("Choose a grade from K to 8.")],
        validate_choice=False,
    )
    standards = StandardsField(
        "Standards", validators=[Optional(), Length(max=400)], filters=[strip_text]
    )
    big_idea = TextAreaField(
        "Big idea", validators=[Optional(), Length(max=2000)], filters=[strip_text]
    )
    statement = TextAreaField(
        "Task statement",
        validators=[
            DataRequired("Write the task as students will see it."),
            Length(max=MAX_STATEMENT),
        ],
        filters=[strip_text],
    )
    demand = SelectField(
        "Level of cognitive demand",
        choices=DEMAND_CHOICES,
        validators=[InputRequired("Choose the level of cognitive demand.")],
        validate_choice=False,
    )
    demand_reason = TextAreaField(
        "Why this level",
        validators=[DataRequired("Say why the task has this level."), Length(max=4000)],
        filters=[strip_text],
    )
    source = StringField("Source", validators=[Optional(), Length(max=300)], filters=[strip_text])
    license = StringField("License", validators=[Optional(), Length(max=120)], filters=[strip_text])

    def validate_grade(self, field):
        if field.data not in GRADES:
            raise ValidationError("Choose a grade from K to 8.")

    def validate_demand(self, field):
        if field.data not in Demand.LABELS:
            raise ValidationError("Choose one of the four levels of cognitive demand.")

    def details(self) -> dict:
        return {
            "title": self.title.data,
            "grade": self.grade.data,
            "codes": self.standards.codes,
            "big_idea": self.big_idea.data or "",
            "statement": self.statement.data,
            "demand": Demand(self.demand.data),
            "demand_reason": self.demand_reason.data,
            "source": self.source.data or "",
            "license": self.license.data or "",
        }


class TaskForm(TaskFieldsForm):
    team_id = SelectField(
        "Team",
        coerce=coerce_optional_int,
        validators=[InputRequired("Choose the team whose draft this is.")],
        validate_choice=False,
    )
    file = FileField("Image or PDF of the task")
    remove_file = BooleanField("Remove the current file")
    version = version_field()

    def validate_team_id(self, field):
        if field.data not in {choice.value for choice in field.choices}:
            raise ValidationError("Choose one of your teams.")


class ImportForm(Form):
    team_id = SelectField(
        "Team",
        coerce=coerce_optional_int,
        validators=[InputRequired("Choose a team.")],
        validate_choice=False,
    )
    file = FileField("CSV or JSON file")
