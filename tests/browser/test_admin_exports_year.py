"""An admin exports the year report as XLSX; its totals match the database."""

import datetime
import io
from decimal import Decimal

import openpyxl
import pytest
from playwright.sync_api import expect

from payments import services
from payments.models import Payment
from tests.browser.helpers import log_in
from tests.conftest import YEAR
from tests.factories import TOTP_SECRET
from tests.helpers import totp_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_admin_downloads_the_year_as_xlsx(
    page, screenshot, admin_user, burgerbaner, countersigned, treasurer, foundation
):
    countersigned(5, [5, 6, 7])
    services.register_extra(
        burgerbaner,
        date=datetime.date(YEAR, 5, 9),
        kind="gift",
        amount=Decimal("20.00"),
        description="Bos bloemen",
        by=treasurer,
    )
    services.approve_month(burgerbaner, YEAR, 5, by=treasurer)

    log_in(page, admin_user.email)
    page.locator("input[name=code]").fill(totp_code(TOTP_SECRET))
    page.locator("input[name=code]").press("Enter")
    page.goto(f"/rapportage/{YEAR}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Jaarrapportage {YEAR}")
    screenshot("report")
    with page.expect_download() as download:
        page.get_by_role("link", name="Excel").first.click()
    assert download.value.suggested_filename == f"personen-{YEAR}.xlsx"
    sheet = openpyxl.load_workbook(io.BytesIO(download.value.path().read_bytes())).active
    header = [cell.value for cell in sheet[1]]
    rows = [dict(zip(header, [c.value for c in row], strict=True)) for row in sheet.iter_rows(2)]
    assert [r["burgerbaner"] for r in rows] == ["Fatima el Amrani"]
    approved = sum(p.amount for p in Payment.objects.all())
    assert Decimal(str(rows[0]["totaal"])) == approved == Decimal("104.00")
    assert Decimal(str(rows[0]["uren"])) == Decimal("15")
