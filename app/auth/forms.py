import re

from wtforms import BooleanField, EmailField, PasswordField, StringField
from wtforms.validators import DataRequired, EqualTo, Length, ValidationError

from app.auth.passwords import MAX_LENGTH, MIN_LENGTH
from app.forms import Form

EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")


def email_address(form, field) -> None:
    if field.data and not EMAIL_PATTERN.match(field.data.strip()):
        raise ValidationError("Enter an email address like name@school.org.")


def email_field(label: str = "Email") -> EmailField:
    return EmailField(
        label,
        validators=[DataRequired("Enter your email address."), Length(max=254), email_address],
        filters=[lambda v: v.strip().lower() if v else v],
    )


def new_password_field(label: str) -> PasswordField:
    return PasswordField(
        label,
        validators=[
            DataRequired("Choose a password."),
            Length(
                min=MIN_LENGTH,
                max=MAX_LENGTH,
                message=f"Use between {MIN_LENGTH} and {MAX_LENGTH} characters.",
            ),
        ],
    )


def confirm_field(label: str = "Repeat the password") -> PasswordField:
    return PasswordField(
        label,
        validators=[
            DataRequired("Type the password again."),
            EqualTo("password", "The two passwords do not match."),
        ],
    )


def name_field(label: str = "Full name") -> StringField:
    return StringField(
        label,
        validators=[DataRequired("Enter a name."), Length(max=120)],
        filters=[lambda v: v.strip() if v else v],
    )


class SignInForm(Form):
    email = email_field()
    password = PasswordField(
        "Password", validators=[DataRequired("Enter your password."), Length(max=MAX_LENGTH)]
    )
    remember = BooleanField("Keep me signed in on this device")


class ChangePasswordForm(Form):
    current_password = PasswordField(
        "Current password",
        validators=[DataRequired("Enter your current password."), Length(max=MAX_LENGTH)],
    )
    password = new_password_field("New password")
    confirm = confirm_field("Repeat the new password")


class AcceptInviteForm(Form):
    name = name_field("Your full name")
    password = new_password_field("Choose a password")
    confirm = confirm_field()
