"""The whole round: log hours at two non-profits, submit, approve, countersign, see it paid."""

import datetime
import io
import re
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from tests.browser.helpers import log_in, log_out
from tests.factories import TOTP_SECRET, AllowanceAgreementFactory, year_rules
from tests.helpers import totp_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_hours(page, day: datetime.date, organisation: str, hours: str, text: str) -> None:
    page.get_by_label("Datum").fill(day.isoformat())
    page.get_by_label("Bij welke organisatie?").select_option(label=organisation)
    page.get_by_label("Hoeveel uur?").fill(hours)
    page.get_by_label("Wat heb je gedaan?").fill(text)
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Je uren zijn opgeslagen.")).to_be_visible()


def test_hours_from_logging_to_countersigned(
    page, screenshot, burgerbaner, nonprofit, other_nonprofit, coordinator, signer
):
    from tests.factories import VolunteerAgreementFactory

    today = timezone.localdate()
    month = (today.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
    first = burgerbaner.volunteeragreements.get()
    first.start_date = month.replace(month=1)
    first.save()
    VolunteerAgreementFactory(
        burgerbaner=burgerbaner, organisation=other_nonprofit, start_date=first.start_date
    )
    year_rules(month.year)
    AllowanceAgreementFactory(
        burgerbaner=burgerbaner,
        start_date=month.replace(month=1, day=1),
        end_date=month.replace(month=12, day=31),
        hourly_rate=Decimal("5.00"),
    )

    log_in(page, burgerbaner.user.email)
    page.get_by_role("link", name="Mijn uren").first.click()
    log_hours(page, month.replace(day=2), nonprofit.name, "3", "Soep koken")
    log_hours(page, month.replace(day=9), nonprofit.name, "2,5", "Afwassen")
    log_hours(page, month.replace(day=3), other_nonprofit.name, "1,75", "Fiets plakken")
    screenshot("hours")
    for _ in range(2):
        page.get_by_role("button", name=re.compile(r"^Indienen")).first.click()
        page.get_by_role("button", name="Ja, indienen").click()
        expect(page.get_by_text("Je uren zijn ingediend.")).to_be_visible()
        page.get_by_role("link", name="Mijn uren").first.click()
    log_out(page)

    log_in(page, coordinator.email)
    page.get_by_role("link", name="Aftekenen").first.click()
    page.get_by_role("link", name="Fatima el Amrani").click()
    expect(page.get_by_text("5,5 uur")).to_be_visible()
    page.get_by_role("button", name="Aftekenen").click()
    page.get_by_role("button", name="Ja, aftekenen").click()
    expect(page.get_by_text(re.compile("Afgetekend: .* van Fatima el Amrani"))).to_be_visible()
    expect(page.get_by_text("Er wacht niets op jou.")).to_be_visible()
    log_out(page)

    log_in(page, signer.email)
    page.locator("input[name=code]").fill(totp_code(TOTP_SECRET))
    page.locator("input[name=code]").press("Enter")
    page.get_by_role("link", name="Mede-ondertekenen").first.click()
    page.get_by_role("link", name="Fatima el Amrani").click()
    page.get_by_role("button", name="Mede-ondertekenen").click()
    page.get_by_role("button", name="Ja, goedkeuren").click()
    expect(page.get_by_text("Goedgekeurd voor Safe Almere:")).to_be_visible()
    log_out(page)

    log_in(page, burgerbaner.user.email)
    page.get_by_role("link", name="Mijn uren").first.click()
    expect(page.get_by_text("goedgekeurd door Safe Almere").first).to_be_visible()
    money = page.locator(".overview")
    if month.year == today.year:
        # 5,5 hours × € 5,00 signed; 1,75 hours still waiting.
        expect(money).to_contain_text("€\xa027,50")
        expect(money).to_contain_text("€\xa02.063,75")
    screenshot("signed")
    page.locator(".badge-ts-countersigned").first.locator("xpath=ancestor::tr//a").click()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download als PDF").click()
    text = "\n".join(
        p.extract_text() for p in PdfReader(io.BytesIO(download.value.path().read_bytes())).pages
    )
    assert "Soep koken" in text and "Afwassen" in text
    assert "5,5 uur" in text
    assert coordinator.name in text and signer.name in text
