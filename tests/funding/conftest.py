import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from payments.models import Payment, PaymentStatus
from sources.models import Commitment, FundingSource, Receipt
from tests.factories import AllowanceAgreementFactory, BurgerbanerFactory, year_rules


@pytest.fixture
def rules(db):
    for year in (2025, 2026, 2027):
        year_rules(year)


@pytest.fixture
def sponsor_source(db):
    source = FundingSource.objects.create(
        name="WoonZorgFlevoland", kind=FundingSource.Kind.COMPANY, reference="BB-WZF"
    )
    Commitment.objects.create(
        source=source,
        amount=Decimal("6000.00"),
        start_date=datetime.date(2026, 1, 1),
        end_date=datetime.date(2026, 12, 31),
        purpose="Drie burgerbanen in 2026",
        citizen_jobs=3,
    )
    Receipt.objects.create(
        source=source, amount=Decimal("4000.00"), received_on=datetime.date(2026, 1, 15)
    )
    return source


def pay(person, year, month, amount, approver, status=PaymentStatus.PAID):
    return Payment.objects.create(
        burgerbaner=person,
        year=year,
        month=month,
        amount=Decimal(amount),
        iban=person.iban,
        approved_by=approver,
        approved_at=timezone.now(),
        status=status,
    )


def funded_person(source, approver, months=(1, 2, 3), amount="150.00", **agreement):
    person = BurgerbanerFactory()
    AllowanceAgreementFactory(burgerbaner=person, source=source, **agreement)
    for month in months:
        pay(person, 2026, month, amount, approver)
    return person
