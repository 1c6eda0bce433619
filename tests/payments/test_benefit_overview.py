"""Someone with a benefit downloads what was paid for which month, for the municipality or UWV."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from accounts.models import Benefit
from tests.conftest import YEAR
from tests.helpers import log_in

pytestmark = pytest.mark.django_db

URL = reverse("benefit_overview")


def pdf_text(response) -> str:
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    return "\n".join(page.extract_text() for page in reader.pages)


@pytest.fixture
def two_paid_months(burgerbaner, countersigned, paid_month):
    countersigned(3, [3, 4])  # 10 h × 5,60 = 56,00
    paid_month(3)
    countersigned(5, [5])  # 5 h × 5,60 = 28,00
    paid_month(5)
    burgerbaner.benefit = Benefit.UNEMPLOYMENT
    burgerbaner.save()
    return burgerbaner


def test_the_pdf_lists_each_month_paid_with_its_day_and_the_total(client, two_paid_months):
    log_in(client, two_paid_months.user)
    response = client.get(URL, {"van": f"{YEAR}-01", "tot": f"{YEAR}-12"})
    assert "attachment" in response["Content-Disposition"]
    text = pdf_text(response)
    assert "Fatima el Amrani" in text
    assert "maart 2025" in text and "56,00" in text
    assert "mei 2025" in text and "28,00" in text
    assert "op 1 april 2025" in text  # the bank's execution date
    assert "84,00" in text


def test_one_month_shows_only_that_month(client, two_paid_months):
    log_in(client, two_paid_months.user)
    text = pdf_text(client.get(URL, {"van": f"{YEAR}-05", "tot": f"{YEAR}-05"}))
    assert "mei 2025" in text and "maart 2025" not in text


def test_a_period_that_ends_before_it_starts_is_refused_at_the_field(client, two_paid_months):
    log_in(client, two_paid_months.user)
    response = client.get(URL, {"van": f"{YEAR}-05", "tot": f"{YEAR}-01"})
    assert response.status_code == 200
    assert response.context["form"].errors["tot"] == ["Deze maand ligt vóór de eerste maand."]


def test_nonsense_months_get_a_plain_message(client, two_paid_months):
    log_in(client, two_paid_months.user)
    response = client.get(URL, {"van": "maart", "tot": f"{YEAR}-13"})
    assert response.status_code == 200
    assert response.context["form"].errors["van"] == ["Kies een maand, bijvoorbeeld 2026-10."]


def test_someone_else_sees_only_their_own_payments(client, two_paid_months, other_burgerbaner):
    log_in(client, other_burgerbaner.user)
    text = pdf_text(client.get(URL, {"van": f"{YEAR}-01", "tot": f"{YEAR}-12"}))
    assert "Fatima" not in text
    assert "In deze maanden is niets betaald." in text
