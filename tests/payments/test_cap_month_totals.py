"""The money story adds up a handed-in month from the total fixed when it was handed in,
and its corrections on the days they correct: the same money as entry by entry."""

import datetime
from collections import defaultdict
from decimal import Decimal

import pytest

from burgerbaan.money import round_cents
from hours import services as hours
from hours.models import HourEntry, Timesheet, TimesheetStatus
from payments import cap
from rules.models import YearRules
from tests.factories import AllowanceAgreementFactory, year_rules

pytestmark = pytest.mark.django_db

Y = 2025


def entry_by_entry(person, year):
    """Each entry at the rate of the day it counts on, rounded once per month."""
    agreements = cap.allowance_agreements(person, year)
    rules = YearRules.objects.get(year=year)
    earned, pending = defaultdict(Decimal), defaultdict(Decimal)
    for entry in HourEntry.objects.filter(timesheet__burgerbaner=person).select_related(
        "timesheet"
    ):
        day = entry.work_date
        if day.year != year:
            continue
        signed = entry.timesheet.status == TimesheetStatus.COUNTERSIGNED
        target = earned if signed else pending
        target[day.month] += entry.hours * cap.rate_on(agreements, day, rules)
    return (
        {m: round_cents(v) for m, v in earned.items()},
        {m: round_cents(v) for m, v in pending.items()},
    )


def test_handed_in_months_and_their_corrections_tell_the_same_money(
    burgerbaner, coordinator, signer
):
    year_rules(Y)
    year_rules(Y + 1)
    agreement = burgerbaner.volunteeragreements.get()
    agreement.start_date = datetime.date(Y, 1, 1)
    agreement.save()
    # The rate changes halfway August: that month is added up day by day.
    for start, end, rate in (
        (datetime.date(Y, 1, 1), datetime.date(Y, 8, 14), Decimal("5.55")),
        (datetime.date(Y, 8, 15), datetime.date(Y + 1, 12, 31), Decimal("5.60")),
    ):
        AllowanceAgreementFactory(
            burgerbaner=burgerbaner, start_date=start, end_date=end, hourly_rate=rate
        )

    def log(day, amount, corrects=None):
        hours.log_hours(
            burgerbaner,
            by=burgerbaner.user,
            agreement=agreement,
            date=day,
            hours=Decimal(amount),
            description="Werk",
            is_correction=corrects is not None,
            correction_reason="Verkeerd geteld" if corrects else "",
            corrects_date=corrects,
        )

    log(datetime.date(Y, 3, 3), "10")
    log(datetime.date(Y, 4, 7), "4")
    log(datetime.date(Y, 4, 8), "-2", corrects=datetime.date(Y, 3, 3))
    log(datetime.date(Y, 4, 9), "1.5", corrects=datetime.date(Y, 3, 4))
    log(datetime.date(Y, 5, 5), "3")
    log(datetime.date(Y, 5, 6), "1", corrects=datetime.date(Y, 2, 3))
    log(datetime.date(Y, 6, 2), "0.75", corrects=datetime.date(Y, 5, 5))  # only a correction
    log(datetime.date(Y, 7, 3), "2")
    log(datetime.date(Y, 8, 10), "3")
    log(datetime.date(Y, 8, 20), "2.25")
    log(datetime.date(Y, 8, 25), "1", corrects=datetime.date(Y, 7, 3))
    log(datetime.date(Y, 9, 2), "-1", corrects=datetime.date(Y, 8, 12))
    log(datetime.date(Y, 9, 3), "5")
    log(datetime.date(Y, 10, 6), "2")
    log(datetime.date(Y, 10, 7), "-0.5", corrects=datetime.date(Y, 9, 3))
    log(datetime.date(Y, 12, 1), "2")
    log(datetime.date(Y + 1, 1, 5), "1", corrects=datetime.date(Y, 12, 1))
    log(datetime.date(Y + 1, 1, 6), "3")

    sheets = {t.month: t for t in Timesheet.objects.filter(burgerbaner=burgerbaner)}
    for month, steps in (
        (datetime.date(Y, 3, 1), 3),
        (datetime.date(Y, 4, 1), 3),
        (datetime.date(Y, 5, 1), 1),
        (datetime.date(Y, 6, 1), 3),
        (datetime.date(Y, 7, 1), 3),
        (datetime.date(Y, 8, 1), 3),
        (datetime.date(Y, 9, 1), 2),
        (datetime.date(Y, 12, 1), 3),
        (datetime.date(Y + 1, 1, 1), 3),
    ):
        timesheet = sheets[month]
        hours.submit_timesheet(timesheet, by=burgerbaner.user)
        if steps > 1:
            hours.approve_timesheet(timesheet, by=coordinator)
        if steps > 2:
            hours.countersign_timesheet(timesheet, by=signer)
    # October stays open.

    overview = cap.overview(burgerbaner, Y, 12)
    earned, pending = entry_by_entry(burgerbaner, Y)
    assert overview.earned_by_month == earned
    assert overview.pending_by_month == pending
    # Spot checks by hand: March 10 - 2 + 1,5 hours at 5,55; December 2 + 1 at 5,60.
    assert overview.earned_by_month[3] == Decimal("52.73")
    assert overview.earned_by_month[12] == Decimal("16.80")
    # May's own hours wait (handed in only); its correction of a signed month counts signed.
    assert overview.pending_by_month[5] == Decimal("16.65")
    assert overview.earned_by_month[5] == Decimal("4.16")


def test_money_of_many_people_takes_the_same_queries_however_many_hours(
    burgerbaner, coordinator, signer, django_assert_max_num_queries
):
    year_rules(Y)
    agreement = burgerbaner.volunteeragreements.get()
    agreement.start_date = datetime.date(Y, 1, 1)
    agreement.save()
    AllowanceAgreementFactory(
        burgerbaner=burgerbaner,
        start_date=datetime.date(Y, 1, 1),
        end_date=datetime.date(Y, 12, 31),
        hourly_rate=Decimal("5.60"),
    )
    for month in (2, 3):
        for day in range(2, 20):
            hours.log_hours(
                burgerbaner,
                by=burgerbaner.user,
                agreement=agreement,
                date=datetime.date(Y, month, day),
                hours=Decimal("1"),
                description="Werk",
            )
    timesheet = Timesheet.objects.get(burgerbaner=burgerbaner, month=datetime.date(Y, 2, 1))
    hours.submit_timesheet(timesheet, by=burgerbaner.user)
    hours.approve_timesheet(timesheet, by=coordinator)
    hours.countersign_timesheet(timesheet, by=signer)
    with django_assert_max_num_queries(10):
        overview = cap.overview(burgerbaner, Y, 3)
    assert overview.earned_by_month == {2: Decimal("100.80")}
    assert overview.pending_by_month == {3: Decimal("100.80")}
