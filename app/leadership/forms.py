from wtforms import DateField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from app.forms import Form, choices
from app.leadership.models import MoveBy, MoveType, Phase
from app.leadership.nudges import MAX_LENGTH as NUDGE_MAX
from app.meetings.forms import version_field


def _strip(value):
    return value.strip() if isinstance(value, str) else value


class PhaseForm(Form):
    phase = SelectField("Phase", choices=choices((p.value, p.label) for p in Phase))
    started_on = DateField("Since", validators=[InputRequired("Choose the date.")])
    note = TextAreaField(
        "Mentor's note", validators=[Optional(), Length(max=2000)], filters=[_strip]
    )
    next_step = StringField(
        "What is next",
        validators=[Optional(), Length(max=300)],
        filters=[_strip],
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
        filters=[_strip],
    )


def _loop_text(label: str) -> TextAreaField:
    return TextAreaField(label, validators=[Optional(), Length(max=4000)], filters=[_strip])


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
