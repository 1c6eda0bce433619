"""Who pays a month is fixed when it becomes final: a countersigned timesheet and an
approved payment name the source of the allowance agreement paying that month, and
existing ones got theirs from a migration."""

import datetime
from decimal import Decimal

import pytest

from agreements.models import AgreementStatus, AllowanceAgreement
from funding import money
from hours.models import Timesheet, TimesheetStatus
from payments import services
from payments.models import Payment
from sources.models import FundingSource, own_money_source
from tests.conftest import YEAR
from tests.factories import AllowanceAgreementFactory, BurgerbanerFactory

pytestmark = pytest.mark.django_db


def test_countersigning_and_approving_fix_the_source_of_the_month(
    burgerbaner, allowance, countersigned, treasurer
):
    fund = FundingSource.objects.create(name="Oranje Fonds", kind=FundingSource.Kind.FUND)
    AllowanceAgreement.objects.filter(pk=allowance.pk).update(source=fund)
    countersigned(3, [3, 4])
    sheet = Timesheet.objects.get(burgerbaner=burgerbaner, month=datetime.date(YEAR, 3, 1))
    assert sheet.status == TimesheetStatus.COUNTERSIGNED
    assert sheet.source == fund

    payment = services.approve_month(burgerbaner, YEAR, 3, by=treasurer)
    assert payment.source == fund
    [figures] = money.money_of_sources([fund], today=datetime.date(YEAR, 4, 10))
    assert figures.paid == payment.amount

    # A later agreement on another source never moves money already paid.
    other = FundingSource.objects.create(name="Ander fonds", kind=FundingSource.Kind.FUND)
    AllowanceAgreement.objects.filter(pk=allowance.pk).update(source=other)
    [figures] = money.money_of_sources([fund], today=datetime.date(YEAR, 4, 10))
    assert figures.paid == payment.amount
    payment.refresh_from_db()
    assert payment.source == fund


def test_a_month_with_two_agreements_is_paid_by_the_latest(treasurer):
    person = BurgerbanerFactory()
    first = FundingSource.objects.create(name="Eerste", kind=FundingSource.Kind.FUND)
    second = FundingSource.objects.create(name="Tweede", kind=FundingSource.Kind.FUND)
    AllowanceAgreementFactory(
        burgerbaner=person,
        source=first,
        start_date=datetime.date(2026, 1, 1),
        end_date=datetime.date(2026, 3, 15),
        status=AgreementStatus.ENDED,
    )
    AllowanceAgreementFactory(
        burgerbaner=person, source=second, start_date=datetime.date(2026, 3, 16)
    )
    made = {
        month: Payment.objects.create(
            burgerbaner=person,
            year=2026,
            month=month,
            amount=Decimal("10.00"),
            iban=person.iban,
            approved_by=treasurer,
            approved_at=datetime.datetime(2026, 5, 1, tzinfo=datetime.UTC),
        ).source
        for month in (2, 3, 4)
    }
    assert made == {2: first, 3: second, 4: second}
    # Without an agreement at all: the cooperative's own money.
    lonely = Payment.objects.create(
        burgerbaner=BurgerbanerFactory(),
        year=2026,
        month=2,
        amount=Decimal("10.00"),
        iban=person.iban,
        approved_by=treasurer,
        approved_at=datetime.datetime(2026, 5, 1, tzinfo=datetime.UTC),
    )
    assert lonely.source_id == own_money_source()
