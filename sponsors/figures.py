"""What a sponsor's sources made possible, per year, and the pilot's public facts.

Never per person: counts under 5 read "minder dan 5" (``reports.outcomes.small``).
"""

from __future__ import annotations

import datetime
import secrets
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q, Sum
from django.utils import timezone

from accounts.models import Organisation, User
from agreements.models import AgreementStatus, AllowanceAgreement, VolunteerAgreement
from burgerbaan.money import round_cents
from funding.money import Maxima
from hours.models import Timesheet, TimesheetStatus
from payments.models import Payment, PaymentStatus
from reports.outcomes import small
from reports.yearly import signed_months
from sources.models import FundingSource
from sponsors.models import Statement

ZERO = Decimal("0.00")


@dataclass
class YearFigures:
    year: int
    people: set[int] = field(default_factory=set)
    nonprofits: set[int] = field(default_factory=set)
    hours: Decimal = ZERO
    paid: Decimal = ZERO

    @property
    def citizen_jobs_shown(self):
        return small(len(self.people))

    @property
    def nonprofits_shown(self):
        return small(len(self.nonprofits))


def sources_of(organisation_ids) -> list[int]:
    return list(
        FundingSource.objects.filter(organisation__in=organisation_ids).values_list("pk", flat=True)
    )


def figures_by_year(source_ids: list[int]) -> list[YearFigures]:
    """Per year, newest first: the burgerbanen these sources paid for (people with an
    agreement on them), the countersigned hours and the allowance of the months they
    paid for, and the non-profits where those hours were made. Three queries."""
    years: dict[int, YearFigures] = {}

    def year(number: int) -> YearFigures:
        return years.setdefault(number, YearFigures(number))

    today = timezone.localdate()
    for start, end, person in AllowanceAgreement.objects.filter(
        source__in=source_ids, status__in=[AgreementStatus.ACTIVE, AgreementStatus.ENDED]
    ).values_list("start_date", "end_date", "burgerbaner"):
        for number in range(start.year, min((end or today).year, today.year) + 1):
            year(number).people.add(person)
    for number, total in (
        Payment.objects.exclude(status=PaymentStatus.RETURNED)
        .filter(source__in=source_ids)
        .order_by()
        .values_list("year")
        .annotate(total=Sum("amount"))
    ):
        year(number).paid = round_cents(total)
    for number, organisation, total in (
        Timesheet.objects.filter(status=TimesheetStatus.COUNTERSIGNED, source__in=source_ids)
        .order_by()
        .values_list("month__year", "organisation")
        .annotate(total=Sum("total_hours"))
    ):
        year(number).hours += total
        year(number).nonprofits.add(organisation)
    return [years[n] for n in sorted(years, reverse=True)]


def statement_for(organisation: Organisation, year: int, *, to: User) -> Statement:
    """The statement of ``year`` with today's figures: the one issued before when its
    figures are still the same, else a new one with a new code."""
    figures = next(
        (f for f in figures_by_year(sources_of([organisation.pk])) if f.year == year),
        YearFigures(year),
    )
    values = {
        "citizen_jobs": str(figures.citizen_jobs_shown),
        "nonprofits": str(figures.nonprofits_shown),
        "hours": figures.hours,
        "paid": figures.paid,
    }
    same = Statement.objects.filter(organisation=organisation, year=year, **values).first()
    if same is not None:
        return same
    return Statement.objects.create(
        organisation=organisation, year=year, code=new_code(), issued_to=to, **values
    )


def new_code() -> str:
    """Twelve letters and digits in three groups, without ones that look alike."""
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    raw = "".join(secrets.choice(alphabet) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def normalise_code(text: str) -> str:
    compact = "".join(c for c in text.upper() if c.isalnum())
    return f"{compact[:4]}-{compact[4:8]}-{compact[8:12]}" if len(compact) == 12 else ""


@dataclass
class Facts:
    year: int
    active: int
    nonprofits: int
    hours: Decimal
    paid: Decimal
    cost_of_one: Decimal

    @property
    def active_shown(self):
        return small(self.active)

    @property
    def nonprofits_shown(self):
        return small(self.nonprofits)


def facts(today: datetime.date | None = None) -> Facts:
    """The pilot in figures for anyone: a few counts and sums, nothing per person."""
    today = today or timezone.localdate()
    return Facts(
        year=today.year,
        active=AllowanceAgreement.objects.in_force_on(today)
        .values("burgerbaner")
        .distinct()
        .count(),
        nonprofits=VolunteerAgreement.objects.in_force_on(today)
        .values("organisation")
        .distinct()
        .count(),
        hours=signed_months(today.year).aggregate(total=Sum("total_hours"))["total"] or ZERO,
        paid=round_cents(
            Payment.objects.filter(year=today.year)
            .exclude(status=PaymentStatus.RETURNED)
            .aggregate(total=Sum("amount"))["total"]
            or ZERO
        ),
        cost_of_one=Maxima().of(today.year)[1],
    )


def people_of_year(rows: list[YearFigures], year: int) -> list[int]:
    for row in rows:
        if row.year == year:
            return sorted(row.people)
    return []


def funded_people(source_ids: list[int], year: int):
    """The people of ``people_of_year`` as a subquery: an agreement on one of these sources
    running in ``year`` (so the database joins, rather than reading thousands of ids)."""
    return (
        AllowanceAgreement.objects.filter(
            source__in=source_ids,
            status__in=[AgreementStatus.ACTIVE, AgreementStatus.ENDED],
            start_date__lt=datetime.date(year + 1, 1, 1),
        )
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=datetime.date(year, 1, 1)))
        .values("burgerbaner")
    )


def years_shown(rows: list[YearFigures]) -> list[int]:
    return [row.year for row in rows] or [timezone.localdate().year]
