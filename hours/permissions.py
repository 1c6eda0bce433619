"""Who may see, approve and countersign which timesheet."""

from __future__ import annotations

from django.db.models import Q

from accounts import permissions as people
from accounts.models import Burgerbaner, User
from hours.models import Timesheet, TimesheetStatus, TimesheetStep


def visible_timesheets(user: User):
    kinds = people.role_kinds(user)
    if kinds & {people.ADMIN, people.SIGNER, people.TREASURER}:
        return Timesheet.objects.all()
    condition = Q(pk__in=[])
    if people.BURGERBANER in kinds:
        condition |= Q(burgerbaner__user=user)
    if people.COORDINATOR in kinds:
        condition |= Q(organisation__in=people.coordinated_organisation_ids(user))
    return Timesheet.objects.filter(condition)


def can_view(user: User, timesheet: Timesheet) -> bool:
    return visible_timesheets(user).filter(pk=timesheet.pk).exists()


def is_own(user: User, timesheet: Timesheet) -> bool:
    return timesheet.burgerbaner.user_id == user.pk


def can_withdraw(user: User, timesheet: Timesheet) -> bool:
    """Their own handed-in month, until the coordinator acts on it."""
    return is_own(user, timesheet) and timesheet.status == TimesheetStatus.SUBMITTED


def can_approve(user: User, timesheet: Timesheet) -> bool:
    """A coordinator of the timesheet's non-profit, never for their own hours."""
    return not is_own(user, timesheet) and (
        timesheet.organisation_id in people.coordinated_organisation_ids(user)
    )


def approved_by(user: User):
    """The ids of the timesheets ``user`` approved for a non-profit (as a subquery)."""
    return TimesheetStep.objects.filter(action=TimesheetStep.Action.APPROVE, by=user).values(
        "timesheet_id"
    )


def approved_it(user: User, timesheet: Timesheet) -> bool:
    return timesheet.steps.filter(action=TimesheetStep.Action.APPROVE, by=user).exists()


def signs_for_safe_almere(user: User, timesheet: Timesheet) -> bool:
    """A Safe Almere signer, never for their own hours."""
    return not is_own(user, timesheet) and people.has_role(user, people.SIGNER)


def can_countersign(user: User, timesheet: Timesheet) -> bool:
    """A Safe Almere signer who did not approve it: four eyes, also across two roles."""
    return signs_for_safe_almere(user, timesheet) and not approved_it(user, timesheet)


def can_reject(user: User, timesheet: Timesheet) -> bool:
    """Whoever is to sign the timesheet next may send it back instead."""
    if timesheet.status == TimesheetStatus.SUBMITTED:
        return can_approve(user, timesheet)
    if timesheet.status == TimesheetStatus.APPROVED:
        return can_countersign(user, timesheet)
    return can_approve(user, timesheet) or can_countersign(user, timesheet)


def queue(user: User, status: str):
    """Timesheets waiting for ``user``: handed-in ones for a coordinator, approved ones
    for a signer; never their own, nor (for a signer) ones they approved themselves."""
    if status == TimesheetStatus.SUBMITTED:
        queryset = Timesheet.objects.filter(
            organisation__in=people.coordinated_organisation_ids(user)
        )
    elif people.has_role(user, people.SIGNER):
        queryset = Timesheet.objects.exclude(pk__in=approved_by(user))
    else:
        queryset = Timesheet.objects.none()
    # Their own months by id, not by a join: the count of a long queue then stays
    # within the timesheets of that status.
    own = Burgerbaner.objects.filter(user=user).values("pk")
    return (
        queryset.filter(status=status)
        .exclude(burgerbaner__in=own)
        .select_related("burgerbaner", "organisation")
        .order_by("status_changed_at", "pk")
    )
