"""A yearly statement only for a year with something on record; the running year's says
"voorlopig" with its date on the PDF itself."""

import io
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from pypdf import PdfReader

from payments import services as payments
from tests.conftest import YEAR
from tests.helpers import log_in

pytestmark = pytest.mark.django_db


def pdf_text(response) -> str:
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    return "\n".join(p.extract_text() for p in reader.pages).replace("\xa0", " ")


@pytest.fixture
def this_year(burgerbaner, treasurer):
    """Something on record in the running year: money received before joining."""
    today = timezone.localdate()
    payments.set_opening_balance(
        burgerbaner, year=today.year, amount=Decimal("20.00"), note="Eerder", by=treasurer
    )
    return today


def test_the_running_years_statement_says_voorlopig_with_its_date(client, burgerbaner, this_year):
    log_in(client, burgerbaner.user)
    text = pdf_text(client.get(reverse("my_statement", args=[this_year.year])))
    assert f"Voorlopige jaaropgave vrijwilligersvergoeding {this_year.year}" in text
    assert f"Voorlopig: stand op {date_format(this_year, 'j F Y')}" in text
    assert "de echte jaaropgave komt na 31 december" in text


def test_a_past_year_is_not_voorlopig(client, burgerbaner, countersigned, paid_month):
    countersigned(3, [3])
    paid_month(3)
    log_in(client, burgerbaner.user)
    text = pdf_text(client.get(reverse("my_statement", args=[YEAR])))
    assert f"Jaaropgave vrijwilligersvergoeding {YEAR}" in text
    assert "Voorlopig" not in text


def test_a_year_with_nothing_on_record_offers_no_statement(client, burgerbaner, admin_user):
    log_in(client, burgerbaner.user)
    page = client.get(reverse("my_payments"))
    assert reverse("my_statement", args=[YEAR]) not in page.text
    response = client.get(reverse("my_statement", args=[YEAR]))
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")
    assert f"Voor Fatima el Amrani staat in {YEAR} niets geregistreerd" in response.text
    client.logout()
    log_in(client, admin_user)
    response = client.get(reverse("statement_for", args=[YEAR, burgerbaner.pk]))
    assert response.status_code == 404


def test_the_link_shows_for_a_year_with_something_on_record(client, burgerbaner, this_year):
    log_in(client, burgerbaner.user)
    page = client.get(reverse("my_payments")).text
    assert reverse("my_statement", args=[this_year.year]) in page
    assert reverse("my_statement", args=[this_year.year - 1]) not in page
    assert "voorlopig" in page


def test_the_year_of_an_opening_balance_alone_has_a_statement(client, burgerbaner, treasurer):
    payments.set_opening_balance(
        burgerbaner, year=YEAR, amount=Decimal("300.00"), note="Eerder", by=treasurer
    )
    assert payments.years_on_record(burgerbaner, [YEAR, YEAR + 1]) == {YEAR}
