"""The one calculation of allowance against the maxima."""

import datetime
from decimal import Decimal

import pytest

from hours import services
from payments import cap
from tests.factories import AllowanceAgreementFactory, year_rules

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(burgerbaner):
    agreement = burgerbaner.volunteeragreements.get()
    agreement.start_date = datetime.date(2025, 1, 1)
    agreement.save()
    year_rules(2025)
    AllowanceAgreementFactory(
        burgerbaner=burgerbaner,
        start_date=datetime.date(2025, 1, 1),
        end_date=datetime.date(2025, 6, 30),
        hourly_rate=Decimal("5.55"),
    )
    AllowanceAgreementFactory(
        burgerbaner=burgerbaner,
        start_date=datetime.date(2025, 7, 1),
        end_date=datetime.date(2025, 12, 31),
        hourly_rate=Decimal("5.60"),
    )

    def log(day, hours):
        return services.log_hours(
            burgerbaner,
            by=burgerbaner.user,
            agreement=agreement,
            date=day,
            hours=Decimal(hours),
            description="x",
        )

    return burgerbaner, log


def test_rate_follows_the_agreement_in_force_that_day_and_rounds_per_month(setup):
    burgerbaner, log = setup
    log(datetime.date(2025, 6, 30), "1.25")  # 6,9375 → 6,94
    log(datetime.date(2025, 7, 1), "0.75")  # 4,20
    overview = cap.overview(burgerbaner, 2025, 6)
    assert overview.pending_by_month == {6: Decimal("6.94"), 7: Decimal("4.20")}
    assert overview.pending_year == Decimal("11.14")
    assert overview.left_month == Decimal("203.06")
    assert overview.left_year == Decimal("2088.86")


def test_countersigned_hours_count_as_signed(setup, coordinator, signer):
    burgerbaner, log = setup
    entry = log(datetime.date(2025, 3, 3), "10")
    services.submit_timesheet(entry.timesheet, by=burgerbaner.user)
    services.approve_timesheet(entry.timesheet, by=coordinator)
    services.countersign_timesheet(entry.timesheet, by=signer)
    overview = cap.overview(burgerbaner, 2025, 3)
    assert overview.signed_month == Decimal("55.50")
    assert overview.pending_month == Decimal("0.00")


def test_over_after_says_how_far_over_each_maximum(setup):
    burgerbaner, log = setup
    for day in range(1, 8):
        log(datetime.date(2025, 3, day), "5")  # 35 h × 5,55 = 194,25
    overview = cap.overview(burgerbaner, 2025, 3)
    assert overview.over_after(Decimal("10")) == (Decimal("0"), Decimal("0"))
    assert overview.over_after(Decimal("20")) == (Decimal("4.25"), Decimal("0"))


def test_hours_without_an_allowance_agreement_earn_nothing(burgerbaner):
    year_rules(2024)
    overview = cap.overview(burgerbaner, 2024, 5)
    assert overview.signed_year == overview.pending_year == Decimal("0.00")
    assert overview.left_year == Decimal("2100.00")


def test_year_without_rules_has_no_headroom_figures(burgerbaner):
    overview = cap.overview(burgerbaner, 2031, 1)
    assert overview.rules is None
    assert overview.left_month is None


def test_a_rate_change_inside_a_month_counts_each_day_at_its_own_rate(burgerbaner):
    agreement = burgerbaner.volunteeragreements.get()
    agreement.start_date = datetime.date(2025, 1, 1)
    agreement.save()
    year_rules(2025)
    AllowanceAgreementFactory(
        burgerbaner=burgerbaner,
        start_date=datetime.date(2025, 1, 1),
        end_date=datetime.date(2025, 3, 15),
        hourly_rate=Decimal("5.00"),
    )
    AllowanceAgreementFactory(
        burgerbaner=burgerbaner,
        start_date=datetime.date(2025, 3, 16),
        end_date=datetime.date(2025, 12, 31),
        hourly_rate=Decimal("5.60"),
    )
    for day in (10, 20):
        services.log_hours(
            burgerbaner,
            by=burgerbaner.user,
            agreement=agreement,
            date=datetime.date(2025, 3, day),
            hours=Decimal("2"),
            description="x",
        )
    services.log_hours(
        burgerbaner,
        by=burgerbaner.user,
        agreement=agreement,
        date=datetime.date(2025, 4, 2),
        hours=Decimal("1"),
        description="x",
    )
    overview = cap.overview(burgerbaner, 2025, 3)
    assert overview.pending_by_month == {3: Decimal("21.20"), 4: Decimal("5.60")}


def test_turning_21_inside_a_month_pays_the_higher_rate_from_the_birthday(db):
    from tests.factories import BurgerbanerFactory, VolunteerAgreementFactory

    young = BurgerbanerFactory(date_of_birth=datetime.date(2004, 5, 20))
    agreement = VolunteerAgreementFactory(burgerbaner=young, start_date=datetime.date(2025, 1, 1))
    year_rules(2025)
    AllowanceAgreementFactory(
        burgerbaner=young,
        start_date=datetime.date(2025, 1, 1),
        end_date=datetime.date(2025, 12, 31),
        hourly_rate=Decimal("3.30"),
        hourly_rate_from_21=Decimal("5.60"),
    )
    for day in (19, 20):
        services.log_hours(
            young,
            by=young.user,
            agreement=agreement,
            date=datetime.date(2025, 5, day),
            hours=Decimal("1"),
            description="x",
        )
    assert cap.overview(young, 2025, 5).pending_by_month == {5: Decimal("8.90")}
