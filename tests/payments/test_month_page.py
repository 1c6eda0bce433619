"""The treasurer's month page shows what was approved in it, and the step after."""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from payments import services
from payments.models import Payment
from tests.conftest import YEAR
from tests.factories import BurgerbanerFactory
from tests.helpers import log_in

pytestmark = pytest.mark.django_db


def test_the_month_page_lists_what_was_approved_and_offers_a_batch(
    client, burgerbaner, countersigned, treasurer
):
    countersigned(4, [1, 2])
    services.approve_month(burgerbaner, YEAR, 4, by=treasurer)
    log_in(client, treasurer)
    page = client.get(reverse("month_proposal", args=[YEAR, 4]))
    assert "Al goedgekeurd voor april 2025" in page.text
    assert "Fatima el Amrani" in page.text and "€\xa056,00" in page.text
    assert "Volgende stap: de betaling aan de bank" in page.text
    assert "1 goedgekeurde betaling zit nog niet in een betaalopdracht." in page.text
    assert reverse("batch_create") in page.text


def test_the_month_page_queries_stay_the_same_as_approvals_grow(
    client, burgerbaner, countersigned, treasurer, django_assert_max_num_queries
):
    countersigned(4, [1, 2])
    services.approve_month(burgerbaner, YEAR, 4, by=treasurer)
    log_in(client, treasurer)
    url = reverse("month_proposal", args=[YEAR, 4])
    with django_assert_max_num_queries(40) as few:
        client.get(url)
    for _ in range(5):
        Payment.objects.create(
            burgerbaner=BurgerbanerFactory(),
            year=YEAR,
            month=4,
            amount=Decimal("10.00"),
            iban="NL91ABNA0417164300",
            approved_by=treasurer,
            approved_at=timezone.now(),
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)
