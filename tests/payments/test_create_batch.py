"""Making a batch shows which payments it takes; it takes only those."""

import pytest
from django.urls import reverse

from payments import services
from payments.models import PaymentBatch
from tests.conftest import YEAR
from tests.helpers import log_in

pytestmark = pytest.mark.django_db


def test_the_confirm_step_lists_the_payments_and_the_batch_takes_only_those(
    client, burgerbaner, countersigned, treasurer, foundation
):
    countersigned(3, [3])
    countersigned(4, [3])
    march = services.approve_month(burgerbaner, YEAR, 3, by=treasurer)
    log_in(client, treasurer)

    ask = client.post(reverse("batch_create"))

    assert "Betaalopdracht maken?" in ask.text
    assert "Fatima el Amrani, maart 2025: €\xa028,00" in ask.text
    assert not PaymentBatch.objects.exists()
    april = services.approve_month(burgerbaner, YEAR, 4, by=treasurer)  # after the page
    response = client.post(
        reverse("batch_create"), {"betaling": [march.pk], "bevestigd": "1"}, follow=True
    )
    assert "De betaalopdracht is klaar." in response.text
    batch = PaymentBatch.objects.get()
    assert list(batch.payments.all()) == [march]
    april.refresh_from_db()
    assert april.batch is None


def test_with_nothing_waiting_it_says_so(client, treasurer):
    log_in(client, treasurer)
    response = client.post(reverse("batch_create"), follow=True)
    assert "Er zijn geen goedgekeurde betalingen" in response.text
