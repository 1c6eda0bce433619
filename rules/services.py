"""Looking up the legal maxima that apply to a person on a day."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.utils.translation import gettext as _

from accounts.models import Burgerbaner
from burgerbaan.errors import DomainError
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
