from flask_wtf import FlaskForm
from wtforms import SelectChoice


class Form(FlaskForm):
    """Base form. CSRFProtect checks every POST, so forms carry no second token field."""

    class Meta:
        csrf = False


def choices(pairs) -> list[SelectChoice]:
    """SelectField options from (value, label) pairs; WTForms 3.4 drops plain tuples."""
    return [SelectChoice(value=value, label=label) for value, label in pairs]
