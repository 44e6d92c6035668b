"""The one place that reads htmx's HX-* request headers."""

from flask import make_response, render_template, request
from flask.typing import ResponseReturnValue


def is_htmx() -> bool:
    return request.headers.get("HX-Request") == "true" and not request.headers.get("HX-Boosted")


def render(page: str, fragment: str, status: int = 200, **context) -> ResponseReturnValue:
    """The page for a plain or boosted request, the fragment for an htmx swap."""
    response = make_response(render_template(fragment if is_htmx() else page, **context), status)
    response.vary.add("HX-Request")
    return response
