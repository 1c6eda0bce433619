"""Personal data: everything about one burgerbaner as a download, and anonymisation.

The pilot keeps money records for the tax rules: seven years after the last
payment. After that an admin may anonymise a person: every field that says who
they are, where they live or how to pay them is overwritten, in the records
and in their history. What stays is what the accounts need: the hours, the
amounts, the dates and the signatures' timestamps, so that every year's totals
stay the same.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Burgerbaner, Notice, User
from agreements.models import AgreementStatus, AllowanceAgreement, Signature, VolunteerAgreement
from burgerbaan.errors import DomainError
from guidance.models import CheckIn, Evaluation, Goal, ResearchConsent, Wellbeing
from hours.models import HourEntry, Timesheet, TimesheetStep
from intake.models import Application, Event, PlaceRequest, Referral
from payments.models import ElsewhereAllowance, Extra, OpeningBalance, Payment

RETENTION_YEARS = 7
SCRUBBED = "(geanonimiseerd)"


class RetentionNotOver(DomainError):
    pass


# --- the download ------------------------------------------------------------------


def _plain(value):
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return value


def _rows(queryset, *fields) -> list[dict]:
    return [{k: _plain(v) for k, v in row.items()} for row in queryset.values(*fields)]


def personal_data(burgerbaner: Burgerbaner) -> dict:
    """Everything the pilot holds about this person, in plain JSON types."""

    user = burgerbaner.user
    volunteer = VolunteerAgreement.objects.filter(burgerbaner=burgerbaner)
    allowance = AllowanceAgreement.objects.filter(burgerbaner=burgerbaner)
    timesheets = Timesheet.objects.filter(burgerbaner=burgerbaner)
    agreement_fields = ("id", "version", "status", "start_date", "end_date", "end_reason")
    return {
        "uitleg": _(
            "Alle gegevens die de Burgerbaan over jou bewaart. Bedragen in euro, "
            "datums als jaar-maand-dag."
        ),
        "gemaakt_op": timezone.now().isoformat(),
        "account": {
            "naam": user.name,
            "e-mailadres": user.email,
            "aangemaakt_op": _plain(user.date_joined),
            "laatst_ingelogd": _plain(user.last_login),
        },
        "profiel": {
            "officiele_naam": burgerbaner.legal_name,
            "geboortedatum": _plain(burgerbaner.date_of_birth),
            "adres": burgerbaner.address,
            "telefoon": burgerbaner.phone,
            "iban": burgerbaner.iban,
            "startdatum": _plain(burgerbaner.start_date),
            "persoonlijk_plan": burgerbaner.personal_plan,
            "uitkering": burgerbaner.get_benefit_display(),
        },
        "vrijwilligersovereenkomsten": _rows(
            volunteer,
            *agreement_fields,
            "organisation__name",
            "work_description",
            "place",
            "hours_per_week",
        ),
        "vergoedingsovereenkomsten": _rows(
            allowance,
            *agreement_fields,
            "hourly_rate",
            "hourly_rate_from_21",
            "iban",
            "bijstand_informed_at",
            "bijstand_informed_by__name",
        ),
        "handtekeningen": _rows(
            Signature.objects.filter(signed_by=user),
            "party",
            "signed_at",
            "ip_address",
            "document_sha256",
            "volunteer_agreement",
            "allowance_agreement",
        ),
        "urenoverzichten": _rows(
            timesheets, "id", "organisation__name", "month", "status", "rejection_reason"
        ),
        "aftekenstappen": _rows(
            TimesheetStep.objects.filter(timesheet__in=timesheets),
            "timesheet",
            "action",
            "by__name",
            "at",
            "reason",
        ),
        "uren": _rows(
            HourEntry.objects.filter(timesheet__in=timesheets),
            "date",
            "hours",
            "description",
            "timesheet__organisation__name",
            "is_correction",
            "correction_reason",
        ),
        "betalingen": _rows(
            Payment.objects.filter(burgerbaner=burgerbaner),
            "year",
            "month",
            "amount",
            "status",
            "iban",
            "approved_at",
            "batch__execution_date",
            "paid_on",
            "return_reason",
        ),
        "giften_en_reiskosten": _rows(
            Extra.objects.filter(burgerbaner=burgerbaner), "date", "kind", "amount", "description"
        ),
        "beginsaldi": _rows(
            OpeningBalance.objects.filter(burgerbaner=burgerbaner), "year", "amount", "note"
        ),
        "vergoedingen_van_elders": _rows(
            ElsewhereAllowance.objects.filter(burgerbaner=burgerbaner),
            "month",
            "organisation_name",
            "amount",
            "note",
            "registered_at",
        ),
        "begeleidingsgesprekken": _rows(
            CheckIn.objects.filter(burgerbaner=burgerbaner),
            "date",
            "status",
            "organisation__name",
            "talked_about",
            "agreed",
            "next_date",
            "own_words",
        ),
        "doelen": _rows(
            Goal.objects.filter(burgerbaner=burgerbaner), "title", "state", "reached_on"
        ),
        "evaluatiedatums": _rows(
            Evaluation.objects.filter(agreement__burgerbaner=burgerbaner),
            "agreement__organisation__name",
            "due_on",
        ),
        "hoe_gaat_het": _rows(
            Wellbeing.objects.filter(burgerbaner=burgerbaner),
            "year",
            "quarter",
            "skipped",
            "feeling",
            "contact",
            "useful",
            "learning",
            "learned",
            "own_words",
            "story_consent",
        ),
        "toestemming_onderzoek": _rows(
            ResearchConsent.objects.filter(burgerbaner=burgerbaner), "given", "at"
        ),
        "aanmelding": _rows(
            Application.objects.filter(burgerbaner=burgerbaner),
            "created_at",
            "name",
            "email",
            "phone",
            "district",
            "wants",
            "can",
            "wants_to_learn",
            "availability",
            "talents",
            "referred_by_name",
            "plan_consent",
            "stage",
            "placed_place__title",
        ),
        "aanmelding_stappen": _rows(
            Event.objects.filter(application__burgerbaner=burgerbaner),
            "at",
            "stage_from",
            "stage_to",
            "note",
        ),
        "verwijzing": _rows(
            Referral.objects.filter(application__burgerbaner=burgerbaner),
            "organisation__name",
            "referred_at",
            "consent_by",
            "consent_on",
            "consent_how",
        ),
        "verzoeken_om_een_plek": _rows(
            PlaceRequest.objects.filter(burgerbaner=burgerbaner),
            "requested_at",
            "kind",
            "place__title",
            "organisation__name",
            "last_day",
            "message",
            "status",
            "reason",
            "answered_at",
            "decided_at",
        ),
        "berichten": _rows(
            Notice.objects.filter(user=burgerbaner.user), "created_at", "text", "url"
        ),
    }


# --- anonymisation -----------------------------------------------------------------


def last_payment_on(burgerbaner: Burgerbaner) -> datetime.date | None:
    """The day of the last payment: the bank's execution date, or the approval while the
    payment has not been sent yet."""

    days = [
        executed or timezone.localdate(approved)
        for executed, approved in Payment.objects.filter(burgerbaner=burgerbaner).values_list(
            "batch__execution_date", "approved_at"
        )
    ]
    return max(days, default=None)


def last_record_on(burgerbaner: Burgerbaner, today: datetime.date) -> datetime.date:
    """The last day the pilot has something of this person on record: a payment, a gift
    or travel cost, an opening balance, hours, or an agreement (the day it ended; an
    agreement still running counts as today)."""

    days = [burgerbaner.start_date, last_payment_on(burgerbaner)]
    days.append(Extra.objects.filter(burgerbaner=burgerbaner).aggregate(d=Max("date"))["d"])
    days.append(
        ElsewhereAllowance.objects.filter(burgerbaner=burgerbaner).aggregate(d=Max("month"))["d"]
    )
    year = OpeningBalance.objects.filter(burgerbaner=burgerbaner).aggregate(y=Max("year"))["y"]
    days.append(datetime.date(year, 12, 31) if year else None)
    days.append(
        HourEntry.objects.filter(timesheet__burgerbaner=burgerbaner).aggregate(d=Max("date"))["d"]
    )
    for model in (VolunteerAgreement, AllowanceAgreement):
        for start, end, ended_on, status in model.objects.filter(
            burgerbaner=burgerbaner
        ).values_list("start_date", "end_date", "ended_on", "status"):
            last = min(d for d in (end, ended_on) if d) if (end or ended_on) else None
            if status == AgreementStatus.ACTIVE and (last is None or last >= today):
                last = today  # still running
            days.append(last or start)
    return max(d for d in days if d)


def retention_ends(burgerbaner: Burgerbaner, today: datetime.date | None = None) -> datetime.date:
    """Seven years after the last record of the person (for most: their last payment)."""
    last = last_record_on(burgerbaner, today or timezone.localdate())
    try:
        return last.replace(year=last.year + RETENTION_YEARS)
    except ValueError:  # 29 February
        return datetime.date(last.year + RETENTION_YEARS, 3, 1)


def is_anonymised(burgerbaner: Burgerbaner) -> bool:
    return burgerbaner.anonymised_at is not None


@transaction.atomic
def anonymise(burgerbaner: Burgerbaner, *, by: User, today: datetime.date | None = None) -> None:
    """Overwrite everything that identifies the person; keep hours, amounts and dates."""
    today = today or timezone.localdate()
    burgerbaner = Burgerbaner.objects.select_for_update().get(pk=burgerbaner.pk)
    if is_anonymised(burgerbaner):
        raise RetentionNotOver(_("Deze persoon is al geanonimiseerd."))
    ends = retention_ends(burgerbaner, today)
    if today < ends:
        raise RetentionNotOver(
            _(
                "De gegevens moeten bewaard blijven tot %(date)s: zeven jaar na het laatste "
                "wat over deze persoon is vastgelegd, voor de Belastingdienst. Er is niets "
                "veranderd."
            )
            % {"date": ends.strftime("%d-%m-%Y")}
        )
    if connection.vendor == "postgresql":
        # The one way past the immutability triggers: personal fields only, this
        # transaction only (see payments/migrations/0004_immutable_records.py).
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL burgerbaan.anonymising = 'on'")
    try:
        _scrub(burgerbaner, by=by, today=today)
    finally:
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL burgerbaan.anonymising = 'off'")


def _scrub(burgerbaner: Burgerbaner, *, by: User, today: datetime.date) -> None:

    user = burgerbaner.user
    name = f"Geanonimiseerd {burgerbaner.pk}"
    # The date of birth stays: the legal hourly maximum of past years depends on it.
    person = {
        "legal_name": name,
        "street": "",
        "postcode": "",
        "city": "",
        "phone": "",
        "iban": "",
        "personal_plan": "",
        "benefit": "",
    }
    Burgerbaner.objects.filter(pk=burgerbaner.pk).update(
        **person, anonymised_at=timezone.now(), anonymised_by=by
    )
    Burgerbaner.history.filter(id=burgerbaner.pk).update(**person)
    User.objects.filter(pk=user.pk).update(
        name=name,
        email=f"geanonimiseerd-{burgerbaner.pk}@burgerbaan.invalid",
        is_active=False,
        password="!",  # no password works any more
        last_login=None,
    )
    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    user.invitations.all().delete()
    user.notices.all().delete()  # they repeat what the records say, with the reasons
    for obj in (burgerbaner, user):
        LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
        ).update(object_repr=name, change_message="")

    # The agreement's text stays Dutch, as the signed document was.
    note = f"<p>Deze overeenkomst is geanonimiseerd op {today:%d-%m-%Y}.</p>"
    agreements = (
        (VolunteerAgreement, "volunteer_agreement", {"work_description": SCRUBBED, "place": ""}),
        (AllowanceAgreement, "allowance_agreement", {"iban": ""}),
    )
    for model, signed, extra in agreements:
        mine = model.objects.filter(burgerbaner=burgerbaner)
        model.history.filter(burgerbaner=burgerbaner).update(
            document_html=note, end_reason="", **extra
        )
        Signature.objects.filter(**{f"{signed}__in": mine.values("pk")}).update(ip_address=None)
        mine.update(document_html=note, end_reason="", **extra)

    timesheets = Timesheet.objects.filter(burgerbaner=burgerbaner)
    TimesheetStep.objects.filter(timesheet__in=timesheets).update(ip_address=None, reason="")
    Timesheet.history.filter(burgerbaner=burgerbaner).update(rejection_reason="")
    timesheets.update(rejection_reason="")
    entries = HourEntry.objects.filter(timesheet__in=timesheets)
    HourEntry.history.filter(timesheet_id__in=timesheets.values("pk")).update(
        description=SCRUBBED, correction_reason=""
    )
    entries.update(description=SCRUBBED, correction_reason="")
    Payment.history.filter(burgerbaner=burgerbaner).update(iban="", return_reason="")
    Payment.objects.filter(burgerbaner=burgerbaner).update(iban="", return_reason="")
    Extra.history.filter(burgerbaner=burgerbaner).update(description=SCRUBBED)
    Extra.objects.filter(burgerbaner=burgerbaner).update(description=SCRUBBED)
    OpeningBalance.history.filter(burgerbaner=burgerbaner).update(note="")
    OpeningBalance.objects.filter(burgerbaner=burgerbaner).update(note="")
    ElsewhereAllowance.history.filter(burgerbaner=burgerbaner).update(
        organisation_name=SCRUBBED, note=""
    )
    ElsewhereAllowance.objects.filter(burgerbaner=burgerbaner).update(
        organisation_name=SCRUBBED, note=""
    )

    # Guidance: what was said goes; that there were conversations, goals and answers stays.
    talk = {"talked_about": SCRUBBED, "agreed": "", "own_words": ""}
    CheckIn.history.filter(burgerbaner=burgerbaner).update(**talk)
    CheckIn.objects.filter(burgerbaner=burgerbaner).update(**talk)
    Goal.history.filter(burgerbaner=burgerbaner).update(title=SCRUBBED)
    Goal.objects.filter(burgerbaner=burgerbaner).update(title=SCRUBBED)
    Wellbeing.objects.filter(burgerbaner=burgerbaner).update(
        learned="", own_words="", story_consent=False
    )
    ResearchConsent.objects.create(burgerbaner=burgerbaner, given=False)

    # The application: that it led to this placement stays, who and what they wrote goes.
    Application.objects.filter(burgerbaner=burgerbaner).update(
        name=name,
        email="",
        phone="",
        wants=SCRUBBED,
        can="",
        wants_to_learn="",
        availability="",
        talents="",
        referred_by_name="",
        not_placed_reason="",
    )
    Event.objects.filter(application__burgerbaner=burgerbaner).update(note="")
    Referral.objects.filter(application__burgerbaner=burgerbaner).update(consent_by=name)
    # Requests for a place: that they were made and decided stays, the words go.
    PlaceRequest.history.filter(burgerbaner=burgerbaner).update(message="", reason="")
    PlaceRequest.objects.filter(burgerbaner=burgerbaner).update(message="", reason="")
