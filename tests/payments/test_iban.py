"""A signer sees a payment's IBAN masked; the person, the treasurer and admins see it whole."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from payments import services
from tests.conftest import YEAR
from tests.helpers import log_in

pytestmark = pytest.mark.django_db

FULL = "NL91 ABNA 0417 1643 00"
MASKED = "NL91 •••• •••• ••43 00"


def spec_text(client, payment) -> str:
    response = client.get(reverse("payment_spec", args=[payment.pk]))
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)


@pytest.fixture
def payment(burgerbaner, countersigned, treasurer):
    countersigned(3, [3])
    return services.approve_month(burgerbaner, YEAR, 3, by=treasurer)


def test_a_signer_sees_the_iban_of_a_payment_masked_on_its_page_and_specification(
    client, signer, payment
):
    log_in(client, signer)
    page = client.get(payment.get_absolute_url()).text
    assert FULL not in page and MASKED in page
    text = spec_text(client, payment)
    assert FULL not in text and payment.iban not in text
    assert "43 00" in text


@pytest.mark.parametrize("role", ["burgerbaner", "treasurer", "admin"])
def test_the_person_the_treasurer_and_admins_see_the_whole_iban_of_a_payment(
    client, people, payment, role
):
    log_in(client, people[role])
    assert FULL in client.get(payment.get_absolute_url()).text
    assert FULL in spec_text(client, payment)
