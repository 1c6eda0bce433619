"""The one calculation of allowance, gifts and travel costs against the legal maxima.

Every page and PDF that shows money uses this module: the dashboard, the hours
page, the payments page, the payment specification, the yearly statement, the
treasurer's proposal, the approval itself and the year report. They all tell
the same story, per month:

earned → counts toward the maximum → paid or still to pay → not paid because it
is over a maximum; and apart from that, money that is waiting (hours not yet
approved by both, or a year without rules).

Rules
- The allowance of a month is the sum over that month's hours of hours × the
  hourly rate on the day of the work, rounded half-up to the cent once per
  person per month. The rate is the allowance agreement's, but never more than
  the legal hourly maximum for the person's age on that day: what lies above
  is not paid. A correction counts on the day it corrects, not in the month it
  is written.
- "Signed" money of a month: allowance of countersigned hours plus the gifts and
  travel costs registered for that month. "Waiting": allowance of hours not yet
  countersigned.
- Allowances from elsewhere count first, in their month: they were paid already.
- A month counts toward the annual maximum with at most the monthly maximum;
  what is over a monthly maximum is never paid and never counts toward the year.
- An opening balance (paid earlier in the year outside this system) counts
  toward the annual maximum.
- Approved payments that were not returned count as they are. What still fits
  in the year is given to the unpaid months in calendar order; the rest is not
  paid because it is over the annual maximum.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_CEILING, Decimal
from functools import cached_property

from django.db.models import Q, Sum
from django.db.models.functions import Coalesce, ExtractMonth
from django.utils import timezone
from django.utils.translation import gettext as _

from agreements.models import AllowanceAgreement
from burgerbaan.money import round_cents
from payments.models import ElsewhereAllowance, Extra, OpeningBalance, Payment, PaymentStatus
from rules.models import YearRules

ZERO = Decimal("0.00")
Months = dict[int, Decimal]


@dataclass(frozen=True)
class Proposal:
    payable: Decimal
    proposed: Decimal
    held: Decimal
    reason: str
    over_month: Decimal = ZERO
    over_year: Decimal = ZERO
    above_rate: Decimal = ZERO


@dataclass(frozen=True)
class MonthStory:
    """The money of one month, from earned to paid or not paid."""

    month: int
    allowance: Decimal
    extras: Decimal
    elsewhere: Decimal
    waiting: Decimal
    above_rate: Decimal
    approved: Decimal
    paid: Decimal
    counted_elsewhere: Decimal
    over_month: Decimal
    over_year: Decimal
    to_pay: Decimal

    @property
    def signed(self) -> Decimal:
        return self.allowance + self.extras

    @property
    def counted(self) -> Decimal:
        """This pilot's money of the month that counts toward the maxima."""
        return self.approved + self.to_pay

    @property
    def not_paid(self) -> Decimal:
        return self.over_month + self.over_year

    @property
    def approved_unpaid(self) -> Decimal:
        return self.approved - self.paid

    @property
    def is_empty(self) -> bool:
        return not any((self.signed, self.elsewhere, self.waiting, self.approved, self.above_rate))


def _stories(
    rules: YearRules,
    opening: Decimal,
    signed: Months,
    waiting: Months,
    elsewhere: Months,
    approved: Months,
) -> tuple[list[tuple[Decimal, Decimal, Decimal, Decimal]], Decimal]:
    """Per month (counted elsewhere, over the monthly, over the annual, to pay), and
    what counts toward the annual maximum in all."""
    monthly, annual = rules.monthly_maximum, rules.annual_maximum
    fits, counted_elsewhere = {}, {}
    for m in range(1, 13):
        counted_elsewhere[m] = min(max(ZERO, elsewhere.get(m, ZERO)), monthly)
        ours = max(ZERO, signed.get(m, ZERO) + waiting.get(m, ZERO))
        # An approved payment was made and counts, even if money from elsewhere
        # reported later leaves less room in its month.
        fits[m] = max(approved.get(m, ZERO), min(ours, monthly - counted_elsewhere[m]))
    committed = opening + sum(counted_elsewhere.values(), ZERO) + sum(approved.values(), ZERO)
    free = max(ZERO, annual - committed)
    rows = []
    for m in range(1, 13):
        ours = max(ZERO, signed.get(m, ZERO) + waiting.get(m, ZERO))
        claim = max(ZERO, fits[m] - approved.get(m, ZERO))
        to_pay = min(claim, free)
        free -= to_pay
        rows.append((counted_elsewhere[m], max(ZERO, ours - fits[m]), claim - to_pay, to_pay))
    counted = committed + sum((r[3] for r in rows), ZERO)
    return rows, counted


@dataclass(frozen=True)
class Overview:
    """Money of one person in one year, with one month in focus."""

    year: int
    month: int
    rules: YearRules | None
    earned_by_month: Months = field(default_factory=dict)
    pending_by_month: Months = field(default_factory=dict)
    extras_by_month: Months = field(default_factory=dict)
    elsewhere_by_month: Months = field(default_factory=dict)
    above_rate_by_month: Months = field(default_factory=dict)
    approved_by_month: Months = field(default_factory=dict)
    paid_by_month: Months = field(default_factory=dict)
    opening: Decimal = ZERO

    # --- the story, month by month -----------------------------------------------------

    @cached_property
    def months(self) -> list[MonthStory]:
        signed = {m: self.signed(m) for m in range(1, 13)}
        if self.rules is None:
            rows = [(ZERO, ZERO, ZERO, ZERO)] * 12
        else:
            rows, _counted = _stories(
                self.rules,
                self.opening,
                signed,
                {},
                self.elsewhere_by_month,
                self.approved_by_month,
            )
        return [
            MonthStory(
                month=m,
                allowance=self.earned_by_month.get(m, ZERO),
                extras=self.extras_by_month.get(m, ZERO),
                elsewhere=self.elsewhere_by_month.get(m, ZERO),
                waiting=self.pending(m),
                above_rate=self.above_rate_by_month.get(m, ZERO),
                approved=self.approved(m),
                paid=self.paid(m),
                counted_elsewhere=rows[m - 1][0],
                over_month=rows[m - 1][1],
                over_year=rows[m - 1][2],
                to_pay=rows[m - 1][3] if self.rules else ZERO,
            )
            for m in range(1, 13)
        ]

    @property
    def story_months(self) -> list[MonthStory]:
        """The months with anything to tell, for tables."""
        return [s for s in self.months if not s.is_empty]

    def story(self, month: int | None = None) -> MonthStory:
        return self.months[(month or self.month) - 1]

    @cached_property
    def _with_waiting(self) -> tuple[list, Decimal]:
        """The story as it will be once all waiting hours are approved."""
        signed = {m: self.signed(m) for m in range(1, 13)}
        return _stories(
            self.rules,
            self.opening,
            signed,
            self.pending_by_month,
            self.elsewhere_by_month,
            self.approved_by_month,
        )

    # --- per month ---------------------------------------------------------------------

    def signed(self, month: int) -> Decimal:
        return self.earned_by_month.get(month, ZERO) + self.extras_by_month.get(month, ZERO)

    def pending(self, month: int) -> Decimal:
        return self.pending_by_month.get(month, ZERO)

    def approved(self, month: int) -> Decimal:
        return self.approved_by_month.get(month, ZERO)

    def paid(self, month: int) -> Decimal:
        return self.paid_by_month.get(month, ZERO)

    def elsewhere(self, month: int) -> Decimal:
        return self.elsewhere_by_month.get(month, ZERO)

    def payable(self, month: int) -> Decimal:
        """Signed money of ``month`` not yet approved for payment."""
        return max(ZERO, self.signed(month) - self.approved(month))

    def proposal(self, month: int | None = None) -> Proposal:
        """What to pay for ``month`` now: all that is payable, up to both maxima."""
        month = month or self.month
        payable = self.payable(month)
        if self.rules is None:
            return Proposal(
                payable,
                ZERO,
                payable,
                _("wacht: voor %(year)s zijn nog geen jaarregels ingevoerd") % {"year": self.year},
            )
        story = self.story(month)
        proposed = min(payable, story.to_pay)
        held = payable - proposed
        over_month = min(held, story.over_month)
        over_year = held - over_month
        reasons = []
        if over_month:
            reasons.append(
                _("%(amount)s niet uitbetaald: boven het maandmaximum van %(max)s")
                % {"amount": _euro(over_month), "max": _euro(self.rules.monthly_maximum)}
            )
        if over_year:
            reasons.append(
                _("%(amount)s niet uitbetaald: boven het jaarmaximum van %(max)s")
                % {"amount": _euro(over_year), "max": _euro(self.rules.annual_maximum)}
            )
        if story.above_rate:
            reasons.append(
                _(
                    "%(amount)s niet uitbetaald: het bedrag per uur was hoger dan het "
                    "uurmaximum voor de leeftijd"
                )
                % {"amount": _euro(story.above_rate)}
            )
        return Proposal(
            payable, proposed, held, "; ".join(reasons), over_month, over_year, story.above_rate
        )

    # --- the month in focus (for templates) --------------------------------------------

    @property
    def focus(self) -> MonthStory:
        return self.story(self.month)

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
    def counted_month(self) -> Decimal:
        """What counts toward this month's maximum: from elsewhere and from here."""
        story = self.focus
        return story.counted_elsewhere + story.counted

    @property
    def left_month(self) -> Decimal | None:
        """Room left this month, once everything signed or waiting is counted."""
        if self.rules is None:
            return None
        story = self.focus
        ours = max(story.approved, self.signed_month + self.pending_month)
        room = max(ZERO, self.rules.monthly_maximum - story.counted_elsewhere - ours)
        # A month never has more room than the year has left.
        return min(room, self.left_year)

    # --- the year ----------------------------------------------------------------------

    @property
    def signed_year(self) -> Decimal:
        return sum((self.signed(m) for m in range(1, 13)), ZERO)

    @property
    def earned_year(self) -> Decimal:
        """Everything earned here this year: signed and waiting."""
        return self.signed_year + self.pending_year

    @property
    def pending_year(self) -> Decimal:
        return sum(self.pending_by_month.values(), ZERO)

    @property
    def elsewhere_year(self) -> Decimal:
        return sum(self.elsewhere_by_month.values(), ZERO)

    @property
    def above_rate_year(self) -> Decimal:
        return sum(self.above_rate_by_month.values(), ZERO)

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
    def to_pay_year(self) -> Decimal:
        return sum((s.to_pay for s in self.months), ZERO)

    @property
    def over_month_year(self) -> Decimal:
        """Not paid this year because it was over a monthly maximum."""
        return sum((s.over_month for s in self.months), ZERO)

    @property
    def over_year_year(self) -> Decimal:
        """Not paid this year because it was over the annual maximum."""
        return sum((s.over_year for s in self.months), ZERO)

    @property
    def not_paid_year(self) -> Decimal:
        return self.over_month_year + self.over_year_year

    @property
    def counted_elsewhere_year(self) -> Decimal:
        return sum((s.counted_elsewhere for s in self.months), ZERO)

    @property
    def counted_year(self) -> Decimal:
        """Everything that counts toward the annual maximum: received before joining,
        from elsewhere and from here (approved or still to pay), each month at most
        its monthly maximum."""
        return self.opening + self.counted_elsewhere_year + self.approved_year + self.to_pay_year

    @property
    def received_year(self) -> Decimal:
        """What counts toward the annual maximum as received or approved."""
        return self.opening + self.counted_elsewhere_year + self.approved_year

    @property
    def over_annual_maximum(self) -> Decimal:
        """How far what counts as received this year is over the annual maximum."""
        if self.rules is None:
            return ZERO
        return max(ZERO, self.received_year - self.rules.annual_maximum)

    @property
    def headroom_year(self) -> Decimal | None:
        """Room left this year after what is approved or still to pay."""
        if self.rules is None:
            return None
        return max(ZERO, self.rules.annual_maximum - self.counted_year)

    @property
    def left_year(self) -> Decimal | None:
        """Room left this year, once everything signed or waiting is counted."""
        if self.rules is None:
            return None
        return max(ZERO, self.rules.annual_maximum - self._with_waiting[1])

    def over_after(self, extra: Decimal, month: int | None = None) -> tuple[Decimal, Decimal]:
        """How far everything signed or waiting plus ``extra`` more money in ``month``
        goes over the monthly and the annual maximum (zero when it stays within).
        Only what fits in a month counts toward the year."""
        if self.rules is None:
            return ZERO, ZERO
        month = month or self.month
        signed = {m: self.signed(m) for m in range(1, 13)}
        signed[month] += extra
        rows, counted = _stories(
            self.rules,
            self.opening,
            signed,
            self.pending_by_month,
            self.elsewhere_by_month,
            self.approved_by_month,
        )
        not_in_year = sum((row[2] for row in rows), ZERO)
        return rows[month - 1][1], max(ZERO, counted + not_in_year - self.rules.annual_maximum)

    # --- the pace ----------------------------------------------------------------------

    def fitting_in_month(self, month: int) -> Decimal:
        """What of ``month`` fits under its monthly maximum, from elsewhere and from here,
        waiting hours included."""
        counted_elsewhere, _over_month, over_year, to_pay = self._with_waiting[0][month - 1]
        return counted_elsewhere + self.approved(month) + to_pay + over_year

    @property
    def forecast(self) -> datetime.date | None:
        """The first day of the month the annual maximum is reached at today's pace."""
        month = self.forecast_month(timezone.localdate())
        return datetime.date(self.year, month, 1) if month else None

    def forecast_month(self, today: datetime.date) -> int | None:
        """The month in which, at the pace of the three months before ``today``'s, the
        annual maximum is reached; None when not this year (or already reached)."""
        if self.rules is None or today.year != self.year:
            return None
        left = self.rules.annual_maximum - self._with_waiting[1]
        recent = [m for m in range(today.month - 3, today.month) if m >= 1]
        if left <= 0 or not recent:
            return None
        pace = sum((self.fitting_in_month(m) for m in recent), ZERO) / len(recent)
        if pace <= 0:
            return None
        # Rounded up; the running month is the first of them.
        months_needed = int((left / pace).to_integral_value(rounding=ROUND_CEILING))
        reached = today.month + months_needed - 1
        return reached if reached <= 12 else None


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


def agreed_rate_on(agreements: Iterable[AllowanceAgreement], day: datetime.date) -> Decimal:
    """The hourly rate the agreement in force on ``day`` names; zero without one."""
    for agreement in agreements:
        if agreement.is_in_force_on(day):
            return agreement.rate_on(day)
    return ZERO


def rate_on(
    agreements: Iterable[AllowanceAgreement], day: datetime.date, rules: YearRules | None
) -> Decimal:
    """The hourly rate paid for work on ``day``: the agreed rate, but never more than the
    legal hourly maximum for the person's age on that day. The maximum is checked at
    every payment, so a corrected date of birth or a lowered maximum holds at once."""
    agreements = list(agreements)
    rate = agreed_rate_on(agreements, day)
    if rules is None or not rate:
        return rate
    age = agreements[0].burgerbaner.age_on(day)
    return min(rate, rules.hourly_maximum_for_age(age))


def amount_for(agreements, day: datetime.date, hours: Decimal, rules: YearRules | None) -> Decimal:
    return hours * rate_on(agreements, day, rules)


def _months_with_a_rate_change(agreements: list[AllowanceAgreement], year: int) -> set[int]:
    """Months of ``year`` in which the hourly rate is not the same on every day."""
    changes = set()
    for agreement in agreements:
        days = [agreement.start_date, agreement.burgerbaner.twenty_first_birthday()]
        last = min(d for d in (agreement.end_date, agreement.ended_on, datetime.date.max) if d)
        if last < datetime.date.max:
            days.append(last + datetime.timedelta(days=1))
        changes.update(d.month for d in days if d.year == year and d.day != 1)
    return changes


def overviews(burgerbaner_ids: Iterable[int], year: int, month: int) -> dict[int, Overview]:
    """Overviews of many people at once, in a fixed number of queries."""
    from hours.models import EDITABLE, HourEntry, Timesheet, TimesheetStatus

    ids = list(burgerbaner_ids)
    rules = YearRules.objects.filter(year=year).first()
    agreements: dict[int, list[AllowanceAgreement]] = defaultdict(list)
    for agreement in (
        AllowanceAgreement.objects.in_force_on_any_day_of(year)
        .filter(burgerbaner_id__in=ids)
        .select_related("burgerbaner")
        # The signed text of each agreement is kilobytes; the money needs only its rates.
        .defer("document_html")
    ):
        agreements[agreement.burgerbaner_id].append(agreement)

    earned: dict[int, Months] = defaultdict(lambda: defaultdict(lambda: ZERO))
    pending: dict[int, Months] = defaultdict(lambda: defaultdict(lambda: ZERO))
    above: dict[int, Months] = defaultdict(lambda: defaultdict(lambda: ZERO))

    def add(person: int, day: datetime.date, hours: Decimal, status: str) -> None:
        signed = status == TimesheetStatus.COUNTERSIGNED
        target = earned if signed else pending
        paid_rate = rate_on(agreements[person], day, rules)
        target[person][day.month] += hours * paid_rate
        if signed:
            above[person][day.month] += hours * (
                agreed_rate_on(agreements[person], day) - paid_rate
            )

    # Hours summed per person, month of work and status; the rate is the same on every
    # day of a month unless an agreement or a 21st birthday starts or stops inside it.
    # Those few months are summed per day from their entries instead. A correction
    # counts on the day it corrects.
    mixed = {
        (person, month_)
        for person in ids
        for month_ in _months_with_a_rate_change(agreements[person], year)
    }
    hours_of: dict[tuple[int, int, str], Decimal] = defaultdict(lambda: ZERO)

    def count(person: int, month_: int, status: str, hours: Decimal) -> None:
        if (person, month_) not in mixed:
            hours_of[person, month_, status] += hours

    # A month handed in keeps the sum of its entries (they are locked from then on):
    # a dozen months per person instead of hundreds of entries.
    for person, first_day, status, total in (
        Timesheet.objects.filter(burgerbaner_id__in=ids, month__year=year)
        .exclude(status__in=EDITABLE)
        .values_list("burgerbaner_id", "month", "status")
        .annotate(total=Sum("total_hours"))
        .order_by()
    ):
        count(person, first_day.month, status, total)
    entries = (
        HourEntry.objects.annotate(day_of_work=Coalesce("corrects_date", "date"))
        .annotate(work_month=ExtractMonth("day_of_work"))
        .filter(timesheet__burgerbaner_id__in=ids)
    )
    # The months still open (or rejected) have no fixed sum yet: their entries.
    for person, month_, status, hours in (
        entries.filter(timesheet__status__in=EDITABLE, day_of_work__year=year)
        .values_list("timesheet__burgerbaner_id", "work_month", "timesheet__status")
        .annotate(total=Sum("hours"))
        .order_by()
    ):
        count(person, month_, status, hours)
    # A correction in a month handed in counts on the day it corrects, not in the
    # month whose sum holds it.
    for person, status, day, written_in, hours in (
        entries.filter(corrects_date__isnull=False)
        .exclude(timesheet__status__in=EDITABLE)
        .filter(Q(corrects_date__year=year) | Q(timesheet__month__year=year))
        .values_list(
            "timesheet__burgerbaner_id", "timesheet__status", "corrects_date", "timesheet__month"
        )
        .annotate(total=Sum("hours"))
        .order_by()
    ):
        if day.year == year:
            count(person, day.month, status, hours)
        if written_in.year == year:
            count(person, written_in.month, status, -hours)
    for (person, month_, status), hours in hours_of.items():
        if hours:
            add(person, datetime.date(year, month_, 1), hours, status)
    pairs = sorted(mixed)
    for start in range(0, len(pairs), 200):
        chunk = Q()
        for person, month_ in pairs[start : start + 200]:
            chunk |= Q(timesheet__burgerbaner_id=person, work_month=month_)
        for person, day, status, hours in (
            entries.filter(chunk, day_of_work__year=year)
            .values_list("timesheet__burgerbaner_id", "day_of_work", "timesheet__status")
            .annotate(total=Sum("hours"))
            .order_by()
        ):
            add(person, day, hours, status)

    extras: dict[int, Months] = defaultdict(dict)
    for person, month_, total in (
        Extra.objects.filter(burgerbaner_id__in=ids, date__year=year)
        .values_list("burgerbaner_id", "date__month")
        .annotate(total=Sum("amount"))
        .order_by()
    ):
        extras[person][month_] = total

    elsewhere: dict[int, Months] = defaultdict(dict)
    for person, month_, total in (
        ElsewhereAllowance.objects.filter(burgerbaner_id__in=ids, month__year=year)
        .values_list("burgerbaner_id", "month__month")
        .annotate(total=Sum("amount"))
        .order_by()
    ):
        elsewhere[person][month_] = total

    approved: dict[int, Months] = defaultdict(lambda: defaultdict(lambda: ZERO))
    paid: dict[int, Months] = defaultdict(lambda: defaultdict(lambda: ZERO))
    for person, month_, status, total in (
        Payment.objects.filter(burgerbaner_id__in=ids, year=year)
        .exclude(status=PaymentStatus.RETURNED)
        .values_list("burgerbaner_id", "month", "status")
        .annotate(total=Sum("amount"))
        .order_by()
    ):
        approved[person][month_] += total
        if status == PaymentStatus.PAID:
            paid[person][month_] += total

    opening = dict(
        OpeningBalance.objects.filter(burgerbaner_id__in=ids, year=year)
        .values_list("burgerbaner_id")
        .annotate(total=Sum("amount"))
        .order_by()
    )
    return {
        person: Overview(
            year=year,
            month=month,
            rules=rules,
            earned_by_month={m: round_cents(v) for m, v in earned[person].items()},
            pending_by_month={m: round_cents(v) for m, v in pending[person].items()},
            extras_by_month=dict(extras[person]),
            elsewhere_by_month=dict(elsewhere[person]),
            above_rate_by_month={
                m: round_cents(v) for m, v in above[person].items() if round_cents(v)
            },
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
    extra = amount_for(allowance_agreements(burgerbaner, day.year), day, hours, month.rules)
    return month.over_after(extra, day.month)


@dataclass(frozen=True)
class NearMaximum:
    burgerbaner_id: int
    month: datetime.date | None  # None: reached already


def near_annual_maximum(today: datetime.date, *, within: int = 2) -> list[NearMaximum]:
    """Who, at the recent pace, reaches the annual maximum within ``within`` months from
    ``today`` (or has reached it), soonest first. A fixed number of queries."""
    ids = list(
        AllowanceAgreement.objects.in_force_on_any_day_of(today.year)
        .values_list("burgerbaner_id", flat=True)
        .distinct()
        .order_by()
    )
    near = []
    for person, overview in overviews(ids, today.year, today.month).items():
        if overview.rules is None:
            continue
        if overview.left_year == 0:
            near.append(NearMaximum(person, None))
            continue
        month = overview.forecast_month(today)
        if month is not None and month <= today.month + within:
            near.append(NearMaximum(person, datetime.date(today.year, month, 1)))
    return sorted(near, key=lambda n: (n.month or datetime.date.min, n.burgerbaner_id))


def months_to_pay(year: int, before: datetime.date) -> dict[datetime.date, int]:
    """Per ended month of ``year`` before ``before``, how many people have money to pay
    (a correction of an earlier month, a late signature): so no month is forgotten.
    A fixed number of queries."""
    ids = list(
        AllowanceAgreement.objects.in_force_on_any_day_of(year)
        .values_list("burgerbaner_id", flat=True)
        .distinct()
        .order_by()
    )
    counts: dict[datetime.date, int] = defaultdict(int)
    for overview in overviews(ids, year, 12).values():
        for story in overview.months:
            first = datetime.date(year, story.month, 1)
            if first < before and overview.proposal(story.month).proposed:
                counts[first] += 1
    return dict(sorted(counts.items()))
