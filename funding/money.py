"""What each funding source promised, received, paid out, has reserved and has left.

The one place of this arithmetic: the funding page, the warning on a new allowance
agreement and the sponsor portal all use it.

- committed: the sum of the source's commitments;
- received: the money that came in (a counter-entry subtracts);
- available: what the source brings, promised or already in, whichever is more (a
  donation comes without a commitment; a sponsor may pay more than it promised);
- paid: allowance approved or paid (not a returned payment) for a month in which the
  person's allowance agreement was paid from this source;
- reserved: what running agreements may still cost until their end: the monthly
  maximum for each month not paid yet, at most the annual maximum in a year;
- left = available − paid − reserved, and to_receive = available − received.
So paid + reserved + left = available = received + to_receive, always.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.core.cache import cache
from django.db.models import F, IntegerField, Max, Q, Sum, Value
from django.db.models.functions import Coalesce, ExtractMonth, ExtractYear
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from agreements.models import AgreementStatus, AllowanceAgreement
from burgerbaan.money import format_euro, round_cents
from payments import to_pay
from payments.models import Payment, PaymentStatus
from rules.models import YearRules
from sources.models import FundingSource, own_money_source

ZERO = Decimal("0.00")
# The pace of spending: the average of the last full months.
PACE_MONTHS = 3


def month_index(day: datetime.date) -> int:
    return day.year * 12 + day.month - 1


def month_of(index: int) -> datetime.date:
    return datetime.date(index // 12, index % 12 + 1, 1)


def _index(field: str):
    return ExtractYear(field) * 12 + ExtractMonth(field) - 1


def payments_with_source():
    """Payments paid out (approved or paid), each with ``funded_by``: the source fixed on
    it when it was approved (none, on a payment older than that: the cooperative's own)."""
    return (
        Payment.objects.exclude(status=PaymentStatus.RETURNED)
        .annotate(
            funded_by=Coalesce("source", Value(own_money_source()), output_field=IntegerField()),
            index=F("year") * 12 + F("month") - 1,
        )
        .order_by()
    )


class Maxima:
    """The monthly and annual maximum of each year; a year without rules yet takes
    the latest known year's (what an agreement may cost is an estimate anyway)."""

    def __init__(self):
        self.by_year = {
            r.year: (r.monthly_maximum, r.annual_maximum) for r in YearRules.objects.all()
        }
        latest = max(self.by_year, default=None)
        self.fallback = self.by_year[latest] if latest else (ZERO, ZERO)

    def of(self, year: int) -> tuple[Decimal, Decimal]:
        return self.by_year.get(year, self.fallback)

    def cost(self, first: int, last: int) -> Decimal:
        """At most what one burgerbaan costs from month index ``first`` to ``last``."""
        total = ZERO
        for year in range(first // 12, last // 12 + 1):
            months = min(last, year * 12 + 11) - max(first, year * 12) + 1
            if months > 0:
                monthly, annual = self.of(year)
                total += min(monthly * months, annual)
        return total


def last_month_of(agreement) -> int:
    ends = [d for d in (agreement.end_date, agreement.ended_on) if d]
    end = min(ends) if ends else datetime.date(agreement.start_date.year, 12, 31)
    return month_index(end)


@dataclass
class SourceMoney:
    source: FundingSource | None  # None: all sources together
    committed: Decimal
    received: Decimal
    paid: Decimal
    reserved: Decimal
    paid_recently: Decimal
    today: datetime.date
    cost_rest_of_year: Decimal

    @property
    def available(self) -> Decimal:
        return max(self.committed, self.received)

    @property
    def to_receive(self) -> Decimal:
        return self.available - self.received

    @property
    def left(self) -> Decimal:
        return self.available - self.paid - self.reserved

    @property
    def pace(self) -> Decimal:
        """Paid out per month, on average over the last full months."""
        return round_cents(self.paid_recently / PACE_MONTHS)

    @property
    def unspent(self) -> Decimal:
        return self.available - self.paid

    @property
    def runs_out(self) -> datetime.date | None:
        """The month this source's money is gone at the current pace (None: no pace)."""
        if self.unspent <= 0:
            return self.today.replace(day=1)
        if self.pace <= 0:
            return None
        return month_of(month_index(self.today) + int(self.unspent // self.pace))

    @property
    def more_citizen_jobs(self) -> int:
        """How many more burgerbanen the free money pays for the rest of this year."""
        if self.left <= 0 or self.cost_rest_of_year <= 0:
            return 0
        return int(self.left // self.cost_rest_of_year)


def _cents(amount) -> Decimal:
    # SQLite sums decimals as floats: back to whole cents.
    return round_cents(amount or ZERO)


def money_of_sources(
    sources: Iterable[FundingSource] | None = None,
    *,
    today: datetime.date | None = None,
    without: Iterable[int] = (),
) -> list[SourceMoney]:
    """The money of each source (all of them when ``sources`` is None), in a fixed number
    of queries. ``without``: agreements left out of the reservations (one being renewed)."""
    today = today or timezone.localdate()
    sources = list(FundingSource.objects.all() if sources is None else sources)
    ids = [s.pk for s in sources]
    committed = dict(
        FundingSource.objects.filter(pk__in=ids)
        .values_list("pk")
        .annotate(total=Sum("commitments__amount"))
    )
    received = dict(
        FundingSource.objects.filter(pk__in=ids)
        .values_list("pk")
        .annotate(total=Sum("receipts__amount"))
    )
    now = month_index(today)
    paid = {
        row["funded_by"]: row
        for row in payments_with_source()
        .filter(funded_by__in=ids)
        .values("funded_by")
        .annotate(
            total=Sum("amount"),
            recent=Sum("amount", filter=Q(index__gte=now - PACE_MONTHS, index__lt=now)),
        )
    }
    maxima = Maxima()
    reserved = reservations(ids, today=today, maxima=maxima, without=without)
    rest_of_year = maxima.cost(now, today.year * 12 + 11)
    return [
        SourceMoney(
            source=source,
            committed=_cents(committed.get(source.pk)),
            received=_cents(received.get(source.pk)),
            paid=_cents((paid.get(source.pk) or {}).get("total")),
            reserved=reserved.get(source.pk, ZERO),
            paid_recently=_cents((paid.get(source.pk) or {}).get("recent")),
            today=today,
            cost_rest_of_year=rest_of_year,
        )
        for source in sources
    ]


def kept_money_of_all_sources() -> list[SourceMoney]:
    """``money_of_sources`` of every source today, kept until money changes (a payment,
    an agreement, a receipt, a commitment or a source: ``payments.to_pay``)."""
    today = timezone.localdate()
    key = f"money-of-sources-{today.isoformat()}-{to_pay.version()}"
    return cache.get_or_set(
        key,
        lambda: money_of_sources(FundingSource.objects.select_related("organisation"), today=today),
        to_pay.KEEP_SECONDS,
    )


def total(rows: list[SourceMoney], today: datetime.date | None = None) -> SourceMoney:
    today = today or timezone.localdate()
    return SourceMoney(
        source=None,
        committed=sum((r.committed for r in rows), ZERO),
        received=sum((r.received for r in rows), ZERO),
        paid=sum((r.paid for r in rows), ZERO),
        reserved=sum((r.reserved for r in rows), ZERO),
        paid_recently=sum((r.paid_recently for r in rows), ZERO),
        today=today,
        cost_rest_of_year=Maxima().cost(month_index(today), today.year * 12 + 11),
    )


def _last_paid_months(people) -> dict[int, int]:
    return dict(
        Payment.objects.exclude(status=PaymentStatus.RETURNED)
        .filter(burgerbaner__in=people)
        .order_by()
        .values_list("burgerbaner")
        .annotate(last=Max(F("year") * 12 + F("month") - 1))
    )


def _still_to_pay(agreement, last_paid: dict[int, int], maxima: Maxima) -> Decimal:
    first = month_index(agreement.start_date)
    first = max(first, last_paid.get(agreement.burgerbaner_id, first - 1) + 1)
    return maxima.cost(first, last_month_of(agreement))


def reservations(
    source_ids: list[int],
    *,
    today: datetime.date,
    maxima: Maxima,
    without: Iterable[int] = (),
) -> dict[int, Decimal]:
    """What the running agreements of each source may still cost until their end."""
    running = list(
        AllowanceAgreement.objects.filter(source__in=source_ids, status=AgreementStatus.ACTIVE)
        .exclude(pk__in=[pk for pk in without if pk])
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=today))
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=today))
        .only("pk", "burgerbaner", "source", "start_date", "end_date", "ended_on")
    )
    last_paid = _last_paid_months({a.burgerbaner_id for a in running})
    totals: dict[int, Decimal] = defaultdict(lambda: ZERO)
    for agreement in running:
        totals[agreement.source_id] += _still_to_pay(agreement, last_paid, maxima)
    return totals


def shortfall_warning(agreement: AllowanceAgreement) -> str | None:
    """A warning with the figures when ``agreement``'s source has too little money left
    for it (the agreement it renews not counted twice); None when it fits."""
    maxima = Maxima()
    [figures] = money_of_sources(
        [agreement.source], without=[agreement.pk, agreement.supersedes_id]
    )
    cost = _still_to_pay(agreement, _last_paid_months([agreement.burgerbaner_id]), maxima)
    if cost <= figures.left:
        return None
    return _(
        "Let op: %(source)s heeft niet genoeg geld voor deze overeenkomst. Deze overeenkomst "
        "kan tot %(cost)s kosten, en er is nog %(left)s vrij: %(available)s toegezegd of "
        "ontvangen, %(paid)s uitbetaald en %(reserved)s vastgelegd voor lopende "
        "overeenkomsten tot hun einde."
    ) % {
        "source": figures.source.name,
        "cost": format_euro(cost),
        "left": format_euro(max(figures.left, ZERO)),
        "available": format_euro(figures.available),
        "paid": format_euro(figures.paid),
        "reserved": format_euro(figures.reserved),
    }


def runway_text(figures: SourceMoney) -> str:
    """The runway in words: "In dit tempo is het geld op in maart 2027"."""
    runs_out = figures.runs_out
    if figures.unspent <= 0:
        return _("Het geld is op.")
    if runs_out is None:
        return _("Er gaat nu geen geld uit.")
    return _("In dit tempo is het geld op in %(month)s.") % {"month": date_format(runs_out, "F Y")}
