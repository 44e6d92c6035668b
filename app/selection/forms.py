"""Reading the selection's posts: anything odd becomes a message, never an error page."""

from wtforms import SelectField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from app.forms import Form, choices, coerce_optional_int, strip_text
from app.numbers import parse_id
from app.selection.models import SCORES
from app.tasks.models import Demand

MAX_TEXT = 8000


class WorkForm(Form):
    solution = TextAreaField(
        "My solution", validators=[Optional(), Length(max=MAX_TEXT)], filters=[strip_text]
    )
    notes = TextAreaField(
        "Notes", validators=[Optional(), Length(max=MAX_TEXT)], filters=[strip_text]
    )
    demand = SelectField(
        "The demand I see",
        choices=choices([("", "Not classified yet")] + [(d.value, d.label) for d in Demand]),
        validators=[Optional()],
        validate_choice=True,
    )

    def chosen_demand(self) -> Demand | None:
        return Demand(self.demand.data) if self.demand.data else None


class DecisionForm(Form):
    candidate_id = SelectField(
        "Shared task",
        coerce=coerce_optional_int,
        validators=[DataRequired("Choose the task the team will share.")],
        validate_choice=False,
    )
    rationale = TextAreaField(
        "Why this task",
        validators=[DataRequired("Say why the team chose it."), Length(max=MAX_TEXT)],
        filters=[strip_text],
    )

    def validate_candidate_id(self, field):
        from wtforms.validators import ValidationError

        if field.data not in {choice.value for choice in field.choices}:
            raise ValidationError("Choose one of the candidates.")


def scores_from(form, criteria: list[str]) -> tuple[dict[str, int | None], str]:
    """Scores per criterion from fields named score-0, score-1, ...; a problem message."""
    scores: dict[str, int | None] = {}
    for index, criterion in enumerate(criteria):
        raw = form.get(f"score-{index}", "")
        if raw == "":
            scores[criterion] = None
            continue
        value = parse_id(raw)
        if value not in SCORES:
            return {}, f"Rate “{criterion}” from 1 to 4."
        scores[criterion] = value
    return scores, ""


def dots_from(form) -> int | None:
    return parse_id(form.get("dots"))
