"""Someone prints the donation poster for an event."""

import io
from decimal import Decimal

import pytest
from django.urls import reverse
from pypdf import PdfReader

from accounts.models import Organisation
from tests.factories import OrganisationFactory
from tests.giving.epc import decode_png, parse_epc, pdf_pages_as_png

pytestmark = pytest.mark.django_db


@pytest.fixture
def safe_almere(db):
    return OrganisationFactory(
        name="Stichting Safe Almere",
        kind=Organisation.Kind.FOUNDATION,
        rsin="812345678",
        is_anbi=True,
        iban="NL66ASNB0707070707",
    )


def test_poster_is_one_page_whose_printed_code_scans_to_the_gift(client, safe_almere):
    response = client.get(reverse("give_poster"), {"bedrag": "15"})
    assert response["Content-Type"] == "application/pdf"
    pdf = response.content
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "Geef een burgerbaan" in text
    assert "NL66 ASNB 0707 0707 07" in text
    assert "RSIN 812345678" in " ".join(text.split())
    [page] = pdf_pages_as_png(pdf)
    payment = parse_epc(decode_png(page))
    assert payment["iban"] == "NL66ASNB0707070707"
    assert payment["amount"] == Decimal("15.00")
    assert payment["bic"] == ""
    assert payment["text"] == "Gift Almeerse Burgerbaan"


def test_poster_without_an_amount_asks_ten_euro(client, safe_almere):
    [page] = pdf_pages_as_png(client.get(reverse("give_poster")).content)
    assert parse_epc(decode_png(page))["amount"] == Decimal("10.00")


def test_without_an_account_there_is_no_poster(client):
    response = client.get(reverse("give_poster"))
    assert response.status_code == 404
    assert "Het rekeningnummer om te geven staat er nog niet" in response.content.decode()
