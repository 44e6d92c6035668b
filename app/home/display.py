"""Projector mode: a per-browser choice kept in a long-lived cookie."""

from flask import Flask, Response, request

COOKIE = "tandem_display"
MODES = ("normal", "projector")


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
