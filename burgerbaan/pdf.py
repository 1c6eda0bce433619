"""Every PDF of the app: an HTML template rendered by WeasyPrint.

This module imports nothing of Django at load time, so ``render_pdf`` also
runs in fresh worker processes (see ``reports.tasks``).
"""

from weasyprint import HTML


def render_pdf(html: str, base_url: str) -> bytes:
    return HTML(string=html, base_url=base_url).write_pdf()


def template_pdf(template: str, context: dict) -> bytes:
    from django.conf import settings
    from django.template.loader import render_to_string

    return render_pdf(render_to_string(template, context), str(settings.BASE_DIR))
