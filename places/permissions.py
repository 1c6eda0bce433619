"""Who may publish, change and approve places in the vacancy bank."""

from __future__ import annotations

from django.db.models import QuerySet

from accounts import permissions as people
from accounts.models import Organisation, User
from places.models import Place


def can_edit(user: User, place: Place) -> bool:
    """A coordinator of the place's non-profit, or an admin."""
    if people.has_role(user, people.ADMIN):
        return True
    return place.organisation_id in people.coordinated_organisation_ids(user)


def can_review(user: User) -> bool:
    """Only admins put a place online: what the public reads is checked first."""
    return people.has_role(user, people.ADMIN)


def organisations_for(user: User) -> QuerySet[Organisation]:
    """The non-profits for which this person may publish places."""
    return people.coordinated_organisations(user).filter(kind=Organisation.Kind.NONPROFIT)


def editable_places(user: User) -> QuerySet[Place]:
    if people.has_role(user, people.ADMIN):
        return Place.objects.all()
    return Place.objects.filter(organisation__in=people.coordinated_organisation_ids(user))
