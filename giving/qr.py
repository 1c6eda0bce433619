"""The EPC QR code (European Payments Council, version 002) for a gift to Safe Almere.

Dutch banking apps read it: scanning fills in the name, IBAN, amount and the
description of the transfer, so a donor types nothing. The description is the
reference the bank statement import recognises as a gift.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import segno
from django.core.exceptions import ValidationError
from segno.helpers import make_epc_qr

from accounts.iban import normalise_iban
from accounts.models import Organisation
from sources.models import FundingSource

DONATION_TEXT = "Gift Almeerse Burgerbaan"
DEFAULT_AMOUNT = Decimal("25.00")
POSTER_AMOUNT = Decimal("10.00")


@dataclass(frozen=True)
class Account:
    """Where a gift goes: Safe Almere's name and account, and its ANBI facts."""

    name: str
    iban: str
    bic: str
    rsin: str
    is_anbi: bool
    text: str = DONATION_TEXT


def foundation_account() -> Account | None:
    """Safe Almere's account from its organisation record; None while it has no valid IBAN."""
    foundation = Organisation.objects.filter(kind=Organisation.Kind.FOUNDATION).first()
    if foundation is None or not foundation.iban:
        return None
    try:
        iban = normalise_iban(foundation.iban)
    except ValidationError:
        return None
    return Account(
        name=foundation.name,
        iban=iban,
        bic=foundation.bic,
        rsin=foundation.rsin,
        is_anbi=foundation.is_anbi,
        text=donation_reference(),
    )


def donation_reference() -> str:
    """The reference of the donations source, so the bank statement books a gift there
    by itself; a fixed text while there is no such source."""
    reference = (
        FundingSource.objects.filter(kind=FundingSource.Kind.DONATION, active=True)
        .exclude(reference=None)
        .exclude(reference="")
        .order_by("pk")
        .values_list("reference", flat=True)
        .first()
    )
    return reference or DONATION_TEXT


def epc_qr(account: Account, amount: Decimal) -> segno.QRCode:
    return make_epc_qr(
        name=account.name[:70],
        iban=account.iban,
        amount=amount,
        text=account.text,
        bic=account.bic or None,
    )


def epc_svg(account: Account, amount: Decimal, *, title: str) -> str:
    """The code as inline SVG that scales with its box, with a title for screen readers.

    Colours are attributes, not a style, so the page's Content Security Policy allows it.
    """
    svg = epc_qr(account, amount).svg_inline(
        border=4, title=title, dark="#000", light="#fff", omitsize=True, svgclass="epc-qr"
    )
    return svg.replace("<svg ", '<svg role="img" ', 1)
