"""A whole IBAN only for the person, the treasurer and admins; a signer sees it only to sign."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from agreements import services
from agreements.models import AgreementStatus
from tests.factories import user_with_role
from tests.helpers import log_in

pytestmark = pytest.mark.django_db

FULL = "NL91 ABNA 0417 1643 00"
COMPACT = "NL91ABNA0417164300"
MASKED = "NL91 •••• •••• ••43 00"


def pdf_text(response) -> str:
    reader = PdfReader(io.BytesIO(response.content))
    return "\n".join(page.extract_text() for page in reader.pages)


def pdf_of(client, agreement) -> str:
    return pdf_text(client.get(reverse("agreement_pdf", args=["vergoeding", agreement.pk])))


def sign(agreement, user):
    services.sign_agreement(
        agreement, by=user, ip_address=None, document_sha256=agreement.document_sha256
    )


def test_a_signer_sees_the_whole_iban_on_the_agreement_they_are_signing(
    client, signer, awaiting_allowance
):
    log_in(client, signer)
    page = client.get(awaiting_allowance.get_absolute_url())
    assert page.context["can_sign"]
    assert FULL in page.text
    assert FULL in pdf_of(client, awaiting_allowance)


def test_after_signing_a_signer_sees_the_iban_masked_on_the_page_and_in_the_pdf(
    client, signer, burgerbaner, awaiting_allowance
):
    sign(awaiting_allowance, burgerbaner.user)
    sign(awaiting_allowance, signer)
    awaiting_allowance.refresh_from_db()
    assert awaiting_allowance.status == AgreementStatus.ACTIVE
    log_in(client, signer)
    page = client.get(awaiting_allowance.get_absolute_url()).text
    assert FULL not in page and COMPACT not in page
    assert MASKED in page
    text = pdf_of(client, awaiting_allowance)
    assert FULL not in text and COMPACT not in text
    assert "43 00" in text


def test_a_signer_sees_the_iban_masked_once_another_signer_signed_for_safe_almere(
    client, signer, awaiting_allowance
):
    sign(awaiting_allowance, user_with_role("signer", name="Petra de Wit"))
    log_in(client, signer)
    page = client.get(awaiting_allowance.get_absolute_url())
    assert not page.context["can_sign"]
    assert FULL not in page.text and MASKED in page.text


@pytest.mark.parametrize("role", ["burgerbaner", "treasurer", "admin"])
def test_the_person_the_treasurer_and_admins_see_the_whole_iban(
    client, people, signer, burgerbaner, awaiting_allowance, role
):
    sign(awaiting_allowance, burgerbaner.user)
    sign(awaiting_allowance, signer)
    log_in(client, people[role])
    assert FULL in client.get(awaiting_allowance.get_absolute_url()).text
    assert FULL in pdf_of(client, awaiting_allowance)
