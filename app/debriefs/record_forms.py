"""Parsing the team's debrief record and the choices made when promoting a response."""

from wtforms import SelectField, TextAreaField
from wtforms.validators import Length, Optional

from app.forms import Form, choices, strip_text, version_field
from app.lessons.models import Correctness, Representation

MAX_TEXT = 4000
TOO_LONG = "Keep it under 4,000 characters."


def _text(label: str) -> TextAreaField:
    return TextAreaField(
        label, validators=[Optional(), Length(max=MAX_TEXT, message=TOO_LONG)], filters=[strip_text]
    )


class DebriefRecordForm(Form):
    debrief_worked = _text("What worked")
    debrief_learned = _text("What we learned as teachers")
    next_steps = _text("Next steps")
    version = version_field()

    def details(self) -> dict[str, str]:
        return {
            name: getattr(self, name).data or ""
            for name in ("debrief_worked", "debrief_learned", "next_steps")
        }


class PromoteForm(Form):
    """How the promoted response goes into the anticipations: an unexpected strategy is most
    often a partial one in some other representation, so those are the defaults."""

    representation = SelectField(
        "Representation",
        choices=choices((r.value, r.label) for r in Representation),
        default=Representation.other.value,
    )
    correctness = SelectField(
        "Correctness",
        choices=choices((c.value, c.label) for c in Correctness),
        default=Correctness.partial.value,
    )

    def details(self) -> dict[str, str]:
        return {"representation": self.representation.data, "correctness": self.correctness.data}
