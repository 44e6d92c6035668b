"""Reading the selection's posts: anything odd becomes a message, never an error page."""

from wtforms import SelectField, StringField, TextAreaField
from wtforms.validators import (
    DataRequired,
    Length,
    Optional,
    ValidationError,
)

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


MAX_CRITERIA = 10
MAX_DOTS = 10


class CriteriaForm(Form):
    criteria = TextAreaField(
        "Criteria, one a line",
        validators=[DataRequired("List at least one criterion."), Length(max=2000)],
        filters=[strip_text],
    )
    # Read with parse_id: WTForms' IntegerField takes "٣" for 3.
    dot_budget = StringField("Dots per member")

    def validate_criteria(self, field):
        lines = criteria_lines(field.data or "")
        if len(lines) > MAX_CRITERIA:
            raise ValidationError(f"At most {MAX_CRITERIA} criteria.")
        if any(len(line) > 120 for line in lines):
            raise ValidationError("Keep each criterion under 120 characters.")
        if len(set(lines)) != len(lines):
            raise ValidationError("Each criterion once.")

    def validate_dot_budget(self, field):
        if parse_id(field.data) not in range(1, MAX_DOTS + 1):
            raise ValidationError(f"From 1 to {MAX_DOTS} dots, in digits.")

    def details(self) -> dict:
        return {
            "criteria": "\n".join(criteria_lines(self.criteria.data)),
            "dot_budget": parse_id(self.dot_budget.data),
        }


def criteria_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]
