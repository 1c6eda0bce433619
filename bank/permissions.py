"""Who may read bank statements in: the treasurer, who books the money."""

from accounts.models import User
from accounts.permissions import TREASURER, role_kinds


def can_import_statements(user: User) -> bool:
    return TREASURER in role_kinds(user)
