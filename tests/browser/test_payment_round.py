"""Treasurer: month proposal → approve → batch → SEPA file; burgerbaner: sees it, gets the PDF."""

import io
import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from accounts.models import Organisation
from tests.browser.helpers import log_in, log_out
from tests.conftest import YEAR
from tests.factories import TOTP_SECRET, OrganisationFactory
from tests.helpers import totp_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_treasurer_pays_a_month_and_the_burgerbaner_sees_it(
    page, screenshot, burgerbaner, countersigned, treasurer
):
    OrganisationFactory(
        name="Stichting Safe Almere",
        kind=Organisation.Kind.FOUNDATION,
        iban="NL66ASNB0707070707",
        bic="ASNBNL21",
    )
    countersigned(3, [3, 4, 5])  # 15 h × € 5,60

    log_in(page, treasurer.email)
    page.locator("input[name=code]").fill(totp_code(TOTP_SECRET))
    page.locator("input[name=code]").press("Enter")
    page.get_by_role("link", name="Betalingen").first.click()
    page.locator("#id_year").fill(str(YEAR))
    page.locator("#id_month").fill("3")
    page.get_by_role("button", name="Andere maand openen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("Voorstel maart"))
    expect(page.locator("main")).to_contain_text("€\xa084,00")
    screenshot("proposal")
    page.get_by_role("button", name="Gekozen betalingen goedkeuren").click()
    page.get_by_role("button", name="Ja, goedkeuren").click()
    expect(page.get_by_text("1 betaling is goedgekeurd.")).to_be_visible()
    page.get_by_role("link", name="← Betalingen").click()
    page.get_by_role("button", name="Betaalopdracht maken").click()
    page.get_by_role("button", name="Ja, opdracht maken").click()
    expect(page.get_by_text("De betaalopdracht is klaar.")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("button", name="Download SEPA-bestand").click()
    xml = download.value.path().read_text()
    assert "pain.001.001.09" in xml
    assert "NL91ABNA0417164300" in xml and "84.00" in xml
    page.get_by_label("Uitgevoerd door de bank op").fill(f"{YEAR}-04-02")
    page.get_by_role("button", name="Markeer als betaald").click()
    page.get_by_role("button", name="Ja, markeer als betaald").click()
    expect(page.get_by_text("staan op betaald")).to_be_visible()
    log_out(page)

    log_in(page, burgerbaner.user.email)
    page.get_by_role("link", name="Mijn betalingen").first.click()
    expect(page.locator("main")).to_contain_text("€\xa084,00")
    expect(page.locator("main")).to_contain_text("betaald")
    screenshot("my-payments")
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile("Specificatie")).first.click()
    text = "\n".join(
        p.extract_text() for p in PdfReader(io.BytesIO(download.value.path().read_bytes())).pages
    ).replace("\xa0", " ")
    assert "Specificatie vrijwilligersvergoeding maart" in text
    assert "€ 84,00" in text
