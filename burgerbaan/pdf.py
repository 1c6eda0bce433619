"""Every PDF of the app: an HTML template rendered by WeasyPrint.

WeasyPrint fetches whatever the HTML and its CSS point at. A PDF of ours needs
nothing but our own static files, so the fetcher serves exactly those and
refuses every other scheme, host and path: text that slipped into the CSS (a
newline in a name once did) cannot make the server fetch a URL or read a file.
A refused fetch leaves a warning in the log; the PDF still renders. The
templates keep people's text out of CSS altogether (running elements instead
of ``content: "…"``).

This module imports nothing of Django at load time, so ``render_pdf`` also
runs in fresh worker processes (see ``reports.tasks``).
"""

from __future__ import annotations

import copy
import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

BASE_DIR = Path(__file__).resolve().parent.parent
# The project's own static files: settings.STATICFILES_DIRS and STATIC_ROOT.
STATIC_DIRS = (BASE_DIR / "static", BASE_DIR / "staticfiles")


def static_file(url: str) -> Path | None:
    """The static file ``url`` names, or None when it names anything else."""
    parts = urlsplit(url)
    if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
        return None
    path = Path(url2pathname(unquote(parts.path))).resolve()
    for root in STATIC_DIRS:
        if path.is_relative_to(root.resolve()) and path.is_file():
            return path
    return None


class StaticFilesOnly(URLFetcher):
    def fetch(self, url, headers=None):
        path = static_file(url)
        if path is None:
            raise ValueError("a PDF fetches only the project's own static files")
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(
            path.as_uri(), body=path.read_bytes(), headers={"Content-Type": content_type}
        )


def _html(html: str) -> HTML:
    return HTML(string=html, base_url=str(BASE_DIR), url_fetcher=StaticFilesOnly())


def render_pdf(html: str) -> bytes:
    return _html(html).write_pdf()


PART = "part-"


def render_parts(html: str, titles: list[str]) -> list[bytes | None]:
    """One PDF per part of ``html``, laid out as one WeasyPrint document.

    Laying out one document of many pages costs far less per page than as many
    documents of one page. The parts are the elements with ``id="part-0"``,
    ``"part-1"`` and so on, each starting on a new page; each PDF has the
    document's metadata with its own title from ``titles``. A part that took
    more than one page comes back as None: page counters run across the whole
    document, so its page numbers would be wrong and it must be made on its own.
    """
    document = _html(html).render()
    starts = {}
    for number, page in enumerate(document.pages):
        for anchor in page.anchors:
            if anchor.startswith(PART):
                starts.setdefault(int(anchor.removeprefix(PART)), number)
    bounds = [starts[part] for part in range(len(titles))] + [len(document.pages)]
    pdfs = []
    for part, title in enumerate(titles):
        pages = document.pages[bounds[part] : bounds[part + 1]]
        if len(pages) != 1:
            pdfs.append(None)
            continue
        one = document.copy(pages)
        # The copy shares the document's metadata; each PDF gets its own title.
        one.metadata = copy.copy(document.metadata)
        one.metadata.title = title
        pdfs.append(one.write_pdf())
    return pdfs


def template_pdf(template: str, context: dict) -> bytes:
    from django.template.loader import render_to_string

    return render_pdf(render_to_string(template, context))
