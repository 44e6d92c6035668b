"""PDFs from HTML templates with WeasyPrint, fetching only our own static files (and the
uploaded images a template was handed by path)."""

import threading
from collections.abc import Iterable
from pathlib import Path
from urllib.request import url2pathname

from flask import Response, current_app, render_template
from weasyprint import HTML
from weasyprint.urls import URLFetcher

from app.blocking import off_the_hub


class OwnFilesOnly(URLFetcher):
    """Serves files under static/ and the given files, and refuses every other URL: no
    request leaves the server."""

    def __init__(self, root: Path, files: Iterable[Path] = ()):
        super().__init__(allowed_protocols=("file",))
        self.root = root
        self.files = {Path(f).resolve() for f in files}

    def fetch(self, url, headers=None):
        path = Path(url2pathname(url.removeprefix("file:").split("?")[0])).resolve()
        if not (path.is_relative_to(self.root) or path in self.files):
            raise ValueError(f"PDFs may only use Tandem's own files, not {url}")
        return super().fetch(url, headers)


_one_at_a_time = threading.Lock()  # a gevent lock under gevent: taken by the greenlet


def _write(pdf: HTML) -> bytes:
    """One render at a time per worker, off the gevent hub (see app/blocking.py)."""
    with _one_at_a_time:
        return off_the_hub(pdf.write_pdf)


def render_pdf(template: str, filename: str, files: Iterable[Path] = (), **context) -> Response:
    """`files`: uploaded images outside static/ the template shows (by their file: URI)."""
    root = Path(current_app.static_folder).resolve()
    html = render_template(template, **context)
    fetcher = OwnFilesOnly(root, files)
    pdf = HTML(string=html, base_url=root.as_uri() + "/", url_fetcher=fetcher)
    response = Response(_write(pdf), mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
