"""Who may decide what about money. Used by views, templates and services.

Nobody decides about money for themselves: Safe Almere staff who are also a
burgerbaner never register their own gifts or travel costs, approve their own
allowance or mark their own payment returned; and a payment marked returned is
approved again only by someone else than who marked it.
"""

from __future__ import annotations

from accounts import permissions as people
from accounts.models import Burgerbaner, User
from payments.models import Payment, PaymentStatus


def is_own(user: User, burgerbaner: Burgerbaner) -> bool:
    return burgerbaner.user_id == user.pk


def registers_extras(user: User) -> bool:
    """Treasurers and signers register gifts and travel costs."""
    return bool(people.role_kinds(user) & {people.TREASURER, people.SIGNER})


def can_register_extra_for(user: User, burgerbaner: Burgerbaner) -> bool:
    return registers_extras(user) and not is_own(user, burgerbaner)


def extra_recipients(user: User):
    """The burgerbaners ``user`` may register a gift or travel costs for."""
    return Burgerbaner.objects.exclude(user=user)


def approves_payments(user: User) -> bool:
    return people.has_role(user, people.TREASURER)


def marked_returned_by(user: User, burgerbaner_ids, year: int, month: int) -> set[int]:
    """Of these people, those whose payment of the month ``user`` marked returned."""
    return set(
        Payment.objects.filter(
            burgerbaner_id__in=burgerbaner_ids,
            year=year,
            month=month,
            status=PaymentStatus.RETURNED,
            returned_by=user,
        ).values_list("burgerbaner_id", flat=True)
    )


def can_mark_returned(user: User, payment: Payment) -> bool:
    return (
        approves_payments(user)
        and payment.status == PaymentStatus.PAID
        and not is_own(user, payment.burgerbaner)
    )


def can_record_elsewhere_for(user: User, burgerbaner: Burgerbaner) -> bool:
    """Allowances from elsewhere: the burgerbaner records their own, an admin does it for
    them (for someone who does not manage it online)."""
    return is_own(user, burgerbaner) or people.has_role(user, people.ADMIN)
