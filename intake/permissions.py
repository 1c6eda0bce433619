"""Who sees applications and the personal plan.

Admins run intake and see every application. The coordinator of a place
someone applied to reads that person's plan only when they agreed to it on
the form, and only while the application is open: once placed, the
coordinator sees the person through their agreement like anyone else's.
Nobody else sees an application, and visitors see none.
"""

from __future__ import annotations

from django.db.models import QuerySet

from accounts import permissions as people
from accounts.models import User
from intake.models import OPEN_STAGES, Application


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
