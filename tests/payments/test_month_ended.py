"""A month is paid once it is over: its proposal and approval refuse a month still running."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from payments import services
from payments.errors import PaymentError
from payments.models import Payment
from tests.factories import AllowanceAgreementFactory, year_rules
from tests.helpers import log_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def this_month(burgerbaner, treasurer):
    """A gift registered today: money of this month that could be paid."""
    today = timezone.localdate()
    year_rules(today.year)
    AllowanceAgreementFactory(
        burgerbaner=burgerbaner,
        start_date=today.replace(month=1, day=1),
        end_date=today.replace(month=12, day=31),
    )
    services.register_extra(
        burgerbaner,
        date=today,
        kind="gift",
        amount=Decimal("20.00"),
        description="Bloemen",
        by=treasurer,
    )
    return today


def next_month(day: datetime.date) -> datetime.date:
    return (day.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)


def test_approving_this_month_is_refused(burgerbaner, treasurer, this_month):
    with pytest.raises(PaymentError, match="nog niet voorbij"):
        services.approve_month(burgerbaner, this_month.year, this_month.month, by=treasurer)
    later = next_month(this_month)
    with pytest.raises(PaymentError, match="nog niet voorbij"):
        services.approve_months([burgerbaner], later.year, later.month, by=treasurer)
    assert not Payment.objects.exists()


def test_the_proposal_of_this_month_is_refused_on_its_page(
    client, burgerbaner, treasurer, this_month
):
    log_in(client, treasurer)
    url = reverse("month_proposal", args=[this_month.year, this_month.month])
    response = client.get(url, follow=True)
    assert response.redirect_chain[-1][0] == reverse("treasurer_home")
    assert "nog niet voorbij" in response.text
    for data in ({"burgerbaner": [burgerbaner.pk]}, {"alles": "1"}):
        response = client.post(url, data, follow=True)
        assert "nog niet voorbij" in response.text
    assert not Payment.objects.exists()


def test_choosing_this_month_says_so_at_the_month(client, treasurer, this_month):
    log_in(client, treasurer)
    response = client.get(
        reverse("treasurer_home"), {"year": this_month.year, "month": this_month.month}
    )
    assert response.status_code == 200
    assert any("nog niet voorbij" in e for e in response.context["form"].errors["month"])


def test_last_month_can_still_be_opened(client, treasurer):
    last = timezone.localdate().replace(day=1) - datetime.timedelta(days=1)
    log_in(client, treasurer)
    response = client.get(reverse("month_proposal", args=[last.year, last.month]))
    assert response.status_code == 200
