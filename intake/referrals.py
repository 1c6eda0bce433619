"""Referrals from day care (dagbesteding): a referrer applies on behalf of a client.

The client's consent is recorded with the referral: who gave it, when and how.
From then on the application goes through intake like any other; the referrer
follows its stage. Admins count, per day-care organisation, how many were
referred, placed and are still at work.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Organisation, User
from agreements.models import VolunteerAgreement
from intake import permissions, services
from intake.errors import IntakeError
from intake.models import Application, Event, Referral, Stage
from places.models import Place


def refer_client(
    *,
    by: User,
    organisation: Organisation,
    consent_by: str,
    consent_on: datetime.date,
    consent_how: str,
    places: list[Place] | tuple = (),
    **fields,
) -> Application:
    """Apply for a client of ``organisation``, with their consent on record.

    Refuses someone who does not refer for that organisation (PermissionDenied),
    consent without a name, and consent dated in the future. The client gets the
    usual confirmation when an e-mail address is given.
    """
    if organisation.pk not in permissions.referring_organisation_ids(by):
        raise PermissionDenied
    if not consent_by.strip():
        raise IntakeError(
            _("Schrijf op wie toestemming gaf: je cliënt of diens vertegenwoordiger.")
        )
    if consent_on > timezone.localdate():
        raise IntakeError(_("De datum van de toestemming ligt in de toekomst."))
    fields = {
        name: value.strip() if isinstance(value, str) else value for name, value in fields.items()
    }
    with transaction.atomic():
        application = Application.objects.create(
            stage=Stage.NEW, referred_by_name=organisation.name, **fields
        )
        application.places.set([place for place in places if place.is_public])
        Referral.objects.create(
            application=application,
            organisation=organisation,
            referred_by=by,
            consent_by=consent_by.strip(),
            consent_on=consent_on,
            consent_how=consent_how,
        )
        Event.objects.create(
            application=application,
            stage_to=Stage.NEW,
            by=by,
            note=_("Aangemeld door %(name)s van %(organisation)s.")
            % {"name": by.name, "organisation": organisation.name},
        )
    services._mail(application, "received")
    return application


@dataclass(frozen=True)
class ReferralCounts:
    organisation: Organisation
    referred: int
    placed: int
    active: int


def counts_per_organisation(today: datetime.date | None = None) -> list[ReferralCounts]:
    """Per day-care organisation: referred, placed, and still working at a place today."""
    today = today or timezone.localdate()
    working = VolunteerAgreement.objects.in_force_on(today).filter(
        burgerbaner=OuterRef("application__burgerbaner")
    )
    active_ids = (
        Referral.objects.filter(application__stage=Stage.PLACED)
        .filter(Exists(working))
        .values("pk")
    )
    rows = (
        Organisation.objects.filter(kind=Organisation.Kind.DAYCARE)
        .annotate(
            referred=Count("referrals"),
            placed=Count("referrals", filter=Q(referrals__application__stage=Stage.PLACED)),
            active=Count("referrals", filter=Q(referrals__in=active_ids)),
        )
        .order_by("name")
    )
    return [
        ReferralCounts(
            organisation=row, referred=row.referred, placed=row.placed, active=row.active
        )
        for row in rows
    ]
