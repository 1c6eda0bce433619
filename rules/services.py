"""Looking up the legal maxima that apply to a person on a day."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import Burgerbaner, User
from accounts.services import announce_to_admins
from burgerbaan.errors import DomainError
from rules import money
from rules.models import YearRules


class RulesMissing(DomainError):
    pass


def rules_for(year: int) -> YearRules:
    """The rules of ``year``; refuses when an admin has not entered them yet."""
    rules = YearRules.objects.filter(year=year).first()
    if rules is None:
        raise RulesMissing(
            _(
                "Voor %(year)s zijn nog geen jaarregels ingevoerd. Vraag de beheerder om de "
                "bedragen van de Belastingdienst voor dat jaar in te voeren."
            )
            % {"year": year}
        )
    return rules


def hourly_maximum_on(burgerbaner: Burgerbaner, day: datetime.date) -> Decimal:
    """The legal hourly maximum for this person on ``day`` (higher from their 21st birthday)."""
    return rules_for(day.year).hourly_maximum_for_age(burgerbaner.age_on(day))


class ReasonNeeded(DomainError):
    pass


def payments_made_in(year: int | None) -> bool:
    return year is not None and money.payments().has_payments(year)


def check_reason(years: set[int], reason: str) -> None:
    """Once allowance of a year was approved, a change to its rules says why."""
    paid = sorted(year for year in years if payments_made_in(year))
    if paid and not reason.strip():
        raise ReasonNeeded(
            _(
                "Voor %(year)s is al vergoeding goedgekeurd. Schrijf op waarom de jaarregels "
                "veranderen, bijvoorbeeld welk besluit van de Belastingdienst."
            )
            % {"year": paid[0]}
        )


@transaction.atomic
def save_year_rules(
    rules: YearRules, *, changes: list[str], reason: str, by: User, stored_year: int | None
) -> YearRules:
    """Save a year's maxima, checked, and tell the other admins what changed.

    Refuses figures that cannot hold together (``YearRules.clean`` and the
    database's checks) and, once allowance of the year was approved, a change
    without a reason. The reason is kept in the rules' history with who and
    when. Every proposal of that year not yet approved is worked out again
    under the new figures and listed in the announcement.
    """
    rules.full_clean()
    years = {rules.year} | ({stored_year} if stored_year else set())
    check_reason(years, reason)
    rules._change_reason = reason.strip() or None
    rules.save()
    if not changes:
        return rules
    verb = "gewijzigd" if stored_year else "toegevoegd"
    body = f"De jaarregels van {rules.year} zijn {verb}.\n\n" + "\n".join(changes)
    if reason.strip():
        body += f"\n\nReden: {reason.strip()}"
    for year in sorted(years):
        if payments_made_in(year):
            body += f"\n\nOpnieuw bekeken voor {year}:\n" + (
                "\n".join(money.payments().recheck_open_proposals(year))
                or "Er staat niets open dat verandert."
            )
    announce_to_admins(f"Jaarregels {rules.year} {verb}", body, by=by)
    return rules


# From this month on, next year's rules are due: the Belastingdienst announces them in autumn.
DUE_FROM_MONTH = 11


def missing_next_year(today: datetime.date) -> int | None:
    """Next year, when it is November or December and its rules are not entered yet."""
    year = today.year + 1
    if today.month < DUE_FROM_MONTH or YearRules.objects.filter(year=year).exists():
        return None
    return year
