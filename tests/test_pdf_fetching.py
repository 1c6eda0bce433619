"""PDFs fetch nothing but our own static files, whatever people typed.

A newline in a name once broke out of a CSS string in a PDF template, and
WeasyPrint then fetched a URL of the typist's choice. Here every text that
reaches a PDF carries such a break-out plus ``url(file:///etc/passwd)`` and
``url(http://127.0.0.1:…)``; a local web server records every request and a
spy records every file read through a URL. Each PDF must still render, and
nothing outside the static files may be fetched.
"""

import datetime
import http.server
import io
import os
import re
import threading
import urllib.request
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.db import models
from django.urls import reverse
from pypdf import PdfReader

from accounts.models import Burgerbaner, Organisation, User
from agreements.models import AllowanceAgreement, VolunteerAgreement
from burgerbaan.pdf import STATIC_DIRS, render_pdf
from hours import services as hours
from tests.conftest import YEAR
from tests.helpers import log_in

pytestmark = pytest.mark.django_db


class FetchWatch:
    def __init__(self):
        self.http: list[str] = []
        self.files: list[str] = []
        self.port = 0

    def payload(self) -> str:
        """Text that breaks out of a CSS string and points at a file and at our server."""
        return (
            f"Jan\n}}}}*{{background:url(http://127.0.0.1:{self.port}/los)}}"
            'p{background:url(file:///etc/passwd)}i{x:" '
            f"url(file:///etc/passwd) url(http://127.0.0.1:{self.port}/tekst)"
        )

    def outside_static(self) -> list[str]:
        roots = [Path(d).resolve() for d in STATIC_DIRS]
        outside = list(self.http)
        for url in self.files:
            path = Path(urllib.request.url2pathname(url.removeprefix("file:"))).resolve()
            if not any(path.is_relative_to(root) for root in roots):
                outside.append(url)
        return outside


@pytest.fixture
def fetches(monkeypatch):
    watch = FetchWatch()

    class Recorder(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            watch.http.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "text/css")
            self.end_headers()
            self.wfile.write(b"body{}")

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    watch.port = server.server_address[1]
    threading.Thread(target=server.serve_forever, daemon=True).start()

    opened = urllib.request.FileHandler.file_open

    def spy(handler, request):
        watch.files.append(request.full_url)
        return opened(handler, request)

    monkeypatch.setattr(urllib.request.FileHandler, "file_open", spy)
    yield watch
    server.shutdown()
    server.server_close()


SKIP_FOLDERS = {"node_modules", "bench", "tests", "staticfiles", "media"}
SKIP = {"email", "iban", "bic", "password", "token_hash", "document_sha256", "document_html"}


def fill_text_fields(obj, text: str) -> None:
    """Put ``text`` in every free-text field of ``obj``, straight into the database."""
    text = f"{obj.pk} {text}"  # names of organisations are unique
    values = {
        field.name: text[: field.max_length] if field.max_length else text
        for field in obj._meta.concrete_fields
        if isinstance(field, models.CharField | models.TextField)
        and not field.choices
        and field.name not in SKIP
    }
    type(obj).objects.filter(pk=obj.pk).update(**values)


def is_pdf(response) -> bool:
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "application/pdf"
    return len(PdfReader(io.BytesIO(response.content)).pages) >= 1


@pytest.fixture
def hostile_year(
    fetches, burgerbaner, nonprofit, coordinator, signer, treasurer, foundation, allowance
):
    """A paid month in which every text that reaches a PDF is hostile."""
    from payments import services as payments

    text = fetches.payload()
    for obj in [burgerbaner, burgerbaner.user, nonprofit, foundation, coordinator, signer]:
        fill_text_fields(obj, text)
    fill_text_fields(treasurer, text)
    for agreement in [burgerbaner.volunteeragreements.get(), allowance]:
        fill_text_fields(agreement, text)
    burgerbaner.refresh_from_db()
    agreement = burgerbaner.volunteeragreements.get()
    entry = hours.log_hours(
        burgerbaner,
        by=burgerbaner.user,
        agreement=agreement,
        date=datetime.date(YEAR, 3, 3),
        hours=Decimal("5"),
        description=text[:200],
    )
    hours.log_hours(
        burgerbaner,
        by=burgerbaner.user,
        agreement=agreement,
        date=datetime.date(YEAR, 3, 4),
        hours=Decimal("0.25"),
        description=text[:200],
        is_correction=True,
        correction_reason=text,
        corrects_date=datetime.date(YEAR, 3, 3),
    )
    timesheet = entry.timesheet
    hours.submit_timesheet(timesheet, by=burgerbaner.user)
    hours.approve_timesheet(timesheet, by=coordinator)
    hours.countersign_timesheet(timesheet, by=signer)
    payments.register_extra(
        burgerbaner,
        date=datetime.date(YEAR, 3, 20),
        kind="gift",
        amount=Decimal("10.00"),
        description=text[:200],
        by=treasurer,
    )
    payment = payments.approve_month(burgerbaner, YEAR, 3, by=treasurer)
    payments.mark_batch_paid(
        payments.create_batch(by=treasurer), execution_date=datetime.date(YEAR, 4, 1), by=treasurer
    )
    return {"timesheet": timesheet, "payment": payment, "burgerbaner": burgerbaner}


def test_no_pdf_fetches_what_a_text_points_at(client, admin_user, fetches, hostile_year):
    burgerbaner = hostile_year["burgerbaner"]
    assert "Jan\n}" in Burgerbaner.objects.get(pk=burgerbaner.pk).legal_name
    assert Organisation.objects.filter(name__contains="Jan\n}").count() == 2
    assert User.objects.filter(name__contains="Jan\n}").count() >= 4
    urls = [
        reverse("timesheet_pdf", args=[hostile_year["timesheet"].pk]),
        reverse("payment_spec", args=[hostile_year["payment"].pk]),
        reverse("statement_for", args=[YEAR, burgerbaner.pk]),
    ]
    for agreement in [*VolunteerAgreement.objects.all(), *AllowanceAgreement.objects.all()]:
        urls.append(reverse("agreement_pdf", args=[agreement.kind_slug, agreement.pk]))
    log_in(client, admin_user)
    for url in urls:
        assert is_pdf(client.get(url)), url
    log_in(client, burgerbaner.user)
    assert is_pdf(client.get(reverse("my_statement", args=[YEAR])))
    assert fetches.outside_static() == []


def test_the_renderer_serves_our_static_files_and_refuses_everything_else(fetches):
    favicon = Path(settings.BASE_DIR) / "static" / "img" / "favicon.svg"
    html = f"""<html><head>
    <link rel="stylesheet" href="http://127.0.0.1:{fetches.port}/stijl.css">
    <link rel="stylesheet" href="file:///etc/passwd">
    <style>@import url(http://127.0.0.1:{fetches.port}/import.css);
    body {{ background: url(file:///etc/hostname) }}</style></head><body>
    <img src="static/img/favicon.svg" alt="">
    <img src="static/../../../../../../etc/passwd" alt="">
    <img src="{favicon.as_uri()}" alt="">
    <img src="//127.0.0.1:{fetches.port}/zonder-schema.png" alt="">
    <img src="ftp://127.0.0.1/x.png" alt="">
    <img src="data:image/png;base64,iVBORw0KGgo=" alt="">
    <p>Hallo</p></body></html>"""
    pdf = render_pdf(html)
    assert pdf.startswith(b"%PDF")
    assert fetches.outside_static() == []
    assert fetches.http == []


def test_the_static_folders_are_the_ones_of_the_settings():
    assert {Path(d) for d in STATIC_DIRS} == {
        Path(settings.STATIC_ROOT),
        *(Path(d) for d in settings.STATICFILES_DIRS),
    }


def test_no_template_puts_text_into_css():
    """CSS has its own escaping, which Django's does not cover: a template writes no
    variable or tag inside a style sheet or a style attribute."""
    css = re.compile(r"<style[^>]*>(.*?)</style>|style=\"([^\"]*)\"", re.DOTALL)
    for path in (Path(settings.BASE_DIR) / "templates").rglob("*.html"):
        for match in css.finditer(path.read_text()):
            block = match.group(1) or match.group(2) or ""
            assert "{{" not in block and "{%" not in block, path


def test_only_the_one_renderer_calls_weasyprint():
    """Every PDF goes through burgerbaan/pdf.py and its fetcher; the bench measures
    bare WeasyPrint on purpose."""
    root = Path(settings.BASE_DIR)
    callers = set()
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = [d for d in subfolders if d not in SKIP_FOLDERS and not d.startswith(".")]
        for name in files:
            path = Path(folder) / name
            if name.endswith(".py") and "weasyprint" in path.read_text():
                callers.add(str(path.relative_to(root)))
    assert callers == {"burgerbaan/pdf.py"}
