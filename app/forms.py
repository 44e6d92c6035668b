"""Shared form pieces, and the one place where text is cleaned on its way in."""

import re

from flask import Request
from flask_wtf import FlaskForm
from werkzeug.datastructures import ImmutableMultiDict, MultiDict
from wtforms import HiddenField, SelectChoice

from app.numbers import parse_id

# NUL (PostgreSQL's text refuses it) and lone surrogates (no encoding can store them).
UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def clean_text(value):
    """`value` without the characters no database column can hold; non-text is left alone."""
    return UNSTORABLE.sub("", value) if isinstance(value, str) else value


class CleanMultiDict(ImmutableMultiDict):
    """Query and form values (and their names) cleaned of unstorable characters when parsed."""

    def __init__(self, mapping=None):
        if isinstance(mapping, MultiDict):
            pairs = mapping.items(multi=True)
        elif isinstance(mapping, dict):
            pairs = (
                (key, value)
                for key, values in mapping.items()
                for value in (values if isinstance(values, list | tuple) else [values])
            )
        else:
            pairs = mapping or ()
        super().__init__([(clean_text(key), clean_text(value)) for key, value in pairs])


class CleanRequest(Request):
    """Every form, query string and `request.form.get` sees cleaned text.

    Cleaning here, where Werkzeug parses the request, covers WTForms forms, sign-in and plain
    `request.form` / `request.args` reads alike, so no feature has to remember it.
    """

    parameter_storage_class = CleanMultiDict


class Form(FlaskForm):
    """Base form. CSRFProtect checks every POST, so forms carry no second token field."""

    class Meta:
        csrf = False


def choices(pairs) -> list[SelectChoice]:
    """SelectField options from (value, label) pairs; WTForms 3.4 drops plain tuples."""
    return [SelectChoice(value=value, label=label) for value, label in pairs]


def strip_text(value):
    """Field filter: text without surrounding white space; anything else unchanged."""
    return value.strip() if isinstance(value, str) else value


def coerce_optional_int(value):
    """SelectField coercion: "" is no choice; a number not in ASCII digits within range is
    refused as an invalid choice (WTForms turns the ValueError into a message)."""
    if value in (None, "", "None"):
        return None
    if isinstance(value, int):
        return value
    number = parse_id(value)
    if number is None:
        raise ValueError("not a number")
    return number


def version_field() -> HiddenField:
    """The row version a form was drawn from, for the stale-save check (app/editing.py)."""
    return HiddenField(filters=[lambda v: parse_id(v) if isinstance(v, str) else v])
