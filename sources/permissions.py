"""Who may see and change the money of the funding sources."""

from __future__ import annotations

from accounts.models import User
from accounts.permissions import ADMIN, TREASURER, role_kinds


def can_book_receipts(user: User) -> bool:
    """The treasurer books money received (by hand or from the bank statement)."""
    return TREASURER in role_kinds(user)


def can_see_funding(user: User) -> bool:
    return bool({TREASURER, ADMIN} & role_kinds(user))
