"""Intake: an application comes in, moves through its stages, and ends placed or not.

Each step checks who acts and whether the stage may change (``TRANSITIONS``),
changes the application in one transaction, writes an ``Event`` with who, when
and the note, and raises an ``IntakeError`` with a Dutch message when it refuses.
Placing turns the application into a burgerbaner: their account with the
usual invitation, the personal plan carried over, and draft agreements with
the place's non-profit and with Stichting Safe Almere.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Count
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Burgerbaner, User
from accounts.permissions import coordinated_organisation_ids
from accounts.services import email_taken, send_invitation
from agreements import services as agreements
from agreements.errors import AgreementError
from agreements.models import AllowanceAgreement, VolunteerAgreement
from intake import permissions
from intake.errors import IntakeError
from intake.models import ENDED_WITHOUT_PLACEMENT, OPEN_STAGES, Application, Event, Stage
from places import services as places
from places.models import Place
from rules.services import RulesMissing

PLAN_PARTS = ("wants", "can", "wants_to_learn", "availability", "talents")


def _require_intake(user: User) -> None:
    if not permissions.can_run_intake(user):
        raise PermissionDenied


def _locked(application: Application) -> Application:
    return Application.objects.select_for_update().get(pk=application.pk)


def _move(application: Application, stage: str, *, by: User | None, note: str = "") -> None:
    before = application.stage
    application.move_to(stage)
    application.save()
    Event.objects.create(
        application=application, stage_from=before, stage_to=stage, note=note.strip(), by=by
    )


def _mail(application: Application, template: str, context: dict | None = None) -> None:
    if not application.email:
        return
    context = {"application": application, **(context or {})}
    send_mail(
        subject=render_to_string(f"intake/email/{template}_subject.txt", context).strip(),
        message=render_to_string(f"intake/email/{template}_message.txt", context),
        from_email=None,
        recipient_list=[application.email],
    )


def submit_application(*, places: list[Place] | tuple = (), **fields) -> Application:
    """Take in an application from the public form and confirm it by e-mail."""
    fields = {
        name: value.strip() if isinstance(value, str) else value for name, value in fields.items()
    }
    with transaction.atomic():
        application = Application.objects.create(stage=Stage.NEW, **fields)
        application.places.set([place for place in places if place.is_public])
        Event.objects.create(application=application, stage_to=Stage.NEW, by=None)
    _mail(application, "received")
    return application


def plan_conversation(
    application: Application, *, by: User, at: datetime.datetime, note: str = ""
) -> Application:
    """Plan the first conversation and tell the applicant when. Planning it again
    only moves the date."""
    _require_intake(by)
    with transaction.atomic():
        application = _locked(application)
        application.conversation_at = at
        if application.stage == Stage.CONVERSATION_PLANNED:
            application.save()
            Event.objects.create(
                application=application,
                note=(_("Gesprek verplaatst.") + " " + note).strip(),
                by=by,
            )
        else:
            _move(application, Stage.CONVERSATION_PLANNED, by=by, note=note)
    _mail(application, "conversation")
    return application


@transaction.atomic
def make_plan(application: Application, *, by: User, note: str = "", **parts) -> Application:
    """Write down the personal plan from the first conversation: want, can, want to learn,
    availability and talents. After the plan is made it can still be sharpened."""
    _require_intake(by)
    application = _locked(application)
    if application.stage not in (Stage.CONVERSATION_PLANNED, Stage.PLAN_MADE):
        raise IntakeError(_("Plan eerst het eerste gesprek. Daarna maak je samen het plan."))
    for name in PLAN_PARTS:
        if name in parts:
            setattr(application, name, parts[name].strip())
    if application.stage == Stage.PLAN_MADE:
        application.save()
        Event.objects.create(
            application=application, note=(_("Plan aangepast.") + " " + note).strip(), by=by
        )
        return application
    _move(application, Stage.PLAN_MADE, by=by, note=note)
    return application


@dataclass(frozen=True)
class Placement:
    place: Place
    legal_name: str
    email: str
    date_of_birth: datetime.date
    start_date: datetime.date
    hourly_rate: Decimal
    iban: str


def place_applicant(
    application: Application, placement: Placement, *, by: User, request=None
) -> Burgerbaner:
    """Make the applicant a burgerbaner at ``placement.place``.

    In one transaction: the person and their profile (the plan carried over),
    a draft volunteer agreement with the place's non-profit and a draft
    allowance agreement with Stichting Safe Almere until the end of the start
    year, one place fewer open, and the application placed. The invitation goes
    out once all of that is saved. Refuses an application without a plan, an
    e-mail address already in use, and terms the agreements refuse (a rate
    above the legal maximum for the person's age, a year without rules).
    """
    _require_intake(by)
    with transaction.atomic():
        application = _locked(application)
        if application.stage != Stage.PLAN_MADE:
            raise IntakeError(_("Maak eerst samen het persoonlijk plan. Daarna kun je plaatsen."))
        if email_taken(placement.email):
            raise IntakeError(
                _("Er is al een account met dit e-mailadres. Kies een ander e-mailadres."),
                field="email",
            )
        place = placement.place
        user = User.objects.create_user(
            email=placement.email, password=None, name=placement.legal_name
        )
        burgerbaner = Burgerbaner.objects.create(
            user=user,
            legal_name=placement.legal_name,
            date_of_birth=placement.date_of_birth,
            phone=application.phone,
            iban=placement.iban,
            start_date=placement.start_date,
            personal_plan=application.plan_text(),
        )
        try:
            agreements.create_agreement(
                VolunteerAgreement,
                by=by,
                burgerbaner=burgerbaner,
                organisation=place.organisation,
                coordinator=_guide(place),
                start_date=placement.start_date,
                end_date=None,
                work_description=f"{place.title}\n\n{place.description}",
                place=place.address or place.get_district_display(),
                hours_per_week=Decimal(place.hours_per_week),
            )
            agreements.create_agreement(
                AllowanceAgreement,
                by=by,
                burgerbaner=burgerbaner,
                start_date=placement.start_date,
                end_date=datetime.date(placement.start_date.year, 12, 31),
                hourly_rate=placement.hourly_rate,
                iban=placement.iban,
            )
        except AgreementError as exc:
            raise IntakeError(exc.message, field="hourly_rate") from exc
        except RulesMissing as exc:
            raise IntakeError(exc.message, field="start_date") from exc
        application.placed_place = place
        application.burgerbaner = burgerbaner
        _move(
            application,
            Stage.PLACED,
            by=by,
            note=_("Geplaatst bij %(place)s.") % {"place": f"{place.title}, {place.organisation}"},
        )
        places.fill_one(place, by=by)
    send_invitation(user, by=by, request=request)
    return burgerbaner


def _guide(place: Place) -> User | None:
    """Who published the place guides the new burgerbaner, while they still coordinate there."""
    author = place.created_by
    if author is not None and place.organisation_id in coordinated_organisation_ids(author):
        return author
    return None


def not_placed(application: Application, *, by: User, reason: str) -> Application:
    """End the application without a place. The reason is written for the applicant,
    who gets it by e-mail."""
    _require_intake(by)
    if not reason.strip():
        raise IntakeError(_("Schrijf voor de aanmelder op waarom het niet lukt."), field="reason")
    with transaction.atomic():
        application = _locked(application)
        application.not_placed_reason = reason.strip()
        _move(application, Stage.NOT_PLACED, by=by)
    _mail(application, "not_placed")
    return application


@transaction.atomic
def withdraw(application: Application, *, by: User, note: str = "") -> Application:
    """The applicant does not want to go on (or cannot be reached)."""
    _require_intake(by)
    application = _locked(application)
    _move(application, Stage.WITHDRAWN, by=by, note=note)
    return application


@transaction.atomic
def add_note(application: Application, *, by: User, note: str) -> Event:
    _require_intake(by)
    if not note.strip():
        raise IntakeError(_("Schrijf een notitie."), field="note")
    return Event.objects.create(application=application, note=note.strip(), by=by)


def delete_old_applications(now: datetime.datetime | None = None) -> int:
    """Delete applications that led nowhere (not placed, withdrawn) once they have been
    in that stage for ``APPLICATION_RETENTION_DAYS``. Safe to run again."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.APPLICATION_RETENTION_DAYS)
    old = Application.objects.filter(
        stage__in=ENDED_WITHOUT_PLACEMENT, stage_changed_at__lt=cutoff, burgerbaner__isnull=True
    )
    deleted = 0
    for application in old.iterator():
        with transaction.atomic():
            application.delete()
        deleted += 1
    return deleted


@dataclass
class FunnelRow:
    stage: Stage
    count: int
    average_days: int | None
    longest_days: int | None


def funnel(now: datetime.datetime | None = None) -> list[FunnelRow]:
    """How many applications are in each stage and, for the open stages, how many days
    they have waited there (on average and the longest). Two queries, whatever the number."""
    now = now or timezone.now()
    counts = dict(
        Application.objects.values_list("stage").annotate(n=Count("pk")).values_list("stage", "n")
    )
    waits: dict[str, list[int]] = {stage: [] for stage in OPEN_STAGES}
    for stage, since in Application.objects.filter(stage__in=OPEN_STAGES).values_list(
        "stage", "stage_changed_at"
    ):
        waits[stage].append((now - since).days)
    rows = []
    for stage in Stage:
        days = waits.get(stage) or []
        rows.append(
            FunnelRow(
                stage=stage,
                count=counts.get(stage, 0),
                average_days=round(sum(days) / len(days)) if days else None,
                longest_days=max(days) if days else None,
            )
        )
    return rows
