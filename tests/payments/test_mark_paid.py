"""The treasurer marks a batch paid: never on a day still to come, and only after confirming."""

import datetime

import pytest
from django.utils import timezone

from payments import services
from payments.errors import PaymentError
from payments.models import Payment, PaymentBatch, PaymentStatus
from tests.conftest import YEAR
from tests.helpers import log_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def batch(burgerbaner, countersigned, treasurer, foundation):
    countersigned(3, [3])
    services.approve_month(burgerbaner, YEAR, 3, by=treasurer)
    return services.create_batch(by=treasurer)


def test_a_day_in_the_future_is_refused_at_the_field(client, batch, treasurer):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    log_in(client, treasurer)
    response = client.post(
        batch.get_absolute_url(), {"execution_date": tomorrow.isoformat(), "bevestigd": "1"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["execution_date"] == [
        "De bank kan de opdracht niet op een dag in de toekomst hebben uitgevoerd. "
        "Kies de dag op je bankafschrift."
    ]
    assert PaymentBatch.objects.get().status == PaymentBatch.Status.OPEN
    assert Payment.objects.get().status == PaymentStatus.APPROVED


def test_the_service_refuses_a_day_in_the_future_too(batch, treasurer):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(PaymentError):
        services.mark_batch_paid(batch, execution_date=tomorrow, by=treasurer)
    assert PaymentBatch.objects.get().status == PaymentBatch.Status.OPEN


def test_marking_paid_asks_to_confirm_first(client, batch, treasurer):
    log_in(client, treasurer)
    ask = client.post(batch.get_absolute_url(), {"execution_date": f"{YEAR}-04-02"})
    assert "Opdracht" in ask.text and "als betaald markeren?" in ask.text
    assert "1 betaling van samen €\xa028,00 heeft uitgevoerd op 2 april 2025" in ask.text
    assert "niet ongedaan maken" in ask.text
    assert PaymentBatch.objects.get().status == PaymentBatch.Status.OPEN

    done = client.post(
        batch.get_absolute_url(), {"execution_date": f"{YEAR}-04-02", "bevestigd": "1"}, follow=True
    )
    assert "staan op betaald" in done.text
    assert PaymentBatch.objects.get().execution_date == datetime.date(YEAR, 4, 2)
    assert Payment.objects.get().status == PaymentStatus.PAID
