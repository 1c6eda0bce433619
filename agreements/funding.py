"""Whether the source of an allowance agreement has the money for it, told to agreements
by the floor above.

``agreements`` stands below ``funding`` in the layers (README), yet making or renewing
an allowance agreement warns when its source has too little money left. That sum is
funding's own (``funding.money``, the one place it lives); funding hands it to agreements
when Django starts (``FundingConfig.ready``), so agreements never imports funding.
"""

from __future__ import annotations

from typing import Protocol

from django.core.exceptions import ImproperlyConfigured


class FundingCheck(Protocol):
    def shortfall_warning(self, agreement) -> str | None:
        """A Dutch warning with the figures when the agreement's source cannot pay it."""


_check: FundingCheck | None = None


def register(check: FundingCheck) -> None:
    global _check
    _check = check


def funding() -> FundingCheck:
    if _check is None:
        raise ImproperlyConfigured("No funding check for agreements: is 'funding' installed?")
    return _check
