"""Choosing your own work: asking for a place, asking to stop, being invited.

A request moves once the other side of the place has answered (the coordinator
for a burgerbaner's request, the burgerbaner for an invitation), and ends with
an admin's decision: accepting drafts the volunteer agreement through the
agreements services, or ends the running one on the last day asked for. Every
change keeps who and when (the request's own fields and its history).
"""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import permissions as people
from accounts.models import Burgerbaner, User
from agreements import services as agreements
from agreements.errors import AgreementError
from agreements.models import AgreementStatus, VolunteerAgreement
from intake import permissions
from intake.errors import IntakeError
from intake.models import REQUEST_OPEN, PlaceRequest
from places.models import Place

Status = PlaceRequest.Status


def _locked(request: PlaceRequest) -> PlaceRequest:
    return PlaceRequest.objects.select_for_update().get(pk=request.pk)


def _no_open_request(burgerbaner: Burgerbaner, **where) -> None:
    if PlaceRequest.objects.filter(
        burgerbaner=burgerbaner, status__in=REQUEST_OPEN, **where
    ).exists():
        raise IntakeError(_("Hierover loopt al een verzoek. Wacht op het antwoord."))


def _working_at(burgerbaner: Burgerbaner, organisation_id: int) -> bool:
    return (
        VolunteerAgreement.objects.filter(burgerbaner=burgerbaner, organisation_id=organisation_id)
        .exclude(status=AgreementStatus.ENDED)
        .exists()
    )


@transaction.atomic
def ask_for_place(
    burgerbaner: Burgerbaner, place: Place, *, by: User, message: str = ""
) -> PlaceRequest:
    """The burgerbaner asks to begin at a place of the vacancy bank.

    Refuses someone else asking for them, a place that is not online, a place of
    a non-profit they already work for, and a second open request for the place.
    """
    if burgerbaner.user_id != by.pk:
        raise PermissionDenied
    if not place.is_public:
        raise IntakeError(_("Deze plek staat niet (meer) online."))
    if _working_at(burgerbaner, place.organisation_id):
        raise IntakeError(
            _("Je werkt al bij %(organisation)s.") % {"organisation": place.organisation.name}
        )
    _no_open_request(burgerbaner, place=place)
    return PlaceRequest.objects.create(
        burgerbaner=burgerbaner,
        kind=PlaceRequest.Kind.JOIN,
        place=place,
        organisation=place.organisation,
        message=message.strip(),
        status=Status.WAITING_ORGANISATION,
        requested_by=by,
    )


@transaction.atomic
def ask_to_stop(
    agreement: VolunteerAgreement, *, by: User, last_day: datetime.date, message: str = ""
) -> PlaceRequest:
    """The burgerbaner asks to stop at a place, from ``last_day`` on.

    Refuses someone else asking, an agreement that is not running, a last day in
    the past or before the start, and a second open request for the agreement.
    """
    burgerbaner = agreement.burgerbaner
    if burgerbaner.user_id != by.pk:
        raise PermissionDenied
    if agreement.status != AgreementStatus.ACTIVE:
        raise IntakeError(_("Deze vrijwilligersovereenkomst loopt niet."))
    if last_day < max(timezone.localdate(), agreement.start_date):
        raise IntakeError(_("Kies als laatste dag vandaag of later."))
    _no_open_request(burgerbaner, agreement=agreement)
    return PlaceRequest.objects.create(
        burgerbaner=burgerbaner,
        kind=PlaceRequest.Kind.LEAVE,
        organisation=agreement.organisation,
        agreement=agreement,
        last_day=last_day,
        message=message.strip(),
        status=Status.WAITING_ORGANISATION,
        requested_by=by,
    )


@transaction.atomic
def invite_to_place(
    burgerbaner: Burgerbaner, place: Place, *, by: User, message: str = ""
) -> PlaceRequest:
    """A coordinator invites a burgerbaner to a place of their own non-profit."""
    if place.organisation_id not in people.coordinated_organisation_ids(by):
        raise PermissionDenied
    if _working_at(burgerbaner, place.organisation_id):
        raise IntakeError(
            _("%(name)s werkt al bij %(organisation)s.")
            % {"name": burgerbaner.legal_name, "organisation": place.organisation.name}
        )
    _no_open_request(burgerbaner, place=place)
    return PlaceRequest.objects.create(
        burgerbaner=burgerbaner,
        kind=PlaceRequest.Kind.INVITE,
        place=place,
        organisation=place.organisation,
        message=message.strip(),
        status=Status.WAITING_BURGERBANER,
        requested_by=by,
    )


def _reason_for_no(yes: bool, reason: str) -> str:
    reason = reason.strip()
    if not yes and not reason:
        raise IntakeError(_("Schrijf op waarom niet. De ander krijgt dit te lezen."))
    return reason


@transaction.atomic
def answer(request: PlaceRequest, *, by: User, yes: bool, reason: str = "") -> PlaceRequest:
    """The other side of the place says yes (on to an admin) or no (with a reason)."""
    request = _locked(request)
    if not permissions.can_answer_request(by, request):
        raise PermissionDenied
    reason = _reason_for_no(yes, reason)
    request.move_to(Status.WAITING_ADMIN if yes else Status.DECLINED)
    request.reason = reason
    request.answered_by = by
    request.answered_at = timezone.now()
    request.save()
    return request


@transaction.atomic
def decide(
    request: PlaceRequest,
    *,
    by: User,
    yes: bool,
    reason: str = "",
    start: datetime.date | None = None,
) -> PlaceRequest:
    """An admin accepts (the agreement is drafted or ended) or declines with a reason.

    Accepting a place drafts a volunteer agreement from ``start`` (today unless
    given) with the place's work, hours and the coordinator who answered or
    invited; accepting a stop ends the agreement on the last day asked for.
    A refusal of the agreements services refuses the decision: nothing changes.
    """
    request = _locked(request)
    if not permissions.can_decide_request(by, request):
        raise PermissionDenied
    reason = _reason_for_no(yes, reason)
    request.move_to(Status.ACCEPTED if yes else Status.DECLINED)
    try:
        if yes and request.kind == PlaceRequest.Kind.LEAVE:
            agreements.end_agreement(
                request.agreement,
                on=request.last_day,
                reason=_("Op eigen verzoek gestopt."),
                by=by,
            )
        elif yes:
            place = request.place
            coordinator = (
                request.requested_by
                if request.kind == PlaceRequest.Kind.INVITE
                else request.answered_by
            )
            request.agreement = agreements.create_agreement(
                VolunteerAgreement,
                by=by,
                burgerbaner=request.burgerbaner,
                organisation=place.organisation,
                coordinator=coordinator,
                work_description=place.description,
                place=f"{place.title}, {place.get_district_display()}",
                hours_per_week=place.hours_per_week,
                start_date=start or timezone.localdate(),
                end_date=None,
            )
    except AgreementError as exc:
        raise IntakeError(exc.message) from exc
    request.reason = reason
    request.decided_by = by
    request.decided_at = timezone.now()
    request.save()
    return request


@transaction.atomic
def withdraw_request(request: PlaceRequest, *, by: User) -> PlaceRequest:
    """Whoever asked or invited takes it back while it is open."""
    request = _locked(request)
    if request.requested_by_id != by.pk:
        raise PermissionDenied
    request.move_to(Status.WITHDRAWN)
    request.save()
    return request
