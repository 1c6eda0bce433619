"""The year report: what the pilot did and paid in a year, per person, non-profit and sponsor.

Every figure of money comes from ``payments.cap`` (allowance, gifts, travel)
or from the payments themselves; hours are countersigned hours only.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q, Sum

from accounts.models import Burgerbaner, Organisation
from agreements.models import AllowanceAgreement
from hours.models import Timesheet, TimesheetStatus
from payments import cap
from payments.models import Extra, ExtraKind, Payment, PaymentStatus

ZERO = Decimal("0.00")


@dataclass
class PersonRow:
    burgerbaner: Burgerbaner
    hours_by_organisation: dict[str, Decimal]
    hours: Decimal
    allowance: Decimal
    gifts: Decimal
    travel: Decimal
    paid: Decimal
    headroom: Decimal | None
    payments: int
    sponsor: str
    annual_maximum: Decimal | None = None
    not_paid: Decimal = ZERO
    opening: Decimal = ZERO
    elsewhere: Decimal = ZERO
    # From the one money story (payments/cap.py): what counts toward the annual maximum.
    counted: Decimal = ZERO

    @property
    def use_percent(self) -> int:
        """How much of the annual maximum is used (paid, approved or opening balance)."""
        if not self.annual_maximum or self.headroom is None:
            return 0
        return round(100 * (self.annual_maximum - self.headroom) / self.annual_maximum)

    @property
    def total(self) -> Decimal:
        return self.allowance + self.gifts + self.travel


def signed_months(year: int):
    """Countersigned timesheets of ``year``: their ``total_hours`` are the signed hours
    (a month's entries are fixed from the moment it is handed in)."""
    return Timesheet.objects.filter(
        month__year=year, status=TimesheetStatus.COUNTERSIGNED
    ).order_by()


def people_of(year: int, *, organisation: int | None = None, sponsor: int | None = None):
    """Burgerbaners with an allowance agreement or signed hours in ``year``, by name."""
    agreements = AllowanceAgreement.objects.in_force_on_any_day_of(year)
    persons = Burgerbaner.objects.filter(
        Q(pk__in=agreements.values("burgerbaner"))
        | Q(
            pk__in=Timesheet.objects.filter(
                month__year=year, status=TimesheetStatus.COUNTERSIGNED
            ).values("burgerbaner")
        )
    )
    if organisation:
        persons = persons.filter(
            pk__in=Burgerbaner.objects.filter(
                volunteeragreements__organisation=organisation
            ).values("pk")
        )
    if sponsor:
        funded = agreements.filter(source__organisation=sponsor)
        persons = persons.filter(pk__in=funded.values("burgerbaner"))
    return persons.select_related("user").order_by("legal_name", "pk")


def people(year: int, *, organisation: int | None = None, sponsor: int | None = None):
    """One row per burgerbaner of ``year`` (all of them: for small years and tests)."""
    return rows_for(list(people_of(year, organisation=organisation, sponsor=sponsor)), year)


def iter_rows(year: int, chunk: int = 500, **filters):
    """All rows of ``year``, computed a chunk of people at a time (flat memory)."""
    persons = people_of(year, **filters)
    last = None
    while True:
        page = persons.filter(pk__gt=last) if last else persons
        batch = list(page.order_by("pk")[:chunk])
        if not batch:
            return
        yield from rows_for(sorted(batch, key=lambda p: p.legal_name), year)
        last = batch[-1].pk


def rows_for(persons: list[Burgerbaner], year: int) -> list[PersonRow]:
    """The report rows of ``persons``, in a fixed number of queries."""
    ids = [p.pk for p in persons]
    agreements = AllowanceAgreement.objects.in_force_on_any_day_of(year)

    overviews = cap.overviews(ids, year, 12)
    hours: dict[int, dict[str, Decimal]] = defaultdict(dict)
    for person, org, total in (
        signed_months(year)
        .filter(burgerbaner__in=ids)
        .values_list("burgerbaner", "organisation__name")
        .annotate(total=Sum("total_hours"))
    ):
        hours[person][org] = total
    extras: dict[tuple[int, str], Decimal] = defaultdict(lambda: ZERO)
    for person, kind, total in (
        Extra.objects.filter(burgerbaner__in=ids, date__year=year)
        .values_list("burgerbaner", "kind")
        .annotate(total=Sum("amount"))
    ):
        extras[(person, kind)] = total
    payments = {
        person: (paid or ZERO, count)
        for person, paid, count in Payment.objects.filter(burgerbaner__in=ids, year=year)
        .exclude(status=PaymentStatus.RETURNED)
        .order_by()
        .values_list("burgerbaner")
        .annotate(paid=Sum("amount", filter=Q(status=PaymentStatus.PAID)), count=Count("pk"))
    }
    sponsors = dict(
        agreements.filter(burgerbaner__in=ids, source__organisation__isnull=False)
        .order_by("start_date")
        .values_list("burgerbaner", "source__organisation__name")
    )
    rows = []
    for person in persons:
        overview = overviews[person.pk]
        paid, count = payments.get(person.pk, (ZERO, 0))
        rows.append(
            PersonRow(
                burgerbaner=person,
                hours_by_organisation=hours[person.pk],
                hours=sum(hours[person.pk].values(), ZERO),
                allowance=sum(overview.earned_by_month.values(), ZERO),
                gifts=extras[(person.pk, ExtraKind.GIFT)],
                travel=extras[(person.pk, ExtraKind.TRAVEL)],
                paid=paid,
                headroom=overview.headroom_year,
                payments=count,
                sponsor=sponsors.get(person.pk, ""),
                annual_maximum=overview.annual_maximum,
                not_paid=overview.not_paid_year,
                opening=overview.opening,
                elsewhere=overview.elsewhere_year,
                counted=overview.counted_year,
            )
        )
    return rows


def hours_per_person_and_organisation(year: int) -> list[tuple[int, int, Decimal]]:
    """(burgerbaner, non-profit, countersigned hours) of the year: one pass over the months
    that both the non-profit and the sponsor figures are made of."""
    return list(
        signed_months(year)
        .values_list("burgerbaner", "organisation")
        .annotate(total=Sum("total_hours"))
    )


def nonprofits(signed: list[tuple[int, int, Decimal]]) -> list[dict]:
    """Countersigned hours and volunteers per non-profit, every non-profit by name, from
    ``hours_per_person_and_organisation``."""
    hours: dict[int, Decimal] = defaultdict(lambda: ZERO)
    volunteers: dict[int, int] = defaultdict(int)
    for _person, org, total in signed:
        hours[org] += total
        volunteers[org] += 1  # one row per person and non-profit
    return [
        {"name": name, "hours": hours.get(pk), "volunteers": volunteers.get(pk, 0)}
        for pk, name in Organisation.objects.filter(kind=Organisation.Kind.NONPROFIT)
        .order_by("name")
        .values_list("pk", "name")
    ]


def sponsors(year: int, signed: list[tuple[int, int, Decimal]]):
    """Money each sponsor funded (paid allowance of the people it sponsors) and those hours.

    A person counts for the sponsor of their latest allowance agreement of the year.
    """
    sponsor_of = dict(
        AllowanceAgreement.objects.in_force_on_any_day_of(year)
        .filter(source__organisation__isnull=False)
        .order_by("start_date", "version")
        .values_list("burgerbaner", "source__organisation__name")
    )
    paid = (
        Payment.objects.filter(year=year, status=PaymentStatus.PAID)
        .order_by()
        .values_list("burgerbaner")
        .annotate(total=Sum("amount"))
    )
    totals: dict[str, dict[str, Decimal]] = defaultdict(lambda: {"paid": ZERO, "hours": ZERO})
    for person, total in paid:
        if person in sponsor_of:
            totals[sponsor_of[person]]["paid"] += total
    for person, _org, total in signed:
        if person in sponsor_of:
            totals[sponsor_of[person]]["hours"] += total
    return [{"name": name, **values} for name, values in sorted(totals.items())]


def hours_per_month(year: int) -> list[tuple[datetime.date, Decimal]]:
    totals = dict(
        signed_months(year).values_list("month__month").annotate(total=Sum("total_hours"))
    )
    return [(datetime.date(year, m, 1), totals.get(m, ZERO)) for m in range(1, 13)]


SUMMARY_SECONDS = 600


def year_summary(year: int) -> dict:
    """The year's totals per month, non-profit and sponsor.

    They add up every signed hour of the year (millions of rows at full size),
    so they are kept in the cache for ten minutes; the page says from when.
    """
    from django.core.cache import cache
    from django.utils import timezone

    def compute():
        signed = hours_per_person_and_organisation(year)
        return {
            "hours_per_month": hours_per_month(year),
            "nonprofits": nonprofits(signed),
            "sponsors": sponsors(year, signed),
            "computed_at": timezone.now(),
        }

    return cache.get_or_set(f"year-summary-{year}", compute, SUMMARY_SECONDS)
