"""Money actions: register gifts and travel costs, approve allowance, batches, returns.

Approving re-checks the maxima inside the transaction that records the
payment, under a lock per person and year (a PostgreSQL advisory lock; a row
lock elsewhere), so two treasurers, a double click or a retried request can
never push anyone over a maximum. Amounts never change after approval; a
returned payment frees its headroom again.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import OperationalError, connection, transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.utils import bulk_create_with_history

from accounts import permissions as people
from accounts.iban import normalise_iban
from accounts.models import Burgerbaner, Organisation, User
from accounts.services import notify
from agreements.models import AllowanceAgreement, paying_agreements
from burgerbaan.dates import day_name
from burgerbaan.money import CENT, format_euro
from hours.models import HourEntry
from payments import cap, permissions, sepa, to_pay
from payments.errors import PaymentError
from payments.models import (
    BatchDownload,
    ElsewhereAllowance,
    Extra,
    OpeningBalance,
    Payment,
    PaymentBatch,
    PaymentStatus,
)
from payments.validators import validate_opening_year
from rules.services import RulesMissing, rules_for

LOCK_TIMEOUT = "3s"

OWN_EXTRA = gettext_lazy(
    "Je kunt geen gift of reiskosten voor jezelf registreren. Een gift of reiskosten voor "
    "jezelf registreert een collega van Safe Almere."
)


def _month_label(month: datetime.date) -> str:
    return date_format(month, "F Y")


def _require(user: User, *kinds: str) -> None:
    if not people.role_kinds(user) & set(kinds):
        raise PermissionDenied


def check_amount(amount: Decimal, *, field: str | None = None) -> None:
    if amount.is_nan() or amount.is_infinite():
        raise PaymentError(_("Vul een bedrag in, zoals 12,50."), field=field)
    if amount <= 0:
        raise PaymentError(_("Het bedrag moet meer dan € 0,00 zijn."), field=field)
    if amount != amount.quantize(CENT):
        raise PaymentError(_("Een bedrag heeft hoogstens 2 cijfers achter de komma."), field=field)


def lock_people_year(burgerbaner_ids: list[int], year: int) -> None:
    """Serialise every money decision about these people in one year.

    PostgreSQL: advisory transaction locks, taken in sorted order so two
    treasurers never deadlock, giving up after 3 seconds with a clear message.
    Other databases: row locks on the people, in the same order.
    """
    ids = sorted(set(burgerbaner_ids))
    if connection.vendor == "postgresql":
        try:
            with connection.cursor() as cursor:
                cursor.execute(f"SET LOCAL lock_timeout = '{LOCK_TIMEOUT}'")
                cursor.execute(
                    "SELECT pg_advisory_xact_lock(id, %s) FROM unnest(%s::int[]) AS id ORDER BY id",
                    [year, ids],
                )
        except OperationalError as exc:
            raise PaymentError(
                _(
                    "Iemand anders keurt nu een betaling voor deze persoon goed. "
                    "Probeer het zo opnieuw."
                )
            ) from exc
    else:
        list(Burgerbaner.objects.select_for_update().filter(pk__in=ids).order_by("pk"))


def lock_person_year(burgerbaner_id: int, year: int) -> None:
    lock_people_year([burgerbaner_id], year)


def approval_refusals(
    burgerbaners: list[Burgerbaner], year: int, month: int, *, by: User
) -> dict[int, str]:
    """Per person ``by`` may not approve the month of, the reason (four eyes).

    A treasurer never approves their own allowance, nor a month whose payment
    they marked returned themselves: someone else approves it again.
    """
    returned = permissions.marked_returned_by(by, [p.pk for p in burgerbaners], year, month)
    refused: dict[int, str] = {}
    for person in burgerbaners:
        if permissions.is_own(by, person):
            refused[person.pk] = _(
                "Je kunt geen betaling aan jezelf goedkeuren. Vraag een andere penningmeester."
            )
        elif person.pk in returned:
            refused[person.pk] = _(
                "Je hebt de betaling van %(month)s aan %(name)s zelf als teruggekomen "
                "gemarkeerd. Een andere penningmeester keurt hem opnieuw goed."
            ) % {
                "month": date_format(datetime.date(year, month, 1), "F Y"),
                "name": person.legal_name,
            }
    return refused


def check_month_ended(year: int, month: int) -> None:
    """Allowance is paid for a month that is over: until its last day more hours,
    gifts and travel costs may come, and the month's maximum is not settled yet."""
    if datetime.date(year, month, 1) >= timezone.localdate().replace(day=1):
        raise PaymentError(
            _("%(month)s is nog niet voorbij. Je kunt een maand betalen als hij om is.")
            % {"month": date_format(datetime.date(year, month, 1), "F Y").capitalize()},
            field="month",
        )


def approve_months(
    burgerbaners: list[Burgerbaner], year: int, month: int, *, by: User
) -> tuple[list[Payment], dict[int, str]]:
    """Approve what is payable for ``month`` for many people at once, up to both maxima.

    The maxima are re-checked for everyone inside the transaction that records
    the payments, under the locks of all of them. Returns the payments made and,
    per person refused, the reason (``approval_refusals``: four eyes; a month
    with nothing, or no room, left to pay gets nothing).
    """
    _require(by, people.TREASURER)
    check_month_ended(year, month)
    try:
        rules_for(year)
    except RulesMissing as exc:
        raise PaymentError(exc.message) from exc
    refused = approval_refusals(burgerbaners, year, month, by=by)
    persons = [p for p in burgerbaners if p.pk not in refused]
    agreements = paying_agreements([p.pk for p in persons], year, month)
    now = timezone.now()
    with transaction.atomic():
        lock_people_year([p.pk for p in persons], year)
        overviews = cap.overviews([p.pk for p in persons], year, month)
        payments = []
        for person in persons:
            proposal = overviews[person.pk].proposal(month)
            if person.pk not in agreements:
                refused[person.pk] = _(
                    "%(name)s had in deze maand geen actieve vergoedingsovereenkomst."
                ) % {"name": person.legal_name}
            elif proposal.payable <= 0:
                refused[person.pk] = _(
                    "Voor %(name)s is er in deze maand niets (meer) te betalen."
                ) % {"name": person.legal_name}
            elif proposal.proposed <= 0:
                refused[person.pk] = _("Voor %(name)s is er geen ruimte meer: %(reason)s.") % {
                    "name": person.legal_name,
                    "reason": proposal.reason,
                }
            else:
                payments.append(
                    Payment(
                        burgerbaner=person,
                        year=year,
                        month=month,
                        amount=proposal.proposed,
                        iban=agreements[person.pk].iban,
                        source_id=agreements[person.pk].source_id,
                        approved_by=by,
                        approved_at=now,
                    )
                )
        created = bulk_create_with_history(payments, Payment, default_user=by)
        to_pay.money_changed()  # bulk: no signal per payment
    return created, refused


def approve_month(burgerbaner: Burgerbaner, year: int, month: int, *, by: User) -> Payment:
    """Approve one person's month; refuses with the reason when nothing can be paid."""
    created, refused = approve_months([burgerbaner], year, month, by=by)
    if refused:
        raise PaymentError(refused[burgerbaner.pk])
    return created[0]


def check_extra(*, date: datetime.date, amount: Decimal) -> None:
    """A gift or travel costs is a real amount, on a day that has come, and at most the
    annual maximum of its year (more can never be tax-free: it is a typing error)."""
    check_amount(amount, field="amount")
    if date > timezone.localdate():
        raise PaymentError(
            _("Je kunt geen gift of reiskosten registreren voor een dag die nog moet komen."),
            field="date",
        )
    try:
        rules = rules_for(date.year)
    except RulesMissing as exc:
        raise PaymentError(exc.message, field="date") from exc
    if amount > rules.annual_maximum:
        raise PaymentError(
            _(
                "Dit is meer dan het jaarmaximum van %(max)s in %(year)s. Een gift of "
                "reiskosten is nooit meer dan dat. Klopt het bedrag?"
            )
            % {"max": format_euro(rules.annual_maximum), "year": date.year},
            field="amount",
        )


@transaction.atomic
def register_extra(
    burgerbaner: Burgerbaner,
    *,
    date: datetime.date,
    kind: str,
    amount: Decimal,
    description: str,
    by: User,
) -> Extra:
    """Safe Almere staff register a gift or travel costs; they count toward the maxima.

    Never for themselves: a colleague registers the gift of a treasurer or signer
    who is also a burgerbaner.
    """
    _require(by, people.TREASURER, people.SIGNER)
    if permissions.is_own(by, burgerbaner):
        raise PaymentError(str(OWN_EXTRA))
    check_extra(date=date, amount=amount)
    if not AllowanceAgreement.objects.in_force_on(date).filter(burgerbaner=burgerbaner).exists():
        raise PaymentError(
            _(
                "%(name)s had op %(day)s geen actieve vergoedingsovereenkomst. Een gift of "
                "reiskosten kan alleen onder een vergoedingsovereenkomst."
            )
            % {"name": burgerbaner.legal_name, "day": day_name(date)}
        )
    lock_person_year(burgerbaner.pk, date.year)
    return Extra.objects.create(
        burgerbaner=burgerbaner,
        date=date,
        kind=kind,
        amount=amount,
        description=description,
        registered_by=by,
    )


def extra_left(extra: Extra) -> Decimal:
    """What is left of a gift or travel costs after its corrections."""
    taken_back = extra.corrections.aggregate(total=Sum("amount"))["total"] or Decimal("0.00")
    return extra.amount + taken_back


@transaction.atomic
def correct_extra(extra: Extra, *, amount: Decimal, reason: str, by: User) -> Extra:
    """Take back ``amount`` of a gift or travel costs with a counter-entry.

    The counter-entry is a negative entry that refers to the original, on the
    original's date, so the month and year count the net; it keeps who made it
    and when. The original never changes. Refuses a correction of a correction,
    more than what is left of the original, a correction without a reason, and
    a correction of one's own gift or travel costs.
    """
    _require(by, people.TREASURER, people.SIGNER)
    if permissions.is_own(by, extra.burgerbaner):
        raise PaymentError(
            _("Je kunt je eigen gift of reiskosten niet corrigeren. Vraag een collega.")
        )
    reason = _check_counter_entry(
        extra,
        amount,
        reason,
        field="reason",
        refused=_("Dit is zelf een correctie. Corrigeer de oorspronkelijke gift of reiskosten."),
    )
    lock_person_year(extra.burgerbaner_id, extra.date.year)
    left = extra_left(extra)
    _check_left(amount, left)
    return Extra.objects.create(
        burgerbaner_id=extra.burgerbaner_id,
        date=extra.date,
        kind=extra.kind,
        amount=-amount,
        description=reason,
        corrects=extra,
        registered_by=by,
    )


@transaction.atomic
def set_opening_balance(
    burgerbaner: Burgerbaner, *, year: int, amount: Decimal, note: str, by: User
) -> OpeningBalance:
    """Record allowance paid earlier in ``year`` outside the system, with who entered it.

    Every call is a record of its own: the same amount twice is paid twice. Refuses a
    year before the pilot's records or still to come. Going over the annual maximum is
    not refused (the money was paid already); ``opening_balance_warning`` says so.
    """
    _require(by, people.ADMIN, people.TREASURER)
    try:
        validate_opening_year(year)
    except ValidationError as exc:
        raise PaymentError(exc.messages[0], field="year") from exc
    check_amount(amount, field="amount")
    lock_person_year(burgerbaner.pk, year)
    return OpeningBalance.objects.create(
        burgerbaner=burgerbaner, year=year, amount=amount, note=note, registered_by=by
    )


@transaction.atomic
def correct_opening_balance(
    balance: OpeningBalance, *, amount: Decimal, note: str, by: User
) -> OpeningBalance:
    """Take back ``amount`` of an opening balance with a counter-entry.

    A negative balance in the same year that refers to the original, with who made it
    and when; the original never changes. Refuses a correction of a correction, more
    than what is left of the original, and a correction without a reason.
    """
    _require(by, people.ADMIN, people.TREASURER)
    note = _check_counter_entry(
        balance,
        amount,
        note,
        field="note",
        refused=_("Dit is zelf een correctie. Corrigeer het oorspronkelijke beginsaldo."),
    )
    lock_person_year(balance.burgerbaner_id, balance.year)
    taken_back = balance.corrections.aggregate(total=Sum("amount"))["total"] or Decimal("0.00")
    left = balance.amount + taken_back
    _check_left(amount, left)
    return OpeningBalance.objects.create(
        burgerbaner_id=balance.burgerbaner_id,
        year=balance.year,
        amount=-amount,
        note=note,
        corrects=balance,
        registered_by=by,
    )


def opening_balance_warning(burgerbaner: Burgerbaner, year: int) -> str:
    """A warning when what counts for ``year`` so far (opening balances and the payments
    approved) is over the annual maximum; empty when it is not."""
    overview = cap.overview(burgerbaner, year, 12)
    over = overview.over_annual_maximum
    if not over:
        return ""
    return _(
        "Let op: %(name)s komt in %(year)s %(over)s boven het jaarmaximum van %(max)s "
        "(al eerder ontvangen plus wat de Burgerbaan al betaalde). Klopt het beginsaldo? "
        "Zo niet, corrigeer het dan."
    ) % {
        "name": burgerbaner.legal_name,
        "year": year,
        "over": format_euro(over),
        "max": format_euro(overview.annual_maximum),
    }


@transaction.atomic
def create_batch(*, by: User, only: list[int] | None = None) -> PaymentBatch:
    """Put every approved payment that is not in a batch yet into a new batch.

    With ``only``: just those of them, as the treasurer saw them before confirming.
    """
    _require(by, people.TREASURER)
    waiting = Payment.objects.select_for_update().filter(
        status=PaymentStatus.APPROVED, batch__isnull=True
    )
    if only is not None:
        waiting = waiting.filter(pk__in=only)
    payments = list(waiting.select_related("burgerbaner"))
    if not payments:
        raise PaymentError(
            _("Er zijn geen goedgekeurde betalingen die nog niet in een opdracht zitten.")
        )
    for payment in payments:
        try:
            normalise_iban(payment.iban)
        except ValidationError as exc:
            raise PaymentError(
                _(
                    "Het IBAN van %(name)s klopt niet. Pas de vergoedingsovereenkomst aan en "
                    "keur opnieuw goed. Er is geen opdracht gemaakt."
                )
                % {"name": payment.burgerbaner.legal_name}
            ) from exc
    batch = PaymentBatch.objects.create(created_by=by)
    for payment in payments:
        payment.batch = batch
        payment.save(update_fields=["batch"])
    return batch


def sepa_xml(batch: PaymentBatch, *, execution_date: datetime.date | None = None) -> bytes:
    """The batch as a SEPA credit transfer file (``settings.SEPA_PAIN_VERSION``), checked
    against its XSD. Each transfer's end-to-end id names its payment (``end_to_end_id``),
    so the bank statement finds it again."""
    foundation = Organisation.objects.filter(kind=Organisation.Kind.FOUNDATION).first()
    if foundation is None or not foundation.iban:
        raise PaymentError(
            _("Vul eerst het IBAN van Stichting Safe Almere in bij de organisaties.")
        )
    when = execution_date or batch.execution_date or timezone.localdate()
    transfers = [
        {
            "name": payment.burgerbaner.legal_name,
            "IBAN": payment.iban,
            "amount": int(payment.amount * 100),
            "description": f"Vrijwilligersvergoeding {payment.month:02d}-{payment.year}",
            "endtoend_id": end_to_end_id(payment),
        }
        for payment in batch.payments.select_related("burgerbaner").order_by("pk")
    ]
    try:
        return sepa.transfer_file(
            debtor_name=foundation.name,
            debtor_iban=foundation.iban,
            debtor_bic=foundation.bic,
            debtor_address=foundation.address,
            execution_date=when,
            transfers=transfers,
        )
    except sepa.InvalidTransferFile as exc:
        raise PaymentError(
            _(
                "Het bankbestand klopt niet met het formaat dat de bank vraagt, dus het is "
                "niet gemaakt. Controleer de namen en IBAN's in deze opdracht. (%(detail)s)"
            )
            % {"detail": exc}
        ) from exc


END_TO_END_PREFIX = "BB"


def end_to_end_id(payment: Payment) -> str:
    return f"{END_TO_END_PREFIX}{payment.pk:010d}"


def payment_id_from_end_to_end(reference: str) -> int | None:
    """The payment an end-to-end id of ours names; None for any other reference."""
    reference = (reference or "").strip()
    if (
        len(reference) == len(END_TO_END_PREFIX) + 10
        and reference.startswith(END_TO_END_PREFIX)
        and reference[len(END_TO_END_PREFIX) :].isdigit()
    ):
        return int(reference[len(END_TO_END_PREFIX) :])
    return None


def download_sepa(batch: PaymentBatch, *, by: User) -> bytes:
    """The batch's SEPA file, keeping who downloaded it and when.

    Each download is kept, so the batch page can say that the file went out
    before: a file sent to the bank twice pays everyone twice.
    """
    _require(by, people.TREASURER)
    xml = sepa_xml(batch)
    BatchDownload.objects.create(batch=batch, by=by)
    return xml


def check_execution_date(execution_date: datetime.date) -> None:
    if execution_date > timezone.localdate():
        raise PaymentError(
            _(
                "De bank kan de opdracht niet op een dag in de toekomst hebben uitgevoerd. "
                "Kies de dag op je bankafschrift."
            ),
            field="execution_date",
        )


@transaction.atomic
def mark_batch_paid(batch: PaymentBatch, *, execution_date: datetime.date, by: User):
    """The bank carried out the batch: it and its payments are paid.

    Refuses a day still to come: this cannot be undone, and a date in the
    future is a typing error.
    """
    _require(by, people.TREASURER)
    check_execution_date(execution_date)
    batch = PaymentBatch.objects.select_for_update().get(pk=batch.pk)
    if batch.status != PaymentBatch.Status.OPEN:
        raise PaymentError(_("Deze opdracht is al als betaald gemarkeerd."))
    batch.status = PaymentBatch.Status.PAID
    batch.execution_date = execution_date
    batch.save()
    # Payments the bank statement already marked paid (or returned) keep their own day.
    for payment in (
        batch.payments.select_for_update()
        .filter(status=PaymentStatus.APPROVED)
        .select_related("burgerbaner__user")
    ):
        payment.move_to(PaymentStatus.PAID)
        payment.paid_on = execution_date
        payment.save()
        facts = {"month": date_format(payment.period, "F Y"), "amount": format_euro(payment.amount)}
        notify(
            payment.burgerbaner.user,
            key=f"payment-paid-{payment.pk}",
            subject=_("Je vergoeding van %(month)s is betaald") % facts,
            text=_(
                "Je vergoeding van %(month)s is betaald: %(amount)s. Het geld staat binnen "
                "een paar dagen op je rekening."
            )
            % facts,
            url=payment.get_absolute_url(),
        )
    return batch


@transaction.atomic
def mark_paid_by_bank(payment: Payment, *, booked_on: datetime.date, by: User) -> bool:
    """The bank statement shows ``payment`` went out on ``booked_on``: it is paid that day.

    Once no payment of its batch waits any more, the batch is carried out too, on the
    last booking day. Returns False when the payment was paid already (a statement read
    twice books nothing twice); refuses a payment outside a batch.
    """
    _require(by, people.TREASURER)
    payment = Payment.objects.select_for_update().get(pk=payment.pk)
    if payment.status != PaymentStatus.APPROVED:
        return False
    if payment.batch_id is None:
        raise PaymentError(_("Deze betaling zit nog niet in een betaalopdracht."))
    batch = PaymentBatch.objects.select_for_update().get(pk=payment.batch_id)
    payment.move_to(PaymentStatus.PAID)
    payment.paid_on = booked_on
    payment._history_user = by  # also outside a request (simple-history)
    payment.save()
    if (
        batch.status == PaymentBatch.Status.OPEN
        and not batch.payments.filter(status=PaymentStatus.APPROVED).exists()
    ):
        batch.status = PaymentBatch.Status.PAID
        batch.execution_date = max(
            day for day in batch.payments.values_list("paid_on", flat=True) if day
        )
        batch._history_user = by
        batch.save()
    return True


@transaction.atomic
def mark_returned(payment: Payment, *, reason: str, by: User) -> Payment:
    """The bank sent a payment back: it no longer counts, so its headroom is free again.

    Keeps who marked it and when; never a treasurer's own payment, and whoever
    marked it does not approve that month again (``approval_refusals``).
    """
    _require(by, people.TREASURER)
    if permissions.is_own(by, payment.burgerbaner):
        raise PaymentError(
            _("Dit is je eigen betaling. Een andere penningmeester markeert hem als teruggekomen.")
        )
    if not reason.strip():
        raise PaymentError(_("Schrijf op waarom de betaling terugkwam."))
    lock_person_year(payment.burgerbaner_id, payment.year)
    payment = Payment.objects.select_for_update().get(pk=payment.pk)
    payment.move_to(PaymentStatus.RETURNED)
    payment.return_reason = reason.strip()
    payment.returned_by = by
    payment.returned_at = timezone.now()
    payment.save()
    return payment


def extra_warning(burgerbaner: Burgerbaner, *, date: datetime.date, amount: Decimal) -> str:
    """Before a gift or travel costs is saved: how far it would go over the monthly or the
    annual maximum, with what is signed, waiting and received elsewhere; empty when it fits."""
    overview = cap.overview(burgerbaner, date.year, date.month)
    over_month, over_year = overview.over_after(amount, date.month)
    parts = []
    if over_month:
        parts.append(
            _("%(amount)s boven het maandmaximum van %(month)s")
            % {"amount": format_euro(min(over_month, amount)), "month": _month_label(date)}
        )
    if over_year:
        parts.append(
            _("%(amount)s boven het jaarmaximum van %(year)s")
            % {"amount": format_euro(min(over_year, amount)), "year": date.year}
        )
    if not parts:
        return ""
    return _(
        "Let op: hiermee komt %(name)s %(over)s. Dat deel wordt niet uitbetaald. Wil je het "
        "toch registreren?"
    ) % {"name": burgerbaner.legal_name, "over": _(" en ").join(parts)}


# --- allowances from elsewhere ---------------------------------------------------------


def elsewhere_warning(burgerbaner: Burgerbaner, month: datetime.date) -> str:
    """What the allowances from elsewhere of ``month`` leave for this pilot's money; empty
    when everything still fits under both maxima."""
    overview = cap.overview(burgerbaner, month.year, month.month)
    over_month, over_year = overview.over_after(Decimal("0.00"), month.month)
    parts = []
    if over_month:
        parts.append(
            _("%(amount)s boven het maandmaximum van %(month)s")
            % {"amount": format_euro(over_month), "month": _month_label(month)}
        )
    if over_year:
        parts.append(
            _("%(amount)s boven het jaarmaximum van %(year)s")
            % {"amount": format_euro(over_year), "year": month.year}
        )
    if not parts:
        return ""
    return _(
        "Let op: samen met de vergoeding van elders komt %(name)s %(over)s. Dat deel wordt "
        "hier niet uitbetaald."
    ) % {"name": burgerbaner.legal_name, "over": _(" en ").join(parts)}


@transaction.atomic
def record_elsewhere(
    burgerbaner: Burgerbaner,
    *,
    organisation_name: str,
    month: datetime.date,
    amount: Decimal,
    by: User,
) -> ElsewhereAllowance:
    """Record volunteer allowance received from another organisation in ``month``.

    It counts toward that month's maximum and the year's, before this pilot's money.
    Recorded by the burgerbaner themself or by an admin for them. Refuses a month still
    to come, an amount that is not a real amount and an empty organisation.
    """
    if not permissions.can_record_elsewhere_for(by, burgerbaner):
        raise PermissionDenied
    organisation_name = organisation_name.strip()
    if not organisation_name:
        raise PaymentError(
            _("Schrijf op van welke organisatie je het kreeg."), field="organisation_name"
        )
    check_amount(amount, field="amount")
    month = month.replace(day=1)
    if month > timezone.localdate().replace(day=1):
        raise PaymentError(
            _("Deze maand moet nog komen. Vul een vergoeding in als je hem gekregen hebt."),
            field="month",
        )
    lock_person_year(burgerbaner.pk, month.year)
    return ElsewhereAllowance.objects.create(
        burgerbaner=burgerbaner,
        organisation_name=organisation_name,
        month=month,
        amount=amount,
        registered_by=by,
    )


def elsewhere_left(entry: ElsewhereAllowance) -> Decimal:
    """What is left of an allowance from elsewhere after its corrections."""
    taken_back = entry.corrections.aggregate(total=Sum("amount"))["total"] or Decimal("0.00")
    return entry.amount + taken_back


@transaction.atomic
def correct_elsewhere(
    entry: ElsewhereAllowance, *, amount: Decimal, note: str, by: User
) -> ElsewhereAllowance:
    """Take back ``amount`` of an allowance from elsewhere with a counter-entry in the
    same month; the original never changes. Refuses a correction of a correction, more
    than what is left, and a correction without a reason."""
    if not permissions.can_record_elsewhere_for(by, entry.burgerbaner):
        raise PermissionDenied
    note = _check_counter_entry(
        entry,
        amount,
        note,
        field="note",
        refused=_("Dit is zelf een correctie. Corrigeer het oorspronkelijke bedrag."),
    )
    lock_person_year(entry.burgerbaner_id, entry.month.year)
    left = elsewhere_left(entry)
    _check_left(amount, left)
    return ElsewhereAllowance.objects.create(
        burgerbaner_id=entry.burgerbaner_id,
        organisation_name=entry.organisation_name,
        month=entry.month,
        amount=-amount,
        note=note,
        corrects=entry,
        registered_by=by,
    )


def years_on_record(burgerbaner: Burgerbaner, years) -> set[int]:
    """The years of ``years`` with anything on record for the person: hours, gifts or
    travel costs, payments or money received before joining. Only those have a statement."""
    years = list(years)
    found = set(
        HourEntry.objects.filter(
            timesheet__burgerbaner=burgerbaner, date__year__in=years
        ).values_list("date__year", flat=True)
    )
    found |= set(
        Extra.objects.filter(burgerbaner=burgerbaner, date__year__in=years).values_list(
            "date__year", flat=True
        )
    )
    found |= set(
        Payment.objects.filter(burgerbaner=burgerbaner, year__in=years).values_list(
            "year", flat=True
        )
    )
    found |= set(
        OpeningBalance.objects.filter(burgerbaner=burgerbaner, year__in=years).values_list(
            "year", flat=True
        )
    )
    return found


# --- counter-entries: one set of checks for gifts, opening balances and money from elsewhere


def _check_counter_entry(
    original, amount: Decimal, reason: str, *, field: str, refused: str
) -> str:
    """Refuse a correction of a correction (with ``refused``), an amount that is no real
    amount and a correction without a reason; the reason, stripped."""
    if original.corrects_id is not None:
        raise PaymentError(refused)
    check_amount(amount, field="amount")
    reason = reason.strip()
    if not reason:
        raise PaymentError(_("Schrijf op waarom je dit corrigeert."), field=field)
    return reason


def _check_left(amount: Decimal, left: Decimal) -> None:
    """Refuse taking back more than is left of the original after its corrections."""
    if amount > left:
        raise PaymentError(
            _("Je kunt hoogstens %(left)s terugnemen: zoveel is er nog over van dit bedrag.")
            % {"left": format_euro(left)},
            field="amount",
        )
