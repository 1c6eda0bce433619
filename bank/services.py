"""Reading a bank statement in: what went out, what came back, what came in.

Every transaction of the statement becomes one line, booked once whatever file it
arrives in (its bank reference is unique), so reading the same statement again,
or a statement that overlaps an earlier one, books nothing twice:

- an outgoing transfer whose end-to-end id names one of our payments marks that
  payment paid on the bank's booking day (``payments.services.mark_paid_by_bank``);
- a returned transfer marks the payment returned, with the bank's reason in plain
  words (``payments.services.mark_returned``, with its four-eyes rule);
- incoming money is booked to the funding source its reference or IBAN names
  (``sources.services``); the rest waits in a list for the treasurer to classify.

A line the rules refuse (a treasurer's own returned payment, an amount that does not
match) is kept with the reason, for the treasurer to look at; it never stops the rest.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.iban import normalise_iban
from accounts.models import Organisation, User
from bank import camt, permissions
from bank.errors import BankError
from bank.models import Outcome, Statement, StatementLine
from bank.reasons import plain_reason
from burgerbaan.money import format_euro
from payments import services as payments
from payments.errors import PaymentError
from payments.models import Payment, PaymentStatus
from sources import services as sources
from sources.errors import ReceiptRefused
from sources.models import FundingSource


@dataclass
class ImportResult:
    statement: Statement
    counts: dict[str, int] = field(default_factory=dict)
    already_known: int = 0


def _require(user: User) -> None:
    if not permissions.can_import_statements(user):
        raise PermissionDenied


def import_statement(content: bytes, *, by: User) -> ImportResult:
    """Read a CAMT.053 file in and book what it says. Refuses a file that is no valid
    statement, a statement of another account than Safe Almere's, and the same file
    twice; in each case nothing is booked."""
    _require(by)
    try:
        parsed = camt.parse(content)
    except camt.StatementRefused as exc:
        raise BankError(exc.message, field="file") from exc
    _check_account(parsed.account_iban)
    with transaction.atomic():
        earlier = (
            Statement.objects.select_related("imported_by").filter(sha256=parsed.sha256).first()
        )
        if earlier is not None:
            raise BankError(
                _(
                    "Dit afschrift is al ingelezen op %(day)s door %(name)s. Er is niets "
                    "opnieuw geboekt."
                )
                % {
                    "day": date_format(timezone.localtime(earlier.imported_at), "j F Y"),
                    "name": earlier.imported_by.name,
                },
                field="file",
            )
        statement = Statement.objects.create(
            version=parsed.version,
            message_id=parsed.message_id[:35],
            statement_id=parsed.statement_id[:35],
            account_iban=parsed.account_iban[:34],
            sha256=parsed.sha256,
            imported_by=by,
        )
        known = set(
            StatementLine.objects.filter(
                bank_reference__in=[t.bank_reference for t in parsed.transactions]
            ).values_list("bank_reference", flat=True)
        )
        result = ImportResult(statement=statement)
        # What went out first, then what came back: a return finds its payment paid.
        order = sorted(parsed.transactions, key=lambda t: (t.is_credit, not t.is_return))
        seen = set()
        for transfer in order:
            if transfer.bank_reference in known or transfer.bank_reference in seen:
                result.already_known += 1
                continue
            seen.add(transfer.bank_reference)
            line = _book(statement, transfer, by=by)
            result.counts[line.outcome] = result.counts.get(line.outcome, 0) + 1
    return result


def _check_account(iban: str) -> None:
    foundation = Organisation.objects.filter(kind=Organisation.Kind.FOUNDATION).first()
    if not iban or foundation is None or not foundation.iban:
        return
    try:
        same = normalise_iban(iban) == normalise_iban(foundation.iban)
    except ValidationError:
        same = False
    if not same:
        raise BankError(
            _(
                "Dit is het afschrift van rekening %(iban)s, niet van de rekening van "
                "%(name)s. Er is niets geboekt."
            )
            % {"iban": iban, "name": foundation.name},
            field="file",
        )


def _payment(transfer: camt.Transaction) -> Payment | None:
    pk = payments.payment_id_from_end_to_end(transfer.end_to_end_id)
    if pk is None:
        return None
    return Payment.objects.select_related("burgerbaner").filter(pk=pk).first()


def _book(statement: Statement, transfer: camt.Transaction, *, by: User) -> StatementLine:
    line = StatementLine(
        statement=statement,
        bank_reference=transfer.bank_reference,
        booked_on=transfer.booked_on,
        amount=transfer.amount,
        is_credit=transfer.is_credit,
        end_to_end_id=transfer.end_to_end_id[:35],
        counterparty_name=transfer.counterparty_name,
        counterparty_iban=transfer.counterparty_iban[:34],
        description=transfer.description,
        return_code=transfer.return_code[:4],
    )
    payment = _payment(transfer)
    if payment is not None:
        # The payment holds the burgerbaner's name and account; the line keeps neither.
        line.payment = payment
        line.counterparty_name = ""
        line.counterparty_iban = ""
    try:
        if transfer.is_return:
            _book_return(line, transfer, payment, by=by)
        elif not transfer.is_credit:
            _book_outgoing(line, transfer, payment, by=by)
        else:
            _book_incoming(line, transfer, by=by)
    except (PaymentError, ReceiptRefused) as exc:
        line.outcome = Outcome.NEEDS_ATTENTION
        line.note = exc.message[:300]
    line.save()
    return line


def _book_outgoing(line, transfer, payment, *, by) -> None:
    if payment is None:
        line.outcome = Outcome.OTHER
        return
    if payment.amount != transfer.amount:
        line.outcome = Outcome.NEEDS_ATTENTION
        line.note = _(
            "De bank betaalde %(bank)s, maar de betaling is %(ours)s. Niets gemarkeerd."
        ) % {"bank": format_euro(transfer.amount), "ours": format_euro(payment.amount)}
        return
    with transaction.atomic():
        marked = payments.mark_paid_by_bank(payment, booked_on=transfer.booked_on, by=by)
    line.outcome = Outcome.PAID
    if not marked:
        line.note = _("Deze betaling stond al als betaald.")


def _book_return(line, transfer, payment, *, by) -> None:
    if payment is None:
        line.outcome = Outcome.NEEDS_ATTENTION
        line.note = _("Teruggekomen geld van een betaling die de Burgerbaan niet kent.")
        return
    reason = _("De bank boekte de betaling terug: %(reason)s.") % {
        "reason": plain_reason(transfer.return_code)
    }
    with transaction.atomic():
        if payment.status == PaymentStatus.APPROVED:
            payments.mark_paid_by_bank(payment, booked_on=transfer.booked_on, by=by)
        if Payment.objects.get(pk=payment.pk).status == PaymentStatus.RETURNED:
            line.outcome = Outcome.RETURNED
            line.note = _("Deze betaling stond al als teruggekomen.")
            return
        payments.mark_returned(payment, reason=reason, by=by)
    line.outcome = Outcome.RETURNED
    line.note = reason[:300]


def _valid_iban(iban: str) -> str:
    try:
        return normalise_iban(iban) if iban else ""
    except ValidationError:
        return ""


def _book_incoming(line, transfer, *, by) -> None:
    source = sources.source_for_transfer(
        reference_text=transfer.description, iban=_valid_iban(transfer.counterparty_iban)
    )
    if source is None:
        line.outcome = Outcome.TO_CLASSIFY
        return
    line.receipt = _receipt(line, source, by=by)
    line.outcome = Outcome.RECEIPT


def _receipt(line: StatementLine, source: FundingSource, *, by: User):
    return sources.book_receipt(
        source,
        amount=line.amount,
        received_on=line.booked_on,
        by=by,
        description=" ".join(f"{line.counterparty_name} {line.description}".split())[:200],
        counterparty_iban=line.counterparty_iban,
        bank_reference=line.bank_reference,
    )


@transaction.atomic
def classify(line: StatementLine, *, source: FundingSource | None, by: User) -> StatementLine:
    """The treasurer says where money that came in belongs: to ``source`` (booked as a
    receipt there), or, with no source, to nothing of the Burgerbaan. Once only."""
    _require(by)
    line = StatementLine.objects.select_for_update().get(pk=line.pk)
    try:
        if source is None:
            line.move_to(Outcome.OTHER)
        else:
            line.move_to(Outcome.RECEIPT)
            line.receipt = _receipt(line, source, by=by)
    except ReceiptRefused as exc:
        raise BankError(exc.message) from exc
    line.classified_by = by
    line.classified_at = timezone.now()
    line.save()
    return line
