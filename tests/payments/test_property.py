"""Property: whatever happens, nobody is paid over a maximum, and nothing payable vanishes.

Random sequences of signed hours, gifts, travel costs, opening balances,
proposals, approvals (also twice), bank runs, returns and two years.
"""

import datetime
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hours.models import HourEntry, Timesheet, TimesheetStatus
from payments import cap, services
from payments.errors import PaymentError
from payments.models import Payment, PaymentStatus
from tests.factories import (
    AllowanceAgreementFactory,
    BurgerbanerFactory,
    OrganisationFactory,
    VolunteerAgreementFactory,
    year_rules,
)

pytestmark = pytest.mark.django_db

YEARS = (2024, 2025)
money = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("400"), places=2)
month = st.integers(min_value=1, max_value=12)
year = st.sampled_from(YEARS)
operation = st.one_of(
    st.tuples(st.just("hours"), year, month, st.integers(min_value=1, max_value=60)),
    st.tuples(st.just("gift"), year, month, money),
    st.tuples(st.just("travel"), year, month, money),
    st.tuples(
        st.just("opening"),
        year,
        st.decimals(min_value=Decimal("0.01"), max_value=Decimal("2500"), places=2),
    ),
    st.tuples(st.just("approve"), year, month),
    st.tuples(st.just("approve"), year, month),  # approvals come twice as often
    st.tuples(st.just("bank")),
    st.tuples(st.just("return"), st.integers(min_value=0, max_value=20)),
)


def signed_hours(burgerbaner, agreement, y, m, quarters):
    """Hours that arrive countersigned (the hours app's own rules are tested there)."""
    # A signed month never reopens: more hours of that month come on the timesheet of
    # another non-profit, as when someone stacks hours at several.
    timesheet = Timesheet.objects.create(
        burgerbaner=burgerbaner,
        organisation=OrganisationFactory(),
        month=datetime.date(y, m, 1),
    )
    HourEntry.objects.create(
        timesheet=timesheet,
        agreement=agreement,
        date=datetime.date(y, m, 1 + quarters % 28),
        hours=Decimal(quarters) / 4,
        description="werk",
    )
    for status in (
        TimesheetStatus.SUBMITTED,
        TimesheetStatus.APPROVED,
        TimesheetStatus.COUNTERSIGNED,
    ):
        # Handing in fixes the month's total, as submitting does.
        Timesheet.objects.filter(pk=timesheet.pk).update(
            status=status, total_hours=Decimal(quarters) / 4
        )


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(operations=st.lists(operation, min_size=1, max_size=25))
def test_nobody_is_ever_paid_over_a_maximum(treasurer, operations):
    for y in YEARS:
        year_rules(y, hourly_maximum=Decimal("5.60"))
    OrganisationFactory(kind="foundation", iban="NL20INGB0001234567")
    person = BurgerbanerFactory()
    agreement = VolunteerAgreementFactory(burgerbaner=person, start_date=datetime.date(2024, 1, 1))
    for y in YEARS:
        AllowanceAgreementFactory(
            burgerbaner=person,
            start_date=datetime.date(y, 1, 1),
            end_date=datetime.date(y, 12, 31),
            hourly_rate=Decimal("5.60"),
        )

    # An opening balance is what was received before joining: it is known first.
    for op in sorted(operations, key=lambda op: op[0] != "opening"):
        kind = op[0]
        try:
            if kind == "hours":
                signed_hours(person, agreement, op[1], op[2], op[3])
            elif kind in ("gift", "travel"):
                services.register_extra(
                    person,
                    date=datetime.date(op[1], op[2], 15),
                    kind=kind,
                    amount=op[3],
                    description=kind,
                    by=treasurer,
                )
            elif kind == "opening":
                services.set_opening_balance(
                    person, year=op[1], amount=op[2], note="", by=treasurer
                )
            elif kind == "approve":
                services.approve_month(person, op[1], op[2], by=treasurer)
            elif kind == "bank":
                batch = services.create_batch(by=treasurer)
                services.mark_batch_paid(
                    batch, execution_date=datetime.date(2025, 12, 31), by=treasurer
                )
            elif kind == "return":
                paid = list(Payment.objects.filter(burgerbaner=person, status=PaymentStatus.PAID))
                if paid:
                    services.mark_returned(paid[op[1] % len(paid)], reason="terug", by=treasurer)
        except PaymentError:
            pass

    for y in YEARS:
        overview = cap.overview(person, y, 1)
        rules = overview.rules
        counted = Payment.objects.filter(burgerbaner=person, year=y).exclude(
            status=PaymentStatus.RETURNED
        )
        total = sum((p.amount for p in counted), Decimal("0"))
        assert total + overview.opening <= max(rules.annual_maximum, overview.opening)
        assert total == overview.approved_year
        for m in range(1, 13):
            in_month = sum((p.amount for p in counted if p.month == m), Decimal("0"))
            assert in_month <= rules.monthly_maximum
            proposal = overview.proposal(m)
            # every euro signed is approved, or payable: proposed now or held with a reason
            assert overview.signed(m) == in_month + proposal.payable
            assert proposal.payable == proposal.proposed + proposal.held
            assert not proposal.held or proposal.reason
