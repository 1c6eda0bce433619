"""A visitor opens the donation page and scans its EPC QR code."""

import io
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from accounts.models import Organisation
from burgerbaan.money import format_euro
from giving import qr
from rules.models import YearRules
from tests.factories import OrganisationFactory, year_rules
from tests.giving.epc import decode_png, parse_epc

pytestmark = pytest.mark.django_db


@pytest.fixture
def safe_almere(db):
    return OrganisationFactory(
        name="Stichting Safe Almere",
        kind=Organisation.Kind.FOUNDATION,
        rsin="812345678",
        is_anbi=True,
        iban="NL66 ASNB 0707 0707 07",
        bic="ASNBNL21",
    )


def svg_on(page: str) -> str:
    match = re.search(r"<svg role=\"img\".*?</svg>", page, re.S)
    assert match, "no QR code on the page"
    return match.group(0)


def test_page_explains_giving_with_anbi_and_rsin(client, safe_almere):
    this_year = timezone.localdate().year
    if not YearRules.objects.filter(year=this_year).exists():
        year_rules(this_year, annual_maximum=Decimal("2100.00"))
    maximum = YearRules.objects.get(year=this_year).annual_maximum
    response = client.get(reverse("give"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "is een ANBI" in page
    assert "812345678" in page
    assert "NL66 ASNB 0707 0707 07" in page
    assert "vrijwilligersvergoeding" in page
    assert f"{format_euro(maximum)} per jaar ({this_year})" in page


def test_the_qr_code_on_the_page_decodes_to_a_valid_epc_payment(client, safe_almere):
    page = client.get(reverse("give")).content.decode()
    account = qr.foundation_account()
    # The page shows exactly the code of this account and amount; decode that code.
    code = qr.epc_qr(account, qr.DEFAULT_AMOUNT)
    assert svg_on(page) == qr.epc_svg(account, qr.DEFAULT_AMOUNT, title=_title(page))
    png = io.BytesIO()
    code.save(png, kind="png", scale=6)
    payment = parse_epc(decode_png(png.getvalue()))
    assert payment == {
        "bic": "ASNBNL21",
        "name": "Stichting Safe Almere",
        "iban": "NL66ASNB0707070707",
        "amount": Decimal("25.00"),
        "text": "Gift Almeerse Burgerbaan",
    }


def _title(page: str) -> str:
    import html

    return html.unescape(re.search(r"<title>(.*?)</title>", svg_on(page)).group(1))


def test_a_chosen_amount_goes_into_the_code(client, safe_almere):
    page = client.get(reverse("give"), {"bedrag": "12,50"}).content.decode()
    assert "QR-code voor €\xa012,50" in page
    code = qr.epc_qr(qr.foundation_account(), Decimal("12.50"))
    image = io.BytesIO()
    code.save(image, kind="png", scale=6)
    assert parse_epc(decode_png(image.getvalue()))["amount"] == Decimal("12.50")
    assert svg_on(page) == qr.epc_svg(qr.foundation_account(), Decimal("12.50"), title=_title(page))


@pytest.mark.parametrize("amount", ["0", "-5", "10001", "abc", "99999999", "NaN", "2,555", ""])
def test_a_wrong_amount_gets_a_message_at_the_field_and_the_usual_code(client, safe_almere, amount):
    response = client.get(reverse("give"), {"bedrag": amount})
    assert response.status_code == 200
    page = response.content.decode()
    assert 'class="errorlist' in page
    assert "QR-code voor €\xa025,00" in page


def test_without_an_account_the_page_says_so_and_shows_no_code(client):
    OrganisationFactory(name="Stichting Safe Almere", kind=Organisation.Kind.FOUNDATION)
    page = client.get(reverse("give")).content.decode()
    assert "Het rekeningnummer om te geven staat er nog niet" in page
    assert "<svg" not in page


def test_the_code_image_is_large_enough_to_scan_from_a_screen(safe_almere):
    code = qr.epc_qr(qr.foundation_account(), qr.DEFAULT_AMOUNT)
    assert code.error == "M"  # the EPC standard's level
    assert code.version <= 13
    image = io.BytesIO()
    code.save(image, kind="png", scale=1)
    assert Image.open(image).size[0] >= 25


def test_the_code_carries_the_reference_of_the_donations_source(client, safe_almere):
    from sources.models import FundingSource

    FundingSource.objects.create(
        name="Giften", kind=FundingSource.Kind.DONATION, reference="BB-GIFT"
    )
    page = client.get(reverse("give")).content.decode()
    assert "<dd>BB-GIFT</dd>" in page
    image = io.BytesIO()
    qr.epc_qr(qr.foundation_account(), qr.DEFAULT_AMOUNT).save(image, kind="png", scale=6)
    assert parse_epc(decode_png(image.getvalue()))["text"] == "BB-GIFT"
