"""The one calculation of allowance, gifts and travel costs against the legal maxima.

Every page that shows money or headroom uses this module: the hours page, the
treasurer's proposal, the approval itself, payment specifications and reports.

Rules
- The allowance of a month is the sum over that month's hours of hours × the
  hourly rate of the allowance agreement in force on that day, rounded half-up
  to the cent once per person per month.
- "Signed" money of a month: allowance of countersigned hours plus the gifts and
  travel costs registered for that month. "Pending": allowance of hours not yet
  countersigned.
- An opening balance (paid earlier in the year outside this system) counts
  toward the annual maximum.
- Approved payments that were not returned by the bank count against the
  maxima; a month never gets more than the monthly maximum, a year never more
  than the annual maximum less the opening balance. What is payable but does
  not fit is held, with the reason.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q, Sum
from django.utils.translation import gettext as _

from agreements.models import AllowanceAgreement
from burgerbaan.money import round_cents
from payments.models import Extra, OpeningBalance, Payment, PaymentStatus
from rules.models import YearRules

ZERO = Decimal("0.00")
Months = dict[int, Decimal]


@dataclass(frozen=True)
class Proposal:
    payable: Decimal
    proposed: Decimal
    held: Decimal
    reason: str


@dataclass(frozen=True)
class Overview:
    """Money of one person in one year, with one month in focus."""

    year: int
    month: int
    rules: YearRules | None
    earned_by_month: Months = field(default_factory=dict)
    pending_by_month: Months = field(default_factory=dict)
    extras_by_month: Months = field(default_factory=dict)
    approved_by_month: Months = field(default_factory=dict)
    paid_by_month: Months = field(default_factory=dict)
    opening: Decimal = ZERO

    # --- per month ---------------------------------------------------------------------

    def signed(self, month: int) -> Decimal:
        return self.earned_by_month.get(month, ZERO) + self.extras_by_month.get(month, ZERO)

    def pending(self, month: int) -> Decimal:
        return self.pending_by_month.get(month, ZERO)

    def approved(self, month: int) -> Decimal:
        return self.approved_by_month.get(month, ZERO)

    def paid(self, month: int) -> Decimal:
        return self.paid_by_month.get(month, ZERO)

    def payable(self, month: int) -> Decimal:
        """Signed money of ``month`` not yet approved for payment."""
        return max(ZERO, self.signed(month) - self.approved(month))

    def headroom_in_month(self, month: int) -> Decimal | None:
        if self.rules is None:
            return None
        return max(ZERO, self.rules.monthly_maximum - self.approved(month))

    def proposal(self, month: int | None = None) -> Proposal:
        """What to pay for ``month`` now: all that is payable, up to both maxima."""
        month = month or self.month
        payable = self.payable(month)
        if self.rules is None:
            return Proposal(
                payable,
                ZERO,
                payable,
                _("voor %(year)s zijn nog geen jaarregels ingevoerd") % {"year": self.year},
            )
        room_month = self.headroom_in_month(month)
        room_year = self.headroom_year
        proposed = min(payable, room_month, room_year)
        held = payable - proposed
        reason = ""
        if held:
            reason = (
                _("jaarmaximum van %(max)s bereikt")
                if room_year < room_month
                else _("maandmaximum van %(max)s bereikt")
            ) % {
                "max": _euro(
                    self.rules.annual_maximum
                    if room_year < room_month
                    else self.rules.monthly_maximum
                )
            }
        return Proposal(payable, proposed, held, reason)

    # --- the month in focus (for templates) --------------------------------------------

    @property
    def signed_month(self) -> Decimal:
        return self.signed(self.month)

    @property
    def pending_month(self) -> Decimal:
        return self.pending(self.month)

    @property
    def monthly_maximum(self) -> Decimal | None:
        return self.rules.monthly_maximum if self.rules else None

    @property
    def annual_maximum(self) -> Decimal | None:
        return self.rules.annual_maximum if self.rules else None

    @property
    def left_month(self) -> Decimal | None:
        """Room left this month for everything signed or still waiting."""
        if self.rules is None:
            return None
        return max(ZERO, self.rules.monthly_maximum - self.signed_month - self.pending_month)

    # --- the year ----------------------------------------------------------------------

    @property
    def signed_year(self) -> Decimal:
        return sum((self.signed(m) for m in range(1, 13)), ZERO)

    @property
    def pending_year(self) -> Decimal:
        return sum(self.pending_by_month.values(), ZERO)

    @property
    def approved_year(self) -> Decimal:
        return sum(self.approved_by_month.values(), ZERO)

    @property
    def paid_year(self) -> Decimal:
        return sum(self.paid_by_month.values(), ZERO)

    @property
    def approved_unpaid_year(self) -> Decimal:
        return self.approved_year - self.paid_year

    @property
    def received_year(self) -> Decimal:
        """Everything that counts toward the annual maximum as paid or approved."""
        return self.opening + self.approved_year

    @property
    def over_annual_maximum(self) -> Decimal:
        """How far what counts as received this year is over the annual maximum."""
        if self.rules is None:
            return ZERO
        return max(ZERO, self.received_year - self.rules.annual_maximum)

    @property
    def headroom_year(self) -> Decimal | None:
        if self.rules is None:
            return None
        return max(ZERO, self.rules.annual_maximum - self.opening - self.approved_year)

    @property
    def left_year(self) -> Decimal | None:
        """Room left this year for everything signed or still waiting."""
        if self.rules is None:
            return None
        return max(
            ZERO,
            self.rules.annual_maximum - self.opening - self.signed_year - self.pending_year,
        )

    def over_after(self, extra: Decimal, month: int | None = None) -> tuple[Decimal, Decimal]:
        """How far ``extra`` more money in ``month`` would go over the monthly and the
        annual maximum (zero when it stays within)."""
        if self.rules is None:
            return ZERO, ZERO
        month = month or self.month
        month_total = self.signed(month) + self.pending(month) + extra
        year_total = self.opening + self.signed_year + self.pending_year + extra
        return (
            max(ZERO, month_total - self.rules.monthly_maximum),
            max(ZERO, year_total - self.rules.annual_maximum),
        )


def _euro(amount: Decimal) -> str:
    from burgerbaan.money import format_euro

    return format_euro(amount)


# --- building overviews ----------------------------------------------------------------


def allowance_agreements(burgerbaner, year: int) -> list[AllowanceAgreement]:
    return list(
        AllowanceAgreement.objects.in_force_on_any_day_of(year)
        .filter(burgerbaner=burgerbaner)
        .select_related("burgerbaner")
    )


def rate_on(agreements: Iterable[AllowanceAgreement], day: datetime.date) -> Decimal:
    """The hourly rate on ``day``; zero when no allowance agreement is in force."""
    for agreement in agreements:
        if agreement.is_in_force_on(day):
            return agreement.rate_on(day)
    return ZERO


def amount_for(agreements, day: datetime.date, hours: Decimal) -> Decimal:
    return hours * rate_on(agreements, day)


def _months_with_a_rate_change(agreements: list[AllowanceAgreement], year: int) -> set[int]:
    """Months of ``year`` in which the hourly rate is not the same on every day."""
    changes = set()
    for agreement in agreements:
        days = [agreement.start_date]
        last = min(d for d in (agreement.end_date, agreement.ended_on, datetime.date.max) if d)
        if last < datetime.date.max:
            days.append(last + datetime.timedelta(days=1))
        if agreement.hourly_rate_from_21:
            days.append(agreement.burgerbaner.twenty_first_birthday())
        changes.update(d.month for d in days if d.year == year and d.day != 1)
    return changes


def overviews(burgerbaner_ids: Iterable[int], year: int, month: int) -> dict[int, Overview]:
    """Overviews of many people at once, in a fixed number of queries."""
    from hours.models import HourEntry, TimesheetStatus

    ids = list(burgerbaner_ids)
    agreements: dict[int, list[AllowanceAgreement]] = defaultdict(list)
    for agreement in (
        AllowanceAgreement.objects.in_force_on_any_day_of(year)
        .filter(burgerbaner_id__in=ids)
        .select_related("burgerbaner")
    ):
        agreements[agreement.burgerbaner_id].append(agreement)

    earned: dict[int, Months] = defaultdict(lambda: defaultdict(lambda: ZERO))
    pending: dict[int, Months] = defaultdict(lambda: defaultdict(lambda: ZERO))

    def add(person: int, day: datetime.date, hours: Decimal, status: str) -> None:
        target = earned if status == TimesheetStatus.COUNTERSIGNED else pending
        target[person][day.month] += amount_for(agreements[person], day, hours)

    # Hours summed per person, month and status in the database; the rate is the
    # same on every day of a month unless an agreement or a 21st birthday starts
    # or stops inside it. Those few months are summed per day instead.
    mixed = {
        (person, month_)
        for person in ids
        for month_ in _months_with_a_rate_change(agreements[person], year)
    }
    entries = HourEntry.objects.filter(timesheet__burgerbaner_id__in=ids, date__year=year)
    for person, month_, status, hours in (
        entries.values_list("timesheet__burgerbaner_id", "date__month", "timesheet__status")
        .annotate(total=Sum("hours"))
        .order_by()
    ):
        if (person, month_) not in mixed:
            add(person, datetime.date(year, month_, 1), hours, status)
    pairs = sorted(mixed)
    for start in range(0, len(pairs), 200):
        chunk = Q()
        for person, month_ in pairs[start : start + 200]:
            chunk |= Q(timesheet__burgerbaner_id=person, date__month=month_)
        for person, day, status, hours in (
            entries.filter(chunk)
            .values_list("timesheet__burgerbaner_id", "date", "timesheet__status")
            .annotate(total=Sum("hours"))
            .order_by()
        ):
            add(person, day, hours, status)

    extras: dict[int, Months] = defaultdict(dict)
    for person, month_, total in (
        Extra.objects.filter(burgerbaner_id__in=ids, date__year=year)
        .values_list("burgerbaner_id", "date__month")
        .annotate(total=Sum("amount"))
    ):
        extras[person][month_] = total

    approved: dict[int, Months] = defaultdict(lambda: defaultdict(lambda: ZERO))
    paid: dict[int, Months] = defaultdict(lambda: defaultdict(lambda: ZERO))
    for person, month_, status, total in (
        Payment.objects.filter(burgerbaner_id__in=ids, year=year)
        .exclude(status=PaymentStatus.RETURNED)
        .values_list("burgerbaner_id", "month", "status")
        .annotate(total=Sum("amount"))
    ):
        approved[person][month_] += total
        if status == PaymentStatus.PAID:
            paid[person][month_] += total

    opening = dict(
        OpeningBalance.objects.filter(burgerbaner_id__in=ids, year=year)
        .values_list("burgerbaner_id")
        .annotate(total=Sum("amount"))
    )
    rules = YearRules.objects.filter(year=year).first()
    return {
        person: Overview(
            year=year,
            month=month,
            rules=rules,
            earned_by_month={m: round_cents(v) for m, v in earned[person].items()},
            pending_by_month={m: round_cents(v) for m, v in pending[person].items()},
            extras_by_month=dict(extras[person]),
            approved_by_month=dict(approved[person]),
            paid_by_month=dict(paid[person]),
            opening=opening.get(person, ZERO),
        )
        for person in ids
    }


def overview(burgerbaner, year: int, month: int) -> Overview:
    """The money of ``burgerbaner`` in ``year``, with ``month`` in focus."""
    return overviews([burgerbaner.pk], year, month)[burgerbaner.pk]


def over_after_hours(burgerbaner, day: datetime.date, hours: Decimal) -> tuple[Decimal, Decimal]:
    """How far ``hours`` more on ``day`` go over the monthly and the annual maximum."""
    month = overview(burgerbaner, day.year, day.month)
    extra = amount_for(allowance_agreements(burgerbaner, day.year), day, hours)
    return month.over_after(extra, day.month)
