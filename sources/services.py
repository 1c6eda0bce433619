"""Booking money received for a source, and finding the source of a transfer."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.iban import normalise_iban
from accounts.models import User
from burgerbaan.money import round_cents
from sources.errors import ReceiptRefused
from sources.models import FundingSource, KnownIban, Receipt
from sources.permissions import can_book_receipts


def book_receipt(
    source: FundingSource,
    *,
    amount: Decimal,
    received_on: datetime.date,
    by: User,
    description: str = "",
    counterparty_iban: str = "",
    bank_reference: str | None = None,
) -> Receipt:
    """Book money received for ``source``.

    Refuses anyone but a treasurer, an amount of zero or less, and a day still to come.
    With a ``bank_reference`` the same bank line books once: booking it again returns
    the receipt already made and changes nothing.
    """
    if not can_book_receipts(by):
        raise PermissionDenied
    amount = round_cents(amount)
    if amount <= 0:
        raise ReceiptRefused(_("Vul een bedrag van meer dan € 0,00 in."), field="amount")
    if received_on > timezone.localdate():
        raise ReceiptRefused(_("Deze datum ligt in de toekomst."), field="received_on")
    if bank_reference:
        existing = Receipt.objects.filter(bank_reference=bank_reference).first()
        if existing is not None:
            return existing
    try:
        with transaction.atomic():
            return Receipt.objects.create(
                source=source,
                amount=amount,
                received_on=received_on,
                description=description,
                counterparty_iban=counterparty_iban,
                bank_reference=bank_reference or None,
                booked_by=by,
            )
    except IntegrityError:
        # Two imports of the same statement at once: the other one booked it.
        existing = Receipt.objects.filter(bank_reference=bank_reference).first()
        if bank_reference and existing is not None:
            return existing
        raise


def correct_receipt(receipt: Receipt, *, by: User, reason: str) -> Receipt:
    """Undo a receipt with a counter-entry: the original stays as it was.

    Refuses a counter-entry of a counter-entry and a receipt corrected already.
    """
    if not can_book_receipts(by):
        raise PermissionDenied
    if receipt.is_counter_entry:
        raise ReceiptRefused(_("Een tegenboeking kun je niet nog eens tegenboeken."))
    with transaction.atomic():
        locked = Receipt.objects.select_for_update().get(pk=receipt.pk)
        if locked.corrections.exists():
            raise ReceiptRefused(_("Deze ontvangst is al tegengeboekt."))
        return Receipt.objects.create(
            source=locked.source,
            amount=-locked.amount,
            received_on=locked.received_on,
            description=reason,
            corrects=locked,
            booked_by=by,
        )


def source_for_transfer(*, reference_text: str = "", iban: str = "") -> FundingSource | None:
    """The source a bank transfer belongs to: by its reference in the text, else its IBAN.

    ``None`` when neither matches; such a transfer waits for the treasurer to classify it.
    """
    text = reference_text.upper()
    if text:
        for source in FundingSource.objects.exclude(reference=None).exclude(reference=""):
            if source.reference.upper() in text:
                return source
    if iban:
        known = KnownIban.objects.select_related("source").filter(iban=normalise_iban(iban)).first()
        if known is not None:
            return known.source
    return None
