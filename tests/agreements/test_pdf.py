import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from agreements import services
from tests.helpers import log_in

pytestmark = pytest.mark.django_db


def pdf_text(response) -> str:
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_volunteer_agreement_pdf_shows_parties_terms_and_signatures(
    client, awaiting_volunteer, burgerbaner, coordinator
):
    services.sign_agreement(
        awaiting_volunteer,
        by=burgerbaner.user,
        ip_address=None,
        document_sha256=awaiting_volunteer.document_sha256,
    )
    log_in(client, coordinator)
    text = pdf_text(
        client.get(reverse("agreement_pdf", args=["vrijwilliger", awaiting_volunteer.pk]))
    )
    assert "Vrijwilligersovereenkomst" in text
    assert "Buurtkamer De Polderhoek" in text
    assert "Fatima el Amrani" in text
    assert "Koffie schenken in de buurtkamer." in text
    assert "Getekend op" in text
    assert "nog niet getekend" in text  # the organisation has not signed yet


def test_allowance_agreement_pdf_states_the_maxima(
    client, awaiting_allowance, burgerbaner, signer, admin_user
):
    services.sign_agreement(
        awaiting_allowance,
        by=burgerbaner.user,
        ip_address=None,
        document_sha256=awaiting_allowance.document_sha256,
    )
    services.sign_agreement(
        awaiting_allowance,
        by=signer,
        ip_address=None,
        document_sha256=awaiting_allowance.document_sha256,
    )
    log_in(client, admin_user)
    text = pdf_text(
        client.get(reverse("agreement_pdf", args=["vergoeding", awaiting_allowance.pk]))
    )
    assert "Vergoedingsovereenkomst" in text
    assert "€ 5,00 per uur" in text.replace("\xa0", " ")
    assert "€ 2.100,00 per jaar" in text.replace("\xa0", " ")
    assert "Getekend door Ingrid Mulder" in text
    assert "nog niet getekend" not in text
