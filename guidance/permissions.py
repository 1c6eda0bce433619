"""Who sees and writes the guidance of a burgerbaner.

The person themselves, the coordinators of the places where they work now, and
the admins. Safe Almere's signer and treasurer handle money, not guidance, so
they see none of it; neither does a coordinator of another non-profit.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from accounts import permissions as people
from accounts.models import Burgerbaner, Organisation, User
from agreements.models import AgreementStatus, VolunteerAgreement

CURRENT = [AgreementStatus.AWAITING_SIGNATURES, AgreementStatus.ACTIVE]


def current_places(burgerbaner: Burgerbaner) -> QuerySet[VolunteerAgreement]:
    return VolunteerAgreement.objects.filter(burgerbaner=burgerbaner, status__in=CURRENT)


def guiding_organisations(user: User, burgerbaner: Burgerbaner) -> QuerySet[Organisation]:
    """The non-profits where this coordinator guides this person now."""
    return Organisation.objects.filter(
        pk__in=current_places(burgerbaner)
        .filter(organisation__in=people.coordinated_organisation_ids(user))
        .values("organisation")
    )


def is_owner(user: User, burgerbaner: Burgerbaner) -> bool:
    return burgerbaner.user_id == user.pk


def can_guide(user: User, burgerbaner: Burgerbaner) -> bool:
    """Plan and write down conversations, set evaluation dates: their coordinator or an admin."""
    if is_owner(user, burgerbaner):
        return False
    if people.has_role(user, people.ADMIN):
        return True
    return guiding_organisations(user, burgerbaner).exists()


def can_see(user: User, burgerbaner: Burgerbaner) -> bool:
    return is_owner(user, burgerbaner) or can_guide(user, burgerbaner)


def can_edit_checkin(user: User, checkin) -> bool:
    """Who wrote it down may change it: an admin, or a coordinator of that place now."""
    if is_owner(user, checkin.burgerbaner):
        return False
    if people.has_role(user, people.ADMIN):
        return True
    return (
        checkin.organisation_id is not None
        and guiding_organisations(user, checkin.burgerbaner)
        .filter(pk=checkin.organisation_id)
        .exists()
    )


@dataclass(frozen=True)
class PageRights:
    """What one user may do on one person's guidance page, worked out once for the page
    so that the page asks the database the same number of times however much it shows.
    The same answers as ``can_guide``, ``can_edit_checkin`` and ``can_set_evaluation``."""

    owner: bool
    admin: bool
    coordinated: frozenset[int]
    guiding: frozenset[int]

    @property
    def may_guide(self) -> bool:
        return not self.owner and (self.admin or bool(self.guiding))

    def may_edit_checkin(self, checkin) -> bool:
        if self.owner:
            return False
        return self.admin or (
            checkin.organisation_id is not None and checkin.organisation_id in self.guiding
        )

    def may_set_evaluation(self, agreement: VolunteerAgreement) -> bool:
        if self.owner or agreement.status not in CURRENT:
            return False
        return self.admin or agreement.organisation_id in self.coordinated


def page_rights(user: User, burgerbaner: Burgerbaner) -> PageRights:
    owner = is_owner(user, burgerbaner)
    admin = people.has_role(user, people.ADMIN)
    coordinated = frozenset(people.coordinated_organisation_ids(user))
    guiding = frozenset(
        current_places(burgerbaner)
        .filter(organisation__in=coordinated)
        .values_list("organisation", flat=True)
    )
    return PageRights(owner=owner, admin=admin, coordinated=coordinated, guiding=guiding)


def can_update_goal(user: User, goal) -> bool:
    return can_see(user, goal.burgerbaner)


def can_set_evaluation(user: User, agreement: VolunteerAgreement) -> bool:
    if agreement.burgerbaner.user_id == user.pk or agreement.status not in CURRENT:
        return False
    return people.has_role(user, people.ADMIN) or (
        agreement.organisation_id in people.coordinated_organisation_ids(user)
    )


def guided_burgerbaners(user: User) -> QuerySet[Burgerbaner]:
    """The people a coordinator guides now (everyone for an admin)."""
    if people.has_role(user, people.ADMIN):
        return Burgerbaner.objects.all()
    return Burgerbaner.objects.filter(
        pk__in=VolunteerAgreement.objects.filter(
            status__in=CURRENT, organisation__in=people.coordinated_organisation_ids(user)
        ).values("burgerbaner")
    ).exclude(user=user)
