"""The form that adds an anticipated response: every field at once, and an optional sketch."""

from flask_wtf.file import FileField
from wtforms import RadioField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, ValidationError

from app.forms import Form, choices, strip_text
from app.lessons.models import RESPONSE_FIELDS, Correctness, Representation

MAX_NAME = 120
MAX_TEXT = 4000
TEXTS = ("description", "misconception", "assessing_questions", "advancing_questions", "connection")
QUESTIONS = ("assessing_questions", "advancing_questions")


def at_most(limit: int) -> Length:
    return Length(max=limit, message=f"Keep it to {limit:,} characters or fewer.")


def _id(name: str) -> str:
    """Ids apart from the response cards' own fields on the same page."""
    return f"new-response-{name}"


def _text(name: str) -> TextAreaField:
    return TextAreaField(
        RESPONSE_FIELDS[name], validators=[at_most(MAX_TEXT)], filters=[strip_text], id=_id(name)
    )


def one_a_line(text: str) -> str:
    """Questions one a line, without blank lines or stray spaces."""
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


class ResponseForm(Form):
    name = StringField(
        RESPONSE_FIELDS["name"],
        validators=[DataRequired("Give the response a short name."), at_most(MAX_NAME)],
        filters=[strip_text],
        id=_id("name"),
    )
    description = _text("description")
    representation = SelectField(
        RESPONSE_FIELDS["representation"],
        choices=choices((r.value, r.label) for r in Representation),
        default=Representation.drawing.value,
        validate_choice=False,
        id=_id("representation"),
    )
    correctness = RadioField(
        RESPONSE_FIELDS["correctness"],
        choices=choices((c.value, c.label) for c in Correctness),
        default=Correctness.correct.value,
        validate_choice=False,
        id=_id("correctness"),
    )
    misconception = _text("misconception")
    assessing_questions = _text("assessing_questions")
    advancing_questions = _text("advancing_questions")
    connection = _text("connection")
    sketch = FileField("Sketch (optional)", id=_id("sketch"))

    def validate_representation(self, field):
        if field.data not in Representation.LABELS:
            raise ValidationError("Choose one of the representations in the list.")

    def validate_correctness(self, field):
        if field.data not in Correctness.LABELS:
            raise ValidationError("Choose correct, partial or incorrect.")

    def fields(self) -> dict[str, str]:
        """The values as writing.add_response takes them: text, one question a line."""
        values = {name: self[name].data or "" for name in ("name", *TEXTS)}
        for name in QUESTIONS:
            values[name] = one_a_line(values[name])
        return values | {
            "representation": self.representation.data,
            "correctness": self.correctness.data,
        }


class SketchForm(Form):
    sketch = FileField("Sketch image")
