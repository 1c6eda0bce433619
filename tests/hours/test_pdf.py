import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from hours import services
from tests.helpers import log_in

pytestmark = pytest.mark.django_db


def pdf_text(response) -> str:
    assert response["Content-Type"] == "application/pdf"
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)


def test_timesheet_pdf_shows_entries_totals_and_both_sign_offs(
    client, log, last_month, burgerbaner, coordinator, signer
):
    log(last_month, "2.5", "Soep koken")
    timesheet = log(last_month, "1.25", "Afwassen").timesheet
    services.submit_timesheet(timesheet, by=burgerbaner.user)
    services.approve_timesheet(timesheet, by=coordinator)
    url = reverse("timesheet_pdf", args=[timesheet.pk])
    log_in(client, burgerbaner.user)
    text = pdf_text(client.get(url))
    assert "Fatima el Amrani" in text and "Buurtkamer De Polderhoek" in text
    assert "Soep koken" in text and "Afwassen" in text
    assert "3,75 uur" in text
    assert "Linda Smit" in text
    assert "nog niet getekend" in text  # Safe Almere has not countersigned yet
    assert "· Fatima el Amrani · pagina 1 van 1" in text  # the footer of every page

    services.countersign_timesheet(timesheet, by=signer)
    log_in(client, coordinator)
    text = pdf_text(client.get(url))
    assert "Ingrid Mulder" in text
    assert "nog niet getekend" not in text


@pytest.mark.parametrize("role", ["other_coordinator", "other_burgerbaner"])
def test_outsiders_cannot_download_the_timesheet(client, people, log, last_month, role):
    timesheet = log(last_month, "1").timesheet
    log_in(client, people[role])
    assert client.get(reverse("timesheet_pdf", args=[timesheet.pk])).status_code == 403
    assert client.get(reverse("timesheet_detail", args=[timesheet.pk])).status_code == 403
