"""What hours are worth under the legal maxima, told to hours by the floor above.

``hours`` stands below ``payments`` in the layers (README), yet the hours page
shows the room left under the maxima and warns before new hours go over them.
That calculation is payments' own (``payments.cap``, the one place it lives);
payments hands it to hours when Django starts (``PaymentsConfig.ready``), so
hours never imports payments.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any, Protocol

from django.core.exceptions import ImproperlyConfigured


class MoneyCheck(Protocol):
    def overview(self, burgerbaner, year: int, month: int) -> Any:
        """The month's and the year's money of a person, for the hours page."""

    def over_after_hours(
        self, burgerbaner, day: datetime.date, hours: Decimal
    ) -> tuple[Decimal, Decimal]:
        """How far ``hours`` more on ``day`` go over the monthly and the annual maximum."""


_check: MoneyCheck | None = None


def register(check: MoneyCheck) -> None:
    global _check
    _check = check


def money() -> MoneyCheck:
    if _check is None:
        raise ImproperlyConfigured("No money check for hours: is 'payments' installed?")
    return _check
