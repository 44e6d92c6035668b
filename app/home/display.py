"""Large type: a per-browser choice kept in a long-lived cookie.

It only enlarges the type (for showing a page such as the agenda to a room); it hides nothing.
A running meeting goes on the projector through its own display URL (run/display), which can
never show private content, whatever this choice is."""

from flask import Flask, Response, request

COOKIE = "tandem_display"
MODES = ("normal", "large")


def current_mode() -> str:
    mode = request.cookies.get(COOKIE, "normal")
    return mode if mode in MODES else "normal"


def remember(response: Response, mode: str) -> None:
    response.set_cookie(
        COOKIE,
        mode if mode in MODES else "normal",
        max_age=60 * 60 * 24 * 365,
        httponly=True,
        samesite="Lax",
    )


def init_app(app: Flask) -> None:
    @app.context_processor
    def display_mode():
        return {"display_mode": current_mode()}
