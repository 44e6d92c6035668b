from flask_wtf.file import FileField
from wtforms import BooleanField, HiddenField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from app.auth.forms import email_field, name_field
from app.forms import Form, choices, coerce_optional_int
from app.teams.models import GRADES, Role, grade_label

ROLE_CHOICES = choices((role.value, role.label) for role in Role)


class SchoolForm(Form):
    name = StringField(
        "School name",
        validators=[DataRequired("Enter the school's name."), Length(max=160)],
        filters=[lambda v: v.strip() if v else v],
    )


class DistrictForm(Form):
    name = StringField(
        "District name",
        validators=[DataRequired("Enter the district's name."), Length(max=160)],
        filters=[lambda v: v.strip() if v else v],
    )


class InviteForm(Form):
    email = email_field("Their email")
    name = StringField(
        "Their name (they can change it)",
        validators=[Optional(), Length(max=120)],
        filters=[lambda v: v.strip() if v else v],
    )
    school_id = SelectField("School", coerce=coerce_optional_int, validate_choice=True)
    team_id = SelectField("Team", coerce=coerce_optional_int, validate_choice=True)
    role = SelectField("Role on that team", choices=ROLE_CHOICES, default=Role.teacher.value)
    is_admin = BooleanField("Administrator: may manage schools, people and teams")


class BulkInviteForm(Form):
    file = FileField("CSV file of the people to invite")


class PersonForm(Form):
    name = name_field()
    school_id = SelectField("School", coerce=coerce_optional_int, validate_choice=True)
    is_admin = BooleanField("Administrator: may manage schools, people and teams")
    active = BooleanField("Active: may sign in")


class TeamForm(Form):
    name = StringField(
        "Team name",
        validators=[DataRequired("Give the team a name."), Length(max=160)],
        filters=[lambda v: v.strip() if v else v],
    )
    grade = SelectField("Grade", choices=choices((g, grade_label(g)) for g in GRADES))
    description = TextAreaField(
        "About this team", validators=[Optional(), Length(max=2000)], default=""
    )


class MemberForm(Form):
    """The person comes from the search results (the button pressed); the route checks them."""

    user_id = HiddenField("Person")
    role = SelectField("Role on this team", choices=ROLE_CHOICES, default=Role.teacher.value)


class RoleForm(Form):
    role = SelectField("Role", choices=ROLE_CHOICES)
