from decimal import Decimal

import pytest
from django.urls import reverse

from sources.models import Receipt
from tests.helpers import log_in

pytestmark = pytest.mark.django_db


def test_the_treasurer_books_money_received_on_the_funding_page(client, treasurer, sponsor_source):
    log_in(client, treasurer)
    response = client.post(
        reverse("receipt_create"),
        {"source": sponsor_source.pk, "amount": "1250,50", "received_on": "2026-02-03"},
    )
    assert response["Location"] == reverse("funding_source", args=[sponsor_source.pk])
    receipt = Receipt.objects.get(amount=Decimal("1250.50"))
    assert (receipt.source, receipt.booked_by) == (sponsor_source, treasurer)
    page = client.get(reverse("funding_source", args=[sponsor_source.pk]))
    assert "€\xa05.250,50" in page.text  # received: € 4.000 before, and this


@pytest.mark.parametrize(
    ("amount", "day", "message"),
    [
        ("0", "2026-02-03", "Vul een bedrag van meer dan € 0,00 in."),
        ("100", "2999-01-01", "Deze datum ligt in de toekomst."),
        ("veel", "2026-02-03", "Schrijf een getal, zoals 2 of 1,5."),
    ],
)
def test_a_wrong_receipt_says_why_and_books_nothing(
    client, treasurer, sponsor_source, amount, day, message
):
    log_in(client, treasurer)
    before = Receipt.objects.count()
    response = client.post(
        reverse("receipt_create"),
        {"source": sponsor_source.pk, "amount": amount, "received_on": day},
    )
    assert response.status_code == 200
    assert message in response.text
    assert Receipt.objects.count() == before


def test_a_counter_entry_takes_a_receipt_out_of_the_count(client, treasurer, sponsor_source):
    log_in(client, treasurer)
    receipt = sponsor_source.receipts.get()
    client.post(reverse("receipt_correct", args=[receipt.pk]), {"reason": "Dubbel geboekt"})
    page = client.get(reverse("funding_source", args=[sponsor_source.pk]))
    assert page.context["figures"].received == Decimal("0.00")
    assert "Tegenboeking:" in page.text


def test_the_funding_page_keeps_its_figures_until_money_comes_in_or_goes_out(
    client, treasurer, sponsor_source
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    log_in(client, treasurer)
    with CaptureQueriesContext(connection) as fresh:
        first = client.get(reverse("funding_home"))
    with CaptureQueriesContext(connection) as kept:
        client.get(reverse("funding_home"))
    assert any("payments_payment" in q["sql"] for q in fresh.captured_queries)
    assert not any("payments_payment" in q["sql"] for q in kept.captured_queries)
    assert "€\xa04.000,00" in first.text

    client.post(
        reverse("receipt_create"),
        {"source": sponsor_source.pk, "amount": "1250,50", "received_on": "2026-02-03"},
    )
    assert "€\xa05.250,50" in client.get(reverse("funding_home")).text
