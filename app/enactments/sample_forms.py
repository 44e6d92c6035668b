"""The forms of a work sample: a photo (the file is checked by samples.check_photo), the
response it shows and a caption; later the caption, the response and the report flag."""

from flask_wtf.file import FileField
from wtforms import BooleanField, SelectField, TextAreaField
from wtforms.validators import DataRequired, Length

from app.enactments.queries import ChartLine
from app.enactments.samples import MAX_CAPTION
from app.forms import Form, choices, strip_text

PICK = "Choose the response this work shows."


def response_choices(lines: list[ChartLine]) -> list:
    anticipated = [(line.key, line.name) for line in lines if line.anticipated]
    unanticipated = [
        (line.key, f"{line.name} (not anticipated)") for line in lines if not line.anticipated
    ]
    return choices([("", "Choose a response…"), *anticipated, *unanticipated])


class _SampleFields(Form):
    response = SelectField(
        "The response it shows", validators=[DataRequired(PICK)], validate_choice=False
    )
    caption = TextAreaField(
        "Caption",
        validators=[
            Length(max=MAX_CAPTION, message=f"Keep it to {MAX_CAPTION} characters or fewer.")
        ],
        filters=[strip_text],
    )

    def for_chart(self, lines: list[ChartLine]) -> "_SampleFields":
        self.response.choices = response_choices(lines)
        return self

    def check_response(self, keys: set[str]) -> bool:
        if self.response.data and self.response.data not in keys:
            self.response.errors = list(self.response.errors) + [
                "That response is no longer on the chart; choose another."
            ]
            return False
        return True


class SampleForm(_SampleFields):
    photo = FileField("Photo of the student work")


class SampleEditForm(_SampleFields):
    in_report = BooleanField("Show it in the debrief report")
