"""Property: over random money histories, every page tells the same story, and money above
a monthly maximum never counts toward the annual one.

Hours signed and waiting in several months, corrections of earlier days, a rate change
halfway the year, a 21st birthday, gifts, travel costs, allowances from elsewhere, an
opening balance, approvals, bank runs and returns.
"""

import datetime
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hours.models import HourEntry, Timesheet, TimesheetStatus
from payments import cap, services
from payments.errors import PaymentError
from payments.models import Payment
from payments.pdf import specification
from reports.statements import statement
from tests.factories import (
    AllowanceAgreementFactory,
    BurgerbanerFactory,
    OrganisationFactory,
    VolunteerAgreementFactory,
    year_rules,
)

pytestmark = pytest.mark.django_db

Y = 2025
ZERO = Decimal("0.00")
money = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("300"), places=2)
month = st.integers(min_value=1, max_value=12)
status = st.sampled_from([TimesheetStatus.COUNTERSIGNED, TimesheetStatus.SUBMITTED])
operation = st.one_of(
    st.tuples(st.just("hours"), month, st.integers(min_value=1, max_value=80), status),
    st.tuples(st.just("correction"), month, st.integers(min_value=-8, max_value=40), st.just(None)),
    st.tuples(st.just("gift"), month, money),
    st.tuples(st.just("travel"), month, money),
    st.tuples(st.just("elsewhere"), month, money),
    st.tuples(st.just("approve"), month),
    st.tuples(st.just("approve"), month),
    st.tuples(st.just("bank")),
    st.tuples(st.just("return"), st.integers(min_value=0, max_value=20)),
)
rate = st.sampled_from([Decimal("3.00"), Decimal("5.00"), Decimal("5.60"), Decimal("6.50")])


def hours_on(person, agreement, day, quarters, state, corrects=None):
    timesheet = Timesheet.objects.create(
        burgerbaner=person, organisation=OrganisationFactory(), month=day.replace(day=1)
    )
    HourEntry.objects.create(
        timesheet=timesheet,
        agreement=agreement,
        date=day,
        hours=Decimal(quarters) / 4,
        description="werk",
        is_correction=corrects is not None,
        correction_reason="verbetering" if corrects else "",
        corrects_date=corrects,
    )
    # Step by step, as the sign-off goes: PostgreSQL refuses a jump from open to countersigned.
    for step in STEPS[: STEPS.index(state) + 1]:
        # Handing in fixes the month's total, as submitting does.
        Timesheet.objects.filter(pk=timesheet.pk).update(
            status=step, total_hours=Decimal(quarters) / 4
        )


STEPS = [TimesheetStatus.SUBMITTED, TimesheetStatus.APPROVED, TimesheetStatus.COUNTERSIGNED]


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    operations=st.lists(operation, min_size=1, max_size=18),
    first_rate=rate,
    second_rate=rate,
    turns_21_on=st.one_of(st.none(), st.dates(datetime.date(Y, 1, 2), datetime.date(Y, 12, 31))),
    opening=st.one_of(st.none(), st.decimals(min_value=1, max_value=2300, places=2)),
)
def test_every_page_tells_the_same_story(
    admin_user, treasurer, operations, first_rate, second_rate, turns_21_on, opening
):
    rules = year_rules(Y)
    OrganisationFactory(kind="foundation", iban="NL20INGB0001234567")
    born = (
        turns_21_on.replace(year=Y - 21)
        if turns_21_on and not (turns_21_on.month == 2 and turns_21_on.day == 29)
        else datetime.date(1980, 1, 1)
    )
    person = BurgerbanerFactory(date_of_birth=born)
    agreement = VolunteerAgreementFactory(burgerbaner=person, start_date=datetime.date(Y, 1, 1))
    for start, end, hourly in (
        (datetime.date(Y, 1, 1), datetime.date(Y, 6, 30), first_rate),
        (datetime.date(Y, 7, 1), datetime.date(Y, 12, 31), second_rate),
    ):
        AllowanceAgreementFactory(
            burgerbaner=person,
            start_date=start,
            end_date=end,
            hourly_rate=hourly,
            hourly_rate_from_21=Decimal("5.60") if turns_21_on else None,
        )
    if opening:
        services.set_opening_balance(person, year=Y, amount=opening, note="", by=treasurer)

    for op in operations:
        kind = op[0]
        try:
            if kind == "hours":
                hours_on(person, agreement, datetime.date(Y, op[1], 1 + op[2] % 28), op[2], op[3])
            elif kind == "correction" and op[2]:
                corrected = datetime.date(Y, op[1], 1 + abs(op[2]) % 28)
                written = datetime.date(Y + (op[1] == 12), op[1] % 12 + 1, 10)
                hours_on(
                    person, agreement, written, op[2], TimesheetStatus.COUNTERSIGNED, corrected
                )
            elif kind in ("gift", "travel"):
                services.register_extra(
                    person,
                    date=datetime.date(Y, op[1], 15),
                    kind=kind,
                    amount=op[2],
                    description=kind,
                    by=treasurer,
                )
            elif kind == "elsewhere":
                services.record_elsewhere(
                    person,
                    organisation_name="Elders",
                    month=datetime.date(Y, op[1], 1),
                    amount=op[2],
                    by=admin_user,
                )
            elif kind == "approve":
                services.approve_month(person, Y, op[1], by=treasurer)
            elif kind == "bank":
                batch = services.create_batch(by=treasurer)
                services.mark_batch_paid(
                    batch, execution_date=datetime.date(Y, 12, 31), by=treasurer
                )
            elif kind == "return":
                paid = list(Payment.objects.filter(burgerbaner=person, status="paid"))
                if paid:
                    services.mark_returned(paid[op[1] % len(paid)], reason="terug", by=treasurer)
        except PaymentError:
            pass

    dashboard = cap.overview(person, Y, 12)
    monthly, annual = rules.monthly_maximum, rules.annual_maximum
    fits_at_most = dashboard.opening
    for story in dashboard.months:
        m = story.month
        # money over a monthly maximum never counts: the month counts at most its maximum
        assert story.approved + story.to_pay <= max(
            story.approved, monthly - story.counted_elsewhere
        )
        fits_at_most += min(monthly, story.counted_elsewhere + max(ZERO, story.signed))
        # earned → counted (approved or to pay) → not paid, nothing lost on the way
        if story.approved <= story.signed:
            assert story.signed == story.approved + story.to_pay + story.not_paid
        proposal = dashboard.proposal(m)
        assert proposal.payable == proposal.proposed + proposal.held
        assert proposal.proposed <= story.to_pay
        assert not proposal.held or proposal.reason
    assert dashboard.counted_year <= max(fits_at_most, dashboard.received_year)
    assert dashboard.counted_year <= max(annual, dashboard.received_year)
    assert dashboard.counted_year == (
        dashboard.opening
        + dashboard.counted_elsewhere_year
        + dashboard.approved_year
        + dashboard.to_pay_year
    )

    year = statement(person, Y)
    assert year["counted"] == dashboard.counted_year
    assert year["total_paid"] == dashboard.paid_year
    assert year["not_paid"] == dashboard.not_paid_year
    for payment in Payment.objects.filter(burgerbaner=person):
        assert payment.amount <= monthly
        spec = specification(payment)
        assert spec["overview"].left_year == cap.overview(person, Y, payment.month).left_year
        assert spec["overview"].counted_year == dashboard.counted_year
        assert spec["story"] == dashboard.story(payment.month)
