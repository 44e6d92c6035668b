"""Parsing and checking a cycle's details: standards codes, dates in order."""

import re

from wtforms import DateField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional, ValidationError

from app.cycles.models import CycleStage
from app.forms import Form
from app.meetings.forms import version_field

# Common Core style codes for K-8: grade, domain, cluster, standard (4.NF.A.1, K.CC.B.4,
# 6.RP.A.3a).
STANDARD = re.compile(r"(K|[1-8])\.([A-Z]{1,3})\.([A-Z])\.([1-9][0-9]?)([a-z]?)")
MAX_STANDARDS = 12
SEPARATORS = re.compile(r"[,;\s]+")


def _strip(value):
    return value.strip() if isinstance(value, str) else value


def parse_standards(text: str) -> list[str]:
    """The codes in `text`, written out canonically; ValueError names the first bad one."""
    codes = []
    for raw in SEPARATORS.split(text or ""):
        if not raw:
            continue
        code = raw.upper()
        match = STANDARD.fullmatch(code[:-1] + code[-1].lower()) or STANDARD.fullmatch(code)
        if match is None:
            shown = raw if len(raw) <= 20 else raw[:20] + "…"
            raise ValueError(f"“{shown}” is not a standard code: write it like 4.NF.A.1.")
        if match.group(0) not in codes:
            codes.append(match.group(0))
    if len(codes) > MAX_STANDARDS:
        raise ValueError(f"At most {MAX_STANDARDS} standards.")
    return codes


class CycleForm(Form):
    title = StringField(
        "Title",
        validators=[DataRequired("Give the cycle a title."), Length(max=160)],
        filters=[_strip],
    )
    goal = TextAreaField(
        "Goal",
        validators=[Optional(), Length(max=4000, message="Keep it under 4,000 characters.")],
        filters=[_strip],
    )
    big_idea = TextAreaField(
        "Big idea",
        validators=[Optional(), Length(max=2000, message="Keep it under 2,000 characters.")],
        filters=[_strip],
    )
    standards = StringField(
        "Standards",
        validators=[Optional(), Length(max=400, message="Keep it under 400 characters.")],
        filters=[_strip],
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
        filters=[_strip],
    )

    def details(self) -> dict:
        return super().details() | {"next_steps": self.next_steps.data or ""}


def stage_from(value: str | None) -> CycleStage | None:
    """A posted stage name, or None for anything else."""
    try:
        return CycleStage(value)
    except ValueError:
        return None
