"""Who may see and do what, per object. Used by views, templates and services."""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet

from accounts.models import Burgerbaner, Organisation, Role, User

BURGERBANER = "burgerbaner"
COORDINATOR = Role.Kind.COORDINATOR
SIGNER = Role.Kind.SIGNER
TREASURER = Role.Kind.TREASURER
ADMIN = Role.Kind.ADMIN


def roles_of(user: User) -> list[Role]:
    """The user's roles, read once per request and kept on the user object."""
    if not user.is_authenticated:
        return []
    if not hasattr(user, "_roles_cache"):
        user._roles_cache = list(user.roles.select_related("organisation"))
    return user._roles_cache


def burgerbaner_of(user: User) -> Burgerbaner | None:
    if not user.is_authenticated:
        return None
    try:
        return user.burgerbaner
    except Burgerbaner.DoesNotExist:
        return None


def role_kinds(user: User) -> set[str]:
    kinds = {role.kind for role in roles_of(user)}
    if burgerbaner_of(user) is not None:
        kinds.add(BURGERBANER)
    return kinds


def has_role(user: User, kind: str) -> bool:
    return kind in role_kinds(user)


def needs_mfa(user: User) -> bool:
    """Roles that move money or sign, and anyone who can open Django's admin."""
    if user.is_staff or user.is_superuser:
        return True
    return any(role.kind in Role.NEEDS_MFA for role in roles_of(user))


def coordinated_organisation_ids(user: User) -> set[int]:
    return {role.organisation_id for role in roles_of(user) if role.kind == COORDINATOR}


def coordinated_organisations(user: User) -> QuerySet[Organisation]:
    return Organisation.objects.filter(pk__in=coordinated_organisation_ids(user))


def visible_burgerbaners(user: User) -> QuerySet[Burgerbaner]:
    """Burgerbaners this user may look at.

    Safe Almere staff and admins see everyone; a coordinator sees the people
    who have a volunteer agreement with one of their non-profits; a
    burgerbaner sees only themselves.
    """
    kinds = role_kinds(user)
    if kinds & {ADMIN, SIGNER, TREASURER}:
        return Burgerbaner.objects.all()
    visible = Burgerbaner.objects.none()
    if COORDINATOR in kinds:
        visible = Burgerbaner.objects.filter(
            volunteeragreements__organisation__in=coordinated_organisation_ids(user)
        )
    if BURGERBANER in kinds:
        visible = visible | Burgerbaner.objects.filter(user=user)
    return visible.distinct()


def can_view_burgerbaner(user: User, burgerbaner: Burgerbaner) -> bool:
    return visible_burgerbaners(user).filter(pk=burgerbaner.pk).exists()


def can_see_full_iban(user: User, burgerbaner: Burgerbaner) -> bool:
    """Only the person, the treasurer and admins see a whole IBAN."""
    return burgerbaner.user_id == user.pk or bool(role_kinds(user) & {TREASURER, ADMIN})


def can_see_benefit(user: User, burgerbaner: Burgerbaner) -> bool:
    """Whether someone receives a benefit: only the person, the treasurer and admins."""
    return burgerbaner.user_id == user.pk or bool(role_kinds(user) & {TREASURER, ADMIN})


def can_manage_people(user: User) -> bool:
    return has_role(user, ADMIN)


def role_required(kind: str):
    """Allow a view only to people who hold ``kind``; others get 403."""

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not has_role(request.user, kind):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
