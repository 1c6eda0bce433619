"""Making or renewing an allowance agreement on a source without enough money warns."""

from decimal import Decimal

import pytest
from django.urls import reverse

from agreements.models import AllowanceAgreement
from funding import money
from sources.models import FundingSource, Receipt
from tests.factories import AllowanceAgreementFactory
from tests.helpers import log_in

pytestmark = pytest.mark.django_db


def make(client, admin_user, burgerbaner, source):
    log_in(client, admin_user)
    client.post(
        reverse("agreement_create", args=["vergoeding", burgerbaner.pk]),
        {
            "start_date": "2026-01-01",
            "end_date": "2026-12-31",
            "hourly_rate": "5.00",
            "iban": "NL91 ABNA 0417 1643 00",
            "source": source.pk,
        },
    )
    agreement = burgerbaner.allowanceagreements.get()
    return agreement, client.get(agreement.get_absolute_url(), follow=True)


def test_a_source_with_too_little_money_warns_with_the_figures(
    client, admin_user, burgerbaner, rules
):
    poor = FundingSource.objects.create(name="Klein Fonds", kind=FundingSource.Kind.FUND)
    Receipt.objects.create(source=poor, amount=Decimal("300"), received_on="2026-01-02")
    _agreement, page = make(client, admin_user, burgerbaner, poor)
    assert "Let op: Klein Fonds heeft niet genoeg geld voor deze overeenkomst." in page.text
    assert "nog €\xa0300,00 vrij" in page.text


def test_a_source_with_enough_money_does_not_warn_and_a_renewal_is_not_counted_twice(
    client, admin_user, burgerbaner, rules
):
    rich = FundingSource.objects.create(name="Groot Fonds", kind=FundingSource.Kind.FUND)
    Receipt.objects.create(source=rich, amount=Decimal("2500"), received_on="2026-01-02")
    agreement, page = make(client, admin_user, burgerbaner, rich)
    assert "Let op" not in page.text
    AllowanceAgreement.objects.filter(pk=agreement.pk).update(status="active")
    renewal = AllowanceAgreementFactory(
        burgerbaner=burgerbaner, source=rich, supersedes=agreement, version=2, status="draft"
    )
    assert money.shortfall_warning(renewal) is None
    # Without the agreement it renews, both would need more than the source has.
    other = AllowanceAgreementFactory(source=rich, status="draft")
    assert money.shortfall_warning(other) is not None
