"""A sponsor's contact person sees the figures of their own organisation's sources only."""

from __future__ import annotations

from accounts.models import Role, User
from accounts.permissions import roles_of


def sponsor_organisation_ids(user: User) -> set[int]:
    return {role.organisation_id for role in roles_of(user) if role.kind == Role.Kind.SPONSOR}


def is_sponsor(user: User) -> bool:
    return bool(sponsor_organisation_ids(user))
