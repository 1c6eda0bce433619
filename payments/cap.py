"""The one calculation of allowance against the legal maxima.

Used by the hours pages (and later payments, statements and reports): never
compute headroom anywhere else.

Rule: the allowance of a month is the sum over that month's hours of
hours × the hourly rate of the allowance agreement in force on that day,
rounded half-up to the cent once per person per month. "Signed" counts
countersigned timesheets; "pending" counts hours not yet countersigned.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from accounts.models import Burgerbaner
from agreements.models import AllowanceAgreement
from burgerbaan.money import round_cents
from payments.models import YearRules

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class Overview:
    """Allowance of one person in one year, and in one month of it."""

    year: int
    month: int
    rules: YearRules | None
    signed_by_month: dict[int, Decimal] = field(default_factory=dict)
    pending_by_month: dict[int, Decimal] = field(default_factory=dict)

    @property
    def signed_month(self) -> Decimal:
        return self.signed_by_month.get(self.month, ZERO)

    @property
    def pending_month(self) -> Decimal:
        return self.pending_by_month.get(self.month, ZERO)

    @property
    def signed_year(self) -> Decimal:
        return sum(self.signed_by_month.values(), ZERO)

    @property
    def pending_year(self) -> Decimal:
        return sum(self.pending_by_month.values(), ZERO)

    @property
    def monthly_maximum(self) -> Decimal | None:
        return self.rules.monthly_maximum if self.rules else None

    @property
    def annual_maximum(self) -> Decimal | None:
        return self.rules.annual_maximum if self.rules else None

    @property
    def left_month(self) -> Decimal | None:
        if self.rules is None:
            return None
        return max(ZERO, self.monthly_maximum - self.signed_month - self.pending_month)

    @property
    def left_year(self) -> Decimal | None:
        if self.rules is None:
            return None
        return max(ZERO, self.annual_maximum - self.signed_year - self.pending_year)

    def over_after(self, extra: Decimal, month: int | None = None) -> tuple[Decimal, Decimal]:
        """How far ``extra`` more allowance in ``month`` would go over the monthly and
        the annual maximum (zero when it stays within)."""
        if self.rules is None:
            return ZERO, ZERO
        month = month or self.month
        month_total = (
            self.signed_by_month.get(month, ZERO) + self.pending_by_month.get(month, ZERO) + extra
        )
        year_total = self.signed_year + self.pending_year + extra
        return (
            max(ZERO, month_total - self.monthly_maximum),
            max(ZERO, year_total - self.annual_maximum),
        )


def allowance_agreements(burgerbaner: Burgerbaner, year: int) -> list[AllowanceAgreement]:
    return list(
        AllowanceAgreement.objects.in_force_on_any_day_of(year).filter(burgerbaner=burgerbaner)
    )


def rate_on(agreements: list[AllowanceAgreement], day: datetime.date) -> Decimal:
    """The hourly rate on ``day``; zero when no allowance agreement is in force."""
    for agreement in agreements:
        if agreement.is_in_force_on(day):
            return agreement.rate_on(day)
    return ZERO


def amount_for(agreements: list[AllowanceAgreement], day: datetime.date, hours: Decimal) -> Decimal:
    return hours * rate_on(agreements, day)


def overview(burgerbaner: Burgerbaner, year: int, month: int) -> Overview:
    """The allowance of ``burgerbaner`` in ``year``, with ``month`` in focus.

    Three queries, whatever the number of hours.
    """
    from hours.models import HourEntry, TimesheetStatus

    agreements = allowance_agreements(burgerbaner, year)
    signed: dict[int, Decimal] = defaultdict(lambda: ZERO)
    pending: dict[int, Decimal] = defaultdict(lambda: ZERO)
    entries = HourEntry.objects.filter(
        timesheet__burgerbaner=burgerbaner, date__year=year
    ).values_list("date", "hours", "timesheet__status")
    for day, hours, status in entries:
        target = signed if status == TimesheetStatus.COUNTERSIGNED else pending
        target[day.month] += amount_for(agreements, day, hours)
    return Overview(
        year=year,
        month=month,
        rules=YearRules.objects.filter(year=year).first(),
        signed_by_month={m: round_cents(v) for m, v in signed.items()},
        pending_by_month={m: round_cents(v) for m, v in pending.items()},
    )
