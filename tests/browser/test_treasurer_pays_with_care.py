"""Treasurer: month → approve (confirmed) → batch from the month page (confirmed) →
download, download again after the warning → mark paid, refusing a day still to come."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from payments.models import BatchDownload
from tests.browser.helpers import both_widths, log_in_with_code
from tests.conftest import YEAR

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_treasurer_pays_a_month_with_a_confirmation_at_every_step(
    page, screenshot, burgerbaner, countersigned, treasurer, foundation
):
    countersigned(3, [3, 4])  # 10 h × € 5,60

    log_in_with_code(page, treasurer.email)
    expect(page.locator("main")).to_contain_text("Maart 2025")
    both_widths(page, screenshot, "dashboard")
    page.get_by_role("link", name="Maart 2025").click()
    page.get_by_role("button", name="Gekozen betalingen goedkeuren").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "1 betaling over maart 2025 goedkeuren?"
    )
    expect(page.locator("main")).to_contain_text("Fatima el Amrani: €\xa056,00")
    both_widths(page, screenshot, "approve-confirm")
    page.get_by_role("button", name="Ja, goedkeuren").click()
    expect(page.get_by_text("1 betaling is goedgekeurd.")).to_be_visible()
    expect(page.locator("main")).to_contain_text("Al goedgekeurd voor maart 2025")
    expect(page.locator("main")).to_contain_text("Volgende stap: de betaling aan de bank")
    both_widths(page, screenshot, "month-approved")

    page.get_by_role("button", name="Betaalopdracht maken").click()
    expect(page.locator("main")).to_contain_text("Fatima el Amrani, maart 2025: €\xa056,00")
    page.get_by_role("button", name="Ja, opdracht maken").click()
    expect(page.get_by_text("De betaalopdracht is klaar.")).to_be_visible()
    expect(page.locator("main")).to_contain_text("Nog niet gedownload")

    with page.expect_download() as download:
        page.get_by_role("button", name="Download SEPA-bestand").click()
    assert "CstmrCdtTrfInitn" in download.value.path().read_text()
    page.reload()
    expect(page.locator("main")).to_contain_text(f"door {treasurer.name} op")
    page.get_by_role("button", name="Download SEPA-bestand").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("nog een keer downloaden?")
    expect(page.get_by_role("alert")).to_contain_text("twee keer geld")
    both_widths(page, screenshot, "download-again")
    with page.expect_download():
        page.get_by_role("button", name="Toch opnieuw downloaden").click()
    assert BatchDownload.objects.count() == 2

    page.get_by_role("link", name="Nee, terug").click()
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    page.get_by_label("Uitgevoerd door de bank op").fill(tomorrow.isoformat())
    page.get_by_role("button", name="Markeer als betaald").click()
    expect(page.locator("main")).to_contain_text("niet op een dag in de toekomst")
    both_widths(page, screenshot, "future-refused")
    page.get_by_label("Uitgevoerd door de bank op").fill(f"{YEAR}-04-02")
    page.get_by_role("button", name="Markeer als betaald").click()
    expect(page.locator("main")).to_contain_text("niet ongedaan maken")
    both_widths(page, screenshot, "paid-confirm")
    page.get_by_role("button", name="Ja, markeer als betaald").click()
    expect(page.get_by_text("staan op betaald")).to_be_visible()
    expect(page.locator("main")).to_contain_text(re.compile("uitgevoerd door de bank", re.I))
