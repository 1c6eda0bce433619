"""A burgerbaner reads everything the pilot holds about them as a page and as a PDF."""

import datetime
import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from agreements.models import Signature, VolunteerAgreement
from tests.conftest import YEAR
from tests.helpers import log_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def paid(burgerbaner, countersigned, paid_month):
    volunteer = burgerbaner.volunteeragreements.get()
    VolunteerAgreement.objects.filter(pk=volunteer.pk).update(end_date=datetime.date(YEAR, 12, 31))
    Signature.objects.create(
        volunteer_agreement=volunteer,
        party=Signature.Party.BURGERBANER,
        signed_by=burgerbaner.user,
        ip_address="192.0.2.7",
        document_sha256="0" * 64,
    )
    countersigned(3, [3, 4], description="Koffie met mevrouw De Groot")
    paid_month(3, gift="15.00", description="Bloemen voor Fatima")
    return burgerbaner


def test_the_page_shows_the_data_in_plain_dutch(client, paid, other_burgerbaner):
    log_in(client, paid.user)
    page = client.get(reverse("my_data_page")).text
    assert "Al mijn gegevens" in page
    assert "Koffie met mevrouw De Groot" in page
    assert "€\xa071,00" in page  # 10 h × 5,60 + 15,00, as money
    assert f"maart {YEAR}" in page  # the month by its name
    assert "goedgekeurd door Safe Almere" in page  # a status in words, not "countersigned"
    assert "countersigned" not in page
    assert "192.0.2.7" in page
    assert "Jan de Vries" not in page


def test_the_pdf_holds_the_same(client, paid):
    log_in(client, paid.user)
    response = client.get(reverse("my_data_pdf"))
    assert response["Content-Type"] == "application/pdf"
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert "Al mijn gegevens" in text
    assert "Koffie met mevrouw De Groot" in text
    assert "Fatima el Amrani" in text


def test_the_page_asks_a_constant_number_of_queries(
    client, paid, countersigned, django_assert_max_num_queries
):
    log_in(client, paid.user)
    with django_assert_max_num_queries(40) as first:
        client.get(reverse("my_data_page"))
    countersigned(4, [7, 8])
    with django_assert_max_num_queries(len(first.captured_queries)):
        client.get(reverse("my_data_page"))


def test_the_page_leaves_the_profile_form_at_its_own_address(client, burgerbaner):
    from django.urls import resolve

    assert resolve(reverse("profile_edit")).url_name == "profile_edit"
    log_in(client, burgerbaner.user)
    assert "Mijn gegevens wijzigen" in client.get(reverse("profile_edit")).text
