"""What the money already paid says about a change of the rules, told by the floor above.

``rules`` stands below ``payments`` in the layers (README), yet changing a
year's maxima once money of that year went out needs a reason and a fresh look
at every proposal not yet approved. Payments knows both; it hands them to rules
when Django starts (``PaymentsConfig.ready``), so rules never imports payments.
"""

from __future__ import annotations

from typing import Protocol

from django.core.exceptions import ImproperlyConfigured


class PaymentsOfYear(Protocol):
    def has_payments(self, year: int) -> bool:
        """Whether any allowance of ``year`` was approved."""

    def recheck_open_proposals(self, year: int) -> list[str]:
        """Per person and month not yet approved (or approved, not paid), what changes now."""


_payments: PaymentsOfYear | None = None


def register(payments: PaymentsOfYear) -> None:
    global _payments
    _payments = payments


def payments() -> PaymentsOfYear:
    if _payments is None:
        raise ImproperlyConfigured("No payments for rules: is 'payments' installed?")
    return _payments
