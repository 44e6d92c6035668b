"""Parsing and checking what a teacher records about their lesson: numbers in ASCII digits
within range, a class code, the exit prompt's levels, the demand factors and a reflection."""

import re

from wtforms import DateField, HiddenField, StringField, TextAreaField
from wtforms.validators import (
    DataRequired,
    InputRequired,
    Length,
    Optional,
    StopValidation,
    ValidationError,
)

from app.enactments.models import EXIT_LEVELS, DemandFactor
from app.enactments.parts import posted_drawn
from app.forms import Form, strip_text, version_field

DIGITS = re.compile(r"[0-9]{1,4}")
MAX_STUDENTS = 60
MAX_TEXT = 4000
VIDEO_URL = re.compile(r"https?://[^\s/]+\S*", re.IGNORECASE)
MOMENT = re.compile(r"([0-9]{1,3}):([0-5][0-9])(?::([0-5][0-9]))?\s+\S.*")


def drawn_field() -> HiddenField:
    """What the form's part held when it was drawn (app/enactments/parts.py)."""
    return HiddenField(filters=[posted_drawn])


class WholeNumberField(StringField):
    """A whole number typed in the digits 0-9 (not ٣ or ²), between `low` and `high`; the
    typed text is kept, so a refused number is shown back as it was written."""

    def __init__(self, label, low: int, high: int, required: bool = False, **kwargs):
        kwargs.setdefault("render_kw", {"inputmode": "numeric", "autocomplete": "off"})
        super().__init__(label, **kwargs)
        self.low, self.high, self.required = low, high, required
        self.raw: str | None = None

    def process_formdata(self, valuelist):
        self.raw = valuelist[0].strip() if valuelist else ""
        self.data = int(self.raw) if DIGITS.fullmatch(self.raw) else None

    def _value(self) -> str:
        if self.raw is not None:
            return self.raw
        return "" if self.data is None else str(self.data)

    def pre_validate(self, form):
        if self.raw is None or self.raw == "":
            self.data = None
            if self.required:
                raise StopValidation(f"Write a number from {self.low} to {self.high}.")
            return
        if self.data is None:
            raise StopValidation("Write the number with the digits 0 to 9, for example 24.")
        if not self.low <= self.data <= self.high:
            raise StopValidation(f"Write a number from {self.low} to {self.high}.")


class LessonFactsForm(Form):
    taught_on = DateField("Date taught", validators=[InputRequired("Choose the day you taught.")])
    class_code = StringField(
        "Class",
        validators=[
            DataRequired("Name the class, for example 4B or Room 12."),
            Length(max=40, message="Keep it under 40 characters."),
        ],
        filters=[strip_text],
    )
    students = WholeNumberField("Number of students", 0, MAX_STUDENTS, required=True)
    minutes = WholeNumberField("Minutes the lesson took", 1, 240)
    version = version_field()
    drawn = drawn_field()

    def check_students(self, enactment) -> bool:
        """A class may not shrink below the students its exit prompt already counts."""
        counted = sum(getattr(enactment, level) or 0 for level in EXIT_LEVELS)
        students = self.students.data
        if students is not None and counted > students:
            self.students.errors = [
                f"The exit prompt below already counts {counted} students; change it first."
            ]
            return False
        return True

    def details(self) -> dict:
        return {
            "taught_on": self.taught_on.data,
            "class_code": self.class_code.data,
            "students": self.students.data,
            "minutes": self.minutes.data,
        }


class ExitLevelsForm(Form):
    not_yet = WholeNumberField(EXIT_LEVELS["not_yet"], 0, MAX_STUDENTS)
    approaching = WholeNumberField(EXIT_LEVELS["approaching"], 0, MAX_STUDENTS)
    meets = WholeNumberField(EXIT_LEVELS["meets"], 0, MAX_STUDENTS)
    exceeds = WholeNumberField(EXIT_LEVELS["exceeds"], 0, MAX_STUDENTS)
    version = version_field()
    drawn = drawn_field()

    def levels(self) -> dict[str, int | None]:
        return {level: getattr(self, level).data for level in EXIT_LEVELS}

    def check_total(self, students: int | None) -> bool:
        """The levels may not add up to more students than the class had."""
        total = sum(n or 0 for n in self.levels().values())
        if students is not None and total > students:
            self.exceeds.errors = [
                *self.exceeds.errors,
                f"These add up to {total}, more than the {students} students in the lesson.",
            ]
            return False
        return True


def factors_from(values: list[str]) -> str:
    """The ticked demand factors, in the framework's order; anything else is dropped."""
    ticked = set(values)
    return " ".join(factor.value for factor in DemandFactor if factor.value in ticked)


def _moments_problem(text: str) -> str | None:
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip() and not MOMENT.fullmatch(line.strip()):
            return (
                f"Line {number}: start each moment with its time, such as 12:40, "
                "then say what to look at."
            )
    return None


class ReflectionForm(Form):
    what_worked = TextAreaField(
        "What worked",
        validators=[Optional(), Length(max=MAX_TEXT, message="Keep it under 4,000 characters.")],
        filters=[strip_text],
    )
    surprised = TextAreaField(
        "What surprised me",
        validators=[Optional(), Length(max=MAX_TEXT, message="Keep it under 4,000 characters.")],
        filters=[strip_text],
    )
    would_change = TextAreaField(
        "What I would change",
        validators=[Optional(), Length(max=MAX_TEXT, message="Keep it under 4,000 characters.")],
        filters=[strip_text],
    )
    video_url = StringField(
        "Video link (optional)",
        validators=[Optional(), Length(max=500, message="Keep the link under 500 characters.")],
        filters=[strip_text],
        render_kw={"inputmode": "url", "autocomplete": "off"},
    )
    video_moments = TextAreaField(
        "Moments to look at",
        validators=[Optional(), Length(max=MAX_TEXT, message="Keep it under 4,000 characters.")],
        filters=[strip_text],
    )
    version = version_field()
    drawn = drawn_field()

    def validate_video_url(self, field):
        if field.data and not VIDEO_URL.fullmatch(field.data):
            raise ValidationError("Paste a link that starts with https:// (or http://).")

    def validate_video_moments(self, field):
        if field.data and (problem := _moments_problem(field.data)):
            raise ValidationError(problem)

    def details(self) -> dict:
        names = ("what_worked", "surprised", "would_change", "video_url", "video_moments")
        return {name: getattr(self, name).data or "" for name in names}


class UnanticipatedForm(Form):
    name = StringField(
        "What the students did",
        validators=[
            DataRequired("Name the response, for example “Subtracted 3 from 4”."),
            Length(max=120, message="Keep the name under 120 characters."),
        ],
        filters=[strip_text],
    )
    description = TextAreaField(
        "More about it (optional)",
        validators=[Optional(), Length(max=MAX_TEXT, message="Keep it under 4,000 characters.")],
        filters=[strip_text],
    )
