from wtforms import DateField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from app.forms import Form, choices, strip_text, version_field
from app.leadership.models import MoveBy, MoveType, Phase
from app.leadership.nudges import MAX_LENGTH as NUDGE_MAX


class PhaseForm(Form):
    phase = SelectField("Phase", choices=choices((p.value, p.label) for p in Phase))
    started_on = DateField("Since", validators=[InputRequired("Choose the date.")])
    note = TextAreaField(
        "Mentor's note", validators=[Optional(), Length(max=2000)], filters=[strip_text]
    )
    next_step = StringField(
        "What is next",
        validators=[Optional(), Length(max=300)],
        filters=[strip_text],
    )


class MoveForm(Form):
    move_type = SelectField(choices=choices((m.value, m.label) for m in MoveType))
    made_by = SelectField(choices=choices((b.value, b.label) for b in MoveBy))
    note = StringField("A few words (optional)", validators=[Optional(), Length(max=200)])


class NudgeForm(Form):
    body = TextAreaField(
        "Nudge to the leader",
        validators=[
            DataRequired("Write the nudge first."),
            Length(max=NUDGE_MAX, message=f"Keep it under {NUDGE_MAX} characters."),
        ],
        filters=[strip_text],
    )


def _loop_text(label: str) -> TextAreaField:
    return TextAreaField(label, validators=[Optional(), Length(max=4000)], filters=[strip_text])


class LoopPlanForm(Form):
    leader_goals = _loop_text("The leader's goals for this session")
    planning_notes = _loop_text("Notes from the planning conversation")
    version = version_field()


class LoopDebriefForm(Form):
    leader_reflection = _loop_text("The leader's reflection")
    mentor_reflection = _loop_text("The mentor's reflection")
    next_goals = _loop_text("Goals for next time")
    version = version_field()


class ReportRangeForm(Form):
    start = DateField("From", validators=[Optional()])
    end = DateField("To", validators=[Optional()])
