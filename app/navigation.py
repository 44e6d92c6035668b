from urllib.parse import urlsplit

from flask import url_for


def local_url(target: str | None) -> str:
    """`target` when it is a path on this site, else the dashboard: no open redirects."""
    parts = urlsplit(target or "")
    if target and target.startswith("/") and not target.startswith("//") and not parts.netloc:
        return target
    return url_for("home.index")
