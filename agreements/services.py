"""Actions on agreements: create, change, send for signature, sign, new version, end.

Each action checks the rules, changes the agreement in one transaction and
raises an ``AgreementError`` with a Dutch message when it refuses. History is
kept by simple-history (who, when, what) and by the signatures themselves.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Burgerbaner, Organisation, Role, User
from accounts.services import absolute_url
from agreements import permissions
from agreements.errors import AgreementError, AgreementLocked, AlreadySigned, TextChanged
from agreements.models import (
    Agreement,
    AgreementStatus,
    AllowanceAgreement,
    Signature,
    VolunteerAgreement,
)
from burgerbaan.dates import day_name
from rules.services import hourly_maximum_on, rules_for

# --- checks shared by the forms and the services -------------------------------------------


def check_period(start: datetime.date, end: datetime.date | None) -> None:
    if end is not None and end < start:
        raise AgreementError(_("De einddatum ligt vóór de startdatum. Kies een latere einddatum."))


def check_volunteer_terms(
    *, organisation: Organisation, coordinator: User | None, start_date, end_date, **_terms
) -> None:
    check_period(start_date, end_date)
    if organisation.kind != Organisation.Kind.NONPROFIT:
        raise AgreementError(_("Kies een maatschappelijke organisatie."))
    if (
        coordinator is not None
        and not coordinator.roles.filter(
            kind=Role.Kind.COORDINATOR, organisation=organisation
        ).exists()
    ):
        raise AgreementError(
            _("%(name)s is geen coördinator van %(organisation)s.")
            % {"name": coordinator.name, "organisation": organisation.name},
            field="coordinator",
        )


def check_allowance_terms(
    *,
    burgerbaner: Burgerbaner,
    start_date: datetime.date,
    end_date: datetime.date | None,
    hourly_rate: Decimal,
    hourly_rate_from_21: Decimal | None = None,
    exclude: AllowanceAgreement | None = None,
    **_terms,
) -> None:
    """Refuse terms that break the law or overlap another allowance agreement.

    The agreement runs within one calendar year (the maxima are per year); the
    rate may not exceed the legal hourly maximum for the person's age on the
    first day; when they turn 21 during the agreement, a second rate may apply
    from their birthday, up to the maximum for 21 and older.
    """
    if end_date is None:
        raise AgreementError(_("Vul een einddatum in. Meestal is dat 31 december."))
    check_period(start_date, end_date)
    if end_date.year != start_date.year:
        raise AgreementError(
            _(
                "Een vergoedingsovereenkomst loopt binnen één kalenderjaar. "
                "Maak voor het volgende jaar een nieuwe overeenkomst."
            )
        )
    if hourly_rate <= 0:
        raise AgreementError(
            _("De vergoeding per uur moet meer dan € 0,00 zijn."), field="hourly_rate"
        )
    rules_for(start_date.year)  # refuses a year without rules
    maximum = hourly_maximum_on(burgerbaner, start_date)
    if hourly_rate > maximum:
        raise AgreementError(
            _(
                "De vergoeding per uur is hoger dan het wettelijke maximum van %(max)s "
                "voor %(name)s op %(day)s."
            )
            % {
                "max": _euro(maximum),
                "name": burgerbaner.legal_name,
                "day": day_name(start_date),
            }
        )
    birthday = burgerbaner.twenty_first_birthday()
    turns_21_during = start_date < birthday <= end_date
    if hourly_rate_from_21 is not None:
        if hourly_rate_from_21 <= 0:
            raise AgreementError(
                _("De vergoeding per uur vanaf 21 jaar moet meer dan € 0,00 zijn."),
                field="hourly_rate_from_21",
            )
        if not turns_21_during:
            raise AgreementError(
                _(
                    "Een tweede uurtarief kan alleen als %(name)s tijdens deze overeenkomst "
                    "21 jaar wordt."
                )
                % {"name": burgerbaner.legal_name}
            )
        maximum_21 = hourly_maximum_on(burgerbaner, birthday)
        if hourly_rate_from_21 > maximum_21:
            raise AgreementError(
                _("De vergoeding per uur vanaf 21 jaar is hoger dan het maximum van %(max)s.")
                % {"max": _euro(maximum_21)}
            )
    check_no_other_allowance(burgerbaner, start_date, end_date, exclude=exclude)


def check_no_other_allowance(
    burgerbaner: Burgerbaner,
    start_date: datetime.date,
    end_date: datetime.date,
    *,
    exclude: AllowanceAgreement | None = None,
) -> None:
    """Never two allowance agreements in force on the same day, or a day's work is paid twice.

    The version a new one replaces is left out only while it is still active: signing
    the new version ends it the day before. Once it was ended early it keeps its days,
    and the new version must start after them.
    """
    overlapping = (
        AllowanceAgreement.objects.filter(burgerbaner=burgerbaner)
        .exclude(status=AgreementStatus.ENDED, ended_on__lt=start_date)
        .filter(start_date__lte=end_date, end_date__gte=start_date)
    )
    if exclude is not None:
        overlapping = overlapping.exclude(pk=exclude.pk)
        if exclude.supersedes_id:
            overlapping = overlapping.exclude(
                pk=exclude.supersedes_id, status=AgreementStatus.ACTIVE
            )
    other = overlapping.order_by("start_date").first()
    if other is not None:
        last = min(d for d in (other.end_date, other.ended_on) if d)
        raise AgreementError(
            _(
                "%(name)s heeft al een vergoedingsovereenkomst van %(start)s tot %(end)s. "
                "Twee vergoedingsovereenkomsten mogen niet tegelijk lopen."
            )
            % {
                "name": burgerbaner.legal_name,
                "start": day_name(other.start_date),
                "end": day_name(last),
            },
            field="start_date",
        )


def _euro(amount: Decimal) -> str:
    from burgerbaan.money import format_euro

    return format_euro(amount)


def check_terms(model: type[Agreement], terms: dict, exclude: Agreement | None = None) -> None:
    if model is VolunteerAgreement:
        check_volunteer_terms(**terms)
    else:
        check_allowance_terms(**terms, exclude=exclude)


# --- actions -------------------------------------------------------------------------------


def _require_admin(user: User) -> None:
    if not permissions.can_manage(user):
        raise PermissionDenied


def needs_bijstand_information(burgerbaner: Burgerbaner, start_date: datetime.date) -> bool:
    return burgerbaner.young_on_bijstand(start_date)


def check_bijstand_informed(
    burgerbaner: Burgerbaner, start_date: datetime.date, informed: bool
) -> None:
    """Under 27 on bijstand, any allowance beyond proven costs is deducted from the
    benefit: the admin confirms the person was told before the agreement is made."""
    if needs_bijstand_information(burgerbaner, start_date) and not informed:
        raise AgreementError(
            _(
                "%(name)s is jonger dan 27 en krijgt bijstand. Vertel eerst wat de vergoeding "
                "betekent voor de bijstand, en zet dan het vinkje."
            )
            % {"name": burgerbaner.legal_name},
            field="bijstand_informed",
        )


def _record_bijstand_informed(agreement: Agreement, informed: bool, by: User) -> None:
    if not isinstance(agreement, AllowanceAgreement):
        return
    check_bijstand_informed(agreement.burgerbaner, agreement.start_date, informed)
    if informed and needs_bijstand_information(agreement.burgerbaner, agreement.start_date):
        agreement.bijstand_informed_by = by
        agreement.bijstand_informed_at = timezone.now()


@transaction.atomic
def create_agreement(
    model: type[Agreement], *, by: User, bijstand_informed: bool = False, **terms
) -> Agreement:
    """Create a draft agreement. Only admins do this.

    For someone under 27 on bijstand, an allowance agreement needs ``bijstand_informed``:
    the admin confirms the person was told; who and when are kept on the agreement.
    """
    _require_admin(by)
    check_terms(model, terms)
    agreement = model(status=AgreementStatus.DRAFT, created_by=by, **terms)
    _record_bijstand_informed(agreement, bijstand_informed, by)
    agreement.save()
    return agreement


@transaction.atomic
def update_agreement(
    agreement: Agreement, *, by: User, bijstand_informed: bool = False, **terms
) -> Agreement:
    """Change the terms while nobody has signed yet. After that: a new version."""
    _require_admin(by)
    agreement = type(agreement).objects.select_for_update().get(pk=agreement.pk)
    if agreement.is_locked:
        raise AgreementLocked
    check_terms(type(agreement), {"burgerbaner": agreement.burgerbaner, **terms}, exclude=agreement)
    for field, value in terms.items():
        setattr(agreement, field, value)
    if not getattr(agreement, "bijstand_informed_at", None):
        _record_bijstand_informed(agreement, bijstand_informed, by)
    if agreement.status == AgreementStatus.AWAITING_SIGNATURES:
        agreement.freeze_document()
    agreement.save()
    return agreement


def send_for_signature(
    agreement: Agreement, *, by: User, request=None, notify: bool = True
) -> Agreement:
    """Fix the text of a draft and ask both parties to sign it (by e-mail)."""
    _require_admin(by)
    with transaction.atomic():
        agreement = type(agreement).objects.select_for_update().get(pk=agreement.pk)
        check_terms(
            type(agreement), agreement.terms(), exclude=agreement
        )  # the rules may have changed since the draft was made
        if isinstance(agreement, AllowanceAgreement) and not agreement.bijstand_informed_at:
            # The person may have said they receive bijstand after the draft was made.
            check_bijstand_informed(agreement.burgerbaner, agreement.start_date, False)
        agreement.move_to(AgreementStatus.AWAITING_SIGNATURES)
        agreement.freeze_document()
        agreement.save()
    if notify:
        _email_awaited_parties(agreement, request)
    return agreement


def sign_agreement(
    agreement: Agreement, *, by: User, ip_address: str | None, document_sha256: str
) -> Signature:
    """Sign the text ``by`` saw, for the side they stand on; both sides make it active.

    ``document_sha256`` is the fingerprint of the text the signer was shown. Refuses
    someone who is not a party (PermissionDenied), an agreement that is not waiting
    for signatures, a second signature for the same side (a double click gives one
    signature), and a text that changed after the signer opened it (``TextChanged``:
    nothing is signed, they read the new text first).
    """
    party = permissions.party_of(by, agreement)
    if party is None:
        raise PermissionDenied
    try:
        with transaction.atomic():
            agreement = type(agreement).objects.select_for_update().get(pk=agreement.pk)
            if agreement.status != AgreementStatus.AWAITING_SIGNATURES:
                raise AgreementError(_("Deze overeenkomst wacht niet op een handtekening."))
            if agreement.signatures.filter(party=party).exists():
                raise AlreadySigned(
                    _("Deze overeenkomst is al getekend. Je hoeft niets meer te doen.")
                )
            if document_sha256 != agreement.document_sha256:
                raise TextChanged(
                    _(
                        "De tekst van deze overeenkomst is veranderd nadat je hem opende. "
                        "Er is niets getekend. Lees de nieuwe tekst hieronder. Klopt alles, "
                        "teken dan opnieuw."
                    )
                )
            if not agreement.text_matches_fingerprint():
                raise AgreementError(
                    _(
                        "De tekst van deze overeenkomst klopt niet met de vastgelegde versie. "
                        "Er is niets getekend. Meld dit aan de beheerder."
                    )
                )
            if isinstance(agreement, AllowanceAgreement) and agreement.signatures.exists():
                # The last signature makes it active: the older version may have been
                # ended early meanwhile, and its days stay its own.
                check_no_other_allowance(
                    agreement.burgerbaner,
                    agreement.start_date,
                    agreement.end_date,
                    exclude=agreement,
                )
            signature = Signature.objects.create(
                **{agreement.signature_field: agreement},
                party=party,
                signed_by=by,
                ip_address=ip_address,
                document_sha256=agreement.document_sha256,
            )
            if agreement.signatures.count() == 2:
                _activate(agreement)
    except IntegrityError as exc:  # a simultaneous second click lost the race
        raise AlreadySigned(
            _("Deze overeenkomst is al getekend. Je hoeft niets meer te doen.")
        ) from exc
    return signature


def _activate(agreement: Agreement) -> None:
    agreement.move_to(AgreementStatus.ACTIVE)
    agreement.save()
    previous = agreement.supersedes
    if previous is not None and previous.status == AgreementStatus.ACTIVE:
        previous.move_to(AgreementStatus.ENDED)
        previous.ended_on = agreement.start_date - datetime.timedelta(days=1)
        previous.end_reason = _("Vervangen door versie %(version)s.") % {
            "version": agreement.version
        }
        previous.save()


@transaction.atomic
def new_version(agreement: Agreement, *, by: User) -> Agreement:
    """Start a changed copy of a signed agreement; it needs both signatures again."""
    _require_admin(by)
    agreement = type(agreement).objects.select_for_update().get(pk=agreement.pk)
    if not agreement.is_locked:
        raise AgreementError(
            _("Nog niemand heeft getekend: je kunt de overeenkomst gewoon wijzigen.")
        )
    if agreement.status == AgreementStatus.ENDED:
        raise AgreementError(_("Deze overeenkomst is beëindigd. Maak een nieuwe overeenkomst."))
    existing = type(agreement).objects.filter(supersedes=agreement).first()
    if existing is not None:
        return existing
    return type(agreement).objects.create(
        **agreement.terms(),
        version=agreement.version + 1,
        supersedes=agreement,
        status=AgreementStatus.DRAFT,
        created_by=by,
    )


@transaction.atomic
def end_agreement(agreement: Agreement, *, on: datetime.date, reason: str, by: User) -> Agreement:
    """End an active agreement early, with a date and a reason."""
    _require_admin(by)
    agreement = type(agreement).objects.select_for_update().get(pk=agreement.pk)
    if not reason.strip():
        raise AgreementError(_("Schrijf op waarom de overeenkomst stopt."))
    if on < agreement.start_date:
        raise AgreementError(_("De overeenkomst kan niet stoppen vóór de startdatum."))
    if agreement.end_date is not None and on > agreement.end_date:
        raise AgreementError(_("Die datum ligt na de einddatum van de overeenkomst."))
    agreement.move_to(AgreementStatus.ENDED)
    agreement.ended_on = on
    agreement.end_reason = reason.strip()
    agreement.save()
    return agreement


# --- e-mail --------------------------------------------------------------------------------


def awaited_signers(agreement: Agreement) -> list[User]:
    signed = set(agreement.signatures.values_list("party", flat=True))
    people: list[User] = []
    if Signature.Party.BURGERBANER not in signed:
        people.append(agreement.burgerbaner.user)
    if Signature.Party.ORGANISATION not in signed:
        if isinstance(agreement, VolunteerAgreement):
            people += list(
                User.objects.filter(
                    roles__kind=Role.Kind.COORDINATOR, roles__organisation=agreement.organisation
                ).exclude(pk=agreement.burgerbaner.user_id)
            )
        else:
            people += list(
                User.objects.filter(roles__kind=Role.Kind.SIGNER).exclude(
                    pk=agreement.burgerbaner.user_id
                )
            )
    return people


def _email_awaited_parties(agreement: Agreement, request=None) -> None:
    link = absolute_url(
        reverse("agreement_detail", args=[agreement.kind_slug, agreement.pk]), request
    )
    for person in awaited_signers(agreement):
        context = {"person": person, "agreement": agreement, "link": link}
        send_mail(
            subject=render_to_string("agreements/email/sign_subject.txt", context).strip(),
            message=render_to_string("agreements/email/sign_message.txt", context),
            from_email=None,
            recipient_list=[person.email],
        )


def close_finished_agreements(today: datetime.date) -> int:
    """Mark active agreements whose end date has passed as ended. Safe to run again."""
    closed = 0
    for model in (VolunteerAgreement, AllowanceAgreement):
        for agreement in model.objects.filter(
            status=AgreementStatus.ACTIVE, end_date__lt=today
        ).select_related("burgerbaner"):
            with transaction.atomic():
                agreement.move_to(AgreementStatus.ENDED)
                agreement.ended_on = agreement.end_date
                agreement.end_reason = _("De einddatum is bereikt.")
                agreement.save()
            closed += 1
    return closed
