"""A correction names the day it corrects and counts there: under that month's maximum,
at that day's rate, in that year; not in the month it is written."""

import datetime
from decimal import Decimal

import pytest

from hours import services
from payments import cap
from payments import services as money
from tests.factories import AllowanceAgreementFactory, year_rules

pytestmark = pytest.mark.django_db


@pytest.fixture
def sign(burgerbaner, coordinator, signer):
    def _sign(entry):
        services.submit_timesheet(entry.timesheet, by=burgerbaner.user)
        services.approve_timesheet(entry.timesheet, by=coordinator)
        services.countersign_timesheet(entry.timesheet, by=signer)

    return _sign


@pytest.fixture
def work(burgerbaner):
    agreement = burgerbaner.volunteeragreements.get()
    agreement.start_date = datetime.date(2024, 1, 1)
    agreement.save()

    def _log(day, hours, corrects=None):
        return services.log_hours(
            burgerbaner,
            by=burgerbaner.user,
            agreement=agreement,
            date=day,
            hours=Decimal(hours),
            description="Koffie schenken",
            is_correction=corrects is not None,
            correction_reason="Vergeten te schrijven" if corrects else "",
            corrects_date=corrects,
        )

    return _log


def test_a_correction_for_a_full_month_is_not_paid_in_the_month_it_is_written(
    burgerbaner, work, sign, treasurer, foundation
):
    year_rules(2025)
    AllowanceAgreementFactory(
        burgerbaner=burgerbaner,
        start_date=datetime.date(2025, 1, 1),
        end_date=datetime.date(2025, 12, 31),
        hourly_rate=Decimal("5.60"),
    )
    june = work(datetime.date(2025, 6, 2), "20")
    work(datetime.date(2025, 6, 3), "20")  # 40 h × 5,60 = 224,00
    sign(june)
    assert money.approve_month(burgerbaner, 2025, 6, by=treasurer).amount == Decimal("210.00")
    sign(work(datetime.date(2025, 7, 10), "5", corrects=datetime.date(2025, 6, 5)))

    overview = cap.overview(burgerbaner, 2025, 7)
    assert overview.signed(6) == Decimal("252.00")
    assert overview.signed(7) == Decimal("0.00")
    assert overview.story(6).over_month == Decimal("42.00")
    with pytest.raises(money.PaymentError):
        money.approve_month(burgerbaner, 2025, 7, by=treasurer)
    with pytest.raises(money.PaymentError):
        money.approve_month(burgerbaner, 2025, 6, by=treasurer)


def test_a_correction_after_the_21st_birthday_is_paid_at_the_rate_of_the_day_of_work(
    burgerbaner, work, sign
):
    year_rules(2025)
    burgerbaner.date_of_birth = datetime.date(2004, 7, 20)  # 21 on 20 July 2025
    burgerbaner.save()
    AllowanceAgreementFactory(
        burgerbaner=burgerbaner,
        start_date=datetime.date(2025, 1, 1),
        end_date=datetime.date(2025, 12, 31),
        hourly_rate=Decimal("3.00"),
        hourly_rate_from_21=Decimal("5.00"),
    )
    sign(work(datetime.date(2025, 8, 4), "4", corrects=datetime.date(2025, 7, 1)))
    overview = cap.overview(burgerbaner, 2025, 8)
    assert overview.signed(7) == Decimal("12.00")
    assert overview.signed(8) == Decimal("0.00")


def test_a_january_correction_for_december_counts_in_the_old_year(burgerbaner, work, sign):
    year_rules(2024)
    year_rules(2025)
    for year in (2024, 2025):
        AllowanceAgreementFactory(
            burgerbaner=burgerbaner,
            start_date=datetime.date(year, 1, 1),
            end_date=datetime.date(year, 12, 31),
            hourly_rate=Decimal("5.00"),
        )
    sign(work(datetime.date(2025, 1, 6), "2", corrects=datetime.date(2024, 12, 16)))
    assert cap.overview(burgerbaner, 2024, 12).signed(12) == Decimal("10.00")
    assert cap.overview(burgerbaner, 2025, 1).signed_year == Decimal("0.00")


def test_a_correction_names_a_day_before_the_day_it_is_written(work):
    with pytest.raises(services.HoursError, match="vóór de dag"):
        work(datetime.date(2025, 7, 10), "5", corrects=datetime.date(2025, 7, 11))
