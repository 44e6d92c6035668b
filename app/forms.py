from flask_wtf import FlaskForm


class Form(FlaskForm):
    """Base form. CSRFProtect checks every POST, so forms carry no second token field."""

    class Meta:
        csrf = False
