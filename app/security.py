"""Security headers for every response."""

from flask import Flask, request
from werkzeug.middleware.proxy_fix import ProxyFix

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


def init_app(app: Flask) -> None:
    hops = app.config["PROXY_HOPS"]
    if hops:
        # The client's own address, not the proxy's: sign-in throttling is per address.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)

    @app.after_request
    def set_security_headers(response):
        headers = response.headers
        headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        headers.setdefault("X-Content-Type-Options", "nosniff")
        headers.setdefault("X-Frame-Options", "DENY")
        headers.setdefault("Referrer-Policy", "same-origin")
        headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        if request.endpoint != "static" and "HX-Request" not in request.headers:
            # Shared school computers: the next person must not find pages or PDFs in the
            # cache (or Back). Every page load, since signed-out pages carry the session's
            # CSRF token; static files keep their validators and stay cacheable. htmx
            # requests are left out: Back never shows them (historyCacheSize 0 re-fetches),
            # and with a Cache-Control on them Chromium's live meeting view missed updates.
            headers.setdefault("Cache-Control", "no-store")
        if app.config["PRODUCTION"]:
            headers.setdefault("Strict-Transport-Security", "max-age=31536000")
        return response
