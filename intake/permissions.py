"""Who sees applications and the personal plan.

Admins run intake and see every application. The coordinator of a place
someone applied to reads that person's plan only when they agreed to it on
the form, and only while the application is open: once placed, the
coordinator sees the person through their agreement like anyone else's.
A day-care referrer follows the stage of the clients they referred, nothing
more. Nobody else sees an application, and visitors see none.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from accounts import permissions as people
from accounts.models import Role, User
from intake.models import OPEN_STAGES, Application, PlaceRequest, Referral

REFERRER = Role.Kind.REFERRER


def can_run_intake(user: User) -> bool:
    return people.has_role(user, people.ADMIN)


def plans_for_coordinator(user: User) -> QuerySet[Application]:
    """Open applications that chose a place of this coordinator's non-profits and consented."""
    return Application.objects.filter(
        plan_consent=True,
        stage__in=OPEN_STAGES,
        places__organisation__in=people.coordinated_organisation_ids(user),
    ).distinct()


def can_see_plan(user: User, application: Application) -> bool:
    if can_run_intake(user):
        return True
    return plans_for_coordinator(user).filter(pk=application.pk).exists()


def referring_organisation_ids(user: User) -> set[int]:
    """The day-care organisations this person refers clients for."""
    return {role.organisation_id for role in people.roles_of(user) if role.kind == REFERRER}


def can_refer(user: User) -> bool:
    return bool(referring_organisation_ids(user))


def referrals_of(user: User) -> QuerySet[Referral]:
    """A referrer follows the clients they referred themselves, while they refer for that
    organisation; never anyone else's."""
    return Referral.objects.filter(
        referred_by=user, organisation__in=referring_organisation_ids(user)
    )


def visible_requests(user: User) -> QuerySet[PlaceRequest]:
    """Requests for a place: admins see all, a coordinator those of their non-profits,
    a burgerbaner their own."""
    if people.has_role(user, people.ADMIN):
        return PlaceRequest.objects.all()
    return PlaceRequest.objects.filter(
        Q(organisation__in=people.coordinated_organisation_ids(user)) | Q(burgerbaner__user=user)
    )


def can_answer_request(user: User, request: PlaceRequest) -> bool:
    """The other side of the place: its coordinator for a burgerbaner's request, the
    burgerbaner for an invitation. Nobody answers their own request."""
    if request.burgerbaner.user_id == user.pk:
        return request.status == PlaceRequest.Status.WAITING_BURGERBANER
    return (
        request.status == PlaceRequest.Status.WAITING_ORGANISATION
        and request.organisation_id in people.coordinated_organisation_ids(user)
    )


def can_decide_request(user: User, request: PlaceRequest) -> bool:
    """An admin, once the other side said yes; never about their own work."""
    return (
        request.status == PlaceRequest.Status.WAITING_ADMIN
        and people.has_role(user, people.ADMIN)
        and request.burgerbaner.user_id != user.pk
    )
