"""HTML to PDF without Django, so it can run in a fresh worker process."""

from weasyprint import HTML


def render_pdf(html: str, base_url: str) -> bytes:
    return HTML(string=html, base_url=base_url).write_pdf()
